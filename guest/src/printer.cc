#include "printer.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "ports.h"
#include "primitives.h"

namespace {

class Printer {
 public:
  Printer(Bytes& out, bool write, size_t limit) : out_(out), write_(write), limit_(out.size() + limit) {}

  void value(Value v, int nesting) {
    if (full()) return;
    if (nesting > 1000) return text("...");
    char number[16];
    if (isInteger(v)) {
      snprintf(number, sizeof number, "%d", (int)integerOf(v));
      return text(number);
    }
    switch (v) {
      case kTrue: return text("#t");
      case kFalse: return text("#f");
      case kNil: return text("()");
      case kUnspecified: return text("#<unspecified>");
      case kUnset: return text("#<unset>");
      case kEof: return text("#<eof>");
    }
    switch (tagOf(v)) {
      case kPairTag: return list(v, nesting);
      case kVectorTag: {
        text("#(");
        for (uint32_t i = 0; i < lengthOf(v) && !full(); i++) {
          if (i) text(" ");
          value(vectorOf(v)->elements[i], nesting + 1);
        }
        return text(")");
      }
      case kStringTag: return string(v);
      case kSymbolTag: return symbol(symbolOf(v)->name);
      case kClosureTag: {
        const char* name = closureOf(v)->func->name;
        if (!name) return text("#<procedure>");
        text("#<procedure ");
        text(name);
        return text(">");
      }
      case kPortTag: return text(portDescription(v));
      case kPrimitiveTag:
        text("#<procedure ");
        text(primitiveName((Prim)((PrimitiveObject*)v)->index));
        return text(">");
    }
    text("#<object>");
  }

 private:
  Bytes& out_;
  bool write_;
  size_t limit_;

  bool cut_ = false;  // the limit was reached and "..." written

  bool full() const { return cut_; }

  void text(const char* s) {
    if (full()) return;  // already cut short
    size_t n = strlen(s);
    if (out_.size() + n > limit_) {
      out_.append((const uint8_t*)"...", 3);
      cut_ = true;  // nothing more
      return;
    }
    out_.append((const uint8_t*)s, n);
  }

  void list(Value v, int nesting) {
    text("(");
    value(pairOf(v)->car, nesting + 1);
    Value rest = pairOf(v)->cdr;
    while (hasTag(rest, kPairTag) && !full()) {
      text(" ");
      value(pairOf(rest)->car, nesting + 1);
      rest = pairOf(rest)->cdr;
    }
    if (rest != kNil) {
      text(" . ");
      value(rest, nesting + 1);
    }
    text(")");
  }

  // A symbol the reader would not read back as itself (made by
  // string->symbol) is written between bars, as R7RS does: |a b|.
  void symbol(const char* name) {
    if (!write_ || readsBack(name)) return text(name);
    text("|");
    for (const char* c = name; *c && !full(); c++) {
      // Line breaks escaped, so that a result stays on one line.
      char one[3] = {'\\', *c == '\n' ? 'n' : *c == '\t' ? 't' : *c == '\r' ? 'r' : *c, 0};
      bool escaped = strchr("|\\\n\t\r", *c) != nullptr;
      text(escaped ? one : one + 1);
    }
    text("|");
  }

  static bool readsBack(const char* name) {
    if (!*name || name[0] == '#' || (name[0] == '.' && !name[1])) return false;
    bool number = true;
    for (const char* c = name; *c; c++) {
      unsigned char u = (unsigned char)*c;
      if (u < 0x80 && !isalnum(u) && !strchr("!$%&*/:<=>?^_~+-.@", u)) return false;
      if (!(isdigit(u) || ((*c == '-' || *c == '+') && c == name))) number = false;
    }
    bool sign = (name[0] == '-' || name[0] == '+');
    if (number && !(sign && !name[1])) return false;  // digits would read as an integer
    if (isdigit((unsigned char)name[0]) || ((sign || name[0] == '.') && isdigit((unsigned char)name[1])))
      return false;  // the reader refuses these as numbers it does not support
    return true;
  }

  void string(Value v) {
    const char* bytes = stringOf(v)->bytes;
    uint32_t n = lengthOf(v);
    if (!write_) {
      if (out_.size() + n > limit_) {
        out_.append((const uint8_t*)"...", 3);
        cut_ = true;
        return;
      }
      out_.append((const uint8_t*)bytes, n);
      return;
    }
    text("\"");
    for (uint32_t i = 0; i < n && !full(); i++) {
      char c = bytes[i];
      if (c == '"') text("\\\"");
      else if (c == '\\') text("\\\\");
      else if (c == '\n') text("\\n");
      else if (c == '\t') text("\\t");
      else if (c == '\r') text("\\r");
      else {
        char one[2] = {c, 0};
        text(one);
      }
    }
    text("\"");
  }
};

}  // namespace

void printValue(Value v, bool write, Bytes& out) {
  Printer printer(out, write, kMaxPrinted);
  printer.value(v, 0);
}

void writeValueShort(Value v, char* out, size_t size) {
  Bytes text;
  Printer printer(text, true, size > 4 ? size - 4 : 0);
  printer.value(v, 0);
  size_t n = text.size() < size - 1 ? text.size() : size - 1;
  memcpy(out, text.data(), n);
  out[n] = 0;
}
