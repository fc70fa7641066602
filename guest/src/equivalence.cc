// Equivalence (eq?, eqv?, equal?) and the type predicates.
#include "primitives.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "evaluator.h"
#include "heap.h"
#include "printer.h"
#include "symbols.h"

bool equal(Value a, Value b, int nesting) {
  for (;;) {
    if (a == b) return true;
    if (!isObject(a) || !isObject(b) || tagOf(a) != tagOf(b)) return false;
    switch (tagOf(a)) {
      case kStringTag:
        return lengthOf(a) == lengthOf(b) && memcmp(stringOf(a)->bytes, stringOf(b)->bytes, lengthOf(a)) == 0;
      case kVectorTag:
        if (lengthOf(a) != lengthOf(b)) return false;
        for (uint32_t i = 0; i < lengthOf(a); i++)
          if (!equal(vectorOf(a)->elements[i], vectorOf(b)->elements[i], nesting + 1)) return false;
        return true;
      case kPairTag:
        if (nesting > 10000) fail("equal?: data nested too deeply");
        if (!equal(pairOf(a)->car, pairOf(b)->car, nesting + 1)) return false;
        a = pairOf(a)->cdr;
        b = pairOf(b)->cdr;
        continue;
      default: return false;
    }
  }
}

Value prim_Not(ARGS) { UNUSED_ARGC; return makeBoolean(args[0] == kFalse); }
Value prim_IsEq(ARGS) { UNUSED_ARGC; return makeBoolean(args[0] == args[1]); }
Value prim_IsEqv(ARGS) { UNUSED_ARGC; return makeBoolean(args[0] == args[1]); }
Value prim_IsEqual(ARGS) { UNUSED_ARGC; return makeBoolean(equal(args[0], args[1], 0)); }
Value prim_IsNull(ARGS) { UNUSED_ARGC; return makeBoolean(args[0] == kNil); }
Value prim_IsPair(ARGS) { UNUSED_ARGC; return makeBoolean(hasTag(args[0], kPairTag)); }
Value prim_IsList(ARGS) {
  UNUSED_ARGC;
  Value slow = args[0];
  int32_t n = 0;
  for (Value v = args[0]; v != kNil; v = pairOf(v)->cdr) {
    if (!hasTag(v, kPairTag)) return kFalse;
    if (++n % 2 == 0) {
      slow = pairOf(slow)->cdr;
      if (slow == pairOf(v)->cdr) return kFalse;
    }
  }
  return kTrue;
}
Value prim_IsSymbol(ARGS) { UNUSED_ARGC; return makeBoolean(hasTag(args[0], kSymbolTag)); }
Value prim_IsString(ARGS) { UNUSED_ARGC; return makeBoolean(hasTag(args[0], kStringTag)); }
Value prim_IsVector(ARGS) { UNUSED_ARGC; return makeBoolean(hasTag(args[0], kVectorTag)); }
Value prim_IsProcedure(ARGS) {
  UNUSED_ARGC;
  return makeBoolean(hasTag(args[0], kClosureTag) || hasTag(args[0], kPrimitiveTag));
}
Value prim_IsBoolean(ARGS) { UNUSED_ARGC; return makeBoolean(args[0] == kTrue || args[0] == kFalse); }
Value prim_IsInteger(ARGS) { UNUSED_ARGC; return makeBoolean(isInteger(args[0])); }
Value prim_IsNumber(ARGS) { UNUSED_ARGC; return makeBoolean(isInteger(args[0])); }

