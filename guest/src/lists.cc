// Pairs, lists, and the primitives that call procedures on lists (map,
// for-each, apply); then the list procedures beyond R7RS that Guile users
// reach for (iota, filter, reduce, the folds ...). sort is sort.cc's.
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

Value prim_Cons(ARGS) { UNUSED_ARGC; return makePair(args[0], args[1]); }
Value prim_Car(ARGS) { UNUSED_ARGC; return pairOf(pairAt(Prim::Car, args, 0))->car; }
Value prim_Cdr(ARGS) { UNUSED_ARGC; return pairOf(pairAt(Prim::Cdr, args, 0))->cdr; }

static Value mutablePair(Prim p, Value* args) {
  Value pair = pairAt(p, args, 0);
  if (headerOf(pair) & kLiteral) failLiteral(p, pair);
  return pair;
}
Value prim_SetCar(ARGS) { UNUSED_ARGC; pairOf(mutablePair(Prim::SetCar, args))->car = args[1]; return kUnspecified; }
Value prim_SetCdr(ARGS) { UNUSED_ARGC; pairOf(mutablePair(Prim::SetCdr, args))->cdr = args[1]; return kUnspecified; }

// c[ad]+r, every one of them: the letters between c and r of the
// primitive's own name are the path, read right to left ('a' car, 'd' cdr).
static Value path(Prim p, Value v) {
  const char* name = primitiveName(p);
  for (int i = (int)strlen(name) - 2; i >= 1; i--) {
    if (!hasTag(v, kPairTag)) failWrongType(p, 0, Expected::Pair, v);
    v = name[i] == 'a' ? pairOf(v)->car : pairOf(v)->cdr;
  }
  return v;
}
#define CXR(id) \
  Value prim_##id(ARGS) { UNUSED_ARGC; return path(Prim::id, args[0]); }
CXR(Caar) CXR(Cadr) CXR(Cdar) CXR(Cddr)
CXR(Caaar) CXR(Caadr) CXR(Cadar) CXR(Caddr)
CXR(Cdaar) CXR(Cdadr) CXR(Cddar) CXR(Cdddr)
CXR(Caaaar) CXR(Caaadr) CXR(Caadar) CXR(Caaddr)
CXR(Cadaar) CXR(Cadadr) CXR(Caddar) CXR(Cadddr)
CXR(Cdaaar) CXR(Cdaadr) CXR(Cdadar) CXR(Cdaddr)
CXR(Cddaar) CXR(Cddadr) CXR(Cdddar) CXR(Cddddr)
#undef CXR

// ---- lists ----

// A new list of the values in slots [from, from + n), built back to front.
static Value listOf(Value* from, int32_t n) {
  Value* list = pushRoot(kNil);
  for (int32_t i = n - 1; i >= 0; i--) *list = makePair(from[i], *list);
  Value result = *list;
  rootTop = list;
  return result;
}

Value prim_List(ARGS) { return listOf(args, argc); }
Value prim_Length(ARGS) { UNUSED_ARGC; return makeInteger(properLength(Prim::Length, args, 0)); }

// A list under construction, front to back, in two root slots: its first
// pair and its last. Builds lists of any length the heap holds, with no root
// slot per element.
struct ListBuilder {
  Value* head;
  Value* last;
  ListBuilder() : head(pushRoot(kNil)), last(pushRoot(kNil)) {}
  void add(Value v) {  // v must be rooted or not a heap object: makePair may collect
    Value cell = makePair(v, kNil);
    if (*head == kNil)
      *head = cell;
    else
      pairOf(*last)->cdr = cell;
    *last = cell;
  }
  // Ends the list with `tail` and gives the slots back.
  Value finish(Value tail) {
    if (*head == kNil) {
      rootTop = head;
      return tail;
    }
    pairOf(*last)->cdr = tail;
    Value result = *head;
    rootTop = head;
    return result;
  }
};

// A copy of the pairs from args[i] on up to the first non-pair, which ends
// the copy. Elements are read from the source (rooted in args[i]) as it goes.
static Value copySpine(Value* args, int32_t i, Value tail) {
  Value* rest = pushRoot(args[i]);
  Value* end = pushRoot(tail);
  ListBuilder copy;
  while (hasTag(*rest, kPairTag)) {
    copy.add(pairOf(*rest)->car);  // makePair roots its own arguments
    *rest = pairOf(*rest)->cdr;
  }
  Value result = copy.finish(*end);
  rootTop = rest;
  return result;
}

Value prim_Append(ARGS) {
  if (argc == 0) return kNil;
  for (int32_t i = 0; i + 1 < argc; i++) properLength(Prim::Append, args, i);
  // Copy each list but the last, from the last one back, onto what follows.
  Value* result = pushRoot(args[argc - 1]);
  for (int32_t i = argc - 2; i >= 0; i--) *result = copySpine(args, i, *result);
  Value r = *result;
  rootTop = result;
  return r;
}

Value prim_ListCopy(ARGS) {
  UNUSED_ARGC;
  if (!hasTag(args[0], kPairTag)) return args[0];
  Value slow = args[0];  // a circular list has no copy
  int32_t n = 0;
  for (Value v = args[0]; hasTag(v, kPairTag); v = pairOf(v)->cdr) {
    if (++n % 2 == 0) {
      slow = pairOf(slow)->cdr;
      if (slow == pairOf(v)->cdr) failWrongType(Prim::ListCopy, 0, Expected::List, args[0]);
    }
  }
  Value end = args[0];
  while (hasTag(end, kPairTag)) end = pairOf(end)->cdr;
  return copySpine(args, 0, end);
}

Value prim_MakeList(ARGS) {
  int32_t n = integerArgument(Prim::MakeList, args, 0);
  if (n < 0) failWrongType(Prim::MakeList, 0, Expected::Count, args[0]);
  Value* list = pushRoot(kNil);
  for (int32_t i = 0; i < n; i++) *list = makePair(argc == 2 ? args[1] : makeInteger(0), *list);
  Value r = *list;
  rootTop = list;
  return r;
}

Value prim_Reverse(ARGS) {
  UNUSED_ARGC;
  properLength(Prim::Reverse, args, 0);
  Value* result = pushRoot(kNil);
  Value* rest = pushRoot(args[0]);
  while (*rest != kNil) {
    *result = makePair(pairOf(*rest)->car, *result);
    *rest = pairOf(*rest)->cdr;
  }
  Value r = *result;
  rootTop = result;
  return r;
}

// Pairs in the chain from v (to a non-pair), for messages.
static uint32_t pairCount(Value v) {
  uint32_t n = 0;
  for (; hasTag(v, kPairTag) && n < 100000000; v = pairOf(v)->cdr) n++;
  return n;
}

// Whether k cdrs can be taken from v.
static bool tailReached(Value v, int32_t k) {
  for (int32_t i = 0; i < k; i++) {
    if (!hasTag(v, kPairTag)) return false;
    v = pairOf(v)->cdr;
  }
  return true;
}

static Value listTail(Prim p, Value* args) {
  int32_t k = integerArgument(p, args, 1);
  if (k < 0 || !tailReached(args[0], k)) failIndex(p, k, pairCount(args[0]));
  Value v = args[0];
  for (int32_t i = 0; i < k; i++) v = pairOf(v)->cdr;
  return v;
}
Value prim_ListTail(ARGS) { UNUSED_ARGC; return listTail(Prim::ListTail, args); }
Value prim_ListRef(ARGS) {
  UNUSED_ARGC;
  Value tail = listTail(Prim::ListRef, args);
  if (!hasTag(tail, kPairTag)) {
    failIndex(Prim::ListRef, integerOf(args[1]), pairCount(args[0]));
  }
  return pairOf(tail)->car;
}
Value prim_ListSet(ARGS) {
  UNUSED_ARGC;
  Value tail = listTail(Prim::ListSet, args);
  if (!hasTag(tail, kPairTag)) failIndex(Prim::ListSet, integerOf(args[1]), pairCount(args[0]));
  if (headerOf(tail) & kLiteral) failLiteral(Prim::ListSet, args[0]);
  pairOf(tail)->car = args[2];
  return kUnspecified;
}

enum class Equivalence { Eq, Eqv, Equal };
static bool same(Equivalence e, Value a, Value b) {
  switch (e) {
    case Equivalence::Eq: return a == b;
    case Equivalence::Eqv: return eqv(a, b);
    default: return equal(a, b);
  }
}

// member and assoc with a third argument: (compare x item) decides, and may
// do anything, the list's pairs too, so the walk checks each step and keeps
// its place in a root slot. `entries`: assoc's items are pairs, compared by car.
static Value searchCalling(Prim p, Value* args, bool entries) {
  procedureAt(p, args, 2);
  properLength(p, args, 1);
  Value* cursor = pushRoot(args[1]);
  Value* callArgs = pushRoot(args[0]);
  pushRoot(kNil);
  Value found = kFalse;
  for (; *cursor != kNil; *cursor = pairOf(*cursor)->cdr) {
    if (!hasTag(*cursor, kPairTag)) failWrongType(p, 1, Expected::List, args[1]);
    Value item = pairOf(*cursor)->car;
    if (entries) {
      if (!hasTag(item, kPairTag)) failWrongType(p, 1, Expected::List, args[1]);
      item = pairOf(item)->car;
    }
    callArgs[0] = args[0];
    callArgs[1] = item;
    Value same = applyFromPrimitive(args[2], callArgs, 2);
    if (same == kUnwinding) {
      found = kUnwinding;
      break;
    }
    if (same != kFalse) {
      found = entries ? pairOf(*cursor)->car : *cursor;
      break;
    }
  }
  rootTop = cursor;
  return found;
}

static Value member(Prim p, Value* args, Equivalence e) {
  properLength(p, args, 1);
  for (Value v = args[1]; v != kNil; v = pairOf(v)->cdr)
    if (same(e, args[0], pairOf(v)->car)) return v;
  return kFalse;
}
Value prim_Memq(ARGS) { UNUSED_ARGC; return member(Prim::Memq, args, Equivalence::Eq); }
Value prim_Memv(ARGS) { UNUSED_ARGC; return member(Prim::Memv, args, Equivalence::Eqv); }
Value prim_Member(ARGS) {
  if (argc == 3) return searchCalling(Prim::Member, args, false);
  return member(Prim::Member, args, Equivalence::Equal);
}

static Value association(Prim p, Value* args, Equivalence e) {
  properLength(p, args, 1);
  for (Value v = args[1]; v != kNil; v = pairOf(v)->cdr) {
    Value entry = pairOf(v)->car;
    if (!hasTag(entry, kPairTag)) failWrongType(p, 1, Expected::List, args[1]);
    if (same(e, args[0], pairOf(entry)->car)) return entry;
  }
  return kFalse;
}
Value prim_Assq(ARGS) { UNUSED_ARGC; return association(Prim::Assq, args, Equivalence::Eq); }
Value prim_Assv(ARGS) { UNUSED_ARGC; return association(Prim::Assv, args, Equivalence::Eqv); }
Value prim_Assoc(ARGS) {
  if (argc == 3) return searchCalling(Prim::Assoc, args, true);
  return association(Prim::Assoc, args, Equivalence::Equal);
}

// ---- higher order ----

// Calls f on the elements of the lists args[1 .. argc-1] in step, to the
// shortest; collects the results into a list when `collect`.
static Value mapLists(Prim p, Value* args, int32_t argc, bool collect) {
  procedureAt(p, args, 0);
  for (int32_t i = 1; i < argc; i++) properLength(p, args, i);
  int32_t lists = argc - 1;
  Value* cursors = rootTop;
  for (int32_t i = 1; i < argc; i++) pushRoot(args[i]);
  Value* head = pushRoot(kNil);
  Value* tail = pushRoot(kNil);
  Value* callArgs = rootTop;
  for (int32_t i = 0; i < lists; i++) pushRoot(kNil);
  for (;;) {
    for (int32_t i = 0; i < lists; i++) {
      if (cursors[i] == kNil) goto finished;
      // the procedure may have cut the list short with set-cdr!
      if (!hasTag(cursors[i], kPairTag)) failWrongType(p, i + 1, Expected::List, args[i + 1]);
      callArgs[i] = pairOf(cursors[i])->car;
      cursors[i] = pairOf(cursors[i])->cdr;
    }
    Value r = applyFromPrimitive(args[0], callArgs, lists);
    if (r == kUnwinding) {
      rootTop = cursors;
      return kUnwinding;
    }
    if (collect) {
      Value cell = makePair(r, kNil);
      if (*head == kNil)
        *head = cell;
      else
        pairOf(*tail)->cdr = cell;
      *tail = cell;
    }
  }
finished:
  Value result = collect ? *head : kUnspecified;
  rootTop = cursors;
  return result;
}
Value prim_Map(ARGS) { return mapLists(Prim::Map, args, argc, true); }
Value prim_ForEach(ARGS) { return mapLists(Prim::ForEach, args, argc, false); }

Value prim_Apply(ARGS) {
  // Not in tail position (the evaluator and compiled code make that a tail
  // call): the evaluator spreads the list, into root slots or, when it is
  // long, into a block of its own.
  procedureAt(Prim::Apply, args, 0);
  return applyProcedure(primitiveObject(Prim::Apply), args, argc);
}

// ---- beyond R7RS: Guile's, SRFI 1's and R6RS's list procedures ----
//
// Those that call procedures keep what they hold across a call in root slots
// (the call may collect), and walk each list for at most the elements it had
// when they checked it: the procedure may change the list (set-cdr!), and
// must not make the walk crash or run forever.

// The next element of a list being walked (*cursor, a root slot), or the
// primitive's wrong-type error naming argument i when the list was cut short.
static Value nextElement(Prim p, Value* args, int32_t i, Value* cursor) {
  if (!hasTag(*cursor, kPairTag)) failWrongType(p, i, Expected::List, args[i]);
  Value element = pairOf(*cursor)->car;
  *cursor = pairOf(*cursor)->cdr;
  return element;
}

namespace {

// Lists args[first ..] walked in step, for fold-left and list-index: a
// cursor per list in root slots, and each list's next element copied out.
struct ListsInStep {
  Value* cursors;
  int32_t first, count;
  ListsInStep(Value* args, int32_t first, int32_t count) : cursors(rootTop), first(first), count(count) {
    for (int32_t i = 0; i < count; i++) pushRoot(args[first + i]);
  }
  void next(Prim p, Value* args, Value* into) {
    for (int32_t i = 0; i < count; i++) into[i] = nextElement(p, args, first + i, &cursors[i]);
  }
};

}  // namespace

Value prim_Iota(ARGS) {
  int32_t n = integerArgument(Prim::Iota, args, 0);
  if (n < 0) failWrongType(Prim::Iota, 0, Expected::Count, args[0]);
  for (int32_t i = 1; i < argc; i++) numberAt(Prim::Iota, args, i);
  // Each element is start + i * step (not a running sum), as Guile computes
  // it: inexact steps do not accumulate rounding errors.
  Value* list = pushRoot(kNil);
  Value* element = pushRoot(kNil);
  for (int32_t i = n - 1; i >= 0; i--) {
    if (argc == 1) {
      *element = makeInteger(i);
    } else {
      *element = numberMultiply(makeInteger(i), argc > 2 ? args[2] : makeInteger(1));
      *element = numberAdd(args[1], *element);
    }
    *list = makePair(*element, *list);
  }
  Value r = *list;
  rootTop = list;
  return r;
}

Value prim_LastPair(ARGS) {
  UNUSED_ARGC;
  if (args[0] == kNil) return kNil;  // as Guile
  Value v = pairAt(Prim::LastPair, args, 0);
  Value slow = v;
  for (int32_t n = 1; hasTag(pairOf(v)->cdr, kPairTag); n++) {
    v = pairOf(v)->cdr;
    if (n % 2 == 0) {
      slow = pairOf(slow)->cdr;
      if (slow == v) failWrongType(Prim::LastPair, 0, Expected::List, args[0]);  // circular
    }
  }
  return v;
}

Value prim_Filter(ARGS) {
  UNUSED_ARGC;
  procedureAt(Prim::Filter, args, 0);
  int32_t n = properLength(Prim::Filter, args, 1);
  Value* cursor = pushRoot(args[1]);
  Value* element = pushRoot(kNil);
  ListBuilder kept;
  for (int32_t i = 0; i < n; i++) {
    *element = nextElement(Prim::Filter, args, 1, cursor);
    Value keep = applyFromPrimitive(args[0], element, 1);
    if (keep == kUnwinding) {
      rootTop = cursor;
      return kUnwinding;
    }
    if (keep != kFalse) kept.add(*element);
  }
  Value r = kept.finish(kNil);
  rootTop = cursor;
  return r;
}

Value prim_Reduce(ARGS) {
  UNUSED_ARGC;
  procedureAt(Prim::Reduce, args, 0);
  int32_t n = properLength(Prim::Reduce, args, 2);
  if (n == 0) return args[1];
  Value* cursor = pushRoot(args[2]);
  Value* callArgs = pushRoot(kNil);  // the element, then what has been reduced so far
  pushRoot(nextElement(Prim::Reduce, args, 2, cursor));
  for (int32_t i = 1; i < n; i++) {
    callArgs[0] = nextElement(Prim::Reduce, args, 2, cursor);
    callArgs[1] = applyFromPrimitive(args[0], callArgs, 2);
    if (callArgs[1] == kUnwinding) break;
  }
  Value r = callArgs[1];
  rootTop = cursor;
  return r;
}

// The length of the shortest of the lists args[first ..].
static int32_t shortestLength(Prim p, Value* args, int32_t argc, int32_t first) {
  int32_t n = INT32_MAX;
  for (int32_t i = first; i < argc; i++) {
    int32_t length = properLength(p, args, i);
    if (length < n) n = length;
  }
  return n;
}

Value prim_FoldLeft(ARGS) {
  procedureAt(Prim::FoldLeft, args, 0);
  int32_t n = shortestLength(Prim::FoldLeft, args, argc, 2);
  ListsInStep lists(args, 2, argc - 2);
  Value* callArgs = pushRoot(args[1]);  // what has been folded so far, then an element of each list
  for (int32_t i = 0; i < lists.count; i++) pushRoot(kNil);
  for (int32_t k = 0; k < n; k++) {
    lists.next(Prim::FoldLeft, args, callArgs + 1);
    callArgs[0] = applyFromPrimitive(args[0], callArgs, lists.count + 1);
    if (callArgs[0] == kUnwinding) break;
  }
  Value r = callArgs[0];
  rootTop = lists.cursors;
  return r;
}

Value prim_FoldRight(ARGS) {
  procedureAt(Prim::FoldRight, args, 0);
  int32_t n = shortestLength(Prim::FoldRight, args, argc, 2);
  int32_t lists = argc - 2;
  // The elements, row k holding element k of each list, so that the fold
  // can go from the last; nothing is called while they are gathered.
  uint64_t total = (uint64_t)n * (uint64_t)lists;
  if (total > kMaxInteger) fail("heap exhausted: fold-right over %llu elements", (unsigned long long)total);
  Value* rows = pushRoot(makeVector((uint32_t)total, kUnspecified));
  for (int32_t i = 0; i < lists; i++) {
    Value v = args[2 + i];
    for (int32_t k = 0; k < n; k++, v = pairOf(v)->cdr) vectorOf(*rows)->elements[k * lists + i] = pairOf(v)->car;
  }
  Value* callArgs = rootTop;  // an element of each list, then what has been folded so far
  for (int32_t i = 0; i < lists; i++) pushRoot(kNil);
  pushRoot(args[1]);
  for (int32_t k = n - 1; k >= 0; k--) {
    for (int32_t i = 0; i < lists; i++) callArgs[i] = vectorOf(*rows)->elements[k * lists + i];
    callArgs[lists] = applyFromPrimitive(args[0], callArgs, lists + 1);
    if (callArgs[lists] == kUnwinding) break;
  }
  Value r = callArgs[lists];
  rootTop = rows;
  return r;
}

Value prim_Delete(ARGS) {
  if (argc == 3) procedureAt(Prim::Delete, args, 2);
  int32_t n = properLength(Prim::Delete, args, 1);
  Value* cursor = pushRoot(args[1]);
  Value* callArgs = pushRoot(args[0]);  // x, then the element: (= x element)
  pushRoot(kNil);
  ListBuilder kept;
  for (int32_t i = 0; i < n; i++) {
    callArgs[0] = args[0];
    callArgs[1] = nextElement(Prim::Delete, args, 1, cursor);
    Value same = argc == 3 ? applyFromPrimitive(args[2], callArgs, 2) : makeBoolean(equal(callArgs[0], callArgs[1]));
    if (same == kUnwinding) {
      rootTop = cursor;
      return kUnwinding;
    }
    if (same == kFalse) kept.add(callArgs[1]);
  }
  Value r = kept.finish(kNil);
  rootTop = cursor;
  return r;
}

Value prim_ListIndex(ARGS) {
  procedureAt(Prim::ListIndex, args, 0);
  int32_t n = shortestLength(Prim::ListIndex, args, argc, 1);
  ListsInStep lists(args, 1, argc - 1);
  Value* callArgs = rootTop;  // an element of each list
  for (int32_t i = 0; i < lists.count; i++) pushRoot(kNil);
  Value found = kFalse;
  for (int32_t k = 0; k < n; k++) {
    lists.next(Prim::ListIndex, args, callArgs);
    Value hit = applyFromPrimitive(args[0], callArgs, lists.count);
    if (hit != kFalse) {
      found = hit == kUnwinding ? kUnwinding : makeInteger(k);
      break;
    }
  }
  rootTop = lists.cursors;
  return found;
}
