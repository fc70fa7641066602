// The numeric primitives: arithmetic, comparison and the numeric predicates.
#include "primitives.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "evaluator.h"
#include "heap.h"
#include "printer.h"
#include "symbols.h"

Value prim_Add(ARGS) {
  int64_t sum = 0;  // 2^33 fixnums fit: only the result must be one
  for (int32_t i = 0; i < argc; i++) sum += integerArgument(Prim::Add, args, i);
  return checkedInteger(Prim::Add, sum);
}

Value prim_Subtract(ARGS) {
  int64_t n = integerArgument(Prim::Subtract, args, 0);
  if (argc == 1) return checkedInteger(Prim::Subtract, -n);
  for (int32_t i = 1; i < argc; i++) n -= integerArgument(Prim::Subtract, args, i);
  return checkedInteger(Prim::Subtract, n);
}

Value prim_Multiply(ARGS) {
  int64_t product = 1;
  for (int32_t i = 0; i < argc; i++) integerArgument(Prim::Multiply, args, i);  // types first
  for (int32_t i = 0; i < argc; i++) {
    product *= integerOf(args[i]);
    if (!inIntegerRange(product)) failOverflow(Prim::Multiply);
  }
  return makeInteger((int32_t)product);
}

static Value division(Prim p, Value* args) {
  int32_t a = integerArgument(p, args, 0), b = integerArgument(p, args, 1);
  if (b == 0) failDivisionByZero(p);
  int64_t q = (int64_t)a / b, r = (int64_t)a % b;
  if (p == Prim::Quotient) return checkedInteger(p, q);
  if (p == Prim::Remainder) return makeInteger((int32_t)r);
  if (r != 0 && ((r < 0) != (b < 0))) r += b;  // modulo takes the divisor's sign
  return makeInteger((int32_t)r);
}
Value prim_Quotient(ARGS) { UNUSED_ARGC; return division(Prim::Quotient, args); }
Value prim_Remainder(ARGS) { UNUSED_ARGC; return division(Prim::Remainder, args); }
Value prim_Modulo(ARGS) { UNUSED_ARGC; return division(Prim::Modulo, args); }

Value prim_Abs(ARGS) {
  UNUSED_ARGC;
  int64_t n = integerArgument(Prim::Abs, args, 0);
  return checkedInteger(Prim::Abs, n < 0 ? -n : n);
}

static Value extreme(Prim p, Value* args, int32_t argc, bool smallest) {
  int32_t best = integerArgument(p, args, 0);
  for (int32_t i = 1; i < argc; i++) {
    int32_t n = integerArgument(p, args, i);
    if (smallest ? n < best : n > best) best = n;
  }
  return makeInteger(best);
}
Value prim_Min(ARGS) { return extreme(Prim::Min, args, argc, true); }
Value prim_Max(ARGS) { return extreme(Prim::Max, args, argc, false); }

// Checks every argument's type first, as the error must name the first bad one.
static Value compareChain(Prim p, Value* args, int32_t argc) {
  for (int32_t i = 0; i < argc; i++) integerArgument(p, args, i);
  for (int32_t i = 0; i + 1 < argc; i++) {
    int32_t a = integerOf(args[i]), b = integerOf(args[i + 1]);
    bool holds = false;
    switch (p) {
      case Prim::NumberEqual: holds = a == b; break;
      case Prim::Less: holds = a < b; break;
      case Prim::Greater: holds = a > b; break;
      case Prim::LessEqual: holds = a <= b; break;
      default: holds = a >= b; break;
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

Value prim_IsZero(ARGS) { UNUSED_ARGC; return makeBoolean(integerArgument(Prim::IsZero, args, 0) == 0); }
Value prim_IsPositive(ARGS) { UNUSED_ARGC; return makeBoolean(integerArgument(Prim::IsPositive, args, 0) > 0); }
Value prim_IsNegative(ARGS) { UNUSED_ARGC; return makeBoolean(integerArgument(Prim::IsNegative, args, 0) < 0); }
Value prim_IsEven(ARGS) { UNUSED_ARGC; return makeBoolean(integerArgument(Prim::IsEven, args, 0) % 2 == 0); }
Value prim_IsOdd(ARGS) { UNUSED_ARGC; return makeBoolean(integerArgument(Prim::IsOdd, args, 0) % 2 != 0); }

