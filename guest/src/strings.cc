// Strings and symbols.
#include "primitives.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "evaluator.h"
#include "heap.h"
#include "printer.h"
#include "symbols.h"

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

static int compareStrings(Value a, Value b) {
  uint32_t n = lengthOf(a) < lengthOf(b) ? lengthOf(a) : lengthOf(b);
  int c = memcmp(stringOf(a)->bytes, stringOf(b)->bytes, n);
  if (c) return c;
  return lengthOf(a) < lengthOf(b) ? -1 : lengthOf(a) > lengthOf(b) ? 1 : 0;
}

static Value stringChain(Prim p, Value* args, int32_t argc) {
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

