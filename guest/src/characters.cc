// Characters: the Unicode tables' lookups, names and printed forms, and the
// character primitives of R7RS (char?, the comparisons, the conversions and
// the class predicates of (scheme char)).
//
// Classes follow the Unicode properties R7RS names (Alphabetic, Uppercase,
// Lowercase, White_Space, decimal digits); the case procedures use the simple
// (one character to one character) mappings and case folding.
#include "characters.h"

#include <stdio.h>
#include <string.h>

#include "errors.h"
#include "primitives.h"
#include "unicode_tables.h"

namespace {

// An inversion list holds cp when an odd number of its entries are <= cp.
template <size_t N>
bool inClass(const uint32_t (&list)[N], uint32_t cp) {
  size_t lo = 0, hi = N;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (list[mid] <= cp) lo = mid + 1;
    else hi = mid;
  }
  return lo % 2 == 1;
}

template <size_t N>
uint32_t mapCase(const CaseRun (&runs)[N], uint32_t cp) {
  size_t lo = 0, hi = N;  // the runs starting at or before cp
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (runs[mid].first <= cp) lo = mid + 1;
    else hi = mid;
  }
  if (lo == 0) return cp;
  const CaseRun& run = runs[lo - 1];
  if (cp > run.last || (cp - run.first) % run.stride != 0) return cp;
  return (uint32_t)((int32_t)cp + run.delta);
}

// digit-value: a decimal digit's value is its distance from the start of its
// range, since every range of them is whole sets of 0 to 9 (the generator
// checks this).
int32_t digitValue(uint32_t cp) {
  size_t lo = 0, hi = sizeof kDecimalDigit / sizeof kDecimalDigit[0];
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (kDecimalDigit[mid] <= cp) lo = mid + 1;
    else hi = mid;
  }
  if (lo % 2 == 0) return -1;
  return (int32_t)((cp - kDecimalDigit[lo - 1]) % 10);
}

// The names R7RS gives characters, which write uses too.
struct CharacterName {
  const char* name;
  uint32_t cp;
};
const CharacterName kNames[] = {
    {"alarm", 0x7},   {"backspace", 0x8}, {"delete", 0x7f}, {"escape", 0x1b}, {"newline", 0xa},
    {"null", 0x0},    {"return", 0xd},    {"space", 0x20},  {"tab", 0x9},
};

}  // namespace

uint32_t upcase(uint32_t cp) { return mapCase(kUpcase, cp); }
uint32_t downcase(uint32_t cp) { return mapCase(kDowncase, cp); }
uint32_t foldcase(uint32_t cp) { return mapCase(kFoldcase, cp); }

// The expansions are few (about a hundred a table): a binary search by code
// point, and the simple mapping for every other character.
template <size_t N>
const CaseExpansion* expansionOf(const CaseExpansion (&table)[N], uint32_t cp) {
  size_t lo = 0, hi = N;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (table[mid].from < cp) lo = mid + 1;
    else hi = mid;
  }
  return lo < N && table[lo].from == cp ? &table[lo] : nullptr;
}

size_t fullCaseMapping(CaseMapping mapping, uint32_t cp, uint32_t out[3]) {
  const CaseExpansion* e = mapping == CaseMapping::Up ? expansionOf(kUpcaseExpansions, cp)
                         : mapping == CaseMapping::Down ? expansionOf(kDowncaseExpansions, cp)
                         : expansionOf(kFoldcaseExpansions, cp);
  if (!e) {
    out[0] = mapping == CaseMapping::Up ? upcase(cp) : mapping == CaseMapping::Down ? downcase(cp) : foldcase(cp);
    return 1;
  }
  size_t n = 0;
  while (n < 3 && e->to[n]) {
    out[n] = e->to[n];
    n++;
  }
  return n;
}

bool isCased(uint32_t cp) { return inClass(kUppercase, cp) || inClass(kLowercase, cp); }

// Private use and unassigned code points (noncharacters among them) are shown
// by number too: no font draws them. (Guile draws the same line.)
bool isPrintable(uint32_t cp) {
  bool privateUse = (cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000;
  if (cp == ' ') return true;
  return cp > 0x20 && !(cp >= 0x7f && cp < 0xa0) && !privateUse && !inClass(kUnassigned, cp) &&
         !inClass(kWhiteSpace, cp) && !inClass(kFormat, cp);
}

bool characterFromName(const uint8_t* text, size_t length, uint32_t* cp) {
  if (length == 0) return false;
  size_t first;
  uint32_t c = utf8Decode(text, text + length, &first);
  if (first == length) {
    *cp = c;
    return true;
  }
  for (const CharacterName& n : kNames) {
    if (strlen(n.name) == length && memcmp(n.name, text, length) == 0) {
      *cp = n.cp;
      return true;
    }
  }
  if (text[0] != 'x' || length > 9) return false;
  uint32_t value = 0;
  for (size_t i = 1; i < length; i++) {
    uint8_t d = text[i];
    int digit = d >= '0' && d <= '9' ? d - '0' : d >= 'a' && d <= 'f' ? d - 'a' + 10
              : d >= 'A' && d <= 'F' ? d - 'A' + 10 : -1;
    if (digit < 0) return false;
    value = value * 16 + (uint32_t)digit;
  }
  if (!isScalarValue(value)) return false;
  *cp = value;
  return true;
}

void printCharacter(uint32_t cp, bool write, Bytes& out) {
  if (!write) return appendUtf8(out, cp);
  out.append((const uint8_t*)"#\\", 2);
  for (const CharacterName& n : kNames) {
    if (n.cp == cp) return out.append((const uint8_t*)n.name, strlen(n.name));
  }
  if (isPrintable(cp)) return appendUtf8(out, cp);
  char hex[16];
  int n = snprintf(hex, sizeof hex, "x%x", (unsigned)cp);
  out.append((const uint8_t*)hex, (size_t)n);
}

// ---- The primitives ----

static uint32_t characterAt(Prim p, Value* args, int32_t i) {
  if (!isCharacter(args[i])) failWrongType(p, i, Expected::Character, args[i]);
  return characterOf(args[i]);
}

Value prim_IsChar(ARGS) { UNUSED_ARGC; return makeBoolean(isCharacter(args[0])); }

Value prim_CharToInteger(ARGS) {
  UNUSED_ARGC;
  return makeInteger((int32_t)characterAt(Prim::CharToInteger, args, 0));
}

Value prim_IntegerToChar(ARGS) {
  UNUSED_ARGC;
  if (!isInteger(args[0]) || !isScalarValue(integerOf(args[0])))
    failWrongType(Prim::IntegerToChar, 0, Expected::ScalarValue, args[0]);
  return makeCharacter((uint32_t)integerOf(args[0]));
}

// The comparisons: every argument checked, then each neighbouring pair.
static Value compareChain(Prim p, Value* args, int32_t argc, bool foldCase) {
  for (int32_t i = 0; i < argc; i++) characterAt(p, args, i);
  for (int32_t i = 0; i + 1 < argc; i++) {
    uint32_t a = characterOf(args[i]), b = characterOf(args[i + 1]);
    if (foldCase) {
      a = foldcase(a);
      b = foldcase(b);
    }
    bool holds;
    switch (p) {
      case Prim::CharLess: case Prim::CharCiLess: holds = a < b; break;
      case Prim::CharGreater: case Prim::CharCiGreater: holds = a > b; break;
      case Prim::CharLessEqual: case Prim::CharCiLessEqual: holds = a <= b; break;
      case Prim::CharGreaterEqual: case Prim::CharCiGreaterEqual: holds = a >= b; break;
      default: holds = a == b; break;
    }
    if (!holds) return kFalse;
  }
  return kTrue;
}
Value prim_CharEqual(ARGS) { return compareChain(Prim::CharEqual, args, argc, false); }
Value prim_CharLess(ARGS) { return compareChain(Prim::CharLess, args, argc, false); }
Value prim_CharGreater(ARGS) { return compareChain(Prim::CharGreater, args, argc, false); }
Value prim_CharLessEqual(ARGS) { return compareChain(Prim::CharLessEqual, args, argc, false); }
Value prim_CharGreaterEqual(ARGS) { return compareChain(Prim::CharGreaterEqual, args, argc, false); }
Value prim_CharCiEqual(ARGS) { return compareChain(Prim::CharCiEqual, args, argc, true); }
Value prim_CharCiLess(ARGS) { return compareChain(Prim::CharCiLess, args, argc, true); }
Value prim_CharCiGreater(ARGS) { return compareChain(Prim::CharCiGreater, args, argc, true); }
Value prim_CharCiLessEqual(ARGS) { return compareChain(Prim::CharCiLessEqual, args, argc, true); }
Value prim_CharCiGreaterEqual(ARGS) { return compareChain(Prim::CharCiGreaterEqual, args, argc, true); }

Value prim_CharUpcase(ARGS) { UNUSED_ARGC; return makeCharacter(upcase(characterAt(Prim::CharUpcase, args, 0))); }
Value prim_CharDowncase(ARGS) { UNUSED_ARGC; return makeCharacter(downcase(characterAt(Prim::CharDowncase, args, 0))); }
Value prim_CharFoldcase(ARGS) { UNUSED_ARGC; return makeCharacter(foldcase(characterAt(Prim::CharFoldcase, args, 0))); }

Value prim_IsCharAlphabetic(ARGS) { UNUSED_ARGC; return makeBoolean(inClass(kAlphabetic, characterAt(Prim::IsCharAlphabetic, args, 0))); }
Value prim_IsCharNumeric(ARGS) { UNUSED_ARGC; return makeBoolean(digitValue(characterAt(Prim::IsCharNumeric, args, 0)) >= 0); }
Value prim_IsCharWhitespace(ARGS) { UNUSED_ARGC; return makeBoolean(inClass(kWhiteSpace, characterAt(Prim::IsCharWhitespace, args, 0))); }
Value prim_IsCharUpperCase(ARGS) { UNUSED_ARGC; return makeBoolean(inClass(kUppercase, characterAt(Prim::IsCharUpperCase, args, 0))); }
Value prim_IsCharLowerCase(ARGS) { UNUSED_ARGC; return makeBoolean(inClass(kLowercase, characterAt(Prim::IsCharLowerCase, args, 0))); }

Value prim_DigitValue(ARGS) {
  UNUSED_ARGC;
  int32_t value = digitValue(characterAt(Prim::DigitValue, args, 0));
  return value < 0 ? kFalse : makeInteger(value);
}
