// Exact rationals: a ratnum is a numerator and a denominator, exact integers
// with no common factor, the denominator above 1; a quotient that is an
// integer is never a ratnum, so each rational has one form. The operations
// here take any exact numbers (integers are n/1).
#include <math.h>
#include <stdlib.h>

#include "errors.h"
#include "heap.h"
#include "tower.h"

static Value newRatnum(Value n, Value d) {
  if (!numbersOutsideHeap) return makeRatnum(n, d);
  Ratnum* r = (Ratnum*)malloc(sizeof(Ratnum));
  if (!r) fail("out of memory: a rational literal");
  r->header = kRatnumTag | kLiteral;
  r->numerator = n;
  r->denominator = d;
  return (Value)r;
}

Value numeratorOf(Value exact) { return hasTag(exact, kRatnumTag) ? ratnumOf(exact)->numerator : exact; }
Value denominatorOf(Value exact) {
  return hasTag(exact, kRatnumTag) ? ratnumOf(exact)->denominator : makeInteger(1);
}

Value makeRational(Value n, Value d) {
  Value* roots = pushRoot(n);
  pushRoot(d);
  if (integerSign(roots[1]) < 0) {
    roots[0] = integerNegate(roots[0]);
    roots[1] = integerNegate(roots[1]);
  }
  pushRoot(integerGcd(roots[0], roots[1]));
  if (roots[2] != makeInteger(1)) {
    Value q;
    integerDivide(roots[0], roots[2], &q, nullptr);
    roots[0] = q;
    integerDivide(roots[1], roots[2], &q, nullptr);
    roots[1] = q;
  }
  Value result = roots[1] == makeInteger(1) ? roots[0] : newRatnum(roots[0], roots[1]);
  rootTop = roots;
  return result;
}

// a/b + c/d = (ad + cb) / bd, or the difference.
static Value sumOf(Value a, Value b, bool subtract) {
  if (isExactInteger(a) && isExactInteger(b)) return subtract ? integerSubtract(a, b) : integerAdd(a, b);
  Value* r = pushRoot(a);
  pushRoot(b);
  pushRoot(integerMultiply(numeratorOf(r[0]), denominatorOf(r[1])));   // r[2] = ad
  pushRoot(integerMultiply(numeratorOf(r[1]), denominatorOf(r[0])));   // r[3] = cb
  r[2] = subtract ? integerSubtract(r[2], r[3]) : integerAdd(r[2], r[3]);
  r[3] = integerMultiply(denominatorOf(r[0]), denominatorOf(r[1]));
  Value result = makeRational(r[2], r[3]);
  rootTop = r;
  return result;
}
Value rationalAdd(Value a, Value b) { return sumOf(a, b, false); }
Value rationalSubtract(Value a, Value b) { return sumOf(a, b, true); }

// (a/b)(c/d) = ac / bd; divided, ad / bc.
static Value productOf(Value a, Value b, bool divide) {
  if (!divide && isExactInteger(a) && isExactInteger(b)) return integerMultiply(a, b);
  Value* r = pushRoot(a);
  pushRoot(b);
  Value (*top)(Value) = numeratorOf;
  Value (*bottom)(Value) = denominatorOf;
  pushRoot(integerMultiply(top(r[0]), divide ? bottom(r[1]) : top(r[1])));
  pushRoot(integerMultiply(bottom(r[0]), divide ? top(r[1]) : bottom(r[1])));
  Value result = makeRational(r[2], r[3]);
  rootTop = r;
  return result;
}
Value rationalMultiply(Value a, Value b) { return productOf(a, b, false); }
Value rationalDivide(Value a, Value b) { return productOf(a, b, true); }

int rationalCompare(Value a, Value b) {
  if (isExactInteger(a) && isExactInteger(b)) return integerCompare(a, b);
  Value* r = pushRoot(a);
  pushRoot(b);
  pushRoot(integerMultiply(numeratorOf(r[0]), denominatorOf(r[1])));
  Value right = integerMultiply(numeratorOf(r[1]), denominatorOf(r[0]));
  int c = integerCompare(r[2], right);
  rootTop = r;
  return c;
}

// Correctly rounded for the usual cases: both parts as doubles when they are
// exact there; otherwise an integer quotient of enough bits, scaled.
double rationalToDouble(Value a) {
  if (isExactInteger(a)) return integerToDouble(a);
  Value n = ratnumOf(a)->numerator, d = ratnumOf(a)->denominator;
  if (integerBitLength(n) <= 53 && integerBitLength(d) <= 53) return integerToDouble(n) / integerToDouble(d);
  // n/d = (n * 2^k / d) / 2^k with k chosen so the quotient has 64+ bits.
  Value* r = pushRoot(n);
  pushRoot(d);
  int64_t k = 66 - ((int64_t)integerBitLength(n) - (int64_t)integerBitLength(d));
  if (k > 0) r[0] = integerShiftLeft(r[0], (uint32_t)k);
  else r[1] = integerShiftLeft(r[1], (uint32_t)-k);
  Value q, rest;
  integerDivide(r[0], r[1], &q, &rest);
  pushRoot(q);
  // A non-zero remainder is a sticky bit below the quotient's last one.
  double result;
  if (rest != makeInteger(0)) {
    r[2] = integerShiftLeft(r[2], 1);
    r[2] = integerAdd(r[2], makeInteger(integerSign(r[2])));
    result = ldexp(integerToDouble(r[2]), (int)(-k - 1));
  } else {
    result = ldexp(integerToDouble(r[2]), (int)-k);
  }
  rootTop = r;
  return result;
}

Value exactFromDouble(double d) {
  if (d == floor(d)) return integerFromDouble(d);
  int exponent;
  double fraction = frexp(d, &exponent);  // |fraction| in [0.5, 1)
  int64_t mantissa = (int64_t)ldexp(fraction, 53);
  int shift = 53 - exponent;  // d = mantissa / 2^shift, shift > 0 here
  Value* r = pushRoot(integerFromInt64(mantissa));
  pushRoot(integerShiftLeft(makeInteger(1), (uint32_t)shift));
  Value result = makeRational(r[0], r[1]);
  rootTop = r;
  return result;
}
