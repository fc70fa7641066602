// sort, as Guile's: (sort list-or-vector less?) gives a new list or vector of
// the elements in order. A merge sort, so it is stable (equal elements keep
// their order) and calls less? O(n log n) times whatever the input.
#include "primitives.h"

#include "errors.h"
#include "evaluator.h"
#include "heap.h"

namespace {

// The elements of a proper list, or -1 for anything else (improper, circular).
int32_t listLength(Value v) {
  int32_t n = 0;
  Value slow = v;
  for (; v != kNil; v = pairOf(v)->cdr) {
    if (!hasTag(v, kPairTag)) return -1;
    if (++n % 2 == 0) {
      slow = pairOf(slow)->cdr;
      if (slow == pairOf(v)->cdr) return -1;
    }
  }
  return n;
}

// Merges the sorted runs [lo, mid) and [mid, hi) of *from into *to. An
// element of the right run goes first only when it is strictly less, which
// is what keeps the sort stable. less? may collect: it and the vectors are
// re-read from their root slots for each call. False when less? threw
// (kUnwinding).
bool merge(const Value* less, Value* from, Value* to, Value* callArgs, uint32_t lo, uint32_t mid, uint32_t hi) {
  uint32_t i = lo, j = mid, k = lo;
  while (i < mid && j < hi) {
    callArgs[0] = vectorOf(*from)->elements[j];
    callArgs[1] = vectorOf(*from)->elements[i];
    Value rightFirst = applyFromPrimitive(*less, callArgs, 2);
    if (rightFirst == kUnwinding) return false;
    vectorOf(*to)->elements[k++] = vectorOf(*from)->elements[rightFirst != kFalse ? j++ : i++];
  }
  while (i < mid) vectorOf(*to)->elements[k++] = vectorOf(*from)->elements[i++];
  while (j < hi) vectorOf(*to)->elements[k++] = vectorOf(*from)->elements[j++];
  return true;
}

}  // namespace

Value prim_Sort(ARGS) {
  UNUSED_ARGC;
  bool vector = hasTag(args[0], kVectorTag);
  int32_t n = vector ? (int32_t)lengthOf(args[0]) : listLength(args[0]);
  if (n < 0) failWrongType(Prim::Sort, 0, Expected::ListOrVector, args[0]);
  procedureAt(Prim::Sort, args, 1);
  Value* items = pushRoot(makeVector((uint32_t)n, kUnspecified));
  if (vector) {
    for (int32_t i = 0; i < n; i++) vectorOf(*items)->elements[i] = vectorOf(args[0])->elements[i];
  } else {
    int32_t i = 0;
    for (Value v = args[0]; v != kNil; v = pairOf(v)->cdr) vectorOf(*items)->elements[i++] = pairOf(v)->car;
  }
  Value* spare = pushRoot(makeVector((uint32_t)n, kUnspecified));
  Value* callArgs = pushRoot(kNil);
  pushRoot(kNil);
  // Bottom up: runs of 1, 2, 4 ... merged pairwise from *items into *spare,
  // which then change places.
  for (uint32_t width = 1; width < (uint32_t)n; width *= 2) {
    for (uint32_t lo = 0; lo < (uint32_t)n; lo += 2 * width) {
      uint32_t mid = lo + width < (uint32_t)n ? lo + width : (uint32_t)n;
      uint32_t hi = mid + width < (uint32_t)n ? mid + width : (uint32_t)n;
      if (!merge(&args[1], items, spare, callArgs, lo, mid, hi)) {
        rootTop = items;
        return kUnwinding;
      }
    }
    Value sorted = *spare;
    *spare = *items;
    *items = sorted;
  }
  Value result = *items;
  if (!vector) {
    Value* list = callArgs;  // a root slot free now
    *list = kNil;
    for (int32_t i = n; i > 0; i--) *list = makePair(vectorOf(*items)->elements[i - 1], *list);
    result = *list;
  }
  rootTop = items;
  return result;
}
