// Characters: Unicode scalar values, their classes and simple case mappings
// (from the tables in unicode_tables.h), their names and their printed forms.
#pragma once
#include <stddef.h>

#include "bytes.h"
#include "utf8.h"
#include "value.h"

inline bool isScalarValue(int64_t n) { return n >= 0 && n <= kMaxCodePoint && !(n >= 0xd800 && n <= 0xdfff); }

uint32_t upcase(uint32_t cp);
uint32_t downcase(uint32_t cp);
uint32_t foldcase(uint32_t cp);

// The full mappings the string procedures use: one character to as many as
// three (string-upcase of "ß" is "SS"). Writes them to out; returns how many.
enum class CaseMapping { Up, Down, Fold };
size_t fullCaseMapping(CaseMapping mapping, uint32_t cp, uint32_t out[3]);

// Whether cp has a case (the Unicode properties Uppercase or Lowercase).
bool isCased(uint32_t cp);

// Whether write shows cp as itself (in a string or after #\) rather than by
// a name or a hex escape: not a control, format, white-space, private-use or
// unassigned character.
bool isPrintable(uint32_t cp);

// The character that the text after "#\" spells (a character, a name such
// as "space", or "x" and hex digits), or false.
bool characterFromName(const uint8_t* text, size_t length, uint32_t* cp);

// Appends the character as display shows it (its UTF-8) or as write does
// (#\a, #\space, #\x7f).
void printCharacter(uint32_t cp, bool write, Bytes& out);

inline void appendUtf8(Bytes& out, uint32_t cp) {
  uint8_t bytes[4];
  out.append(bytes, utf8Encode(cp, bytes));
}
