// The primitive table, and the argument checks every primitive's file shares.
// The implementations (prim_ID of primitives.def) live in a file per kind of
// data: numbers.cc, number_text.cc, equivalence.cc, lists.cc, vectors.cc,
// strings.cc, output.cc.
#include "primitives.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "evaluator.h"
#include "heap.h"
#include "printer.h"
#include "symbols.h"
#include "tower.h"


Value pairAt(Prim p, Value* args, int32_t i) {
  if (!hasTag(args[i], kPairTag)) failWrongType(p, i, Expected::Pair, args[i]);
  return args[i];
}

Value numberAt(Prim p, Value* args, int32_t i) {
  if (!isNumber(args[i])) failWrongType(p, i, Expected::Number, args[i]);
  return args[i];
}

Value realAt(Prim p, Value* args, int32_t i) {
  if (!isRealNumber(args[i])) failWrongType(p, i, Expected::Real, args[i]);
  return args[i];
}

Value vectorAt(Prim p, Value* args, int32_t i) {
  if (!hasTag(args[i], kVectorTag)) failWrongType(p, i, Expected::Vector, args[i]);
  return args[i];
}

Value stringAt(Prim p, Value* args, int32_t i) {
  if (!hasTag(args[i], kStringTag)) failWrongType(p, i, Expected::String, args[i]);
  return args[i];
}

Value procedureAt(Prim p, Value* args, int32_t i) {
  if (!isProcedure(args[i]))
    failWrongType(p, i, Expected::Procedure, args[i]);
  return args[i];
}

int32_t indexAt(Prim p, Value* args, int32_t i, uint32_t length) {
  int32_t k = integerArgument(p, args, i);
  if (k < 0 || (uint32_t)k >= length) failIndex(p, k, length);
  return k;
}

IndexRange rangeAt(Prim p, Value* args, int32_t argc, int32_t first, uint32_t length) {
  int32_t start = argc > first ? integerArgument(p, args, first) : 0;
  int32_t end = argc > first + 1 ? integerArgument(p, args, first + 1) : (int32_t)length;
  if (start < 0 || (uint32_t)start > length) failIndex(p, start, length);
  if (end < start || (uint32_t)end > length) failIndex(p, end, length);
  return {(uint32_t)start, (uint32_t)end};
}

int32_t properLength(Prim p, Value* args, int32_t i) {
  int32_t n = 0;
  Value slow = args[i];
  for (Value v = args[i]; v != kNil; v = pairOf(v)->cdr) {
    if (!hasTag(v, kPairTag)) failWrongType(p, i, Expected::List, args[i]);
    if (++n % 2 == 0) {
      slow = pairOf(slow)->cdr;
      if (slow == pairOf(v)->cdr) failWrongType(p, i, Expected::List, args[i]);  // circular
    }
  }
  return n;
}

namespace {

const PrimitiveInfo kPrimitives[] = {
#define calls 2  // the effects column's third value (false and true are 0 and 1)
#define PRIMITIVE(id, name, min, max, effects, doc) {name, min, max, (PrimitiveEffects)(effects), prim_##id, doc},
#include "primitives.def"
#undef PRIMITIVE
#undef calls
};

PrimitiveObject objects[(int)Prim::Count];

}  // namespace

const PrimitiveInfo& primitiveInfo(Prim p) { return kPrimitives[(int)p]; }

Value primitiveObject(Prim p) { return (Value)&objects[(int)p]; }

void definePrimitives() {
  static bool defined;
  if (defined) return;
  defined = true;
  for (int i = 0; i < (int)Prim::Count; i++) {
    objects[i].header = makeHeader(kPrimitiveTag, 0);
    objects[i].index = (uint32_t)i;
    GlobalCell* cell = globalCell(intern(kPrimitives[i].name));
    cell->value = (Value)&objects[i];
  }
}

bool acceptsArgumentCount(Prim p, int32_t argc) {
  const PrimitiveInfo& info = primitiveInfo(p);
  return argc >= info.minArgs && (info.maxArgs == kAny || argc <= info.maxArgs);
}

Value callPrimitive(Prim p, Value* args, int32_t argc) {
  if (!acceptsArgumentCount(p, argc)) failArgumentCount(primitiveObject(p), argc);
  return primitiveInfo(p).function(args, argc);
}

int32_t integerArgument(Prim p, Value* args, int32_t index) {
  if (!isInteger(args[index]))
    failWrongType(p, index, hasTag(args[index], kBignumTag) ? Expected::Fixnum : Expected::Integer, args[index]);
  return integerOf(args[index]);
}
