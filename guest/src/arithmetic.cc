// Generic arithmetic over the numeric tower. A binary operation works at the
// higher kind of its operands (integer < rational < real < complex), so an
// exact and an inexact number give an inexact one (R7RS 6.2.2).
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "heap.h"
#include "tower.h"

bool numbersOutsideHeap;

NumberKind numberKind(Value v) {
  if (isInteger(v)) return NumberKind::Integer;
  if (!isObject(v)) return NumberKind::None;
  switch (tagOf(v)) {
    case kBignumTag: return NumberKind::Integer;
    case kRatnumTag: return NumberKind::Rational;
    case kFlonumTag: return NumberKind::Real;
    case kCompnumTag: return NumberKind::Complex;
    default: return NumberKind::None;
  }
}

Value newFlonum(double d) {
  if (!numbersOutsideHeap) return makeFlonum(d);
  Flonum* f = (Flonum*)malloc(sizeof(Flonum));
  if (!f) fail("out of memory: a number literal");
  f->header = kFlonumTag | kLiteral;
  memcpy(f->bits, &d, sizeof d);
  return (Value)f;
}

Value newCompnum(double real, double imaginary) {
  if (!numbersOutsideHeap) return makeCompnum(real, imaginary);
  Compnum* c = (Compnum*)malloc(sizeof(Compnum));
  if (!c) fail("out of memory: a number literal");
  c->header = kCompnumTag | kLiteral;
  memcpy(c->bits, &real, sizeof real);
  memcpy((char*)c->bits + sizeof real, &imaginary, sizeof imaginary);
  return (Value)c;
}

// As Guile: an inexact zero imaginary part stays (only an exact 0 makes a real).
Value newComplex(double real, double imaginary) { return newCompnum(real, imaginary); }

double realToDouble(Value real) {
  switch (numberKind(real)) {
    case NumberKind::Integer: return integerToDouble(real);
    case NumberKind::Rational: return rationalToDouble(real);
    default: return flonumValue(real);
  }
}

namespace {

NumberKind higher(Value a, Value b) {
  NumberKind x = numberKind(a), y = numberKind(b);
  return x > y ? x : y;
}

struct Parts {
  double real, imaginary;
};
Parts partsOf(Value n) {
  if (hasTag(n, kCompnumTag)) return Parts{compnumPart(n, 0), compnumPart(n, 1)};
  return Parts{realToDouble(n), 0};
}

enum class Op { Add, Subtract, Multiply, Divide };

Value complexOperation(Op op, Value a, Value b) {
  Parts x = partsOf(a), y = partsOf(b);
  switch (op) {
    case Op::Add: return newComplex(x.real + y.real, x.imaginary + y.imaginary);
    case Op::Subtract: return newComplex(x.real - y.real, x.imaginary - y.imaginary);
    case Op::Multiply:
      return newComplex(x.real * y.real - x.imaginary * y.imaginary,
                        x.real * y.imaginary + x.imaginary * y.real);
    case Op::Divide: {  // Smith's method: no overflow in squaring the divisor
      if (fabs(y.real) >= fabs(y.imaginary)) {
        double r = y.imaginary / y.real, d = y.real + y.imaginary * r;
        return newComplex((x.real + x.imaginary * r) / d, (x.imaginary - x.real * r) / d);
      }
      double r = y.real / y.imaginary, d = y.real * r + y.imaginary;
      return newComplex((x.real * r + x.imaginary) / d, (x.imaginary * r - x.real) / d);
    }
  }
  return kFalse;
}

Value operation(Op op, Value a, Value b) {
  switch (higher(a, b)) {
    case NumberKind::Integer:
      if (op == Op::Add) return integerAdd(a, b);
      if (op == Op::Subtract) return integerSubtract(a, b);
      if (op == Op::Multiply) return integerMultiply(a, b);
      return makeRational(a, b);
    case NumberKind::Rational:
      if (op == Op::Add) return rationalAdd(a, b);
      if (op == Op::Subtract) return rationalSubtract(a, b);
      if (op == Op::Multiply) return rationalMultiply(a, b);
      return rationalDivide(a, b);
    case NumberKind::Real: {
      double x = realToDouble(a), y = realToDouble(b);
      if (op == Op::Add) return newFlonum(x + y);
      if (op == Op::Subtract) return newFlonum(x - y);
      if (op == Op::Multiply) return newFlonum(x * y);
      return newFlonum(x / y);
    }
    default: return complexOperation(op, a, b);
  }
}

}  // namespace

Value numberAdd(Value a, Value b) { return operation(Op::Add, a, b); }
Value numberSubtract(Value a, Value b) { return operation(Op::Subtract, a, b); }
Value numberMultiply(Value a, Value b) { return operation(Op::Multiply, a, b); }

Value numberDivide(Value a, Value b, Prim p) {
  if (b == makeInteger(0) && isExactNumber(a)) failDivisionByZero(p);  // (/ 1.0 0) is +inf.0
  return operation(Op::Divide, a, b);
}

int realSign(Value real) {
  switch (numberKind(real)) {
    case NumberKind::Integer: return integerSign(real);
    case NumberKind::Rational: return integerSign(ratnumOf(real)->numerator);
    default: {
      double d = flonumValue(real);
      return d < 0 ? -1 : d > 0 ? 1 : d == 0 ? 0 : 2;
    }
  }
}

// Compares the values exactly, whatever the exactness of each, as Guile does
// (R7RS wants the comparisons transitive, which comparing as doubles is not:
// 2^53+1 would equal 2^53 as a double, which would not equal 2^53-1). Two
// doubles, or a fixnum and a double, compare as doubles, which is exact; a
// bignum or a ratnum against a finite double compares with its exact value.
int realCompare(Value a, Value b) {
  if (isInteger(a) && isInteger(b)) return integerOf(a) < integerOf(b) ? -1 : integerOf(a) > integerOf(b);
  if (higher(a, b) <= NumberKind::Rational) return rationalCompare(a, b);
  double x = realToDouble(a), y = realToDouble(b);
  bool inexactAgainstBig = isFlonum(a) != isFlonum(b) && !isInteger(a) && !isInteger(b);
  if (!inexactAgainstBig || !isfinite(x) || !isfinite(y)) return x < y ? -1 : x > y ? 1 : x == y ? 0 : 2;
  Value* r = pushRoot(a);
  pushRoot(b);
  if (isFlonum(r[0])) r[0] = exactFromDouble(x);
  else r[1] = exactFromDouble(y);
  int c = rationalCompare(r[0], r[1]);
  rootTop = r;
  return c;
}

bool numberEqual(Value a, Value b) {
  if (higher(a, b) != NumberKind::Complex) return realCompare(a, b) == 0;
  Parts x = partsOf(a), y = partsOf(b);
  return x.real == y.real && x.imaginary == y.imaginary;
}

bool numberEqv(Value a, Value b) {
  if (a == b) return true;
  NumberKind x = numberKind(a), y = numberKind(b);
  if (x != y || x == NumberKind::None) return false;
  if (x == NumberKind::Real) {
    double p = flonumValue(a), q = flonumValue(b);
    return memcmp(&p, &q, sizeof p) == 0;
  }
  if (x == NumberKind::Complex) {
    Parts p = partsOf(a), q = partsOf(b);
    return memcmp(&p, &q, sizeof p) == 0;
  }
  // Without allocating (eqv? never collects): both are in lowest terms.
  if (x == NumberKind::Integer) return integerCompare(a, b) == 0;
  return integerCompare(ratnumOf(a)->numerator, ratnumOf(b)->numerator) == 0 &&
         integerCompare(ratnumOf(a)->denominator, ratnumOf(b)->denominator) == 0;
}

Value toInexact(Value n) {
  switch (numberKind(n)) {
    case NumberKind::Integer:
    case NumberKind::Rational: return newFlonum(realToDouble(n));
    default: return n;
  }
}

Value toExact(Value n, Prim p) {
  if (isExactNumber(n)) return n;
  double d = isFlonum(n) ? flonumValue(n) : compnumPart(n, 0);
  bool real = isFlonum(n) || compnumPart(n, 1) == 0;  // as Guile: 1.0+0.0i is exactly 1
  if (!real || !isfinite(d)) failWrongType(p, 0, Expected::Finite, n);
  return exactFromDouble(d);
}
