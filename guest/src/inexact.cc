// The procedures of (scheme inexact) and (scheme complex), with sqrt, expt
// and square: transcendental functions on doubles (std::complex once an
// argument or the result is complex), exact where R7RS and Guile give an
// exact answer (sqrt of an exact square, expt of exact numbers to an
// integer power, (sin 0) and friends).
#include <math.h>

#include <complex>

#include "errors.h"
#include "heap.h"
#include "primitives.h"
#include "tower.h"

namespace {

typedef std::complex<double> Complex;

Complex complexOf(Value n) {
  if (hasTag(n, kCompnumTag)) return Complex(compnumPart(n, 0), compnumPart(n, 1));
  return Complex(realToDouble(n), 0);
}

Value fromComplex(Complex z) { return newComplex(z.real(), z.imag()); }

// The exact integer square root of n >= 0 (Newton's method from above).
Value integerSqrt(Value n) {
  if (isInteger(n)) {
    int64_t s = (int64_t)sqrt((double)integerOf(n));
    while (s * s > integerOf(n)) s--;
    while ((s + 1) * (s + 1) <= integerOf(n)) s++;
    return makeInteger((int32_t)s);
  }
  Value* r = pushRoot(n);
  pushRoot(integerShiftLeft(makeInteger(1), (uint32_t)(integerBitLength(n) / 2 + 1)));  // above the root
  pushRoot(kFalse);
  for (;;) {
    Value q;
    integerDivide(r[0], r[1], &q, nullptr);
    r[2] = integerAdd(r[1], q);
    integerDivide(r[2], makeInteger(2), &q, nullptr);
    if (integerCompare(q, r[1]) >= 0) break;
    r[1] = q;
  }
  Value root = r[1];
  rootTop = r;
  return root;
}

// The exact square root of an exact non-negative integer, or kFalse.
Value exactSqrt(Value n) {
  Value* r = pushRoot(n);
  pushRoot(integerSqrt(n));
  Value square = integerMultiply(r[1], r[1]);
  Value result = integerCompare(square, r[0]) == 0 ? r[1] : kFalse;
  rootTop = r;
  return result;
}

using RealFunction = double (*)(double);
using ComplexFunction = Complex (*)(const Complex&);

// f of a number: real while the argument is real and inside `lo..hi` (the
// domain where f is real), complex otherwise.
Value transcendental(Prim p, Value* args, RealFunction f, ComplexFunction g, double lo, double hi) {
  Value x = numberAt(p, args, 0);
  if (isRealNumber(x)) {
    double d = realToDouble(x);
    if (!(d < lo || d > hi)) return newFlonum(f(d));
  }
  return fromComplex(g(complexOf(x)));
}

Complex complexExp(const Complex& z) { return std::exp(z); }
Complex complexLog(const Complex& z) { return std::log(z); }
Complex complexSin(const Complex& z) { return std::sin(z); }
Complex complexCos(const Complex& z) { return std::cos(z); }
Complex complexTan(const Complex& z) { return std::tan(z); }
Complex complexAsin(const Complex& z) { return std::asin(z); }
Complex complexAcos(const Complex& z) { return std::acos(z); }
Complex complexAtan(const Complex& z) { return std::atan(z); }

// Guile's exact answers at exact zero (and one, for acos).
bool exactly(Value v, int32_t n) { return v == makeInteger(n); }

}  // namespace

Value prim_Exp(ARGS) { UNUSED_ARGC; return transcendental(Prim::Exp, args, exp, complexExp, -HUGE_VAL, HUGE_VAL); }
Value prim_Sin(ARGS) {
  UNUSED_ARGC;
  if (exactly(args[0], 0)) return args[0];
  return transcendental(Prim::Sin, args, sin, complexSin, -HUGE_VAL, HUGE_VAL);
}
Value prim_Cos(ARGS) {
  UNUSED_ARGC;
  if (exactly(args[0], 0)) return makeInteger(1);
  return transcendental(Prim::Cos, args, cos, complexCos, -HUGE_VAL, HUGE_VAL);
}
Value prim_Tan(ARGS) {
  UNUSED_ARGC;
  if (exactly(args[0], 0)) return args[0];
  return transcendental(Prim::Tan, args, tan, complexTan, -HUGE_VAL, HUGE_VAL);
}
Value prim_Asin(ARGS) {
  UNUSED_ARGC;
  if (exactly(args[0], 0)) return args[0];
  return transcendental(Prim::Asin, args, asin, complexAsin, -1, 1);
}
Value prim_Acos(ARGS) {
  UNUSED_ARGC;
  if (exactly(args[0], 1)) return makeInteger(0);
  return transcendental(Prim::Acos, args, acos, complexAcos, -1, 1);
}

Value prim_Atan(ARGS) {
  if (argc == 2) {
    double y = realToDouble(realAt(Prim::Atan, args, 0)), x = realToDouble(realAt(Prim::Atan, args, 1));
    return newFlonum(atan2(y, x));
  }
  if (exactly(args[0], 0)) return args[0];
  return transcendental(Prim::Atan, args, atan, complexAtan, -HUGE_VAL, HUGE_VAL);
}

Value prim_Log(ARGS) {
  Value z = transcendental(Prim::Log, args, log, complexLog, 0, HUGE_VAL);
  if (argc == 1) return z;
  numberAt(Prim::Log, args, 1);
  if (isFlonum(z) && isRealNumber(args[1]) && realToDouble(args[1]) > 0)
    return newFlonum(flonumValue(z) / log(realToDouble(args[1])));
  Complex base = complexOf(args[1]);
  Complex logBase = base.imag() == 0 && base.real() >= 0 ? Complex(log(base.real()), 0) : std::log(base);
  Complex result = complexOf(z) / logBase;
  return fromComplex(result);
}

Value prim_Sqrt(ARGS) {
  UNUSED_ARGC;
  Value x = numberAt(Prim::Sqrt, args, 0);
  if (isExactNumber(x) && realSign(x) >= 0) {
    Value* r = pushRoot(x);
    pushRoot(exactSqrt(numeratorOf(x)));
    Value result = kFalse;
    if (r[1] != kFalse) {
      Value d = exactSqrt(denominatorOf(r[0]));
      if (d != kFalse) result = makeRational(r[1], d);
    }
    rootTop = r;
    if (result != kFalse) return result;
    x = args[0];
  }
  if (isRealNumber(x)) {
    double d = realToDouble(x);
    if (d < 0) return newCompnum(0, sqrt(-d));
    return newFlonum(sqrt(d));
  }
  return fromComplex(std::sqrt(complexOf(x)));
}

// k = s*s + r with s as large as it can be: the two values s and r, exact.
Value prim_ExactIntegerSqrt(ARGS) {
  UNUSED_ARGC;
  if (!isExactInteger(args[0]) || integerSign(args[0]) < 0)
    failWrongType(Prim::ExactIntegerSqrt, 0, Expected::ExactNonNegativeInteger, args[0]);
  Value* roots = pushRoot(integerSqrt(args[0]));
  pushRoot(integerMultiply(roots[0], roots[0]));
  roots[1] = integerSubtract(args[0], roots[1]);
  Value result = prim_Values(roots, 2);
  rootTop = roots;
  return result;
}

Value prim_Square(ARGS) {
  UNUSED_ARGC;
  numberAt(Prim::Square, args, 0);
  return numberMultiply(args[0], args[0]);
}

// base^power: exact for an exact base and an exact integer power (by
// repeated squaring), else through doubles, complex for a negative base and
// a fractional power.
Value prim_Expt(ARGS) {
  UNUSED_ARGC;
  numberAt(Prim::Expt, args, 0);
  numberAt(Prim::Expt, args, 1);
  Value base = args[0], power = args[1];
  if (isExactInteger(power) && (isExactNumber(base) || hasTag(base, kCompnumTag))) {
    bool negative = integerSign(power) < 0;
    if (negative && realSign(base) == 0 && isExactNumber(base)) failDivisionByZero(Prim::Expt);
    Value* r = pushRoot(makeInteger(1));                             // result
    pushRoot(base);                                                  // base^(2^k)
    pushRoot(negative ? integerNegate(power) : power);               // bits of the power left
    while (r[2] != makeInteger(0)) {
      if (integerIsOdd(r[2])) r[0] = numberMultiply(r[0], r[1]);
      Value half;
      integerDivide(r[2], makeInteger(2), &half, nullptr);
      r[2] = half;
      if (r[2] != makeInteger(0)) r[1] = numberMultiply(r[1], r[1]);
    }
    Value result = negative ? numberDivide(makeInteger(1), r[0], Prim::Expt) : r[0];
    rootTop = r;
    return result;
  }
  if (isRealNumber(base) && isRealNumber(power)) {
    double b = realToDouble(base), e = realToDouble(power);
    if (b >= 0 || e == floor(e)) return newFlonum(pow(b, e));
  }
  Complex b = complexOf(base), e = complexOf(power);
  if (b == Complex(0, 0)) return newFlonum(e == Complex(0, 0) ? 1.0 : 0.0);
  return fromComplex(std::exp(e * std::log(b)));
}

Value prim_MakeRectangular(ARGS) {
  UNUSED_ARGC;
  realAt(Prim::MakeRectangular, args, 0);
  realAt(Prim::MakeRectangular, args, 1);
  if (args[1] == makeInteger(0)) return args[0];
  return newComplex(realToDouble(args[0]), realToDouble(args[1]));
}

Value prim_MakePolar(ARGS) {
  UNUSED_ARGC;
  realAt(Prim::MakePolar, args, 0);
  realAt(Prim::MakePolar, args, 1);
  if (args[1] == makeInteger(0)) return args[0];
  double m = realToDouble(args[0]), a = realToDouble(args[1]);
  return newComplex(m * cos(a), m * sin(a));
}

Value prim_RealPart(ARGS) {
  UNUSED_ARGC;
  Value z = numberAt(Prim::RealPart, args, 0);
  return hasTag(z, kCompnumTag) ? newFlonum(compnumPart(z, 0)) : z;
}

Value prim_ImagPart(ARGS) {
  UNUSED_ARGC;
  Value z = numberAt(Prim::ImagPart, args, 0);
  return hasTag(z, kCompnumTag) ? newFlonum(compnumPart(z, 1)) : makeInteger(0);
}

Value prim_Magnitude(ARGS) {
  UNUSED_ARGC;
  Value z = numberAt(Prim::Magnitude, args, 0);
  if (hasTag(z, kCompnumTag)) return newFlonum(hypot(compnumPart(z, 0), compnumPart(z, 1)));
  if (isFlonum(z)) return newFlonum(fabs(flonumValue(z)));
  return realSign(z) < 0 ? numberSubtract(makeInteger(0), z) : z;
}

Value prim_Angle(ARGS) {
  UNUSED_ARGC;
  Value z = numberAt(Prim::Angle, args, 0);
  if (hasTag(z, kCompnumTag)) return newFlonum(atan2(compnumPart(z, 1), compnumPart(z, 0)));
  if (isFlonum(z) && isnan(flonumValue(z))) return z;
  return newFlonum(realSign(z) < 0 || (isFlonum(z) && signbit(flonumValue(z))) ? M_PI : 0.0);
}
