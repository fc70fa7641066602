#include "reader.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "symbols.h"

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
    Datum* data = (Datum*)malloc(capacity * sizeof(Datum));
    for (;;) {
      skipAtmosphere();
      if (!*at_) break;
      if (n == capacity) data = (Datum*)realloc(data, (capacity *= 2) * sizeof(Datum));
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
    fail("parse error at line %d, column %d: %s", (int)line, (int)column, what);
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
    return c == 0 || c == '(' || c == ')' || c == '"' || c == ';' || c == '\'' || c == '|' ||
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
    if (c == '\'') {
      step();
      skipAtmosphere(nesting);
      int32_t l = line_, k = column_;
      Value quoted = datum(nesting + 1);
      return literalPair(intern("quote"), literalPair(quoted, kNil, l, k), line, column);
    }
    if (c == '"') return string();
    if (c == '|') return barSymbol();
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

  Value string() {
    int32_t line = line_, column = column_;
    step();  // "
    size_t capacity = 16, n = 0;
    char* text = (char*)malloc(capacity);
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
          case 'n': c = '\n'; break;
          case 't': c = '\t'; break;
          case 'r': c = '\r'; break;
          case '\\': c = '\\'; break;
          case '"': c = '"'; break;
          default: errorHere("unknown string escape (\\n, \\t, \\r, \\\\ and \\\" are known)");
        }
      }
      if (n + 1 >= capacity) text = (char*)realloc(text, capacity *= 2);
      text[n++] = c;
      step();
    }
    Value s = literalString(text, n);
    free(text);
    return s;
  }

  // |any text|: a symbol with any name (\| and \\ inside), as write prints one.
  Value barSymbol() {
    int32_t line = line_, column = column_;
    step();
    size_t capacity = 16, n = 0;
    char* text = (char*)malloc(capacity);
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
      if (n + 1 >= capacity) text = (char*)realloc(text, capacity *= 2);
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
    if (start[0] == '#') {
      if (equals(start, length, "#t") || equals(start, length, "#true")) return kTrue;
      if (equals(start, length, "#f") || equals(start, length, "#false")) return kFalse;
      snprintf(message, sizeof message, "unsupported syntax: %s", shown);
      error(line, column, message);
    }
    bool digits = false, other = false;
    for (size_t i = (start[0] == '-' || start[0] == '+') ? 1 : 0; i < length; i++) {
      if (isdigit((unsigned char)start[i]))
        digits = true;
      else
        other = true;
    }
    if (digits && !other) {
      bool negative = start[0] == '-';
      int64_t n = 0;
      for (size_t i = (start[0] == '-' || start[0] == '+') ? 1 : 0; i < length; i++) {
        n = n * 10 + (start[i] - '0');
        if (n > (int64_t)kMaxInteger + 1) break;  // any number of digits stays caught
      }
      if (negative) n = -n;
      if (!inIntegerRange(n)) {
        snprintf(message, sizeof message, "integer literal out of range: %s", shown);
        error(line, column, message);
      }
      return makeInteger((int32_t)n);
    }
    if (isdigit((unsigned char)start[0]) || ((start[0] == '-' || start[0] == '+' || start[0] == '.') &&
                                             length > 1 && isdigit((unsigned char)start[1]))) {
      snprintf(message, sizeof message, "only integers are supported: %s", shown);
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
