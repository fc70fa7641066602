#include "parser.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errors.h"

namespace {

// Deeper nesting than this is refused so that neither the parser nor the
// evaluator can exhaust the wasm stack on a silly input.
const int kMaxNesting = 1000;

struct Scope {
  const char* name;
  const Expr* letrec;  // the Letrec binding the name, or null for a parameter
  const Scope* outer;
};

enum class TokenKind { Open, Close, Word, End };

struct Token {
  TokenKind kind;
  int line, column;
  const char* start;
  size_t length;
};

class Parser {
 public:
  explicit Parser(const char* source) : at_(source) { advance(); }

  Expr* program() {
    Expr* e = expression(nullptr, 0);
    if (token_.kind != TokenKind::End) error(token_, "unexpected text after the expression");
    return e;
  }

 private:
  const char* at_;
  int line_ = 1, column_ = 1;
  Token token_;

  [[noreturn]] void error(const Token& where, const char* what) {
    fail("parse error at line %d, column %d: %s", where.line, where.column, what);
  }

  void skipSpaceAndComments() {
    for (;;) {
      if (*at_ == ';') {
        while (*at_ && *at_ != '\n') step();
      } else if (*at_ && isspace((unsigned char)*at_)) {
        step();
      } else {
        return;
      }
    }
  }

  void step() {
    if (*at_ == '\n') {
      line_++;
      column_ = 1;
    } else if (((unsigned char)*at_ & 0xc0) != 0x80) {
      column_++;  // columns count characters, not UTF-8 continuation bytes
    }
    at_++;
  }

  static bool isDelimiter(char c) {
    return c == 0 || c == '(' || c == ')' || c == ';' || isspace((unsigned char)c);
  }

  void advance() {
    skipSpaceAndComments();
    token_.line = line_;
    token_.column = column_;
    token_.start = at_;
    if (*at_ == 0) {
      token_.kind = TokenKind::End;
      token_.length = 0;
    } else if (*at_ == '(') {
      token_.kind = TokenKind::Open;
      token_.length = 1;
      step();
    } else if (*at_ == ')') {
      token_.kind = TokenKind::Close;
      token_.length = 1;
      step();
    } else {
      token_.kind = TokenKind::Word;
      while (!isDelimiter(*at_)) step();
      token_.length = at_ - token_.start;
    }
  }

  bool wordIs(const char* text) const {
    return token_.kind == TokenKind::Word && strlen(text) == token_.length &&
           memcmp(token_.start, text, token_.length) == 0;
  }

  char* copyWord() const {
    char* s = (char*)malloc(token_.length + 1);
    memcpy(s, token_.start, token_.length);
    s[token_.length] = 0;
    return s;
  }

  [[noreturn]] void errorWithWord(const Token& where, const char* what) {
    char message[160];
    int n = (int)(where.length > 40 ? 40 : where.length);
    snprintf(message, sizeof message, "%s: %.*s", what, n, where.start);
    error(where, message);
  }

  static bool isKeyword(const Token& t) {
    static const char* const keywords[] = {"lambda", "letrec", "if", "+", "-", "*", "<", "eq?"};
    for (const char* k : keywords)
      if (strlen(k) == t.length && memcmp(t.start, k, t.length) == 0) return true;
    return false;
  }

  // A letter, then letters or digits, and not a keyword.
  static bool isIdentifier(const Token& t) {
    if (t.kind != TokenKind::Word || !isalpha((unsigned char)t.start[0])) return false;
    for (size_t i = 1; i < t.length; i++)
      if (!isalnum((unsigned char)t.start[i])) return false;
    return !isKeyword(t);
  }

  static bool isNumber(const Token& t) {
    size_t i = t.start[0] == '-' ? 1 : 0;
    if (i == t.length) return false;
    for (; i < t.length; i++)
      if (!isdigit((unsigned char)t.start[i])) return false;
    return true;
  }

  Expr* node(ExprKind kind, const Token& where) {
    Expr* e = (Expr*)calloc(1, sizeof(Expr));
    e->kind = kind;
    e->line = where.line;
    e->column = where.column;
    return e;
  }

  void expect(TokenKind kind, const char* what) {
    if (token_.kind == TokenKind::End) error(token_, "unexpected end of input");
    if (token_.kind != kind) errorWithWord(token_, what);
    advance();
  }

  void expectClose(const char* form) {
    if (token_.kind == TokenKind::Close) {
      advance();
      return;
    }
    if (token_.kind == TokenKind::End) error(token_, "unexpected end of input");
    char message[80];
    snprintf(message, sizeof message, "expected ')' to close %s", form);
    error(token_, message);
  }

  const char* bindingName(const char* form) {
    if (token_.kind == TokenKind::End) error(token_, "unexpected end of input");
    if (!isIdentifier(token_)) {
      char message[80];
      snprintf(message, sizeof message, "%s expects an identifier here", form);
      if (token_.kind == TokenKind::Word) errorWithWord(token_, message);
      error(token_, message);
    }
    char* name = copyWord();
    advance();
    return name;
  }

  Expr* expression(const Scope* scope, int nesting) {
    if (nesting > kMaxNesting) error(token_, "expression nested too deeply");
    Token start = token_;
    switch (token_.kind) {
      case TokenKind::End: error(token_, "unexpected end of input");
      case TokenKind::Close: error(token_, "unexpected ')'");
      case TokenKind::Word: advance(); return atom(start, scope);
      case TokenKind::Open: advance(); return combination(start, scope, nesting);
    }
    return nullptr;
  }

  Expr* atom(const Token& t, const Scope* scope) {
    if (isNumber(t)) {
      // Parse by hand so that any length of digits is caught as out of range.
      int64_t n = 0;
      bool negative = t.start[0] == '-';
      for (size_t i = negative ? 1 : 0; i < t.length; i++) {
        n = n * 10 + (t.start[i] - '0');
        if (n > (int64_t)kMaxInteger + 1) break;
      }
      if (negative) n = -n;
      if (!inIntegerRange(n)) errorWithWord(t, "integer literal out of range");
      Expr* e = node(ExprKind::Integer, t);
      e->integer = makeInteger((int32_t)n);
      return e;
    }
    if (isKeyword(t)) errorWithWord(t, "keyword used as a value");
    if (!isIdentifier(t)) errorWithWord(t, "not a number or identifier");
    int depth = 0;
    for (const Scope* s = scope; s; s = s->outer, depth++) {
      if (strlen(s->name) == t.length && memcmp(s->name, t.start, t.length) == 0) {
        Expr* e = node(ExprKind::Variable, t);
        e->name = s->name;
        e->depth = depth;
        e->letrecBound = s->letrec != nullptr;
        e->binder = s->letrec;
        return e;
      }
    }
    fail("unbound identifier: %.*s at line %d, column %d", (int)t.length, t.start, t.line,
         t.column);
  }

  Expr* combination(const Token& open, const Scope* scope, int nesting) {
    if (token_.kind == TokenKind::Close) error(open, "empty combination ()");
    if (wordIs("lambda")) return lambda(open, scope, nesting);
    if (wordIs("letrec")) return letrec(open, scope, nesting);
    if (wordIs("if")) return conditional(open, scope, nesting);
    static const struct {
      const char* word;
      Primitive primitive;
    } primitives[] = {{"+", Primitive::Add},
                      {"-", Primitive::Subtract},
                      {"*", Primitive::Multiply},
                      {"<", Primitive::Less},
                      {"eq?", Primitive::Eq}};
    for (const auto& p : primitives) {
      if (wordIs(p.word)) {
        advance();
        Expr* e = node(ExprKind::Primitive, open);
        e->primitive = p.primitive;
        e->a = operand(scope, nesting, p.word, "takes exactly two operands");
        e->b = operand(scope, nesting, p.word, "takes exactly two operands");
        closeWithCount(p.word, "takes exactly two operands");
        e->mayCollect = e->a->mayCollect || e->b->mayCollect;
        return e;
      }
    }
    Expr* e = node(ExprKind::Call, open);
    e->a = expression(scope, nesting + 1);
    e->b = operand(scope, nesting, "a call", "takes exactly one argument");
    closeWithCount("a call", "takes exactly one argument");
    e->mayCollect = true;
    return e;
  }

  // An operand that must be there: a ')' here means too few of them.
  Expr* operand(const Scope* scope, int nesting, const char* form, const char* rule) {
    if (token_.kind == TokenKind::Close) {
      char message[80];
      snprintf(message, sizeof message, "%s %s", form, rule);
      error(token_, message);
    }
    return expression(scope, nesting + 1);
  }

  void closeWithCount(const char* form, const char* rule) {
    if (token_.kind == TokenKind::Close) {
      advance();
      return;
    }
    if (token_.kind == TokenKind::End) error(token_, "unexpected end of input");
    char message[80];
    snprintf(message, sizeof message, "%s %s", form, rule);
    error(token_, message);
  }

  Expr* lambda(const Token& open, const Scope* scope, int nesting) {
    advance();  // lambda
    expect(TokenKind::Open, "lambda expects a parameter list like (x), got");
    const char* parameter = bindingName("lambda's parameter list");
    if (token_.kind != TokenKind::Close) error(token_, "lambda takes exactly one parameter");
    advance();
    Scope inner = {parameter, nullptr, scope};
    Func* func = (Func*)calloc(1, sizeof(Func));
    func->parameter = parameter;
    if (token_.kind == TokenKind::Close) error(token_, "lambda needs a body");
    func->body = expression(&inner, nesting + 1);
    func->createsClosures = containsLambda(func->body);
    expectClose("lambda");
    Expr* e = node(ExprKind::Lambda, open);
    e->func = func;
    e->mayCollect = true;
    return e;
  }

  Expr* letrec(const Token& open, const Scope* scope, int nesting) {
    advance();  // letrec
    expect(TokenKind::Open, "letrec expects ((name expr)), got");
    expect(TokenKind::Open, "letrec expects ((name expr)), got");
    const char* name = bindingName("letrec's binding");
    Expr* e = node(ExprKind::Letrec, open);
    e->name = name;
    Scope inner = {name, e, scope};
    if (token_.kind == TokenKind::Close) error(token_, "letrec's binding needs an expression");
    e->a = expression(&inner, nesting + 1);
    expectClose("letrec's binding");
    if (token_.kind != TokenKind::Close) error(token_, "letrec takes exactly one binding");
    advance();
    if (token_.kind == TokenKind::Close) error(token_, "letrec needs a body");
    e->b = expression(&inner, nesting + 1);
    expectClose("letrec");
    e->mayCollect = true;
    return e;
  }

  Expr* conditional(const Token& open, const Scope* scope, int nesting) {
    advance();  // if
    Expr* e = node(ExprKind::If, open);
    e->a = operand(scope, nesting, "if", "takes exactly three operands");
    e->b = operand(scope, nesting, "if", "takes exactly three operands");
    e->c = operand(scope, nesting, "if", "takes exactly three operands");
    closeWithCount("if", "takes exactly three operands");
    e->mayCollect = e->a->mayCollect || e->b->mayCollect || e->c->mayCollect;
    return e;
  }

  static bool containsLambda(const Expr* e) {
    if (!e) return false;
    if (e->kind == ExprKind::Lambda) return true;
    return containsLambda(e->a) || containsLambda(e->b) || containsLambda(e->c);
  }
};

}  // namespace

Expr* parseProgram(const char* source) {
  Parser parser(source);
  return parser.program();
}
