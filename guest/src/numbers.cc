// The numeric primitives of (scheme base), (scheme inexact) and (scheme
// complex): arithmetic, comparison, the integer divisions, conversions and
// the numeric predicates, over the whole tower (tower.h).
#include <math.h>

#include "errors.h"
#include "heap.h"
#include "primitives.h"
#include "tower.h"

namespace {

bool isIntegralFlonum(Value v) {
  if (!isFlonum(v)) return false;
  double d = flonumValue(v);
  return isfinite(d) && d == floor(d);
}

// An integer, exact or inexact (R7RS lets quotient, gcd and friends take 4.0).
Value integerValuedAt(Prim p, Value* args, int32_t i) {
  if (!isExactInteger(args[i]) && !isIntegralFlonum(args[i])) failWrongType(p, i, Expected::Integer, args[i]);
  return args[i];
}

// Folds op over the arguments from `first`, the accumulator in a root slot.
Value fold(Value (*op)(Value, Value), Value initial, Value* args, int32_t from, int32_t argc) {
  Value* total = pushRoot(initial);
  for (int32_t i = from; i < argc; i++) *total = op(*total, args[i]);
  Value result = *total;
  rootTop = total;
  return result;
}

bool allFixnums(Value* args, int32_t argc) {
  for (int32_t i = 0; i < argc; i++)
    if (!isInteger(args[i])) return false;
  return true;
}

}  // namespace

Value prim_Add(ARGS) {
  if (allFixnums(args, argc) && argc <= 4) {
    int64_t sum = 0;
    for (int32_t i = 0; i < argc; i++) sum += integerOf(args[i]);
    return integerFromInt64(sum);
  }
  for (int32_t i = 0; i < argc; i++) numberAt(Prim::Add, args, i);
  return fold(numberAdd, makeInteger(0), args, 0, argc);
}

Value prim_Subtract(ARGS) {
  for (int32_t i = 0; i < argc; i++) numberAt(Prim::Subtract, args, i);
  if (argc == 1) return numberSubtract(makeInteger(0), args[0]);
  return fold(numberSubtract, args[0], args, 1, argc);
}

Value prim_Multiply(ARGS) {
  for (int32_t i = 0; i < argc; i++) numberAt(Prim::Multiply, args, i);
  return fold(numberMultiply, makeInteger(1), args, 0, argc);
}

static Value divideBy(Value a, Value b) { return numberDivide(a, b, Prim::Divide); }
Value prim_Divide(ARGS) {
  for (int32_t i = 0; i < argc; i++) numberAt(Prim::Divide, args, i);
  if (argc == 1) return divideBy(makeInteger(1), args[0]);
  return fold(divideBy, args[0], args, 1, argc);
}

// ---- Integer division ----

namespace {

enum class Rounding { Truncate, Floor };

// The quotient and the remainder of a by b, rounded as asked, into two root
// slots at `out`; exact for exact integers, inexact when either is an
// inexact integer.
void divideIntegers(Prim p, Value* args, Rounding rounding, Value* out) {
  integerValuedAt(p, args, 0);
  integerValuedAt(p, args, 1);
  if (realSign(args[1]) == 0) failDivisionByZero(p);
  if (isFlonum(args[0]) || isFlonum(args[1])) {
    double a = realToDouble(args[0]), b = realToDouble(args[1]);
    double r = fmod(a, b);
    if (rounding == Rounding::Floor && r != 0 && (r < 0) != (b < 0)) r += b;
    out[0] = newFlonum((a - r) / b);
    out[1] = newFlonum(r);
    return;
  }
  integerDivide(args[0], args[1], &out[0], &out[1]);
  if (rounding == Rounding::Floor && out[1] != makeInteger(0) &&
      integerSign(out[1]) != integerSign(args[1])) {
    out[0] = integerSubtract(out[0], makeInteger(1));
    out[1] = integerAdd(out[1], args[1]);
  }
}

// The quotient or the remainder alone.
Value integerDivision(Prim p, Value* args, Rounding rounding, bool wantQuotient) {
  Value* roots = pushRoot(kFalse);
  pushRoot(kFalse);
  divideIntegers(p, args, rounding, roots);
  Value result = wantQuotient ? roots[0] : roots[1];
  rootTop = roots;
  return result;
}

// Both, as two values (floor/ and truncate/).
Value integerDivisionValues(Prim p, Value* args, Rounding rounding) {
  Value* roots = pushRoot(kFalse);
  pushRoot(kFalse);
  divideIntegers(p, args, rounding, roots);
  Value result = prim_Values(roots, 2);
  rootTop = roots;
  return result;
}

}  // namespace

Value prim_Quotient(ARGS) { UNUSED_ARGC; return integerDivision(Prim::Quotient, args, Rounding::Truncate, true); }
Value prim_Remainder(ARGS) { UNUSED_ARGC; return integerDivision(Prim::Remainder, args, Rounding::Truncate, false); }
Value prim_Modulo(ARGS) { UNUSED_ARGC; return integerDivision(Prim::Modulo, args, Rounding::Floor, false); }
Value prim_TruncateQuotient(ARGS) { UNUSED_ARGC; return integerDivision(Prim::TruncateQuotient, args, Rounding::Truncate, true); }
Value prim_TruncateRemainder(ARGS) { UNUSED_ARGC; return integerDivision(Prim::TruncateRemainder, args, Rounding::Truncate, false); }
Value prim_FloorQuotient(ARGS) { UNUSED_ARGC; return integerDivision(Prim::FloorQuotient, args, Rounding::Floor, true); }
Value prim_FloorRemainder(ARGS) { UNUSED_ARGC; return integerDivision(Prim::FloorRemainder, args, Rounding::Floor, false); }
Value prim_FloorDivide(ARGS) { UNUSED_ARGC; return integerDivisionValues(Prim::FloorDivide, args, Rounding::Floor); }
Value prim_TruncateDivide(ARGS) { UNUSED_ARGC; return integerDivisionValues(Prim::TruncateDivide, args, Rounding::Truncate); }

static Value gcdOf(Prim p, Value* args, int32_t argc, bool lcm) {
  bool inexact = false;
  for (int32_t i = 0; i < argc; i++) {
    integerValuedAt(p, args, i);
    inexact |= isFlonum(args[i]);
  }
  Value* total = pushRoot(makeInteger(lcm ? 1 : 0));
  pushRoot(kFalse);
  for (int32_t i = 0; i < argc; i++) {
    total[1] = isFlonum(args[i]) ? integerFromDouble(flonumValue(args[i])) : args[i];
    if (integerSign(total[1]) < 0) total[1] = integerNegate(total[1]);
    if (!lcm) {
      total[0] = integerGcd(total[0], total[1]);
    } else if (total[1] == makeInteger(0) || total[0] == makeInteger(0)) {
      total[0] = makeInteger(0);
    } else {  // lcm(a, b) = a / gcd(a, b) * b
      Value g = integerGcd(total[0], total[1]);
      Value q;
      integerDivide(total[0], g, &q, nullptr);
      total[0] = integerMultiply(q, total[1]);
    }
  }
  Value result = inexact ? toInexact(total[0]) : total[0];
  rootTop = total;
  return result;
}
Value prim_Gcd(ARGS) { return gcdOf(Prim::Gcd, args, argc, false); }
Value prim_Lcm(ARGS) { return gcdOf(Prim::Lcm, args, argc, true); }

// ---- Comparison ----

// Checks every argument's type first, as the error must name the first bad one.
static Value compareChain(Prim p, Value* args, int32_t argc) {
  for (int32_t i = 0; i < argc; i++) {
    if (p == Prim::NumberEqual) numberAt(p, args, i);
    else realAt(p, args, i);
  }
  for (int32_t i = 0; i + 1 < argc; i++) {
    if (p == Prim::NumberEqual) {
      if (!numberEqual(args[i], args[i + 1])) return kFalse;
      continue;
    }
    int c = realCompare(args[i], args[i + 1]);
    bool holds = false;
    switch (p) {
      case Prim::Less: holds = c == -1; break;
      case Prim::Greater: holds = c == 1; break;
      case Prim::LessEqual: holds = c == -1 || c == 0; break;
      default: holds = c == 1 || c == 0; break;
    }
    if (!holds) return kFalse;
  }
  return kTrue;
}
Value prim_NumberEqual(ARGS) { return compareChain(Prim::NumberEqual, args, argc); }
Value prim_Less(ARGS) { return compareChain(Prim::Less, args, argc); }
Value prim_Greater(ARGS) { return compareChain(Prim::Greater, args, argc); }
Value prim_LessEqual(ARGS) { return compareChain(Prim::LessEqual, args, argc); }
Value prim_GreaterEqual(ARGS) { return compareChain(Prim::GreaterEqual, args, argc); }

// The extreme is inexact when any argument is (R7RS 6.2.6).
static Value extreme(Prim p, Value* args, int32_t argc, bool smallest) {
  bool inexact = false;
  for (int32_t i = 0; i < argc; i++) {
    realAt(p, args, i);
    inexact |= isFlonum(args[i]);
  }
  int32_t best = 0;  // an index, as comparing a bignum with a flonum may collect
  for (int32_t i = 1; i < argc; i++) {
    int c = realCompare(args[i], args[best]);
    if (c == 2) {  // a NaN wins
      if (isFlonum(args[i]) && isnan(flonumValue(args[i]))) best = i;
      continue;
    }
    if (smallest ? c < 0 : c > 0) best = i;
  }
  return inexact ? toInexact(args[best]) : args[best];
}
Value prim_Min(ARGS) { return extreme(Prim::Min, args, argc, true); }
Value prim_Max(ARGS) { return extreme(Prim::Max, args, argc, false); }

Value prim_Abs(ARGS) {
  UNUSED_ARGC;
  realAt(Prim::Abs, args, 0);
  if (isFlonum(args[0])) return newFlonum(fabs(flonumValue(args[0])));
  return realSign(args[0]) < 0 ? numberSubtract(makeInteger(0), args[0]) : args[0];
}

Value prim_IsZero(ARGS) {
  UNUSED_ARGC;
  numberAt(Prim::IsZero, args, 0);
  if (hasTag(args[0], kCompnumTag)) return makeBoolean(compnumPart(args[0], 0) == 0 && compnumPart(args[0], 1) == 0);
  return makeBoolean(realSign(args[0]) == 0);
}
Value prim_IsPositive(ARGS) { UNUSED_ARGC; return makeBoolean(realSign(realAt(Prim::IsPositive, args, 0)) == 1); }
Value prim_IsNegative(ARGS) { UNUSED_ARGC; return makeBoolean(realSign(realAt(Prim::IsNegative, args, 0)) == -1); }
Value prim_IsEven(ARGS) {
  UNUSED_ARGC;
  Value n = integerValuedAt(Prim::IsEven, args, 0);
  return makeBoolean(isFlonum(n) ? fmod(flonumValue(n), 2) == 0 : !integerIsOdd(n));
}
Value prim_IsOdd(ARGS) {
  UNUSED_ARGC;
  Value n = integerValuedAt(Prim::IsOdd, args, 0);
  return makeBoolean(isFlonum(n) ? fmod(flonumValue(n), 2) != 0 : integerIsOdd(n));
}

// ---- Predicates ----

Value prim_IsNumber(ARGS) { UNUSED_ARGC; return makeBoolean(isNumber(args[0])); }
Value prim_IsComplex(ARGS) { UNUSED_ARGC; return makeBoolean(isNumber(args[0])); }
Value prim_IsReal(ARGS) { UNUSED_ARGC; return makeBoolean(isRealNumber(args[0])); }
Value prim_IsRational(ARGS) {
  UNUSED_ARGC;
  if (isFlonum(args[0])) return makeBoolean(isfinite(flonumValue(args[0])));
  return makeBoolean(isExactNumber(args[0]));
}
Value prim_IsInteger(ARGS) { UNUSED_ARGC; return makeBoolean(isExactInteger(args[0]) || isIntegralFlonum(args[0])); }
Value prim_IsExact(ARGS) { UNUSED_ARGC; return makeBoolean(isExactNumber(numberAt(Prim::IsExact, args, 0))); }
Value prim_IsInexact(ARGS) { UNUSED_ARGC; return makeBoolean(!isExactNumber(numberAt(Prim::IsInexact, args, 0))); }
Value prim_IsExactInteger(ARGS) { UNUSED_ARGC; return makeBoolean(isExactInteger(args[0])); }

// Of a real or complex number: whether every part passes `test`.
static Value partsTest(Prim p, Value* args, bool (*test)(double), bool any) {
  numberAt(p, args, 0);
  if (isExactNumber(args[0])) return makeBoolean(test(1.0));
  if (isFlonum(args[0])) return makeBoolean(test(flonumValue(args[0])));
  bool re = test(compnumPart(args[0], 0)), im = test(compnumPart(args[0], 1));
  return makeBoolean(any ? re || im : re && im);
}
static bool nanTest(double d) { return isnan(d); }
static bool infiniteTest(double d) { return isinf(d); }
static bool finiteTest(double d) { return isfinite(d); }
Value prim_IsNan(ARGS) { UNUSED_ARGC; return partsTest(Prim::IsNan, args, nanTest, true); }
Value prim_IsInfinite(ARGS) { UNUSED_ARGC; return partsTest(Prim::IsInfinite, args, infiniteTest, true); }
Value prim_IsFinite(ARGS) { UNUSED_ARGC; return partsTest(Prim::IsFinite, args, finiteTest, false); }

// ---- Exactness and rounding ----

Value prim_Exact(ARGS) { UNUSED_ARGC; return toExact(numberAt(Prim::Exact, args, 0), Prim::Exact); }
Value prim_Inexact(ARGS) { UNUSED_ARGC; return toInexact(numberAt(Prim::Inexact, args, 0)); }
Value prim_InexactToExact(ARGS) { UNUSED_ARGC; return toExact(numberAt(Prim::InexactToExact, args, 0), Prim::InexactToExact); }
Value prim_ExactToInexact(ARGS) { UNUSED_ARGC; return toInexact(numberAt(Prim::ExactToInexact, args, 0)); }

namespace {

enum class Round { Floor, Ceiling, Truncate, Nearest };

Value rounded(Prim p, Value* args, Round how) {
  Value x = realAt(p, args, 0);
  if (isFlonum(x)) {
    double d = flonumValue(x);
    switch (how) {
      case Round::Floor: return newFlonum(floor(d));
      case Round::Ceiling: return newFlonum(ceil(d));
      case Round::Truncate: return newFlonum(trunc(d));
      case Round::Nearest: return newFlonum(nearbyint(d));  // the default mode: ties to even
    }
  }
  if (!hasTag(x, kRatnumTag)) return x;
  // n/d with d > 1: q = floor(n/d), r = n - qd in (0, d).
  Value* r = pushRoot(kFalse);
  pushRoot(kFalse);
  integerDivide(ratnumOf(args[0])->numerator, ratnumOf(args[0])->denominator, &r[0], &r[1]);
  if (integerSign(r[1]) < 0) {
    r[0] = integerSubtract(r[0], makeInteger(1));
    r[1] = integerAdd(r[1], ratnumOf(args[0])->denominator);
  }
  bool up = false;
  switch (how) {
    case Round::Floor: break;
    case Round::Ceiling: up = true; break;
    case Round::Truncate: up = integerSign(r[0]) < 0; break;
    case Round::Nearest: {
      r[1] = integerShiftLeft(r[1], 1);
      int c = integerCompare(r[1], ratnumOf(args[0])->denominator);
      up = c > 0 || (c == 0 && integerIsOdd(r[0]));
      break;
    }
  }
  Value result = up ? integerAdd(r[0], makeInteger(1)) : r[0];
  rootTop = r;
  return result;
}

}  // namespace

Value prim_Floor(ARGS) { UNUSED_ARGC; return rounded(Prim::Floor, args, Round::Floor); }
Value prim_Ceiling(ARGS) { UNUSED_ARGC; return rounded(Prim::Ceiling, args, Round::Ceiling); }
Value prim_Truncate(ARGS) { UNUSED_ARGC; return rounded(Prim::Truncate, args, Round::Truncate); }
Value prim_Round(ARGS) { UNUSED_ARGC; return rounded(Prim::Round, args, Round::Nearest); }

Value prim_Numerator(ARGS) {
  UNUSED_ARGC;
  Value x = realAt(Prim::Numerator, args, 0);
  if (isFlonum(x)) {
    Value exact = toExact(x, Prim::Numerator);
    return toInexact(numeratorOf(exact));
  }
  return numeratorOf(x);
}
Value prim_Denominator(ARGS) {
  UNUSED_ARGC;
  Value x = realAt(Prim::Denominator, args, 0);
  if (isFlonum(x)) {
    Value exact = toExact(x, Prim::Denominator);
    return toInexact(denominatorOf(exact));
  }
  return denominatorOf(x);
}

// ---- rationalize ----

namespace {

Value floorOf(Value exact) {
  Value* root = pushRoot(exact);  // rounded() reads its argument from a root slot
  Value result = rounded(Prim::Rationalize, root, Round::Floor);
  rootTop = root;
  return result;
}

// The simplest rational in [lo, hi], 0 < lo <= hi, both exact: the one with
// the smallest denominator (and then numerator), by continued fractions.
Value simplestBetween(Value lo, Value hi) {
  Value* r = pushRoot(lo);
  pushRoot(hi);
  pushRoot(floorOf(r[0]));  // r[2]: floor(lo)
  Value result;
  if (rationalCompare(r[2], r[0]) == 0) {
    result = r[2];
  } else if (rationalCompare(r[2], floorOf(r[1])) < 0) {
    result = integerAdd(r[2], makeInteger(1));
  } else {
    // fl + 1 / simplest(1 / (hi - fl), 1 / (lo - fl))
    pushRoot(rationalDivide(makeInteger(1), rationalSubtract(r[1], r[2])));  // r[3]
    pushRoot(rationalDivide(makeInteger(1), rationalSubtract(r[0], r[2])));  // r[4]
    r[3] = simplestBetween(r[3], r[4]);
    result = rationalAdd(r[2], rationalDivide(makeInteger(1), r[3]));
  }
  rootTop = r;
  return result;
}

}  // namespace

Value prim_Rationalize(ARGS) {
  UNUSED_ARGC;
  realAt(Prim::Rationalize, args, 0);
  realAt(Prim::Rationalize, args, 1);
  bool inexact = isFlonum(args[0]) || isFlonum(args[1]);
  Value* r = pushRoot(toExact(args[0], Prim::Rationalize));
  pushRoot(toExact(args[1], Prim::Rationalize));
  if (realSign(r[1]) < 0) r[1] = rationalSubtract(makeInteger(0), r[1]);
  pushRoot(rationalSubtract(r[0], r[1]));  // r[2]: lo
  r[1] = rationalAdd(r[0], r[1]);           // hi
  Value result;
  if (realSign(r[2]) <= 0 && realSign(r[1]) >= 0) {
    result = makeInteger(0);
  } else if (realSign(r[2]) > 0) {
    result = simplestBetween(r[2], r[1]);
  } else {
    r[2] = rationalSubtract(makeInteger(0), r[2]);
    r[1] = rationalSubtract(makeInteger(0), r[1]);
    result = rationalSubtract(makeInteger(0), simplestBetween(r[1], r[2]));
  }
  if (inexact) result = toInexact(result);
  rootTop = r;
  return result;
}
