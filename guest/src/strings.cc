// Strings and symbols. A string is a sequence of characters (code points),
// so string-ref and string-set! are O(1); UTF-8 is made only at the edges
// (strings.h).
#include "strings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "characters.h"
#include "errors.h"
#include "evaluator.h"
#include "heap.h"
#include "primitives.h"
#include "symbols.h"

void appendStringUtf8(Bytes& out, Value s) {
  for (uint32_t i = 0; i < lengthOf(s); i++) appendUtf8(out, stringOf(s)->chars[i]);
}

void printString(Value s, bool write, Bytes& out) {
  if (!write) return appendStringUtf8(out, s);
  out.byte('"');
  for (uint32_t i = 0; i < lengthOf(s); i++) {
    uint32_t c = stringOf(s)->chars[i];
    const char* escape = c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c == '\n' ? "\\n" : c == '\t' ? "\\t"
                       : c == '\r' ? "\\r" : c == '\a' ? "\\a" : c == '\b' ? "\\b" : nullptr;
    if (escape) {
      out.append((const uint8_t*)escape, 2);
    } else if (isPrintable(c)) {
      appendUtf8(out, c);
    } else {
      char hex[16];
      int n = snprintf(hex, sizeof hex, "\\x%x;", (unsigned)c);
      out.append((const uint8_t*)hex, (size_t)n);
    }
  }
  out.byte('"');
}

// ---- Argument checks ----

static uint32_t characterArgument(Prim p, Value* args, int32_t i) {
  if (!isCharacter(args[i])) failWrongType(p, i, Expected::Character, args[i]);
  return characterOf(args[i]);
}

static Value mutableString(Prim p, Value* args, int32_t i) {
  Value s = stringAt(p, args, i);
  if (headerOf(s) & kLiteral) failLiteral(p, s);
  return s;
}


// A new string of the characters from..to of args[i] (a string).
static Value copyOfRange(Value* args, int32_t i, IndexRange r) {
  Value s = makeStringUninitialised(r.end - r.start);  // may move args[i]: read it after
  memcpy(stringOf(s)->chars, stringOf(args[i])->chars + r.start, (r.end - r.start) * sizeof(uint32_t));
  return s;
}

// ---- Construction and access ----

Value prim_StringLength(ARGS) { UNUSED_ARGC; return makeInteger((int32_t)lengthOf(stringAt(Prim::StringLength, args, 0))); }

Value prim_StringRef(ARGS) {
  UNUSED_ARGC;
  Value s = stringAt(Prim::StringRef, args, 0);
  return makeCharacter(stringOf(s)->chars[indexAt(Prim::StringRef, args, 1, lengthOf(s))]);
}

Value prim_StringSet(ARGS) {
  UNUSED_ARGC;
  Value s = mutableString(Prim::StringSet, args, 0);
  int32_t k = indexAt(Prim::StringSet, args, 1, lengthOf(s));
  stringOf(s)->chars[k] = characterArgument(Prim::StringSet, args, 2);
  return kUnspecified;
}

Value prim_MakeString(ARGS) {
  int32_t n = integerArgument(Prim::MakeString, args, 0);
  if (n < 0) failWrongType(Prim::MakeString, 0, Expected::Count, args[0]);
  uint32_t fill = argc == 2 ? characterArgument(Prim::MakeString, args, 1) : ' ';
  Value s = makeStringUninitialised((size_t)n);
  for (int32_t i = 0; i < n; i++) stringOf(s)->chars[i] = fill;
  return s;
}

Value prim_String(ARGS) {
  for (int32_t i = 0; i < argc; i++) characterArgument(Prim::String, args, i);
  Value s = makeStringUninitialised((size_t)argc);
  for (int32_t i = 0; i < argc; i++) stringOf(s)->chars[i] = characterOf(args[i]);
  return s;
}

Value prim_StringFill(ARGS) {
  Value s = mutableString(Prim::StringFill, args, 0);
  uint32_t fill = characterArgument(Prim::StringFill, args, 1);
  IndexRange r = rangeAt(Prim::StringFill, args, argc, 2, lengthOf(s));
  for (uint32_t i = r.start; i < r.end; i++) stringOf(s)->chars[i] = fill;
  return kUnspecified;
}

Value prim_Substring(ARGS) {
  Value s = stringAt(Prim::Substring, args, 0);
  return copyOfRange(args, 0, rangeAt(Prim::Substring, args, argc, 1, lengthOf(s)));
}

Value prim_StringCopy(ARGS) {
  Value s = stringAt(Prim::StringCopy, args, 0);
  return copyOfRange(args, 0, rangeAt(Prim::StringCopy, args, argc, 1, lengthOf(s)));
}

// (string-copy! to at from [start end]): the source range may overlap the
// target's, as R7RS allows.
Value prim_StringCopyInto(ARGS) {
  Value to = mutableString(Prim::StringCopyInto, args, 0);
  Value from = stringAt(Prim::StringCopyInto, args, 2);
  IndexRange r = rangeAt(Prim::StringCopyInto, args, argc, 3, lengthOf(from));
  int32_t at = integerArgument(Prim::StringCopyInto, args, 1);
  if (at < 0 || (uint32_t)at > lengthOf(to) || lengthOf(to) - (uint32_t)at < r.end - r.start)
    failIndex(Prim::StringCopyInto, at, lengthOf(to));
  memmove(stringOf(to)->chars + at, stringOf(from)->chars + r.start, (r.end - r.start) * sizeof(uint32_t));
  return kUnspecified;
}

Value prim_StringAppend(ARGS) {
  size_t total = 0;
  for (int32_t i = 0; i < argc; i++) total += lengthOf(stringAt(Prim::StringAppend, args, i));
  Value s = makeStringUninitialised(total);  // may move the arguments: read them after
  size_t at = 0;
  for (int32_t i = 0; i < argc; i++) {
    memcpy(stringOf(s)->chars + at, stringOf(args[i])->chars, lengthOf(args[i]) * sizeof(uint32_t));
    at += lengthOf(args[i]);
  }
  return s;
}

// ---- Conversions ----

Value prim_StringToList(ARGS) {
  Value s = stringAt(Prim::StringToList, args, 0);
  IndexRange r = rangeAt(Prim::StringToList, args, argc, 1, lengthOf(s));
  Value* list = pushRoot(kNil);
  for (uint32_t i = r.end; i > r.start; i--) *list = makePair(makeCharacter(stringOf(args[0])->chars[i - 1]), *list);
  rootTop = list;
  return *list;
}

Value prim_ListToString(ARGS) {
  UNUSED_ARGC;
  int32_t n = properLength(Prim::ListToString, args, 0);
  for (Value p = args[0]; p != kNil; p = pairOf(p)->cdr)
    if (!isCharacter(pairOf(p)->car)) failWrongType(Prim::ListToString, 0, Expected::CharacterList, args[0]);
  Value s = makeStringUninitialised((size_t)n);
  uint32_t i = 0;
  for (Value p = args[0]; p != kNil; p = pairOf(p)->cdr) stringOf(s)->chars[i++] = characterOf(pairOf(p)->car);
  return s;
}

Value prim_StringToVector(ARGS) {
  Value s = stringAt(Prim::StringToVector, args, 0);
  IndexRange r = rangeAt(Prim::StringToVector, args, argc, 1, lengthOf(s));
  Value v = makeVector(r.end - r.start, kUnspecified);
  for (uint32_t i = r.start; i < r.end; i++) vectorOf(v)->elements[i - r.start] = makeCharacter(stringOf(args[0])->chars[i]);
  return v;
}

Value prim_VectorToString(ARGS) {
  Value v = vectorAt(Prim::VectorToString, args, 0);
  IndexRange r = rangeAt(Prim::VectorToString, args, argc, 1, lengthOf(v));
  for (uint32_t i = r.start; i < r.end; i++)
    if (!isCharacter(vectorOf(v)->elements[i])) failWrongType(Prim::VectorToString, 0, Expected::CharacterVector, v);
  Value s = makeStringUninitialised(r.end - r.start);
  for (uint32_t i = r.start; i < r.end; i++) stringOf(s)->chars[i - r.start] = characterOf(vectorOf(args[0])->elements[i]);
  return s;
}

// The full mappings, so a string may grow ("ß" upcases to "SS"); a capital
// sigma that ends a word downcases to a final sigma (R7RS: "ΧΑΟΣ" downcases
// to "χαος").
static uint32_t mapOne(CaseMapping mapping, const uint32_t* from, uint32_t n, uint32_t i, uint32_t out[3], size_t* count) {
  *count = fullCaseMapping(mapping, from[i], out);
  if (mapping == CaseMapping::Down && from[i] == 0x3a3 && i > 0 && isCased(from[i - 1]) &&
      (i + 1 == n || !isCased(from[i + 1])))
    out[0] = 0x3c2;
  return out[0];
}

static Value mapCase(Prim p, Value* args, CaseMapping mapping) {
  Value s = stringAt(p, args, 0);
  uint32_t out[3];
  size_t count, total = 0;
  for (uint32_t i = 0; i < lengthOf(s); i++) {
    mapOne(mapping, stringOf(s)->chars, lengthOf(s), i, out, &count);
    total += count;
  }
  Value mapped = makeStringUninitialised(total);  // may move args[0]: read it after
  size_t at = 0;
  for (uint32_t i = 0; i < lengthOf(args[0]); i++) {
    mapOne(mapping, stringOf(args[0])->chars, lengthOf(args[0]), i, out, &count);
    for (size_t k = 0; k < count; k++) stringOf(mapped)->chars[at++] = out[k];
  }
  return mapped;
}
Value prim_StringUpcase(ARGS) { UNUSED_ARGC; return mapCase(Prim::StringUpcase, args, CaseMapping::Up); }
Value prim_StringDowncase(ARGS) { UNUSED_ARGC; return mapCase(Prim::StringDowncase, args, CaseMapping::Down); }
Value prim_StringFoldcase(ARGS) { UNUSED_ARGC; return mapCase(Prim::StringFoldcase, args, CaseMapping::Fold); }

// ---- Higher order ----

// (string-map f s ...) and (string-for-each f s ...): f on the characters at
// each index, to the shortest string; string-map collects what f returns,
// which must be characters.
static Value mapStrings(Prim p, Value* args, int32_t argc, bool collect) {
  procedureAt(p, args, 0);
  uint32_t n = UINT32_MAX;
  for (int32_t i = 1; i < argc; i++) {
    uint32_t length = lengthOf(stringAt(p, args, i));
    if (length < n) n = length;
  }
  Value* results = pushRoot(collect ? makeStringUninitialised(n) : kUnspecified);
  Value* callArgs = rootTop;
  for (int32_t i = 1; i < argc; i++) pushRoot(kNil);
  for (uint32_t k = 0; k < n; k++) {
    // f may have shortened nothing (strings keep their length), but it may
    // have moved them: read through args each time.
    for (int32_t i = 1; i < argc; i++) callArgs[i - 1] = makeCharacter(stringOf(args[i])->chars[k]);
    Value r = applyFromPrimitive(args[0], callArgs, argc - 1);
    if (r == kUnwinding) {
      rootTop = results;
      return kUnwinding;
    }
    if (collect) {
      if (!isCharacter(r)) {
        char what[96];
        describeValue(r, what, sizeof what);
        fail("wrong type: %s's procedure returned %s, not a character", primitiveName(p), what);
      }
      stringOf(*results)->chars[k] = characterOf(r);
    }
  }
  Value result = *results;
  rootTop = results;
  return result;
}
Value prim_StringMap(ARGS) { return mapStrings(Prim::StringMap, args, argc, true); }
Value prim_StringForEach(ARGS) { return mapStrings(Prim::StringForEach, args, argc, false); }

// ---- SRFI 13's searching, joining and splitting, as Guile offers them ----

static void characterOrProcedureAt(Prim p, Value* args, int32_t i) {
  if (!isCharacter(args[i]) && !isProcedure(args[i]))
    failWrongType(p, i, Expected::CharacterOrProcedure, args[i]);
}

// Whether character c is *want (a character) or is accepted by it (a
// procedure, called with c in the root slot callArg): #f, something true, or
// kUnwinding.
static Value characterMatches(const Value* want, uint32_t c, Value* callArg) {
  if (isCharacter(*want)) return makeBoolean(characterOf(*want) == c);
  *callArg = makeCharacter(c);
  return applyFromPrimitive(*want, callArg, 1);
}

// A string keeps its length (string-set! replaces a character), so an index
// checked before a call of the predicate stays in range after it.
Value prim_StringIndex(ARGS) {
  stringAt(Prim::StringIndex, args, 0);
  characterOrProcedureAt(Prim::StringIndex, args, 1);
  IndexRange r = rangeAt(Prim::StringIndex, args, argc, 2, lengthOf(args[0]));
  Value* callArg = pushRoot(kNil);
  Value found = kFalse;
  for (uint32_t i = r.start; i < r.end; i++) {
    Value hit = characterMatches(&args[1], stringOf(args[0])->chars[i], callArg);
    if (hit != kFalse) {
      found = hit == kUnwinding ? kUnwinding : makeInteger((int32_t)i);
      break;
    }
  }
  rootTop = callArg;
  return found;
}

Value prim_StringSplit(ARGS) {
  UNUSED_ARGC;
  stringAt(Prim::StringSplit, args, 0);
  characterOrProcedureAt(Prim::StringSplit, args, 1);
  // The separators' indices, found first in order (the predicate sees the
  // characters left to right) and listed last first, so that the pieces
  // can then be made from the end back.
  Value* separators = pushRoot(kNil);
  Value* callArg = pushRoot(kNil);
  for (uint32_t i = 0; i < lengthOf(args[0]); i++) {
    Value hit = characterMatches(&args[1], stringOf(args[0])->chars[i], callArg);
    if (hit == kUnwinding) {
      rootTop = separators;
      return kUnwinding;
    }
    if (hit != kFalse) *separators = makePair(makeInteger((int32_t)i), *separators);
  }
  Value* pieces = callArg;
  *pieces = kNil;
  uint32_t end = lengthOf(args[0]);
  for (;;) {
    uint32_t start = *separators == kNil ? 0 : (uint32_t)integerOf(pairOf(*separators)->car) + 1;
    Value piece = copyOfRange(args, 0, IndexRange{start, end});
    *pieces = makePair(piece, *pieces);
    if (*separators == kNil) break;
    end = start - 1;
    *separators = pairOf(*separators)->cdr;
  }
  Value r = *pieces;
  rootTop = separators;
  return r;
}

Value prim_StringJoin(ARGS) {
  int32_t n = properLength(Prim::StringJoin, args, 0);
  for (Value v = args[0]; v != kNil; v = pairOf(v)->cdr)
    if (!hasTag(pairOf(v)->car, kStringTag)) failWrongType(Prim::StringJoin, 0, Expected::StringList, args[0]);
  if (argc > 1) stringAt(Prim::StringJoin, args, 1);
  enum Grammar { Infix, StrictInfix, Prefix, Suffix } grammar = Infix;
  if (argc > 2) {
    const char* name = hasTag(args[2], kSymbolTag) ? symbolOf(args[2])->name : "";
    if (!strcmp(name, "infix")) grammar = Infix;
    else if (!strcmp(name, "strict-infix")) grammar = StrictInfix;
    else if (!strcmp(name, "prefix")) grammar = Prefix;
    else if (!strcmp(name, "suffix")) grammar = Suffix;
    else failWrongType(Prim::StringJoin, 2, Expected::JoinGrammar, args[2]);
  }
  if (grammar == StrictInfix && n == 0) fail("string-join: the strict-infix grammar needs a non-empty list");
  uint64_t delimiters = grammar == Prefix || grammar == Suffix ? (uint64_t)n : n > 0 ? (uint64_t)n - 1 : 0;
  uint64_t total = delimiters * (argc > 1 ? lengthOf(args[1]) : 1);
  for (Value v = args[0]; v != kNil; v = pairOf(v)->cdr) total += lengthOf(pairOf(v)->car);
  if (total > UINT32_MAX) fail("heap exhausted: string-join of %llu characters", (unsigned long long)total);
  Value joined = makeStringUninitialised((size_t)total);  // may move the arguments: read them after
  static const uint32_t kSpace = ' ';
  const uint32_t* delimiter = argc > 1 ? stringOf(args[1])->chars : &kSpace;
  uint32_t delimiterLength = argc > 1 ? lengthOf(args[1]) : 1;
  uint32_t* out = stringOf(joined)->chars;
  bool first = true;
  for (Value v = args[0]; v != kNil; v = pairOf(v)->cdr, first = false) {
    if (grammar == Prefix || ((grammar == Infix || grammar == StrictInfix) && !first)) {
      memcpy(out, delimiter, delimiterLength * sizeof(uint32_t));
      out += delimiterLength;
    }
    Value piece = pairOf(v)->car;
    memcpy(out, stringOf(piece)->chars, lengthOf(piece) * sizeof(uint32_t));
    out += lengthOf(piece);
    if (grammar == Suffix) {
      memcpy(out, delimiter, delimiterLength * sizeof(uint32_t));
      out += delimiterLength;
    }
  }
  return joined;
}

Value prim_StringContains(ARGS) {
  stringAt(Prim::StringContains, args, 0);
  stringAt(Prim::StringContains, args, 1);
  IndexRange in = rangeAt(Prim::StringContains, args, argc, 2, lengthOf(args[0]));
  IndexRange sought = rangeAt(Prim::StringContains, args, argc, 4, lengthOf(args[1]));
  uint32_t m = sought.end - sought.start;
  const uint32_t* text = stringOf(args[0])->chars;
  const uint32_t* pattern = stringOf(args[1])->chars + sought.start;
  for (uint32_t i = in.start; i + m <= in.end; i++)
    if (memcmp(text + i, pattern, m * sizeof(uint32_t)) == 0) return makeInteger((int32_t)i);
  return kFalse;
}

// ---- Comparisons ----

static int compareStrings(Value a, Value b, bool foldCase) {
  uint32_t n = lengthOf(a) < lengthOf(b) ? lengthOf(a) : lengthOf(b);
  for (uint32_t i = 0; i < n; i++) {
    uint32_t x = stringOf(a)->chars[i], y = stringOf(b)->chars[i];
    if (foldCase) {
      x = foldcase(x);
      y = foldcase(y);
    }
    if (x != y) return x < y ? -1 : 1;
  }
  return lengthOf(a) < lengthOf(b) ? -1 : lengthOf(a) > lengthOf(b) ? 1 : 0;
}

static Value stringChain(Prim p, Value* args, int32_t argc, bool foldCase) {
  for (int32_t i = 0; i < argc; i++) stringAt(p, args, i);
  for (int32_t i = 0; i + 1 < argc; i++) {
    int c = compareStrings(args[i], args[i + 1], foldCase);
    bool holds;
    switch (p) {
      case Prim::StringLess: case Prim::StringCiLess: holds = c < 0; break;
      case Prim::StringGreater: case Prim::StringCiGreater: holds = c > 0; break;
      case Prim::StringLessEqual: case Prim::StringCiLessEqual: holds = c <= 0; break;
      case Prim::StringGreaterEqual: case Prim::StringCiGreaterEqual: holds = c >= 0; break;
      default: holds = c == 0; break;
    }
    if (!holds) return kFalse;
  }
  return kTrue;
}
Value prim_StringEqual(ARGS) { return stringChain(Prim::StringEqual, args, argc, false); }
Value prim_StringLess(ARGS) { return stringChain(Prim::StringLess, args, argc, false); }
Value prim_StringGreater(ARGS) { return stringChain(Prim::StringGreater, args, argc, false); }
Value prim_StringLessEqual(ARGS) { return stringChain(Prim::StringLessEqual, args, argc, false); }
Value prim_StringGreaterEqual(ARGS) { return stringChain(Prim::StringGreaterEqual, args, argc, false); }
Value prim_StringCiEqual(ARGS) { return stringChain(Prim::StringCiEqual, args, argc, true); }
Value prim_StringCiLess(ARGS) { return stringChain(Prim::StringCiLess, args, argc, true); }
Value prim_StringCiGreater(ARGS) { return stringChain(Prim::StringCiGreater, args, argc, true); }
Value prim_StringCiLessEqual(ARGS) { return stringChain(Prim::StringCiLessEqual, args, argc, true); }
Value prim_StringCiGreaterEqual(ARGS) { return stringChain(Prim::StringCiGreaterEqual, args, argc, true); }

// ---- Symbols ----

Value prim_StringToSymbol(ARGS) {
  UNUSED_ARGC;
  Value s = stringAt(Prim::StringToSymbol, args, 0);
  Bytes name;
  appendStringUtf8(name, s);
  name.byte(0);  // so that an empty name is still an address
  return intern((const char*)name.data(), name.size() - 1);
}

Value prim_SymbolToString(ARGS) {
  UNUSED_ARGC;
  if (!hasTag(args[0], kSymbolTag)) failWrongType(Prim::SymbolToString, 0, Expected::Symbol, args[0]);
  const char* name = symbolOf(args[0])->name;
  return makeString(name, strlen(name));  // symbols never move
}
