// The syntax pass: data from the reader to the core expressions of value.h.
//
// Every derived form is reduced to the core here, so the evaluator and the
// compilers know only eleven kinds of expression:
//   let, let*, letrec, letrec*, internal define -> SetLocal of fresh slots
//   named let, do     -> a letrec-bound lambda and a call to it
//   cond, case, and, or, when, unless -> If (with a fresh slot for a value
//                        that is both tested and returned)
// Local variables of a lambda, at any nesting of let forms inside it, are
// slots of that lambda's one frame: a let inside a body runs at most once per
// call (loops are calls), so slots need not be fresh per let. Closures
// capture frames, and a variable is (frames out, slot).
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "parser.h"
#include "primitives.h"
#include "reader.h"
#include "symbols.h"

namespace {

struct Position {
  int32_t line, column;
};

// A name visible here: a local variable of the function `level` lambdas deep.
struct Scope {
  Value symbol;
  Variable* variable;
  int32_t level;
  const Scope* outer;
};

// The function whose frame the expressions being parsed use.
struct Function {
  Func* func;
  int32_t level;
};

bool isSymbol(Value v) { return hasTag(v, kSymbolTag); }
bool isPair(Value v) { return hasTag(v, kPairTag); }
Value car(Value v) { return pairOf(v)->car; }
Value cdr(Value v) { return pairOf(v)->cdr; }
const char* nameOf(Value symbol) { return symbolOf(symbol)->name; }

Position positionOf(Value pair) {
  Position p;
  literalPosition(pair, &p.line, &p.column);
  return p;
}

[[noreturn]] void syntaxError(Position at, const char* format, ...)
    __attribute__((format(printf, 2, 3)));
void syntaxError(Position at, const char* format, ...) {
  char message[256];
  va_list args;
  va_start(args, format);
  vsnprintf(message, sizeof message, format, args);
  va_end(args);
  fail("parse error at line %d, column %d: %s", (int)at.line, (int)at.column, message);
}

int32_t listLength(Value list) {
  int32_t n = 0;
  for (; isPair(list); list = cdr(list)) n++;
  return list == kNil ? n : -1;
}

Expr* node(ExprKind kind, Position at) {
  Expr* e = (Expr*)calloc(1, sizeof(Expr));
  e->kind = kind;
  e->line = at.line;
  e->column = at.column;
  return e;
}

Expr* constant(Value v, Position at) {
  Expr* e = node(ExprKind::Constant, at);
  e->value = v;
  return e;
}

Expr** itemArray(int32_t n) { return (Expr**)calloc(n > 0 ? (size_t)n : 1, sizeof(Expr*)); }

Expr* sequence(Expr** items, int32_t n, Position at) {
  if (n == 1) return items[0];
  Expr* e = node(ExprKind::Sequence, at);
  e->items = items;
  e->count = n;
  return e;
}

Expr* ifExpr(Expr* test, Expr* then, Expr* otherwise, Position at) {
  Expr* e = node(ExprKind::If, at);
  e->a = test;
  e->b = then;
  e->c = otherwise;
  return e;
}

enum class Keyword {
  None, Quote, Lambda, Define, If, Set, Let, LetStar, Letrec, LetrecStar, Begin, Cond, Case,
  And, Or, When, Unless, Do, Else
};

const struct {
  const char* name;
  Keyword keyword;
} kKeywords[] = {
    {"quote", Keyword::Quote},   {"lambda", Keyword::Lambda}, {"define", Keyword::Define},
    {"if", Keyword::If},         {"set!", Keyword::Set},      {"let", Keyword::Let},
    {"let*", Keyword::LetStar},  {"letrec", Keyword::Letrec}, {"letrec*", Keyword::LetrecStar},
    {"begin", Keyword::Begin},   {"cond", Keyword::Cond},     {"case", Keyword::Case},
    {"and", Keyword::And},       {"or", Keyword::Or},         {"when", Keyword::When},
    {"unless", Keyword::Unless}, {"do", Keyword::Do},         {"else", Keyword::Else},
};

class Syntax {
 public:
  Program* program(const char* source) {
    int32_t count;
    Datum* forms = readAll(source, &count);
    for (int32_t i = 0; i < count; i++) noteUserDefinitions(forms[i].value, 0);
    Func* func = newFunc(nullptr, Position{1, 1});
    Function top = {func, 0};
    ExprList items;
    for (int32_t i = 0; i < count; i++)
      topLevel(forms[i].value, Position{forms[i].line, forms[i].column}, top, items);
    if (items.count == 0) items.add(constant(kUnspecified, Position{1, 1}));
    func->body = sequence(items.items, items.count, Position{1, 1});
    Program* p = (Program*)malloc(sizeof(Program));
    p->func = func;
    free(forms);
    return p;
  }

 private:
  struct ExprList {
    Expr** items = nullptr;
    int32_t count = 0, capacity = 0;
    void add(Expr* e) {
      if (count == capacity) items = (Expr**)realloc(items, (capacity = capacity ? 2 * capacity : 16) * sizeof(Expr*));
      items[count++] = e;
    }
  };

  // Any global that some form of the program defines or assigns is never
  // bound to a primitive: a program may redefine car.
  void noteUserDefinitions(Value datum, int nesting) {
    while (isPair(datum)) {
      Value head = car(datum);
      if ((head == intern("define") || head == intern("set!")) && isPair(cdr(datum))) {
        Value target = car(cdr(datum));
        while (isPair(target)) target = car(target);
        if (isSymbol(target)) globalCell(target)->userDefined = true;
      }
      if (nesting < kMaxNesting) noteUserDefinitions(head, nesting + 1);
      datum = cdr(datum);
    }
  }

  Func* newFunc(const char* name, Position at) {
    Func* f = (Func*)calloc(1, sizeof(Func));
    f->name = name;
    f->line = at.line;
    f->column = at.column;
    return f;
  }

  Variable* newVariable(Function& fn, Value symbol, bool checked) {
    Variable* v = (Variable*)calloc(1, sizeof(Variable));
    v->name = nameOf(symbol);
    v->index = fn.func->slotCount++;
    v->checked = checked;
    return v;
  }

  static Keyword keywordOf(Value head, const Scope* scope) {
    if (!isSymbol(head)) return Keyword::None;
    for (const Scope* s = scope; s; s = s->outer)
      if (s->symbol == head) return Keyword::None;  // a local variable shadows it
    for (const auto& k : kKeywords)
      if (strcmp(nameOf(head), k.name) == 0) return k.keyword;
    return Keyword::None;
  }

  // One top-level form: a definition (also inside begin) or an expression.
  void topLevel(Value datum, Position at, Function& fn, ExprList& out) {
    Keyword k = isPair(datum) ? keywordOf(car(datum), nullptr) : Keyword::None;
    if (k == Keyword::Begin) {
      if (listLength(datum) < 0) syntaxError(at, "bad begin: not a proper list");
      for (Value p = cdr(datum); isPair(p); p = cdr(p)) topLevel(car(p), positionOf(p), fn, out);
      return;
    }
    if (k == Keyword::Define) {
      Value target;
      Expr* value = definition(datum, at, fn, nullptr, &target);
      Expr* e = node(ExprKind::DefineGlobal, at);
      e->cell = globalCell(target);
      e->name = nameOf(target);
      e->a = value;
      out.add(e);
      return;
    }
    out.add(expression(datum, at, fn, nullptr, 0));
  }

  // (define name expr) or (define (name . params) body...): the value's
  // expression, and the name in *target.
  Expr* definition(Value datum, Position at, Function& fn, const Scope* scope, Value* target) {
    if (listLength(datum) < 2) syntaxError(at, "bad define: expected (define name value)");
    Value head = car(cdr(datum));
    if (isPair(head)) {
      *target = car(head);
      if (!isSymbol(*target)) syntaxError(at, "bad define: the procedure's name must be a symbol");
      if (cdr(cdr(datum)) == kNil) syntaxError(at, "bad define: %s needs a body", nameOf(*target));
      return lambda(cdr(head), cdr(cdr(datum)), at, fn, scope, nameOf(*target));
    }
    if (!isSymbol(head)) syntaxError(at, "bad define: expected a name, got something else");
    *target = head;
    if (listLength(datum) == 2) return constant(kUnspecified, at);
    if (listLength(datum) != 3) syntaxError(at, "bad define: expected (define name value)");
    Value valueDatum = cdr(cdr(datum));
    return named(expression(car(valueDatum), positionOf(valueDatum), fn, scope, 0), nameOf(head));
  }

  // A lambda bound to a name takes the name, for messages and printing.
  static Expr* named(Expr* e, const char* name) {
    if (e->kind == ExprKind::Lambda && !e->func->name) e->func->name = name;
    return e;
  }

  Expr* expression(Value datum, Position at, Function& fn, const Scope* scope, int nesting) {
    if (nesting > kMaxNesting) syntaxError(at, "expression nested too deeply");
    if (isSymbol(datum)) return variable(datum, at, fn, scope);
    if (!isPair(datum)) {
      if (datum == kNil) syntaxError(at, "empty combination ()");
      return constant(datum, at);  // integers, booleans, strings, vectors evaluate to themselves
    }
    Value head = car(datum);
    int32_t length = listLength(datum);
    if (length < 0) syntaxError(at, "a combination cannot have a '.'");
    switch (keywordOf(head, scope)) {
      case Keyword::Quote:
        if (length != 2) syntaxError(at, "bad quote: expected (quote datum)");
        return constant(car(cdr(datum)), at);
      case Keyword::Lambda:
        if (length < 3) syntaxError(at, "bad lambda: expected (lambda parameters body...)");
        return lambda(car(cdr(datum)), cdr(cdr(datum)), at, fn, scope, nullptr);
      case Keyword::Define:
        syntaxError(at, "define is only allowed at top level or in a body");
      case Keyword::If: {
        if (length != 3 && length != 4) syntaxError(at, "bad if: expected (if test then [else])");
        Value rest = cdr(datum);
        Expr* test = sub(rest, fn, scope, nesting);
        Expr* then = sub(cdr(rest), fn, scope, nesting);
        Expr* otherwise = length == 4 ? sub(cdr(cdr(rest)), fn, scope, nesting) : constant(kUnspecified, at);
        return ifExpr(test, then, otherwise, at);
      }
      case Keyword::Set: return assignment(datum, at, fn, scope, nesting);
      case Keyword::Let: return let(datum, at, fn, scope, nesting);
      case Keyword::LetStar: return letStar(datum, at, fn, scope, nesting);
      case Keyword::Letrec:
      case Keyword::LetrecStar: return letrec(datum, at, fn, scope, nesting);
      case Keyword::Begin:
        if (length == 1) return constant(kUnspecified, at);
        return forms(cdr(datum), at, fn, scope, nesting);
      case Keyword::Cond: return cond(cdr(datum), at, fn, scope, nesting);
      case Keyword::Case: return caseForm(datum, at, fn, scope, nesting);
      case Keyword::And: return andForm(cdr(datum), at, fn, scope, nesting);
      case Keyword::Or: return orForm(cdr(datum), at, fn, scope, nesting);
      case Keyword::When:
      case Keyword::Unless: {
        if (length < 3) syntaxError(at, "bad %s: expected (%s test body...)", nameOf(head), nameOf(head));
        Expr* test = sub(cdr(datum), fn, scope, nesting);
        Expr* body = forms(cdr(cdr(datum)), at, fn, scope, nesting);
        Expr* none = constant(kUnspecified, at);
        return keywordOf(head, scope) == Keyword::When ? ifExpr(test, body, none, at)
                                                       : ifExpr(test, none, body, at);
      }
      case Keyword::Do: return doForm(datum, at, fn, scope, nesting);
      case Keyword::Else: syntaxError(at, "else outside cond or case");
      case Keyword::None: break;
    }
    return call(datum, at, fn, scope, nesting);
  }

  // The expression in the car of list position p.
  Expr* sub(Value p, Function& fn, const Scope* scope, int nesting) {
    return expression(car(p), positionOf(p), fn, scope, nesting + 1);
  }

  // Expressions in order, the value of the last: a body without definitions.
  Expr* forms(Value list, Position at, Function& fn, const Scope* scope, int nesting) {
    int32_t n = listLength(list);
    if (n <= 0) return constant(kUnspecified, at);
    Expr** items = itemArray(n);
    int32_t i = 0;
    for (Value p = list; isPair(p); p = cdr(p)) items[i++] = sub(p, fn, scope, nesting);
    return sequence(items, n, at);
  }

  Expr* variable(Value symbol, Position at, Function& fn, const Scope* scope) {
    if (keywordOf(symbol, scope) != Keyword::None)
      syntaxError(at, "keyword used as a variable: %s", nameOf(symbol));
    for (const Scope* s = scope; s; s = s->outer) {
      if (s->symbol == symbol) {
        Expr* e = node(ExprKind::Local, at);
        e->name = s->variable->name;
        e->variable = s->variable;
        e->index = s->variable->index;
        e->depth = fn.level - s->level;
        e->checked = s->variable->checked;
        return e;
      }
    }
    Expr* e = node(ExprKind::Global, at);
    e->name = nameOf(symbol);
    e->cell = globalCell(symbol);
    return e;
  }

  Expr* assignment(Value datum, Position at, Function& fn, const Scope* scope, int nesting) {
    if (listLength(datum) != 3 || !isSymbol(car(cdr(datum))))
      syntaxError(at, "bad set!: expected (set! name value)");
    Value target = car(cdr(datum));
    Position where = positionOf(cdr(datum));
    Expr* value = sub(cdr(cdr(datum)), fn, scope, nesting);
    Expr* v = variable(target, where, fn, scope);
    if (v->kind == ExprKind::Local) {
      v->kind = ExprKind::SetLocal;
      v->variable->assigned = true;
    } else {
      v->kind = ExprKind::SetGlobal;
    }
    v->a = value;
    return v;
  }

  Expr* setLocal(Variable* v, Expr* value, Position at) {
    Expr* e = node(ExprKind::SetLocal, at);
    e->variable = v;
    e->name = v->name;
    e->index = v->index;
    e->depth = 0;
    e->a = value;
    return e;
  }

  // (parameters) body...: a new function, its parameters in its first slots.
  Expr* lambda(Value parameters, Value body, Position at, Function& fn, const Scope* scope,
               const char* name) {
    Func* func = newFunc(name, at);
    Function inner = {func, fn.level + 1};
    int32_t n = 1;
    for (Value p = parameters; isPair(p); p = cdr(p)) n++;
    Scope* params = (Scope*)calloc(n, sizeof(Scope));
    const Scope* innerScope = scope;
    int32_t i = 0;
    Value p = parameters;
    for (; isPair(p) || isSymbol(p); p = isPair(p) ? cdr(p) : kNil) {
      Value name = isPair(p) ? car(p) : p;
      if (!isSymbol(name)) syntaxError(at, "bad lambda: a parameter must be a symbol");
      for (int32_t j = 0; j < i; j++)
        if (params[j].symbol == name) syntaxError(at, "duplicate parameter: %s", nameOf(name));
      params[i] = Scope{name, newVariable(inner, name, false), inner.level, innerScope};
      innerScope = &params[i++];
      if (isPair(p))
        func->required++;
      else
        func->hasRest = 1;
    }
    if (p != kNil) syntaxError(at, "bad lambda: the parameters must be symbols");
    if (body == kNil) syntaxError(at, "bad lambda: no body");
    func->body = this->body(body, at, inner, innerScope, 0);
    func->createsClosures = containsLambda(func->body);
    Expr* e = node(ExprKind::Lambda, at);
    e->func = func;
    return e;
  }

  // A body: definitions (anywhere among its forms, as letrec*) and
  // expressions; the value of the last form.
  Expr* body(Value list, Position at, Function& fn, const Scope* scope, int nesting) {
    int32_t n = listLength(list);
    if (n <= 0) syntaxError(at, "a body needs at least one expression");
    // Declare every defined name first, so the definitions see each other.
    int32_t defines = 0;
    for (Value p = list; isPair(p); p = cdr(p))
      if (isPair(car(p)) && keywordOf(car(car(p)), scope) == Keyword::Define) defines++;
    Scope* names = (Scope*)calloc(defines ? defines : 1, sizeof(Scope));
    const Scope* inner = scope;
    int32_t d = 0;
    for (Value p = list; isPair(p); p = cdr(p)) {
      if (isPair(car(p)) && keywordOf(car(car(p)), scope) == Keyword::Define) {
        Value form = car(p);
        if (listLength(form) < 2) syntaxError(positionOf(p), "bad define: expected (define name value)");
        Value target = car(cdr(form));
        while (isPair(target)) target = car(target);
        if (!isSymbol(target)) syntaxError(positionOf(p), "bad define: expected a name");
        names[d].symbol = target;
        names[d].variable = newVariable(fn, target, true);
        names[d].level = fn.level;
        names[d].outer = inner;
        inner = &names[d++];
      }
    }
    Expr** items = itemArray(n);
    int32_t i = 0;
    d = 0;
    for (Value p = list; isPair(p); p = cdr(p)) {
      if (isPair(car(p)) && keywordOf(car(car(p)), scope) == Keyword::Define) {
        Value target;
        Expr* value = definition(car(p), positionOf(p), fn, inner, &target);
        Variable* v = names[d++].variable;
        v->initialiser = value;
        items[i++] = setLocal(v, value, positionOf(p));
      } else {
        items[i++] = expression(car(p), positionOf(p), fn, inner, nesting + 1);
      }
    }
    if (defines == n) syntaxError(at, "a body needs an expression after its definitions");
    return sequence(items, n, at);
  }

  // ((name init) ...): checks the shape, returns the count.
  // valueRequired: letrec's bindings need their value, as in Guile ((letrec
  // ((f)) f) would otherwise read a variable that never gets one).
  int32_t bindingCount(Value bindings, Position at, const char* form, bool valueRequired = false) {
    int32_t n = listLength(bindings);
    if (n < 0) syntaxError(at, "bad %s: the bindings must be a list", form);
    for (Value p = bindings; isPair(p); p = cdr(p)) {
      Value b = car(p);
      int32_t length = listLength(b);
      if (!isPair(b) || !isSymbol(car(b)) || length < (valueRequired ? 2 : 1) || length > 2)
        syntaxError(isPair(b) ? positionOf(p) : at, "bad %s: expected (name value)", form);
    }
    return n;
  }

  Expr* initialiserOf(Value binding, Position at, Function& fn, const Scope* scope, int nesting) {
    if (cdr(binding) == kNil) return constant(kUnspecified, at);
    return named(sub(cdr(binding), fn, scope, nesting), nameOf(car(binding)));
  }

  Expr* let(Value datum, Position at, Function& fn, const Scope* scope, int nesting) {
    if (listLength(datum) < 3) syntaxError(at, "bad let: expected (let ((name value) ...) body...)");
    if (isSymbol(car(cdr(datum)))) return namedLet(datum, at, fn, scope, nesting);
    return sequentialLet(datum, at, fn, scope, nesting, "let");
  }

  Expr* letStar(Value datum, Position at, Function& fn, const Scope* scope, int nesting) {
    if (listLength(datum) < 3) syntaxError(at, "bad let*: expected (let* ((name value) ...) body...)");
    return sequentialLet(datum, at, fn, scope, nesting, "let*");
  }

  // let and let*: each value into a fresh slot in turn, then the body. A let's
  // values see none of its names (they are parsed in the outer scope); a
  // let*'s see the names before them.
  Expr* sequentialLet(Value datum, Position at, Function& fn, const Scope* scope, int nesting,
                      const char* form) {
    bool star = form[3] == '*';
    Value bindings = car(cdr(datum));
    int32_t n = bindingCount(bindings, at, form);
    Expr** items = itemArray(n + 1);
    Scope* names = (Scope*)calloc(n ? n : 1, sizeof(Scope));
    const Scope* inner = scope;
    int32_t i = 0;
    for (Value p = bindings; isPair(p); p = cdr(p), i++) {
      Value b = car(p);
      Expr* init = initialiserOf(b, positionOf(p), fn, star ? inner : scope, nesting);
      for (int32_t j = 0; !star && j < i; j++)
        if (names[j].symbol == car(b)) syntaxError(positionOf(p), "duplicate name in let: %s", nameOf(car(b)));
      names[i] = Scope{car(b), newVariable(fn, car(b), false), fn.level, inner};
      inner = &names[i];
      items[i] = setLocal(names[i].variable, init, positionOf(p));
    }
    items[n] = body(cdr(cdr(datum)), at, fn, inner, nesting);
    return sequence(items, n + 1, at);
  }

  Expr* letrec(Value datum, Position at, Function& fn, const Scope* scope, int nesting) {
    if (listLength(datum) < 3) syntaxError(at, "bad letrec: expected (letrec ((name value) ...) body...)");
    Value bindings = car(cdr(datum));
    int32_t n = bindingCount(bindings, at, "letrec", true);
    Expr** items = itemArray(n + 1);
    Scope* names = (Scope*)calloc(n ? n : 1, sizeof(Scope));
    const Scope* inner = scope;
    int32_t i = 0;
    for (Value p = bindings; isPair(p); p = cdr(p), i++) {
      names[i] = Scope{car(car(p)), newVariable(fn, car(car(p)), true), fn.level, inner};
      inner = &names[i];
    }
    i = 0;
    for (Value p = bindings; isPair(p); p = cdr(p), i++) {
      Expr* init = initialiserOf(car(p), positionOf(p), fn, inner, nesting);
      names[i].variable->initialiser = init;
      items[i] = setLocal(names[i].variable, init, positionOf(p));
    }
    items[n] = body(cdr(cdr(datum)), at, fn, inner, nesting);
    return sequence(items, n + 1, at);
  }

  // A lambda bound to a fresh local `name` and called with the initial
  // values: named let and do both become this.
  Expr* loop(Value name, Value parameters, Expr* (Syntax::*makeBody)(Function&, const Scope*, void*),
             void* context, Expr** initials, int32_t n, Position at, Function& fn, const Scope* scope) {
    Scope* self = (Scope*)calloc(1, sizeof(Scope));
    *self = Scope{name, newVariable(fn, name, true), fn.level, scope};
    // The loop's lambda, built by hand so that its body can be made in its scope.
    Func* func = newFunc(nameOf(name), at);
    Function inner = {func, fn.level + 1};
    Scope* params = (Scope*)calloc(n ? n : 1, sizeof(Scope));
    const Scope* innerScope = self;
    int32_t i = 0;
    for (Value p = parameters; isPair(p); p = cdr(p), i++) {
      for (int32_t j = 0; j < i; j++)
        if (params[j].symbol == car(p)) syntaxError(at, "duplicate name in a loop: %s", nameOf(car(p)));
      params[i] = Scope{car(p), newVariable(inner, car(p), false), inner.level, innerScope};
      innerScope = &params[i];
      func->required++;
    }
    func->body = (this->*makeBody)(inner, innerScope, context);
    func->createsClosures = containsLambda(func->body);
    Expr* lambdaExpr = node(ExprKind::Lambda, at);
    lambdaExpr->func = func;
    self->variable->initialiser = lambdaExpr;

    Expr* callee = node(ExprKind::Local, at);
    callee->name = self->variable->name;
    callee->variable = self->variable;
    callee->index = self->variable->index;
    callee->checked = true;
    Expr* call = node(ExprKind::Call, at);
    call->a = callee;
    call->items = initials;
    call->count = n;
    Expr** items = itemArray(2);
    items[0] = setLocal(self->variable, lambdaExpr, at);
    items[1] = call;
    return sequence(items, 2, at);
  }

  struct NamedLetContext {
    Value body;
    Position at;
    int nesting;
  };
  Expr* namedLetBody(Function& fn, const Scope* scope, void* context) {
    NamedLetContext* c = (NamedLetContext*)context;
    return body(c->body, c->at, fn, scope, c->nesting);
  }

  Expr* namedLet(Value datum, Position at, Function& fn, const Scope* scope, int nesting) {
    if (listLength(datum) < 4) syntaxError(at, "bad named let: expected (let name ((name value) ...) body...)");
    Value name = car(cdr(datum));
    Value bindings = car(cdr(cdr(datum)));
    int32_t n = bindingCount(bindings, at, "let");
    Expr** initials = itemArray(n);
    Value parameters = kNil;
    Value* tail = &parameters;
    int32_t i = 0;
    for (Value p = bindings; isPair(p); p = cdr(p)) {
      initials[i++] = initialiserOf(car(p), positionOf(p), fn, scope, nesting);
      *tail = literalPair(car(car(p)), kNil, at.line, at.column);
      tail = &pairOf(*tail)->cdr;
    }
    NamedLetContext context = {cdr(cdr(cdr(datum))), at, nesting};
    return loop(name, parameters, &Syntax::namedLetBody, &context, initials, n, at, fn, scope);
  }

  struct DoContext {
    Value specs, exit, commands;
    Position at;
    int nesting;
  };
  Expr* doBody(Function& fn, const Scope* scope, void* context) {
    DoContext* c = (DoContext*)context;
    Expr* test = sub(c->exit, fn, scope, c->nesting);
    Expr* result = forms(cdr(c->exit), c->at, fn, scope, c->nesting);
    int32_t n = listLength(c->specs);
    Expr** steps = itemArray(n);
    int32_t i = 0;
    for (Value p = c->specs; isPair(p); p = cdr(p), i++) {
      Value spec = car(p);
      Value step = listLength(spec) == 3 ? car(cdr(cdr(spec))) : car(spec);
      steps[i] = expression(step, positionOf(p), fn, scope, c->nesting + 1);
    }
    Expr* again = node(ExprKind::Call, c->at);
    // The loop variable is the outermost name of the lambda's scope.
    const Scope* self = scope;
    while (self->level == fn.level) self = self->outer;
    again->a = variable(self->symbol, c->at, fn, scope);
    again->items = steps;
    again->count = n;
    int32_t commands = listLength(c->commands);
    Expr** items = itemArray(commands + 1);
    i = 0;
    for (Value p = c->commands; isPair(p); p = cdr(p)) items[i++] = sub(p, fn, scope, c->nesting);
    items[i++] = again;
    return ifExpr(test, result, sequence(items, i, c->at), c->at);
  }

  Expr* doForm(Value datum, Position at, Function& fn, const Scope* scope, int nesting) {
    if (listLength(datum) < 3 || listLength(car(cdr(datum))) < 0 || listLength(car(cdr(cdr(datum)))) < 1)
      syntaxError(at, "bad do: expected (do ((name init step) ...) (test result...) body...)");
    Value specs = car(cdr(datum));
    int32_t n = listLength(specs);
    Expr** initials = itemArray(n);
    Value parameters = kNil;
    Value* tail = &parameters;
    int32_t i = 0;
    for (Value p = specs; isPair(p); p = cdr(p)) {
      Value spec = car(p);
      int32_t length = listLength(spec);
      if (length < 2 || length > 3 || !isSymbol(car(spec)))
        syntaxError(positionOf(p), "bad do: expected (name init [step])");
      initials[i++] = sub(cdr(spec), fn, scope, nesting);
      *tail = literalPair(car(spec), kNil, at.line, at.column);
      tail = &pairOf(*tail)->cdr;
    }
    DoContext context = {specs, car(cdr(cdr(datum))), cdr(cdr(cdr(datum))), at, nesting};
    return loop(intern(" do loop"), parameters, &Syntax::doBody, &context, initials, n, at, fn, scope);
  }

  // A fresh slot holding a value that is tested and then returned.
  Variable* temporary(Function& fn) { return newVariable(fn, intern(" temporary"), false); }

  Expr* localRead(Variable* v, Position at) {
    Expr* e = node(ExprKind::Local, at);
    e->name = v->name;
    e->variable = v;
    e->index = v->index;
    return e;
  }

  Expr* cond(Value clauses, Position at, Function& fn, const Scope* scope, int nesting) {
    if (clauses == kNil) return constant(kUnspecified, at);
    Value clause = car(clauses);
    Position where = positionOf(clauses);
    int32_t length = listLength(clause);
    if (length < 1) syntaxError(where, "bad cond clause: expected (test expression...)");
    if (keywordOf(car(clause), scope) == Keyword::Else) {
      if (cdr(clauses) != kNil) syntaxError(where, "else must be the last clause of cond");
      return forms(cdr(clause), where, fn, scope, nesting);
    }
    if (length > 1 && car(cdr(clause)) == intern("=>")) syntaxError(where, "cond's => is not supported");
    Expr* test = sub(clause, fn, scope, nesting);
    Expr* rest = cond(cdr(clauses), at, fn, scope, nesting);
    if (length == 1) {  // (test): its value when true
      Variable* t = temporary(fn);
      Expr** items = itemArray(2);
      items[0] = setLocal(t, test, where);
      items[1] = ifExpr(localRead(t, where), localRead(t, where), rest, where);
      return sequence(items, 2, where);
    }
    return ifExpr(test, forms(cdr(clause), where, fn, scope, nesting), rest, where);
  }

  Expr* caseForm(Value datum, Position at, Function& fn, const Scope* scope, int nesting) {
    if (listLength(datum) < 2) syntaxError(at, "bad case: expected (case key clause...)");
    Variable* key = temporary(fn);
    Expr** items = itemArray(2);
    items[0] = setLocal(key, sub(cdr(datum), fn, scope, nesting), at);
    items[1] = caseClauses(cdr(cdr(datum)), key, at, fn, scope, nesting);
    return sequence(items, 2, at);
  }

  Expr* caseClauses(Value clauses, Variable* key, Position at, Function& fn, const Scope* scope, int nesting) {
    if (clauses == kNil) return constant(kUnspecified, at);
    Value clause = car(clauses);
    Position where = positionOf(clauses);
    if (listLength(clause) < 2) syntaxError(where, "bad case clause: expected ((datum...) expression...)");
    Expr* body = forms(cdr(clause), where, fn, scope, nesting);
    if (keywordOf(car(clause), scope) == Keyword::Else) {
      if (cdr(clauses) != kNil) syntaxError(where, "else must be the last clause of case");
      return body;
    }
    int32_t n = listLength(car(clause));
    if (n < 0) syntaxError(where, "bad case clause: the data must be a list");
    // (eqv? key d1) or (eqv? key d2) ...
    Expr* test = constant(kFalse, where);
    Value data[64];
    int32_t count = 0;
    for (Value p = car(clause); isPair(p); p = cdr(p)) {
      if (count == 64) syntaxError(where, "a case clause may list at most 64 data");
      data[count++] = car(p);
    }
    for (int32_t i = count - 1; i >= 0; i--) {
      Expr* eqv = node(ExprKind::PrimitiveCall, where);
      eqv->primitive = (uint16_t)Prim::IsEqv;
      eqv->items = itemArray(2);
      eqv->items[0] = localRead(key, where);
      eqv->items[1] = constant(data[i], where);
      eqv->count = 2;
      test = i == count - 1 ? eqv : ifExpr(eqv, constant(kTrue, where), test, where);
    }
    return ifExpr(test, body, caseClauses(cdr(clauses), key, at, fn, scope, nesting), where);
  }

  Expr* andForm(Value list, Position at, Function& fn, const Scope* scope, int nesting) {
    if (list == kNil) return constant(kTrue, at);
    Expr* first = sub(list, fn, scope, nesting);
    if (cdr(list) == kNil) return first;
    return ifExpr(first, andForm(cdr(list), at, fn, scope, nesting), constant(kFalse, at), at);
  }

  Expr* orForm(Value list, Position at, Function& fn, const Scope* scope, int nesting) {
    if (list == kNil) return constant(kFalse, at);
    Expr* first = sub(list, fn, scope, nesting);
    if (cdr(list) == kNil) return first;
    Variable* t = temporary(fn);
    Expr** items = itemArray(2);
    items[0] = setLocal(t, first, at);
    items[1] = ifExpr(localRead(t, at), localRead(t, at), orForm(cdr(list), at, fn, scope, nesting), at);
    return sequence(items, 2, at);
  }

  // A call; of a primitive when the callee names one that no program has
  // redefined and that accepts this many arguments.
  Expr* call(Value datum, Position at, Function& fn, const Scope* scope, int nesting) {
    int32_t n = listLength(datum) - 1;
    Expr** args = itemArray(n);
    int32_t i = 0;
    for (Value p = cdr(datum); isPair(p); p = cdr(p)) args[i++] = sub(p, fn, scope, nesting);
    Expr* callee = expression(car(datum), positionOf(datum), fn, scope, nesting + 1);
    if (callee->kind == ExprKind::Global && !callee->cell->userDefined &&
        hasTag(callee->cell->value, kPrimitiveTag)) {
      Prim p = (Prim)((PrimitiveObject*)callee->cell->value)->index;
      if (acceptsArgumentCount(p, n)) {
        Expr* e = node(ExprKind::PrimitiveCall, at);
        e->primitive = (uint16_t)p;
        e->items = args;
        e->count = n;
        return e;
      }
    }
    Expr* e = node(ExprKind::Call, at);
    e->a = callee;
    e->items = args;
    e->count = n;
    return e;
  }

  static bool containsLambda(const Expr* e) {
    if (!e) return false;
    if (e->kind == ExprKind::Lambda) return true;
    if (containsLambda(e->a) || containsLambda(e->b) || containsLambda(e->c)) return true;
    if (e->kind == ExprKind::Sequence || e->kind == ExprKind::Call || e->kind == ExprKind::PrimitiveCall)
      for (int32_t i = 0; i < e->count; i++)
        if (containsLambda(e->items[i])) return true;
    return false;
  }
};

}  // namespace

Program* parseProgram(const char* source) {
  definePrimitives();
  Syntax syntax;
  return syntax.program(source);
}
