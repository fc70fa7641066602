// The primitives' implementations, one function each (prim_ID of
// primitives.def). Arguments are in root slots: re-read them after any
// allocation, never keep their addresses' contents in C++ locals across one.
#include "primitives.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "evaluator.h"
#include "heap.h"
#include "printer.h"
#include "symbols.h"

namespace {

#define ARGS Value* args, int32_t argc
#define UNUSED_ARGC (void)argc


Value checkedInteger(Prim p, int64_t n) {
  if (!inIntegerRange(n)) failOverflow(p);
  return makeInteger((int32_t)n);
}

Value pairAt(Prim p, Value* args, int32_t i) {
  if (!hasTag(args[i], kPairTag)) failWrongType(p, i, Expected::Pair, args[i]);
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

// Elements of a proper list, or a wrong-type error naming argument i.
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

// ---- numbers ----

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

Value division(Prim p, Value* args) {
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

Value extreme(Prim p, Value* args, int32_t argc, bool smallest) {
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
Value compareChain(Prim p, Value* args, int32_t argc) {
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

// ---- equivalence and types ----

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

// ---- pairs ----

Value prim_Cons(ARGS) { UNUSED_ARGC; return makePair(args[0], args[1]); }
Value prim_Car(ARGS) { UNUSED_ARGC; return pairOf(pairAt(Prim::Car, args, 0))->car; }
Value prim_Cdr(ARGS) { UNUSED_ARGC; return pairOf(pairAt(Prim::Cdr, args, 0))->cdr; }

Value mutablePair(Prim p, Value* args) {
  Value pair = pairAt(p, args, 0);
  if (headerOf(pair) & kLiteral) failLiteral(p, pair);
  return pair;
}
Value prim_SetCar(ARGS) { UNUSED_ARGC; pairOf(mutablePair(Prim::SetCar, args))->car = args[1]; return kUnspecified; }
Value prim_SetCdr(ARGS) { UNUSED_ARGC; pairOf(mutablePair(Prim::SetCdr, args))->cdr = args[1]; return kUnspecified; }

// c[ad]+r: the path read right to left, 'a' for car and 'd' for cdr.
Value path(Prim p, Value v, const char* letters) {
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
Value listOf(Value* from, int32_t n) {
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
uint32_t pairCount(Value v) {
  uint32_t n = 0;
  for (; hasTag(v, kPairTag) && n < 100000000; v = pairOf(v)->cdr) n++;
  return n;
}

// Whether k cdrs can be taken from v.
bool tailReached(Value v, int32_t k) {
  for (int32_t i = 0; i < k; i++) {
    if (!hasTag(v, kPairTag)) return false;
    v = pairOf(v)->cdr;
  }
  return true;
}

Value listTail(Prim p, Value* args) {
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

Value member(Prim p, Value* args, Equivalence e) {
  properLength(p, args, 1);
  for (Value v = args[1]; v != kNil; v = pairOf(v)->cdr)
    if (same(e, args[0], pairOf(v)->car)) return v;
  return kFalse;
}
Value prim_Memq(ARGS) { UNUSED_ARGC; return member(Prim::Memq, args, Equivalence::Eq); }
Value prim_Memv(ARGS) { UNUSED_ARGC; return member(Prim::Memv, args, Equivalence::Eqv); }
Value prim_Member(ARGS) { UNUSED_ARGC; return member(Prim::Member, args, Equivalence::Equal); }

Value association(Prim p, Value* args, Equivalence e) {
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

Value procedureAt(Prim p, Value* args, int32_t i) {
  if (!hasTag(args[i], kClosureTag) && !hasTag(args[i], kPrimitiveTag))
    failWrongType(p, i, Expected::Procedure, args[i]);
  return args[i];
}

// Calls f on the elements of the lists args[1 .. argc-1] in step, to the
// shortest; collects the results into a list when `collect`.
Value mapLists(Prim p, Value* args, int32_t argc, bool collect) {
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

// ---- vectors ----

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

int32_t indexAt(Prim p, Value* args, int32_t i, uint32_t length) {
  int32_t k = integerArgument(p, args, i);
  if (k < 0 || (uint32_t)k >= length) failIndex(p, k, length);
  return k;
}

Value prim_VectorRef(ARGS) {
  UNUSED_ARGC;
  Value v = vectorAt(Prim::VectorRef, args, 0);
  return vectorOf(v)->elements[indexAt(Prim::VectorRef, args, 1, lengthOf(v))];
}

Value mutableVector(Prim p, Value* args) {
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

// ---- strings and symbols ----

Value prim_StringLength(ARGS) { UNUSED_ARGC; return makeInteger((int32_t)lengthOf(stringAt(Prim::StringLength, args, 0))); }

Value prim_StringAppend(ARGS) {
  size_t total = 0;
  for (int32_t i = 0; i < argc; i++) total += lengthOf(stringAt(Prim::StringAppend, args, i));
  Value s = makeStringUninitialised(total);  // may move the arguments: read them after
  size_t at = 0;
  for (int32_t i = 0; i < argc; i++) {
    memcpy(stringOf(s)->bytes + at, stringOf(args[i])->bytes, lengthOf(args[i]));
    at += lengthOf(args[i]);
  }
  return s;
}

int compareStrings(Value a, Value b) {
  uint32_t n = lengthOf(a) < lengthOf(b) ? lengthOf(a) : lengthOf(b);
  int c = memcmp(stringOf(a)->bytes, stringOf(b)->bytes, n);
  if (c) return c;
  return lengthOf(a) < lengthOf(b) ? -1 : lengthOf(a) > lengthOf(b) ? 1 : 0;
}

Value stringChain(Prim p, Value* args, int32_t argc) {
  for (int32_t i = 0; i < argc; i++) stringAt(p, args, i);
  for (int32_t i = 0; i + 1 < argc; i++) {
    int c = compareStrings(args[i], args[i + 1]);
    if (p == Prim::StringEqual ? c != 0 : c >= 0) return kFalse;
  }
  return kTrue;
}
Value prim_StringEqual(ARGS) { return stringChain(Prim::StringEqual, args, argc); }
Value prim_StringLess(ARGS) { return stringChain(Prim::StringLess, args, argc); }

Value prim_Substring(ARGS) {
  uint32_t length = lengthOf(stringAt(Prim::Substring, args, 0));
  int32_t start = integerArgument(Prim::Substring, args, 1);
  int32_t end = argc == 3 ? integerArgument(Prim::Substring, args, 2) : (int32_t)length;
  if (start < 0 || (uint32_t)start > length) failIndex(Prim::Substring, start, length);
  if (end < start || (uint32_t)end > length) failIndex(Prim::Substring, end, length);
  Value s = makeStringUninitialised((size_t)(end - start));
  memcpy(stringOf(s)->bytes, stringOf(args[0])->bytes + start, (size_t)(end - start));
  return s;
}

Value prim_StringToSymbol(ARGS) {
  UNUSED_ARGC;
  Value s = stringAt(Prim::StringToSymbol, args, 0);
  return intern(stringOf(s)->bytes, lengthOf(s));
}

Value prim_SymbolToString(ARGS) {
  UNUSED_ARGC;
  if (!hasTag(args[0], kSymbolTag)) failWrongType(Prim::SymbolToString, 0, Expected::Symbol, args[0]);
  const char* name = symbolOf(args[0])->name;
  return makeString(name, strlen(name));  // symbols never move
}

int32_t radixAt(Prim p, Value* args, int32_t argc) {
  if (argc < 2) return 10;
  int32_t radix = integerArgument(p, args, 1);
  if (radix != 2 && radix != 8 && radix != 10 && radix != 16) failWrongType(p, 1, Expected::Radix, args[1]);
  return radix;
}

Value prim_NumberToString(ARGS) {
  int32_t n = integerArgument(Prim::NumberToString, args, 0);
  int32_t radix = radixAt(Prim::NumberToString, args, argc);
  char digits[40];
  int k = 0;
  int64_t m = n < 0 ? -(int64_t)n : n;
  do {
    digits[k++] = "0123456789abcdef"[m % radix];
    m /= radix;
  } while (m);
  if (n < 0) digits[k++] = '-';
  char text[40];
  for (int i = 0; i < k; i++) text[i] = digits[k - 1 - i];
  return makeString(text, (size_t)k);
}

Value prim_StringToNumber(ARGS) {
  Value s = stringAt(Prim::StringToNumber, args, 0);
  int32_t radix = radixAt(Prim::StringToNumber, args, argc);
  const char* p = stringOf(s)->bytes;
  uint32_t n = lengthOf(s), i = 0;
  bool negative = false;
  if (n > 0 && (p[0] == '-' || p[0] == '+')) {
    negative = p[0] == '-';
    i = 1;
  }
  if (i == n) return kFalse;
  int64_t value = 0;
  for (; i < n; i++) {
    char c = p[i];
    int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 99;
    if (digit >= radix) return kFalse;
    value = value * radix + digit;
    if (value > (int64_t)kMaxInteger + 1) return kFalse;  // beyond the integers here
  }
  if (negative) value = -value;
  return inIntegerRange(value) ? makeInteger((int32_t)value) : kFalse;
}

// ---- output and errors ----

bool atLineStart = true;  // of stdout: the result line starts on a line of its own

void output(const uint8_t* bytes, size_t n) {
  if (n == 0) return;
  fwrite(bytes, 1, n, stdout);
  atLineStart = bytes[n - 1] == '\n';
}

void print(Value v, bool write) {
  Bytes text;
  printValue(v, write, text);
  output(text.data(), text.size());
}
Value prim_Display(ARGS) { UNUSED_ARGC; print(args[0], false); return kUnspecified; }
Value prim_Write(ARGS) { UNUSED_ARGC; print(args[0], true); return kUnspecified; }
Value prim_Newline(ARGS) {
  (void)args;
  UNUSED_ARGC;
  output((const uint8_t*)"\n", 1);
  fflush(stdout);  // output comes line by line
  return kUnspecified;
}

Value prim_Error(ARGS) {
  Bytes text;
  printValue(args[0], false, text);
  for (int32_t i = 1; i < argc; i++) {
    text.byte(' ');
    printValue(args[i], true, text);
  }
  text.byte(0);
  fail("%s", (const char*)text.data());
}

const PrimitiveInfo kPrimitives[] = {
#define PRIMITIVE(id, name, min, max, allocates, doc) {name, min, max, allocates, prim_##id, doc},
#include "primitives.def"
#undef PRIMITIVE
};

PrimitiveObject objects[(int)Prim::Count];

}  // namespace

void endOutputLine() {
  if (!atLineStart) output((const uint8_t*)"\n", 1);
}

void resetOutputLine() { atLineStart = true; }

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
  if (!isInteger(args[index])) failWrongType(p, index, Expected::Integer, args[index]);
  return integerOf(args[index]);
}
