// Pairs, lists, and the primitives that call procedures on lists (map,
// for-each, apply).
#include "primitives.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "evaluator.h"
#include "heap.h"
#include "printer.h"
#include "symbols.h"

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

// c[ad]+r: the path read right to left, 'a' for car and 'd' for cdr.
static Value path(Prim p, Value v, const char* letters) {
  for (int i = (int)strlen(letters) - 1; i >= 0; i--) {
    if (!hasTag(v, kPairTag)) failWrongType(p, 0, Expected::Pair, v);
    v = letters[i] == 'a' ? pairOf(v)->car : pairOf(v)->cdr;
  }
  return v;
}
Value prim_Caar(ARGS) { UNUSED_ARGC; return path(Prim::Caar, args[0], "aa"); }
Value prim_Cadr(ARGS) { UNUSED_ARGC; return path(Prim::Cadr, args[0], "ad"); }
Value prim_Cdar(ARGS) { UNUSED_ARGC; return path(Prim::Cdar, args[0], "da"); }
Value prim_Cddr(ARGS) { UNUSED_ARGC; return path(Prim::Cddr, args[0], "dd"); }
Value prim_Caddr(ARGS) { UNUSED_ARGC; return path(Prim::Caddr, args[0], "add"); }
Value prim_Cdddr(ARGS) { UNUSED_ARGC; return path(Prim::Cdddr, args[0], "ddd"); }
Value prim_Cadddr(ARGS) { UNUSED_ARGC; return path(Prim::Cadddr, args[0], "addd"); }

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

Value prim_Append(ARGS) {
  if (argc == 0) return kNil;
  for (int32_t i = 0; i + 1 < argc; i++) properLength(Prim::Append, args, i);
  Value* result = pushRoot(args[argc - 1]);
  // Copy each list but the last, from the last one back.
  for (int32_t i = argc - 2; i >= 0; i--) {
    Value* elements = rootTop;
    for (Value v = args[i]; v != kNil; v = pairOf(v)->cdr) pushRoot(pairOf(v)->car);
    int32_t n = (int32_t)(rootTop - elements);
    for (int32_t k = n - 1; k >= 0; k--) *result = makePair(elements[k], *result);
    rootTop = elements;
  }
  Value r = *result;
  rootTop = result;
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

enum class Equivalence { Eq, Eqv, Equal };
bool same(Equivalence e, Value a, Value b) { return e == Equivalence::Equal ? equal(a, b, 0) : a == b; }

static Value member(Prim p, Value* args, Equivalence e) {
  properLength(p, args, 1);
  for (Value v = args[1]; v != kNil; v = pairOf(v)->cdr)
    if (same(e, args[0], pairOf(v)->car)) return v;
  return kFalse;
}
Value prim_Memq(ARGS) { UNUSED_ARGC; return member(Prim::Memq, args, Equivalence::Eq); }
Value prim_Memv(ARGS) { UNUSED_ARGC; return member(Prim::Memv, args, Equivalence::Eqv); }
Value prim_Member(ARGS) { UNUSED_ARGC; return member(Prim::Member, args, Equivalence::Equal); }

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
Value prim_Assoc(ARGS) { UNUSED_ARGC; return association(Prim::Assoc, args, Equivalence::Equal); }

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
      callArgs[i] = pairOf(cursors[i])->car;
      cursors[i] = pairOf(cursors[i])->cdr;
    }
    Value r = applyProcedure(args[0], callArgs, lists);
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
  // Not in tail position (the evaluator and compiled code make that a tail call).
  Value* base = rootTop;
  pushRoot(kUnset);
  for (int32_t i = 0; i < argc; i++) pushRoot(args[i]);
  procedureAt(Prim::Apply, base + 1, 0);
  int32_t n = spreadApplyArguments(base, argc);
  Value result = applyProcedure(base[0], base + 1, n);
  rootTop = base;
  return result;
}

