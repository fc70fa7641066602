// The numeric tower: exact integers of any size (fixnums, then bignums),
// exact rationals, inexact reals (flonums) and inexact complex numbers
// (compnums), and the generic arithmetic on them with R7RS's contagion: an
// exact and an inexact number give an inexact one.
//
// Every function here that makes a number may collect: it roots its own
// arguments, so callers need only root what they hold themselves.
#pragma once
#include "bytes.h"
#include "primitives.h"
#include "value.h"

// ---- Kinds ----
// Ordered by contagion: a binary operation works at the higher kind of its two.
enum class NumberKind : uint8_t { None, Integer, Rational, Real, Complex };
NumberKind numberKind(Value v);  // Integer: fixnum or bignum; Rational: ratnum only
inline bool isNumber(Value v) { return numberKind(v) != NumberKind::None; }
inline bool isExactInteger(Value v) { return isInteger(v) || hasTag(v, kBignumTag); }
inline bool isExactNumber(Value v) { return isExactInteger(v) || hasTag(v, kRatnumTag); }
inline bool isFlonum(Value v) { return hasTag(v, kFlonumTag); }
inline bool isRealNumber(Value v) {
  NumberKind k = numberKind(v);
  return k != NumberKind::None && k != NumberKind::Complex;
}

// ---- Where new numbers go ----
// While the reader makes literal constants there is no heap yet: numbers are
// made outside it (malloc'd, flagged literal) instead. ReaderNumbers sets
// that for its lifetime.
extern bool numbersOutsideHeap;
struct NumbersOutsideHeap {
  bool saved;
  NumbersOutsideHeap() : saved(numbersOutsideHeap) { numbersOutsideHeap = true; }
  ~NumbersOutsideHeap() { numbersOutsideHeap = saved; }
};
Value newFlonum(double d);
Value newCompnum(double real, double imaginary);
// The result of a complex operation: a compnum, even with a 0.0 imaginary
// part (as Guile: only an exact zero imaginary part makes a number real).
Value newComplex(double real, double imaginary);

// ---- Exact integers (bignum.cc) ----
// A bignum of `limbs` zero limbs; the caller fills it in before allocating again.
Value newBignum(uint32_t limbs, bool negative);
Value integerFromInt64(int64_t n);
// A fixnum when the value fits; zero top limbs dropped. For a bignum just filled in.
Value normaliseBignum(Value big);
Value integerAdd(Value a, Value b);
Value integerSubtract(Value a, Value b);
Value integerMultiply(Value a, Value b);
Value integerNegate(Value a);
// Division truncated toward zero; b is not zero. Either result may be null.
void integerDivide(Value a, Value b, Value* quotient, Value* remainder);
Value integerGcd(Value a, Value b);
int integerCompare(Value a, Value b);  // -1, 0 or 1
int integerSign(Value a);
bool integerIsOdd(Value a);
// Correctly rounded (to nearest, ties to even); +-inf beyond the doubles.
double integerToDouble(Value a);
// d must be finite and integral.
Value integerFromDouble(double d);
// a * 2^bits, bits >= 0.
Value integerShiftLeft(Value a, uint32_t bits);
// The value when it fits an int64_t.
bool integerToInt64(Value a, int64_t* out);
// Digits in radix 2..36 (lower case), with a leading '-' when negative.
void integerToText(Value a, int radix, Bytes& out);
// The integer that `digits` (each below radix, already checked) spell.
Value integerFromDigits(const char* digits, size_t length, int radix, bool negative);
// Bits in the magnitude (0 for 0).
uint64_t integerBitLength(Value a);

// ---- Exact rationals (rational.cc) ----
// n/d in lowest terms: an integer when d divides n. d is not zero.
Value makeRational(Value n, Value d);
Value numeratorOf(Value exact);
Value denominatorOf(Value exact);
Value rationalAdd(Value a, Value b);
Value rationalSubtract(Value a, Value b);
Value rationalMultiply(Value a, Value b);
Value rationalDivide(Value a, Value b);  // b not zero
int rationalCompare(Value a, Value b);
double rationalToDouble(Value a);
// The exact value of a finite double.
Value exactFromDouble(double d);

// ---- Generic arithmetic (arithmetic.cc) ----
double realToDouble(Value real);
Value numberAdd(Value a, Value b);
Value numberSubtract(Value a, Value b);
Value numberMultiply(Value a, Value b);
// Fails with "division by zero: <p>" for an exact zero divisor.
Value numberDivide(Value a, Value b, Prim p);
// Equality for any numbers; order for reals (comparisons of NaN are false).
bool numberEqual(Value a, Value b);
int realCompare(Value a, Value b);  // -1, 0, 1, or 2 when unordered (NaN)
int realSign(Value real);           // -1, 0, 1, or 2 for NaN
Value toInexact(Value n);
// Fails with p's wrong-type message for infinities, NaNs and complex numbers.
Value toExact(Value n, Prim p);
// eqv? on numbers: the same exactness and the same value (flonums by bits).
bool numberEqv(Value a, Value b);

// ---- Text (number_text.cc) ----
// The external representation of a number in the radix (10 for inexact ones).
void numberToText(Value n, int radix, Bytes& out);
// The number the text spells (R7RS syntax, prefixes included), or kFalse.
Value numberFromText(const char* text, size_t length, int radix);
// For the reader: the literal constant a token spells, or kFalse; and
// whether a token that is no number looks enough like one to be an error
// ("malformed number literal") rather than a symbol.
Value readNumberLiteral(const char* text, size_t length);
bool looksLikeNumber(const char* text, size_t length);
