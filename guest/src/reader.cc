#include "reader.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "characters.h"
#include "errors.h"
#include "outside.h"
#include "symbols.h"
#include "tower.h"
#include "utf8.h"

namespace {

class Reader {
 public:
  explicit Reader(const char* source) : at_(source) {}

  // The next datum, if any is left before the end of the text.
  bool one(Datum* out, size_t* consumed, const char* start) {
    skipAtmosphere();
    if (!*at_) {
      *consumed = at_ - start;
      return false;
    }
    out->line = line_;
    out->column = column_;
    out->value = datum(0);
    *consumed = at_ - start;
    return true;
  }

  Datum* all(int32_t* count) {
    int32_t capacity = 16, n = 0;
    Datum* data = (Datum*)allocateOutside(capacity, sizeof(Datum), "the source's data");
    for (;;) {
      skipAtmosphere();
      if (!*at_) break;
      if (n == capacity) data = (Datum*)reallocateOutside(data, capacity *= 2, sizeof(Datum), "the source's data");
      data[n].line = line_;
      data[n].column = column_;
      data[n].value = datum(0);
      n++;
    }
    *count = n;
    return data;
  }

 private:
  const char* at_;
  int32_t line_ = 1, column_ = 1;

  [[noreturn]] void error(int32_t line, int32_t column, const char* what) {
    failRead("parse error at line %d, column %d: %s", (int)line, (int)column, what);
  }
  [[noreturn]] void errorHere(const char* what) { error(line_, column_, what); }

  void step() {
    if (*at_ == '\n') {
      line_++;
      column_ = 1;
    } else if (((unsigned char)*at_ & 0xc0) != 0x80) {
      column_++;  // columns count characters, not UTF-8 continuation bytes
    }
    at_++;
  }

  // White space, ; comments, #| block comments |# and #; datum comments. A
  // datum comment's datum counts toward `nesting`, so a chain of them cannot
  // recurse deeper than a chain of parentheses.
  void skipAtmosphere(int nesting = 0) {
    for (;;) {
      if (*at_ == ';') {
        while (*at_ && *at_ != '\n') step();
      } else if (*at_ && isspace((unsigned char)*at_)) {
        step();
      } else if (at_[0] == '#' && at_[1] == '|') {
        int32_t line = line_, column = column_;
        step();
        step();
        for (int depth = 1; depth > 0;) {
          if (!*at_) error(line, column, "unterminated block comment");
          if (at_[0] == '|' && at_[1] == '#') {
            depth--;
            step();
          } else if (at_[0] == '#' && at_[1] == '|') {
            depth++;
            step();
          }
          step();
        }
      } else if (at_[0] == '#' && at_[1] == ';') {
        step();
        step();
        datum(nesting + 1);
      } else {
        return;
      }
    }
  }

  static bool isDelimiter(char c) {
    return c == 0 || c == '(' || c == ')' || c == '"' || c == ';' || c == '\'' || c == '|' || c == '`' || c == ',' ||
           isspace((unsigned char)c);
  }

  Value datum(int nesting) {
    if (nesting > kMaxNesting) errorHere("expression nested too deeply");
    skipAtmosphere(nesting);
    int32_t line = line_, column = column_;
    char c = *at_;
    if (!c) errorHere("unexpected end of input");
    if (c == ')') errorHere("unexpected ')'");
    if (c == '(') {
      step();
      return list(line, column, nesting);
    }
    // 'd `d ,d ,@d: (quote d) (quasiquote d) (unquote d) (unquote-splicing d).
    if (c == '\'' || c == '`' || c == ',') {
      step();
      const char* abbreviated = c == '\'' ? "quote" : c == '`' ? "quasiquote" : "unquote";
      if (c == ',' && *at_ == '@') {
        step();
        abbreviated = "unquote-splicing";
      }
      skipAtmosphere(nesting);
      int32_t l = line_, k = column_;
      Value quoted = datum(nesting + 1);
      return literalPair(intern(abbreviated), literalPair(quoted, kNil, l, k), line, column);
    }
    if (c == '"') return string();
    if (c == '|') return barSymbol();
    if (c == '#' && at_[1] == '\\') return character(line, column);
    if (c == '#' && at_[1] == 'u' && at_[2] == '8' && at_[3] == '(') return bytevector(line, column, nesting);
    if (c == '#' && at_[1] == '(') {
      step();
      step();
      return vector(line, column, nesting);
    }
    return atom(line, column);
  }

  // After '(': elements up to ')', with an optional ". tail".
  Value list(int32_t line, int32_t column, int nesting) {
    Value head = kNil;
    Value* tail = &head;
    for (;;) {
      skipAtmosphere(nesting + 1);
      if (!*at_) error(line, column, "unexpected end of input: '(' is never closed");
      if (*at_ == ')') {
        step();
        return head;
      }
      if (at_[0] == '.' && isDelimiter(at_[1])) {
        if (head == kNil) errorHere("'.' with nothing before it");
        step();
        *tail = datum(nesting + 1);
        skipAtmosphere(nesting + 1);
        if (*at_ != ')') errorHere("expected ')' after the datum following '.'");
        step();
        return head;
      }
      int32_t l = line_, k = column_;
      Value element = datum(nesting + 1);
      *tail = literalPair(element, kNil, l, k);
      tail = &pairOf(*tail)->cdr;
    }
  }

  Value vector(int32_t line, int32_t column, int nesting) {
    Value elements = list(line, column, nesting);
    uint32_t n = 0;
    for (Value p = elements; p != kNil; p = pairOf(p)->cdr) {
      if (!hasTag(p, kPairTag)) error(line, column, "a vector literal cannot have a '.'");
      n++;
    }
    Value v = literalVector(n);
    uint32_t i = 0;
    for (Value p = elements; p != kNil; p = pairOf(p)->cdr) vectorOf(v)->elements[i++] = pairOf(p)->car;
    return v;
  }

  // After "#u8": a list of bytes, 0 to 255.
  Value bytevector(int32_t line, int32_t column, int nesting) {
    for (int i = 0; i < 4; i++) step();
    Value elements = list(line, column, nesting);
    uint32_t n = 0;
    for (Value p = elements; p != kNil; p = pairOf(p)->cdr, n++) {
      if (!hasTag(p, kPairTag)) error(line, column, "a bytevector literal cannot have a '.'");
      Value b = pairOf(p)->car;
      if (!isInteger(b) || integerOf(b) < 0 || integerOf(b) > 255) {
        int32_t l, k;
        literalPosition(p, &l, &k);
        error(l, k, "a bytevector literal holds bytes, integers from 0 to 255");
      }
    }
    Value v = literalBytevector(n);
    uint32_t i = 0;
    for (Value p = elements; p != kNil; p = pairOf(p)->cdr) bytevectorOf(v)->bytes[i++] = (uint8_t)integerOf(pairOf(p)->car);
    return v;
  }

  Value string() {
    int32_t line = line_, column = column_;
    step();  // "
    size_t capacity = 16, n = 0;
    char* text = (char*)allocateOutside(capacity, 1, "a literal's text");
    for (;;) {
      char c = *at_;
      if (!c) error(line, column, "unterminated string");
      if (c == '"') {
        step();
        break;
      }
      if (c == '\\') {
        step();
        switch (*at_) {
          case 'a': c = '\a'; break;
          case 'b': c = '\b'; break;
          case 'n': c = '\n'; break;
          case 't': c = '\t'; break;
          case 'r': c = '\r'; break;
          case '\\': c = '\\'; break;
          case '"': c = '"'; break;
          case '|': c = '|'; break;
          case 'x': {
            uint8_t encoded[4];
            size_t length = utf8Encode(hexEscape(), encoded);
            if (n + length >= capacity) text = (char*)reallocateOutside(text, capacity = 2 * capacity + length, 1, "a literal's text");
            memcpy(text + n, encoded, length);
            n += length;
            continue;
          }
          default:
            if (lineContinuation()) continue;
            errorHere("unknown string escape (\\a \\b \\t \\n \\r \\\" \\\\ \\| \\x<hex>; and \\ before a line end are known)");
        }
      }
      if (n + 1 >= capacity) text = (char*)reallocateOutside(text, capacity *= 2, 1, "a literal's text");
      text[n++] = c;
      step();
    }
    Value s = literalString(text, n);
    free(text);
    return s;
  }

  // #\a, #\space, #\x3bb: the first character is taken whatever it is (#\(
  // is a parenthesis), then everything up to a delimiter.
  Value character(int32_t line, int32_t column) {
    step();
    step();
    const char* start = at_;
    if (!*at_) error(line, column, "unexpected end of input after #\\");
    do step(); while (((unsigned char)*at_ & 0xc0) == 0x80);
    while (!isDelimiter(*at_)) step();
    uint32_t cp;
    if (!characterFromName((const uint8_t*)start, (size_t)(at_ - start), &cp)) {
      char message[96];
      snprintf(message, sizeof message, "unknown character name: #\\%.*s",
               (int)(at_ - start > 40 ? 40 : at_ - start), start);
      error(line, column, message);
    }
    return makeCharacter(cp);
  }

  // After "\x" in a string: hex digits and ';', a Unicode scalar value.
  uint32_t hexEscape() {
    int32_t line = line_, column = column_ - 1;
    step();  // x
    uint32_t value = 0;
    int digits = 0;
    for (; isxdigit((unsigned char)*at_); digits++, step()) {
      uint32_t digit = (uint32_t)(isdigit((unsigned char)*at_) ? *at_ - '0' : (*at_ | 0x20) - 'a' + 10);
      if (value <= kMaxCodePoint) value = value * 16 + digit;  // past it, stays past it: no wrap-around
    }
    if (digits == 0 || *at_ != ';' || !isScalarValue(value))
      error(line, column, "bad \\x escape: expected hex digits of a Unicode scalar value and ';'");
    step();  // ;
    return value;
  }

  // After a backslash in a string: spaces or tabs, a line end and the next
  // line's leading spaces or tabs stand for nothing (R7RS). False, having
  // read nothing, if no line end follows.
  bool lineContinuation() {
    const char* p = at_;
    while (*p == ' ' || *p == '\t') p++;
    if (*p == '\r') p++;
    if (*p != '\n') return false;
    p++;
    while (*p == ' ' || *p == '\t') p++;
    while (at_ < p) step();
    return true;
  }

  // |any text|: a symbol with any name (\| and \\ inside), as write prints one.
  Value barSymbol() {
    int32_t line = line_, column = column_;
    step();
    size_t capacity = 16, n = 0;
    char* text = (char*)allocateOutside(capacity, 1, "a literal's text");
    for (;;) {
      char c = *at_;
      if (!c) error(line, column, "unterminated |symbol|");
      if (c == '|') {
        step();
        break;
      }
      if (c == '\\') {
        step();
        c = *at_;
        if (!c) error(line, column, "unterminated |symbol|");
        if (c == 'n') c = '\n';
        else if (c == 't') c = '\t';
        else if (c == 'r') c = '\r';
      }
      if (n + 1 >= capacity) text = (char*)reallocateOutside(text, capacity *= 2, 1, "a literal's text");
      text[n++] = c;
      step();
    }
    Value symbol = intern(text, n);
    free(text);
    return symbol;
  }

  Value atom(int32_t line, int32_t column) {
    const char* start = at_;
    while (!isDelimiter(*at_)) step();
    size_t length = at_ - start;
    char shown[48];
    snprintf(shown, sizeof shown, "%.*s", (int)(length > 40 ? 40 : length), start);
    char message[96];
    Value number = readNumberLiteral(start, length);
    if (number != kFalse) return number;
    if (looksLikeNumber(start, length)) {
      snprintf(message, sizeof message, "malformed number literal: %s", shown);
      error(line, column, message);
    }
    if (start[0] == '#') {
      if (equals(start, length, "#t") || equals(start, length, "#true")) return kTrue;
      if (equals(start, length, "#f") || equals(start, length, "#false")) return kFalse;
      snprintf(message, sizeof message, "unsupported syntax: %s", shown);
      error(line, column, message);
    }
    if (length == 1 && start[0] == '.') error(line, column, "unexpected '.'");
    for (size_t i = 0; i < length; i++) {
      unsigned char c = (unsigned char)start[i];
      if (c < 0x80 && !isalnum(c) && !strchr("!$%&*/:<=>?^_~+-.@", c)) {
        snprintf(message, sizeof message, "unexpected character in a name: %s", shown);
        error(line, column, message);
      }
    }
    return intern(start, length);
  }

  static bool equals(const char* s, size_t n, const char* word) {
    return strlen(word) == n && memcmp(s, word, n) == 0;
  }
};

}  // namespace

Datum* readAll(const char* source, int32_t* count) {
  Reader reader(source);
  return reader.all(count);
}

bool readOne(const char* text, Datum* out, size_t* consumed) {
  Reader reader(text);
  return reader.one(out, consumed, text);
}
