// Numbers as text: number->string and string->number.
#include "primitives.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "evaluator.h"
#include "heap.h"
#include "printer.h"
#include "symbols.h"

static int32_t radixAt(Prim p, Value* args, int32_t argc) {
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

