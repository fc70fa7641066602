// Vectors.
#include "primitives.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "evaluator.h"
#include "heap.h"
#include "printer.h"
#include "symbols.h"

Value prim_MakeVectorOf(ARGS) {
  Value v = makeVector((uint32_t)argc, kUnspecified);
  for (int32_t i = 0; i < argc; i++) vectorOf(v)->elements[i] = args[i];
  return v;
}

Value prim_MakeVector(ARGS) {
  int32_t n = integerArgument(Prim::MakeVector, args, 0);
  if (n < 0) failWrongType(Prim::MakeVector, 0, Expected::Count, args[0]);
  return makeVector((uint32_t)n, argc == 2 ? args[1] : makeInteger(0));
}

Value prim_VectorRef(ARGS) {
  UNUSED_ARGC;
  Value v = vectorAt(Prim::VectorRef, args, 0);
  return vectorOf(v)->elements[indexAt(Prim::VectorRef, args, 1, lengthOf(v))];
}

static Value mutableVector(Prim p, Value* args) {
  Value v = vectorAt(p, args, 0);
  if (headerOf(v) & kLiteral) failLiteral(p, v);
  return v;
}

Value prim_VectorSet(ARGS) {
  UNUSED_ARGC;
  Value v = mutableVector(Prim::VectorSet, args);
  vectorOf(v)->elements[indexAt(Prim::VectorSet, args, 1, lengthOf(v))] = args[2];
  return kUnspecified;
}

Value prim_VectorLength(ARGS) { UNUSED_ARGC; return makeInteger((int32_t)lengthOf(vectorAt(Prim::VectorLength, args, 0))); }

Value prim_VectorToList(ARGS) {
  UNUSED_ARGC;
  vectorAt(Prim::VectorToList, args, 0);
  Value* list = pushRoot(kNil);
  for (int32_t i = (int32_t)lengthOf(args[0]) - 1; i >= 0; i--)
    *list = makePair(vectorOf(args[0])->elements[i], *list);
  Value r = *list;
  rootTop = list;
  return r;
}

Value prim_ListToVector(ARGS) {
  UNUSED_ARGC;
  int32_t n = properLength(Prim::ListToVector, args, 0);
  Value v = makeVector((uint32_t)n, kUnspecified);
  int32_t i = 0;
  for (Value p = args[0]; p != kNil; p = pairOf(p)->cdr) vectorOf(v)->elements[i++] = pairOf(p)->car;
  return v;
}

Value prim_VectorFill(ARGS) {
  UNUSED_ARGC;
  Value v = mutableVector(Prim::VectorFill, args);
  for (uint32_t i = 0; i < lengthOf(v); i++) vectorOf(v)->elements[i] = args[1];
  return kUnspecified;
}

