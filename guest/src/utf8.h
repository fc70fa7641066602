// UTF-8, the encoding of everything outside the heap: source text, symbol
// names, printed output, error messages and the host's result text. Strings
// in the heap are code points (value.h); these convert at the edges.
#pragma once
#include <stddef.h>
#include <stdint.h>

// What a malformed sequence decodes to, one per bad byte.
const uint32_t kReplacementCharacter = 0xfffd;

// Writes cp's one to four bytes to out; returns how many.
inline size_t utf8Encode(uint32_t cp, uint8_t* out) {
  if (cp < 0x80) {
    out[0] = (uint8_t)cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = (uint8_t)(0xc0 | cp >> 6);
    out[1] = (uint8_t)(0x80 | (cp & 0x3f));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (uint8_t)(0xe0 | cp >> 12);
    out[1] = (uint8_t)(0x80 | ((cp >> 6) & 0x3f));
    out[2] = (uint8_t)(0x80 | (cp & 0x3f));
    return 3;
  }
  out[0] = (uint8_t)(0xf0 | cp >> 18);
  out[1] = (uint8_t)(0x80 | ((cp >> 12) & 0x3f));
  out[2] = (uint8_t)(0x80 | ((cp >> 6) & 0x3f));
  out[3] = (uint8_t)(0x80 | (cp & 0x3f));
  return 4;
}

// Decodes the character at p (p < end) and sets *length to its bytes. A
// malformed, overlong or surrogate sequence is one byte of U+FFFD.
inline uint32_t utf8Decode(const uint8_t* p, const uint8_t* end, size_t* length) {
  uint8_t b = p[0];
  *length = 1;
  if (b < 0x80) return b;
  size_t n = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 0;
  if (n == 0 || b >= 0xf5 || (size_t)(end - p) < n) return kReplacementCharacter;
  uint32_t cp = b & (0x7f >> n);
  for (size_t i = 1; i < n; i++) {
    if ((p[i] & 0xc0) != 0x80) return kReplacementCharacter;
    cp = cp << 6 | (p[i] & 0x3f);
  }
  static const uint32_t kSmallest[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kSmallest[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return kReplacementCharacter;
  *length = n;
  return cp;
}

// The characters in n bytes of UTF-8.
inline size_t utf8Count(const uint8_t* p, size_t n) {
  size_t count = 0, length;
  for (const uint8_t* end = p + n; p < end; p += length) {
    utf8Decode(p, end, &length);
    count++;
  }
  return count;
}
