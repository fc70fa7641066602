// Bytevectors: sequences of bytes (0 to 255), #u8(1 2 3), and the R7RS
// procedures on them, with the UTF-8 conversions between them and strings.
#include "bytevectors.h"

#include <stdio.h>
#include <string.h>

#include "errors.h"
#include "heap.h"
#include "primitives.h"
#include "strings.h"
#include "utf8.h"

void printBytevector(Value v, Bytes& out) {
  out.append((const uint8_t*)"#u8(", 4);
  for (uint32_t i = 0; i < lengthOf(v); i++) {
    char number[8];
    int n = snprintf(number, sizeof number, i ? " %u" : "%u", (unsigned)bytevectorOf(v)->bytes[i]);
    out.append((const uint8_t*)number, (size_t)n);
  }
  out.byte(')');
}

// ---- Argument checks ----

static Value bytevectorAt(Prim p, Value* args, int32_t i) {
  if (!hasTag(args[i], kBytevectorTag)) failWrongType(p, i, Expected::Bytevector, args[i]);
  return args[i];
}

static Value mutableBytevector(Prim p, Value* args, int32_t i) {
  Value v = bytevectorAt(p, args, i);
  if (headerOf(v) & kLiteral) failLiteral(p, v);
  return v;
}

static uint8_t byteAt(Prim p, Value* args, int32_t i) {
  if (!isInteger(args[i]) || integerOf(args[i]) < 0 || integerOf(args[i]) > 255)
    failWrongType(p, i, Expected::Byte, args[i]);
  return (uint8_t)integerOf(args[i]);
}


static Value makeBytevector(size_t length) { return makeData(kBytevectorTag, length, 1); }

// ---- The primitives ----

Value prim_IsBytevector(ARGS) { UNUSED_ARGC; return makeBoolean(hasTag(args[0], kBytevectorTag)); }

Value prim_Bytevector(ARGS) {
  for (int32_t i = 0; i < argc; i++) byteAt(Prim::Bytevector, args, i);
  Value v = makeBytevector((size_t)argc);
  for (int32_t i = 0; i < argc; i++) bytevectorOf(v)->bytes[i] = (uint8_t)integerOf(args[i]);
  return v;
}

Value prim_MakeBytevector(ARGS) {
  int32_t n = integerArgument(Prim::MakeBytevector, args, 0);
  if (n < 0) failWrongType(Prim::MakeBytevector, 0, Expected::Count, args[0]);
  uint8_t fill = argc == 2 ? byteAt(Prim::MakeBytevector, args, 1) : 0;
  Value v = makeBytevector((size_t)n);
  memset(bytevectorOf(v)->bytes, fill, (size_t)n);
  return v;
}

Value prim_BytevectorLength(ARGS) {
  UNUSED_ARGC;
  return makeInteger((int32_t)lengthOf(bytevectorAt(Prim::BytevectorLength, args, 0)));
}

Value prim_BytevectorU8Ref(ARGS) {
  UNUSED_ARGC;
  Value v = bytevectorAt(Prim::BytevectorU8Ref, args, 0);
  return makeInteger(bytevectorOf(v)->bytes[indexAt(Prim::BytevectorU8Ref, args, 1, lengthOf(v))]);
}

Value prim_BytevectorU8Set(ARGS) {
  UNUSED_ARGC;
  Value v = mutableBytevector(Prim::BytevectorU8Set, args, 0);
  int32_t k = indexAt(Prim::BytevectorU8Set, args, 1, lengthOf(v));
  bytevectorOf(v)->bytes[k] = byteAt(Prim::BytevectorU8Set, args, 2);
  return kUnspecified;
}

Value prim_BytevectorCopy(ARGS) {
  Value v = bytevectorAt(Prim::BytevectorCopy, args, 0);
  IndexRange r = rangeAt(Prim::BytevectorCopy, args, argc, 1, lengthOf(v));
  Value copy = makeBytevector(r.end - r.start);  // may move args[0]: read it after
  memcpy(bytevectorOf(copy)->bytes, bytevectorOf(args[0])->bytes + r.start, r.end - r.start);
  return copy;
}

// (bytevector-copy! to at from [start end]); the ranges may overlap.
Value prim_BytevectorCopyInto(ARGS) {
  Value to = mutableBytevector(Prim::BytevectorCopyInto, args, 0);
  Value from = bytevectorAt(Prim::BytevectorCopyInto, args, 2);
  IndexRange r = rangeAt(Prim::BytevectorCopyInto, args, argc, 3, lengthOf(from));
  int32_t at = integerArgument(Prim::BytevectorCopyInto, args, 1);
  if (at < 0 || (uint32_t)at > lengthOf(to) || lengthOf(to) - (uint32_t)at < r.end - r.start)
    failIndex(Prim::BytevectorCopyInto, at, lengthOf(to));
  memmove(bytevectorOf(to)->bytes + at, bytevectorOf(from)->bytes + r.start, r.end - r.start);
  return kUnspecified;
}

Value prim_BytevectorAppend(ARGS) {
  size_t total = 0;
  for (int32_t i = 0; i < argc; i++) total += lengthOf(bytevectorAt(Prim::BytevectorAppend, args, i));
  Value v = makeBytevector(total);  // may move the arguments: read them after
  size_t at = 0;
  for (int32_t i = 0; i < argc; i++) {
    memcpy(bytevectorOf(v)->bytes + at, bytevectorOf(args[i])->bytes, lengthOf(args[i]));
    at += lengthOf(args[i]);
  }
  return v;
}

// Malformed UTF-8 decodes to U+FFFD, a character per bad byte (utf8.h).
Value prim_Utf8ToString(ARGS) {
  Value v = bytevectorAt(Prim::Utf8ToString, args, 0);
  IndexRange r = rangeAt(Prim::Utf8ToString, args, argc, 1, lengthOf(v));
  size_t n = utf8Count(bytevectorOf(v)->bytes + r.start, r.end - r.start);
  Value s = makeStringUninitialised(n);  // may move args[0]: read it after
  const uint8_t* p = bytevectorOf(args[0])->bytes + r.start;
  const uint8_t* end = bytevectorOf(args[0])->bytes + r.end;
  size_t step;
  for (size_t i = 0; i < n; i++, p += step) stringOf(s)->chars[i] = utf8Decode(p, end, &step);
  return s;
}

Value prim_StringToUtf8(ARGS) {
  Value s = stringAt(Prim::StringToUtf8, args, 0);
  IndexRange r = rangeAt(Prim::StringToUtf8, args, argc, 1, lengthOf(s));
  size_t n = 0;
  uint8_t encoded[4];
  for (uint32_t i = r.start; i < r.end; i++) n += utf8Encode(stringOf(s)->chars[i], encoded);
  Value v = makeBytevector(n);  // may move args[0]: read it after
  uint8_t* out = bytevectorOf(v)->bytes;
  for (uint32_t i = r.start; i < r.end; i++) out += utf8Encode(stringOf(args[0])->chars[i], out);
  return v;
}
