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
  vectorAt(Prim::VectorToList, args, 0);
  IndexRange r = rangeAt(Prim::VectorToList, args, argc, 1, lengthOf(args[0]));
  Value* list = pushRoot(kNil);
  for (uint32_t i = r.end; i > r.start; i--) *list = makePair(vectorOf(args[0])->elements[i - 1], *list);
  Value result = *list;
  rootTop = list;
  return result;
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
  Value v = mutableVector(Prim::VectorFill, args);
  IndexRange r = rangeAt(Prim::VectorFill, args, argc, 2, lengthOf(v));
  for (uint32_t i = r.start; i < r.end; i++) vectorOf(v)->elements[i] = args[1];
  return kUnspecified;
}

Value prim_VectorCopy(ARGS) {
  vectorAt(Prim::VectorCopy, args, 0);
  IndexRange r = rangeAt(Prim::VectorCopy, args, argc, 1, lengthOf(args[0]));
  Value copy = makeVector(r.end - r.start, kUnspecified);
  memcpy(vectorOf(copy)->elements, vectorOf(args[0])->elements + r.start, (r.end - r.start) * sizeof(Value));
  return copy;
}

// (vector-copy! to at from [start [end]])
Value prim_VectorCopyInto(ARGS) {
  Value to = mutableVector(Prim::VectorCopyInto, args);
  int32_t at = integerArgument(Prim::VectorCopyInto, args, 1);
  if (at < 0 || (uint32_t)at > lengthOf(to)) failIndex(Prim::VectorCopyInto, at, lengthOf(to));
  Value from = vectorAt(Prim::VectorCopyInto, args, 2);
  IndexRange r = rangeAt(Prim::VectorCopyInto, args, argc, 3, lengthOf(from));
  // The copy would end past the target: its end index is out of range.
  if (r.end - r.start > lengthOf(to) - (uint32_t)at)
    failIndex(Prim::VectorCopyInto, at + (int32_t)(r.end - r.start), lengthOf(to));
  memmove(vectorOf(to)->elements + at, vectorOf(from)->elements + r.start, (r.end - r.start) * sizeof(Value));
  return kUnspecified;
}

Value prim_VectorAppend(ARGS) {
  uint64_t total = 0;
  for (int32_t i = 0; i < argc; i++) total += lengthOf(vectorAt(Prim::VectorAppend, args, i));
  if (total > kMaxInteger) fail("heap exhausted: vector-append of %llu elements", (unsigned long long)total);
  Value v = makeVector((uint32_t)total, kUnspecified);
  uint32_t at = 0;
  for (int32_t i = 0; i < argc; i++) {
    memcpy(vectorOf(v)->elements + at, vectorOf(args[i])->elements, lengthOf(args[i]) * sizeof(Value));
    at += lengthOf(args[i]);
  }
  return v;
}

// Calls f (args[0]) on the elements of the vectors args[1 .. argc-1] at each
// index, to the shortest; collects the results into a new vector when
// `collect`. f may do anything, vector-set! on these vectors included, so
// each element is read when its call is made.
static Value mapVectors(Prim p, Value* args, int32_t argc, bool collect) {
  procedureAt(p, args, 0);
  uint32_t n = UINT32_MAX;
  for (int32_t i = 1; i < argc; i++) {
    uint32_t length = lengthOf(vectorAt(p, args, i));
    if (length < n) n = length;
  }
  int32_t vectors = argc - 1;
  Value* result = pushRoot(collect ? makeVector(n, kUnspecified) : kUnspecified);
  Value* callArgs = rootTop;
  for (int32_t i = 0; i < vectors; i++) pushRoot(kNil);
  for (uint32_t k = 0; k < n; k++) {
    for (int32_t i = 0; i < vectors; i++) {
      callArgs[i] = vectorOf(args[1 + i])->elements[k];
    }
    Value r = applyFromPrimitive(args[0], callArgs, vectors);
    if (r == kUnwinding) {
      rootTop = result;
      return kUnwinding;
    }
    if (collect) vectorOf(*result)->elements[k] = r;
  }
  Value v = *result;
  rootTop = result;
  return v;
}
Value prim_VectorMap(ARGS) { return mapVectors(Prim::VectorMap, args, argc, true); }
Value prim_VectorForEach(ARGS) { return mapVectors(Prim::VectorForEach, args, argc, false); }
