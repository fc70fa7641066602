#include "printer.h"

#include <stdio.h>
#include <string.h>

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
      case kSymbolTag: return text(symbolOf(v)->name);
      case kClosureTag: {
        const char* name = closureOf(v)->func->name;
        if (!name) return text("#<procedure>");
        text("#<procedure ");
        text(name);
        return text(">");
      }
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

  bool full() const { return out_.size() >= limit_; }

  void text(const char* s) {
    size_t n = strlen(s);
    if (out_.size() + n > limit_) {
      out_.append((const uint8_t*)"...", 3);
      limit_ = out_.size();  // nothing more
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

  void string(Value v) {
    const char* bytes = stringOf(v)->bytes;
    uint32_t n = lengthOf(v);
    if (!write_) {
      if (out_.size() + n > limit_) return text("...");
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
      else out_.byte((uint8_t)c);
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
