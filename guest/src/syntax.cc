// The syntax pass: data from the reader to the core expressions of value.h.
//
// Every derived form is reduced to the core here, so the evaluator and the
// compilers know only eleven kinds of expression:
//   let, let*, letrec, letrec*, internal define -> SetLocal of fresh slots
//   named let, do     -> a letrec-bound lambda and a call to it
//   cond, case, and, or, when, unless -> If (with a fresh slot for a value
//                        that is both tested and returned)
//   case-lambda       -> its clauses' lambdas in fresh slots, and a lambda of
//                        any arity that applies the one the count selects
//   define-record-type -> a constant type, and lambdas whose bodies each call
//                        one record primitive
//   macro uses        -> what they expand to (macros.cc), parsed in their place
//   cond-expand, begin -> their chosen forms, spliced in at top level and in bodies
// Local variables of a lambda, at any nesting of let forms inside it, are
// slots of that lambda's one frame: a let inside a body runs at most once per
// call (loops are calls), so slots need not be fresh per let. Closures
// capture frames, and a variable is (frames out, slot).
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "macros.h"
#include "outside.h"
#include "parser.h"
#include "primitives.h"
#include "printer.h"
#include "reader.h"
#include "records.h"
#include "symbols.h"

// A name visible here: a local variable of the function `level` lambdas
// deep, or (variable null) a macro that let-syntax, letrec-syntax or an
// internal define-syntax bound.
struct Scope {
  Value symbol;  // a symbol, or an alias a macro's expansion introduced (macros.h)
  Variable* variable;
  int32_t level;
  const Scope* outer;
  Macro* macro;
};

namespace {

struct Position {
  int32_t line, column;
};

// A case clause of more data than this tests them with one memv.
const int32_t kInlineCaseData = 8;

// The function whose frame the expressions being parsed use.
struct Function {
  Func* func;
  int32_t level;
};

bool isSymbol(Value v) { return hasTag(v, kSymbolTag); }
bool isPair(Value v) { return hasTag(v, kPairTag); }
bool isVector(Value v) { return hasTag(v, kVectorTag); }
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
  if (kind == ExprKind::Lambda) keepProgram();  // closures will point at its code
  Expr* e = (Expr*)allocateForProgram(1, sizeof(Expr), "the syntax tree");
  e->kind = kind;
  e->line = at.line;
  e->column = at.column;
  return e;
}

Expr* constant(Value v, Position at) {
  // quoted pairs and vectors are the program's data: a global may keep them
  if (hasTag(v, kPairTag) || hasTag(v, kVectorTag)) keepProgram();
  Expr* e = node(ExprKind::Constant, at);
  e->value = v;
  return e;
}

Expr** itemArray(int32_t n) {
  return (Expr**)allocateForProgram(n > 0 ? (size_t)n : 1, sizeof(Expr*), "the syntax tree");
}

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
  And, Or, When, Unless, Do, Else, Arrow, DefineSyntax, LetSyntax, LetrecSyntax, SyntaxRules,
  DefineRecordType, CaseLambda, CondExpand, Import, DefineLibrary, Quasiquote, Unquote,
  UnquoteSplicing
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
    {"=>", Keyword::Arrow},      {"define-syntax", Keyword::DefineSyntax},
    {"let-syntax", Keyword::LetSyntax},  {"letrec-syntax", Keyword::LetrecSyntax},
    {"syntax-rules", Keyword::SyntaxRules},  {"define-record-type", Keyword::DefineRecordType},
    {"case-lambda", Keyword::CaseLambda},    {"cond-expand", Keyword::CondExpand},
    {"import", Keyword::Import},             {"define-library", Keyword::DefineLibrary},
    {"quasiquote", Keyword::Quasiquote},     {"unquote", Keyword::Unquote},
    {"unquote-splicing", Keyword::UnquoteSplicing},
};

// What an identifier means at a point of the program.
struct Meaning {
  enum Kind { Local, LocalMacro, TopLevelMacro, Syntax, Global } kind;
  const Scope* binding;  // Local, LocalMacro
  Macro* macro;          // LocalMacro, TopLevelMacro
  Keyword keyword;       // Syntax
  Value symbol;          // TopLevelMacro, Global: the interned symbol
};

// Local bindings first; an alias nothing binds means what its identifier
// meant where its macro was defined; then top-level macros, the keywords,
// and last the global variables.
Meaning meaningOf(Value identifier, const Scope* scope) {
  for (;;) {
    for (const Scope* s = scope; s; s = s->outer) {
      if (s->symbol != identifier) continue;
      if (s->macro) return Meaning{Meaning::LocalMacro, s, s->macro, Keyword::None, 0};
      return Meaning{Meaning::Local, s, nullptr, Keyword::None, 0};
    }
    if (!isAlias(identifier)) break;
    scope = aliasScope(identifier);
    identifier = aliasOriginal(identifier);
  }
  if (Macro* m = topLevelMacro(identifier)) return Meaning{Meaning::TopLevelMacro, nullptr, m, Keyword::None, identifier};
  for (const auto& k : kKeywords)
    if (strcmp(nameOf(identifier), k.name) == 0) return Meaning{Meaning::Syntax, nullptr, nullptr, k.keyword, 0};
  return Meaning{Meaning::Global, nullptr, nullptr, Keyword::None, identifier};
}

// The standard libraries import accepts: all are always present.
const char* const kLibraries[] = {
    "(scheme base)", "(scheme char)", "(scheme cxr)", "(scheme inexact)", "(scheme complex)",
    "(scheme lazy)", "(scheme case-lambda)", "(scheme read)", "(scheme write)", "(scheme time)",
    "(scheme file)", "(scheme process-context)",
};

// The features cond-expand knows.
const char* const kFeatures[] = {"r7rs", "wasmjit"};

class Syntax {
 public:
  Program* program(const char* source) {
    int32_t count;
    Datum* forms = readAll(source, &count);
    beginTopLevelMacros();
    for (int32_t i = 0; i < count; i++) noteUserDefinitions(forms[i].value, 0);
    Func* func = newFunc(nullptr, Position{1, 1});
    Function top = {func, 0};
    ExprList items;
    for (int32_t i = 0; i < count; i++)
      topLevel(forms[i].value, Position{forms[i].line, forms[i].column}, top, items, 0);
    commitTopLevelMacros();
    if (items.count == 0) items.add(constant(kUnspecified, Position{1, 1}));
    func->body = sequence(items.items, items.count, Position{1, 1});
    Program* p = (Program*)allocateForProgram(1, sizeof(Program), "the syntax tree");
    p->func = func;
    free(forms);
    return p;
  }

 private:
  struct ExprList {
    Expr** items = nullptr;
    int32_t count = 0, capacity = 0;
    void add(Expr* e) {
      if (count == capacity) {
        int32_t grown = capacity ? 2 * capacity : 16;
        items = (Expr**)reallocateForProgram(items, capacity, grown, sizeof(Expr*), "the syntax tree");
        capacity = grown;
      }
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
    Func* f = (Func*)allocateForProgram(1, sizeof(Func), "the syntax tree");
    f->name = name;
    f->line = at.line;
    f->column = at.column;
    return f;
  }

  Variable* newVariable(Function& fn, Value symbol, bool checked) {
    Variable* v = (Variable*)allocateForProgram(1, sizeof(Variable), "the syntax tree");
    v->name = nameOf(symbol);
    v->index = fn.func->slotCount++;
    v->checked = checked;
    return v;
  }

  static Keyword keywordOf(Value head, const Scope* scope) {
    if (!isSymbol(head)) return Keyword::None;
    Meaning m = meaningOf(head, scope);
    return m.kind == Meaning::Syntax ? m.keyword : Keyword::None;
  }

  // The macro a form's head names here, or null.
  static Macro* macroOf(Value form, const Scope* scope) {
    if (!isPair(form) || !isSymbol(car(form))) return nullptr;
    Meaning m = meaningOf(car(form), scope);
    return m.kind == Meaning::LocalMacro || m.kind == Meaning::TopLevelMacro ? m.macro : nullptr;
  }

  // One top-level form: a definition (also inside begin) or an expression.
  void topLevel(Value datum, Position at, Function& fn, ExprList& out, int nesting) {
    if (Macro* m = macroOf(datum, nullptr)) {
      checkExpansionDepth(m, at, nesting);
      return topLevel(expandMacro(m, datum, nullptr, at.line, at.column), at, fn, out, nesting + 1);
    }
    switch (isPair(datum) ? keywordOf(car(datum), nullptr) : Keyword::None) {
      case Keyword::Begin:
        if (listLength(datum) < 0) syntaxError(at, "bad begin: not a proper list");
        for (Value p = cdr(datum); isPair(p); p = cdr(p)) topLevel(car(p), positionOf(p), fn, out, nesting + 1);
        return;
      case Keyword::CondExpand:
        for (Value p = condExpand(datum, at, nullptr); isPair(p); p = cdr(p))
          topLevel(car(p), positionOf(p), fn, out, nesting + 1);
        return;
      case Keyword::Define: {
        Value target;
        Expr* value = definition(datum, at, fn, nullptr, &target);
        return defineGlobal(symbolOfIdentifier(target), value, at, out);
      }
      case Keyword::DefineSyntax: {
        Value name, spec;
        syntaxDefinition(datum, at, &name, &spec);
        defineTopLevelMacro(symbolOfIdentifier(name), makeMacro(name, spec, nullptr, at.line, at.column));
        return;
      }
      case Keyword::DefineRecordType: {
        RecordDefinition r = recordDefinition(datum, at, fn);
        for (int32_t i = 0; i < r.count; i++) defineGlobal(symbolOfIdentifier(r.names[i]), r.values[i], at, out);
        return;
      }
      case Keyword::Import: return import(datum, at);
      default: out.add(expression(datum, at, fn, nullptr, 0));
    }
  }

  void defineGlobal(Value symbol, Expr* value, Position at, ExprList& out) {
    defineTopLevelMacro(symbol, nullptr);  // a macro of this name is gone
    Expr* e = node(ExprKind::DefineGlobal, at);
    e->cell = globalCell(symbol);
    // noteUserDefinitions cannot see definitions that macros make.
    e->cell->userDefined = true;
    e->name = nameOf(symbol);
    e->a = value;
    out.add(e);
  }

  // A macro expanding to a use of itself, directly or not, would expand forever.
  static void checkExpansionDepth(const Macro* m, Position at, int nesting) {
    if (nesting > kMaxNesting)
      syntaxError(at, "the expansion of the macro %s nests too deeply (does it expand to itself forever?)", macroName(m));
  }

  // (define-syntax name (syntax-rules ...)): the name and the spec.
  void syntaxDefinition(Value datum, Position at, Value* name, Value* spec) {
    if (listLength(datum) != 3 || !isSymbol(car(cdr(datum))))
      syntaxError(at, "bad define-syntax: expected (define-syntax name (syntax-rules ...))");
    *name = car(cdr(datum));
    *spec = car(cdr(cdr(datum)));
  }

  // (import library...): every library must be one of the standard ones,
  // which are always present; (only ...) and (except ...) of them too.
  void import(Value datum, Position at) {
    if (listLength(datum) < 1) syntaxError(at, "bad import: expected (import (library name) ...)");
    for (Value p = cdr(datum); isPair(p); p = cdr(p)) {
      Value set = stripSyntax(car(p));
      while (isPair(set) && (car(set) == intern("only") || car(set) == intern("except")) && isPair(cdr(set)))
        set = car(cdr(set));
      if (!knownLibrary(set)) {
        char text[120];
        writeValueShort(set, text, sizeof text);
        syntaxError(positionOf(p), "import: unknown library %s", text);
      }
    }
  }

  static bool knownLibrary(Value name) {
    char text[120];
    writeValueShort(name, text, sizeof text);
    for (const char* library : kLibraries)
      if (strcmp(text, library) == 0) return true;
    return false;
  }

  // (cond-expand (requirement body...) ...): the body of the first clause
  // whose requirement holds, as a list of forms; that none holds is an
  // error, as in Guile.
  Value condExpand(Value datum, Position at, const Scope* scope) {
    if (listLength(datum) < 1) syntaxError(at, "bad cond-expand: expected (cond-expand (requirement form...) ...)");
    for (Value p = cdr(datum); isPair(p); p = cdr(p)) {
      Value clause = car(p);
      if (listLength(clause) < 1) syntaxError(positionOf(p), "bad cond-expand clause: expected (requirement form...)");
      if (keywordOf(car(clause), scope) == Keyword::Else) {
        if (cdr(p) != kNil) syntaxError(positionOf(p), "else must be the last clause of cond-expand");
        return cdr(clause);
      }
      if (requirementHolds(stripSyntax(car(clause)), positionOf(p), 0)) return cdr(clause);
    }
    syntaxError(at, "cond-expand: no clause's requirement holds, and there is no else clause");
  }

  bool requirementHolds(Value r, Position at, int nesting) {
    if (nesting > kMaxNesting) syntaxError(at, "cond-expand requirement nested too deeply");
    if (isSymbol(r)) {
      for (const char* feature : kFeatures)
        if (strcmp(nameOf(r), feature) == 0) return true;
      return false;
    }
    if (!isPair(r) || !isSymbol(car(r)) || listLength(r) < 1)
      syntaxError(at, "bad cond-expand requirement: expected a feature, (and ...), (or ...), (not ...) or (library ...)");
    const char* head = nameOf(car(r));
    Value rest = cdr(r);
    if (strcmp(head, "and") == 0) {
      for (; isPair(rest); rest = cdr(rest))
        if (!requirementHolds(car(rest), at, nesting + 1)) return false;
      return true;
    }
    if (strcmp(head, "or") == 0) {
      for (; isPair(rest); rest = cdr(rest))
        if (requirementHolds(car(rest), at, nesting + 1)) return true;
      return false;
    }
    if (strcmp(head, "not") == 0 && listLength(r) == 2) return !requirementHolds(car(rest), at, nesting + 1);
    if (strcmp(head, "library") == 0 && listLength(r) == 2) return knownLibrary(car(rest));
    syntaxError(at, "bad cond-expand requirement: expected a feature, (and ...), (or ...), (not ...) or (library ...)");
  }

  // (let-syntax ((name (syntax-rules ...)) ...) body...), and letrec-syntax,
  // whose macros see each other and themselves.
  Expr* letSyntax(Value datum, Position at, Function& fn, const Scope* scope, int nesting, bool recursive) {
    const char* form = recursive ? "letrec-syntax" : "let-syntax";
    if (listLength(datum) < 3 || listLength(car(cdr(datum))) < 0)
      syntaxError(at, "bad %s: expected (%s ((name (syntax-rules ...)) ...) body...)", form, form);
    const Scope* inner = scope;
    Value bindings = car(cdr(datum));
    Scope* names = (Scope*)allocateForProgram(listLength(bindings) + 1, sizeof(Scope), "the syntax tree");
    int32_t i = 0;
    for (Value p = bindings; isPair(p); p = cdr(p), i++) {
      Value b = car(p);
      if (listLength(b) != 2 || !isSymbol(car(b)))
        syntaxError(positionOf(p), "bad %s: expected (name (syntax-rules ...))", form);
      names[i] = Scope{car(b), nullptr, fn.level, inner, nullptr};
      inner = &names[i];
    }
    i = 0;
    for (Value p = bindings; isPair(p); p = cdr(p), i++) {
      Position where = positionOf(p);
      names[i].macro = makeMacro(car(car(p)), car(cdr(car(p))), recursive ? inner : scope, where.line, where.column);
    }
    return body(cdr(cdr(datum)), at, fn, inner, nesting);
  }

  // (case-lambda (formals body...) ...): each clause a lambda, bound in
  // slots of its own, and a procedure of any number of arguments that
  // applies the first clause that accepts them.
  Expr* caseLambda(Value datum, Position at, Function& fn, const Scope* scope) {
    int32_t n = listLength(datum) - 1;
    if (n < 1) syntaxError(at, "bad case-lambda: expected (case-lambda (parameters body...) ...)");
    Expr** items = itemArray(n + 1);
    Variable** clauses = (Variable**)allocateForProgram(n, sizeof(Variable*), "the syntax tree");
    Func** funcs = (Func**)allocateForProgram(n, sizeof(Func*), "the syntax tree");
    int32_t i = 0;
    for (Value p = cdr(datum); isPair(p); p = cdr(p), i++) {
      Value clause = car(p);
      if (listLength(clause) < 2) syntaxError(positionOf(p), "bad case-lambda clause: expected (parameters body...)");
      Expr* clauseLambda = lambda(car(clause), cdr(clause), positionOf(p), fn, scope, nullptr);
      funcs[i] = clauseLambda->func;
      clauses[i] = temporary(fn);
      clauses[i]->initialiser = clauseLambda;
      items[i] = setLocal(clauses[i], clauseLambda, positionOf(p));
    }
    Func* dispatch = newFunc(nullptr, at);
    Function inner = {dispatch, fn.level + 1};
    dispatch->hasRest = 1;
    Variable* arguments = newVariable(inner, intern(" arguments"), false);
    Variable* count = newVariable(inner, intern(" count"), false);
    static const char kNoClause[] = "no clause of case-lambda accepts this number of arguments:";
    Expr* chosen = primitiveCall(Prim::Error, at, constant(literalString(kNoClause, strlen(kNoClause)), at),
                                 localRead(count, at));
    for (i = n - 1; i >= 0; i--) {
      Prim test = funcs[i]->hasRest ? Prim::GreaterEqual : Prim::NumberEqual;
      Expr* accepts = primitiveCall(test, at, localRead(count, at), constant(makeInteger(funcs[i]->required), at));
      Expr* clause = localRead(clauses[i], at);
      clause->depth = 1;
      chosen = ifExpr(accepts, primitiveCall(Prim::Apply, at, clause, localRead(arguments, at)), chosen, at);
    }
    Expr** steps = itemArray(2);
    steps[0] = setLocal(count, primitiveCall(Prim::Length, at, localRead(arguments, at)), at);
    steps[1] = chosen;
    dispatch->body = sequence(steps, 2, at);
    dispatch->createsClosures = false;
    Expr* e = node(ExprKind::Lambda, at);
    e->func = dispatch;
    items[n] = e;
    return sequence(items, n + 1, at);
  }

  Expr* primitiveCall(Prim p, Position at, Expr* a, Expr* b = nullptr, Expr* c = nullptr, Expr* d = nullptr,
                      Expr* e = nullptr) {
    Expr* call = node(ExprKind::PrimitiveCall, at);
    call->primitive = (uint16_t)p;
    call->items = itemArray(5);
    Expr* arguments[] = {a, b, c, d, e};
    for (Expr* argument : arguments)
      if (argument) call->items[call->count++] = argument;
    return call;
  }

  // What a define-record-type defines: names[i] is bound to values[i].
  struct RecordDefinition {
    int32_t count;
    Value* names;
    Expr** values;
  };

  // (define-record-type <type> (constructor field...) predicate
  //   (field accessor [modifier]) ...): the type (a constant made now), and
  // procedures whose bodies are single primitive calls on it. The
  // constructor may also be a bare name (it takes every field) or #f (none).
  RecordDefinition recordDefinition(Value datum, Position at, Function& fn) {
    const char* shape = "bad define-record-type: expected (define-record-type <name> (constructor field...) predicate (field accessor [modifier])...)";
    int32_t length = listLength(datum);
    if (length < 4) syntaxError(at, "%s", shape);
    Value typeName = car(cdr(datum)), constructor = car(cdr(cdr(datum))), predicate = car(cdr(cdr(cdr(datum))));
    Value fieldSpecs = cdr(cdr(cdr(cdr(datum))));
    if (!isSymbol(typeName) || !isSymbol(predicate)) syntaxError(at, "%s", shape);
    int32_t fields = length - 4;
    Value fieldNames = kNil;
    Value* tail = &fieldNames;
    int32_t procedures = 0;
    for (Value p = fieldSpecs; isPair(p); p = cdr(p)) {
      Value spec = car(p);
      int32_t n = listLength(spec);
      if (n < 2 || n > 3) syntaxError(positionOf(p), "bad define-record-type field: expected (field accessor [modifier])");
      for (Value q = spec; isPair(q); q = cdr(q))
        if (!isSymbol(car(q))) syntaxError(positionOf(p), "bad define-record-type field: expected (field accessor [modifier])");
      for (Value q = fieldNames; isPair(q); q = cdr(q))
        if (car(q) == stripSyntax(car(spec))) syntaxError(positionOf(p), "bad define-record-type: the field %s comes twice", nameOf(car(spec)));
      *tail = literalPair(stripSyntax(car(spec)), kNil, at.line, at.column);
      tail = &pairOf(*tail)->cdr;
      procedures += n - 1;
    }
    Value type = makeRecordType(stripSyntax(typeName), fieldNames);
    RecordDefinition r;
    r.count = 0;
    r.names = (Value*)allocateForProgram(procedures + 3, sizeof(Value), "the syntax tree");
    r.values = (Expr**)allocateForProgram(procedures + 3, sizeof(Expr*), "the syntax tree");
    r.names[r.count] = typeName;
    r.values[r.count++] = constant(type, at);

    if (constructor != kFalse) {
      Value name = isPair(constructor) ? car(constructor) : constructor;
      Value parameters = isPair(constructor) ? cdr(constructor) : fieldNames;
      if (!isSymbol(name) || listLength(parameters) < 0) syntaxError(at, "%s", shape);
      Func* func = newFunc(nameOf(name), at);
      Function inner = {func, fn.level + 1};
      Variable** params = (Variable**)allocateForProgram(listLength(parameters) + 1, sizeof(Variable*), "the syntax tree");
      int32_t n = 0;
      for (Value p = parameters; isPair(p); p = cdr(p)) {
        if (!isSymbol(car(p)) || fieldIndex(fieldNames, car(p)) < 0)
          syntaxError(at, "bad define-record-type: the constructor's argument %s is not a field",
                      isSymbol(car(p)) ? nameOf(car(p)) : "?");
        params[n++] = newVariable(inner, car(p), false);
      }
      func->required = n;
      Expr* make = node(ExprKind::PrimitiveCall, at);
      make->primitive = (uint16_t)Prim::MakeRecord;
      make->items = itemArray(fields + 1);
      make->items[make->count++] = constant(type, at);
      for (Value f = fieldNames; isPair(f); f = cdr(f)) {
        int32_t k = 0;
        Value p = parameters;
        for (; isPair(p) && stripSyntax(car(p)) != car(f); p = cdr(p)) k++;
        make->items[make->count++] = isPair(p) ? localRead(params[k], at) : constant(kFalse, at);
      }
      func->body = make;
      r.names[r.count] = name;
      r.values[r.count++] = procedure(func, at);
    }

    r.names[r.count] = predicate;
    r.values[r.count++] = recordProcedure(predicate, 1, at, fn, [&](Variable** v) {
      return primitiveCall(Prim::IsRecordOf, at, localRead(v[0], at), constant(type, at));
    });
    int32_t index = 0;
    for (Value p = fieldSpecs; isPair(p); p = cdr(p), index++) {
      Value spec = car(p);
      Value accessor = car(cdr(spec));
      Expr* field = constant(makeInteger(index), at);
      r.names[r.count] = accessor;
      r.values[r.count++] = recordProcedure(accessor, 1, at, fn, [&](Variable** v) {
        return primitiveCall(Prim::RecordRef, at, localRead(v[0], at), constant(type, at), field,
                             constant(stripSyntax(accessor), at));
      });
      if (cdr(cdr(spec)) == kNil) continue;
      Value modifier = car(cdr(cdr(spec)));
      r.names[r.count] = modifier;
      r.values[r.count++] = recordProcedure(modifier, 2, at, fn, [&](Variable** v) {
        return primitiveCall(Prim::RecordSet, at, localRead(v[0], at), constant(type, at), field,
                             localRead(v[1], at), constant(stripSyntax(modifier), at));
      });
    }
    return r;
  }

  static int32_t fieldIndex(Value fieldNames, Value name) {
    int32_t i = 0;
    for (Value f = fieldNames; isPair(f); f = cdr(f), i++)
      if (car(f) == stripSyntax(name)) return i;
    return -1;
  }

  // A procedure of `arity` parameters named `name`, its body made by makeBody.
  template <typename Body>
  Expr* recordProcedure(Value name, int32_t arity, Position at, Function& fn, Body makeBody) {
    Func* func = newFunc(nameOf(name), at);
    Function inner = {func, fn.level + 1};
    Variable* params[2];
    for (int32_t i = 0; i < arity; i++) params[i] = newVariable(inner, intern(i ? "value" : "record"), false);
    func->required = arity;
    func->body = makeBody(params);
    return procedure(func, at);
  }

  static Expr* procedure(Func* func, Position at) {
    Expr* e = node(ExprKind::Lambda, at);
    e->func = func;
    return e;
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
    if (e->kind == ExprKind::Sequence) {  // case-lambda: the procedure is the last item
      named(e->items[e->count - 1], name);
      return e;
    }
    if (e->kind == ExprKind::Lambda && !e->func->name) e->func->name = name;
    return e;
  }

  Expr* expression(Value datum, Position at, Function& fn, const Scope* scope, int nesting) {
    if (nesting > kMaxNesting) syntaxError(at, "expression nested too deeply");
    if (isSymbol(datum)) return variable(datum, at, fn, scope);
    if (!isPair(datum)) {
      if (datum == kNil) syntaxError(at, "empty combination ()");
      return constant(stripSyntax(datum), at);  // integers, booleans, strings, vectors evaluate to themselves
    }
    if (Macro* m = macroOf(datum, scope)) {
      checkExpansionDepth(m, at, nesting);
      return expression(expandMacro(m, datum, scope, at.line, at.column), at, fn, scope, nesting + 1);
    }
    Value head = car(datum);
    int32_t length = listLength(datum);
    if (length < 0) syntaxError(at, "a combination cannot have a '.'");
    switch (keywordOf(head, scope)) {
      case Keyword::Quote:
        if (length != 2) syntaxError(at, "bad quote: expected (quote datum)");
        return constant(stripSyntax(car(cdr(datum))), at);
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
      case Keyword::Arrow: syntaxError(at, "=> outside cond or case");
      case Keyword::DefineSyntax: syntaxError(at, "define-syntax is only allowed at top level or in a body");
      case Keyword::DefineRecordType:
        syntaxError(at, "define-record-type is only allowed at top level or in a body");
      case Keyword::Import: syntaxError(at, "import is only allowed at top level");
      case Keyword::DefineLibrary: syntaxError(at, "define-library is not supported");
      case Keyword::SyntaxRules: syntaxError(at, "syntax-rules outside define-syntax, let-syntax or letrec-syntax");
      case Keyword::LetSyntax: return letSyntax(datum, at, fn, scope, nesting, false);
      case Keyword::LetrecSyntax: return letSyntax(datum, at, fn, scope, nesting, true);
      case Keyword::CaseLambda: return caseLambda(datum, at, fn, scope);
      case Keyword::CondExpand: return forms(condExpand(datum, at, scope), at, fn, scope, nesting);
      case Keyword::Quasiquote:
        if (length != 2) syntaxError(at, "bad quasiquote: expected (quasiquote template)");
        return quasiquote(car(cdr(datum)), at, fn, scope, 1, nesting + 1);
      case Keyword::Unquote:
      case Keyword::UnquoteSplicing: syntaxError(at, "%s outside quasiquote", nameOf(head));
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
    Meaning m = meaningOf(symbol, scope);
    if (m.kind != Meaning::Local && m.kind != Meaning::Global)
      syntaxError(at, "keyword used as a variable: %s", nameOf(symbol));
    if (m.kind == Meaning::Local) {
      const Scope* s = m.binding;
      Expr* e = node(ExprKind::Local, at);
      e->name = s->variable->name;
      e->variable = s->variable;
      e->index = s->variable->index;
      e->depth = fn.level - s->level;
      e->checked = s->variable->checked;
      return e;
    }
    Expr* e = node(ExprKind::Global, at);
    e->name = nameOf(m.symbol);
    e->cell = globalCell(m.symbol);
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
      v->cell->userDefined = true;
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
    Scope* params = (Scope*)allocateForProgram(n, sizeof(Scope), "the syntax tree");
    const Scope* innerScope = scope;
    int32_t i = 0;
    Value p = parameters;
    for (; isPair(p) || isSymbol(p); p = isPair(p) ? cdr(p) : kNil) {
      Value name = isPair(p) ? car(p) : p;
      if (!isSymbol(name)) syntaxError(at, "bad lambda: a parameter must be a symbol");
      for (int32_t j = 0; j < i; j++)
        if (params[j].symbol == name) syntaxError(at, "duplicate parameter: %s", nameOf(name));
      params[i] = Scope{name, newVariable(inner, name, false), inner.level, innerScope, nullptr};
      innerScope = &params[i++];
      if (isPair(p))
        func->required++;
      else
        func->hasRest = 1;
    }
    if (p != kNil) syntaxError(at, "bad lambda: the parameters must be symbols");
    if (body == kNil) syntaxError(at, "bad lambda: no body");
    func->body = this->body(body, at, inner, innerScope, 0);
    noteBody(func);
    Expr* e = node(ExprKind::Lambda, at);
    e->func = func;
    return e;
  }

  // A form of a body once macros are expanded: a definition of the
  // variables in names (kind Define or DefineRecordType), or an expression.
  struct BodyForm {
    Value form;
    Position at;
    Keyword kind;
    Scope* names;
    RecordDefinition record;
  };
  struct BodyForms {
    BodyForm* items = nullptr;
    int32_t count = 0, capacity = 0;
    void add(const BodyForm& f) {
      if (count == capacity) items = (BodyForm*)reallocateOutside(items, capacity = capacity ? 2 * capacity : 16, sizeof(BodyForm), "the syntax tree");
      items[count++] = f;
    }
  };

  // The forms of a body in order, with macro uses expanded, begin and
  // cond-expand spliced in and define-syntax bound, until each is a
  // definition or an expression; *inner gains every name defined.
  void collectBody(Value list, Function& fn, const Scope** inner, BodyForms& out, int nesting) {
    for (Value p = list; isPair(p); p = cdr(p)) collectBodyForm(car(p), positionOf(p), fn, inner, out, nesting);
  }

  void collectBodyForm(Value form, Position at, Function& fn, const Scope** inner, BodyForms& out, int nesting) {
    for (Macro* m; (m = macroOf(form, *inner)); nesting++) {
      checkExpansionDepth(m, at, nesting);
      form = expandMacro(m, form, *inner, at.line, at.column);
    }
    if (nesting > kMaxNesting) syntaxError(at, "expression nested too deeply");
    switch (isPair(form) ? keywordOf(car(form), *inner) : Keyword::None) {
      case Keyword::Begin:
        if (listLength(form) < 0) syntaxError(at, "bad begin: not a proper list");
        return collectBody(cdr(form), fn, inner, out, nesting + 1);
      case Keyword::CondExpand: return collectBody(condExpand(form, at, *inner), fn, inner, out, nesting + 1);
      case Keyword::DefineSyntax: {
        Value name, spec;
        syntaxDefinition(form, at, &name, &spec);
        Scope* s = (Scope*)allocateForProgram(1, sizeof(Scope), "the syntax tree");
        *s = Scope{name, nullptr, fn.level, *inner, nullptr};
        s->macro = makeMacro(name, spec, s, at.line, at.column);  // it sees itself
        *inner = s;
        return;
      }
      case Keyword::Define: {
        if (listLength(form) < 2) syntaxError(at, "bad define: expected (define name value)");
        Value target = car(cdr(form));
        while (isPair(target)) target = car(target);
        if (!isSymbol(target)) syntaxError(at, "bad define: expected a name");
        Scope* s = (Scope*)allocateForProgram(1, sizeof(Scope), "the syntax tree");
        *s = Scope{target, newVariable(fn, target, true), fn.level, *inner, nullptr};
        *inner = s;
        out.add(BodyForm{form, at, Keyword::Define, s, RecordDefinition{0, nullptr, nullptr}});
        return;
      }
      case Keyword::DefineRecordType: {
        RecordDefinition r = recordDefinition(form, at, fn);
        Scope* names = (Scope*)allocateForProgram(r.count, sizeof(Scope), "the syntax tree");
        for (int32_t i = 0; i < r.count; i++) {
          names[i] = Scope{r.names[i], newVariable(fn, r.names[i], true), fn.level, *inner, nullptr};
          names[i].variable->initialiser = r.values[i];
          *inner = &names[i];
        }
        out.add(BodyForm{form, at, Keyword::DefineRecordType, names, r});
        return;
      }
      default: out.add(BodyForm{form, at, Keyword::None, nullptr, RecordDefinition{0, nullptr, nullptr}});
    }
  }

  // A body: definitions (anywhere among its forms, as letrec*) and
  // expressions; the value of the last form. Every name it defines is
  // declared before any of its forms is parsed, so the definitions see
  // each other.
  Expr* body(Value list, Position at, Function& fn, const Scope* scope, int nesting) {
    if (listLength(list) <= 0) syntaxError(at, "a body needs at least one expression");
    BodyForms forms;
    const Scope* inner = scope;
    collectBody(list, fn, &inner, forms, nesting);
    // The body's macros see all of its definitions, as its procedures do.
    for (const Scope* s = inner; s != scope; s = s->outer)
      if (s->macro) setMacroScope(s->macro, inner);
    ExprList items;
    bool expressions = false;
    for (int32_t f = 0; f < forms.count; f++) {
      const BodyForm& form = forms.items[f];
      if (form.kind == Keyword::Define) {
        Value target;
        Expr* value = definition(form.form, form.at, fn, inner, &target);
        form.names->variable->initialiser = value;
        items.add(setLocal(form.names->variable, value, form.at));
      } else if (form.kind == Keyword::DefineRecordType) {
        for (int32_t i = 0; i < form.record.count; i++)
          items.add(setLocal(form.names[i].variable, form.record.values[i], form.at));
      } else {
        items.add(expression(form.form, form.at, fn, inner, nesting + 1));
        expressions = true;
      }
    }
    free(forms.items);
    if (!expressions) syntaxError(at, "a body needs an expression after its definitions");
    return sequence(items.items, items.count, at);
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
    Scope* names = (Scope*)allocateForProgram(n ? n : 1, sizeof(Scope), "the syntax tree");
    const Scope* inner = scope;
    int32_t i = 0;
    for (Value p = bindings; isPair(p); p = cdr(p), i++) {
      Value b = car(p);
      Expr* init = initialiserOf(b, positionOf(p), fn, star ? inner : scope, nesting);
      for (int32_t j = 0; !star && j < i; j++)
        if (names[j].symbol == car(b)) syntaxError(positionOf(p), "duplicate name in let: %s", nameOf(car(b)));
      names[i] = Scope{car(b), newVariable(fn, car(b), false), fn.level, inner, nullptr};
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
    Scope* names = (Scope*)allocateForProgram(n ? n : 1, sizeof(Scope), "the syntax tree");
    const Scope* inner = scope;
    int32_t i = 0;
    for (Value p = bindings; isPair(p); p = cdr(p), i++) {
      names[i] = Scope{car(car(p)), newVariable(fn, car(car(p)), true), fn.level, inner, nullptr};
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
    Scope* self = (Scope*)allocateForProgram(1, sizeof(Scope), "the syntax tree");
    *self = Scope{name, newVariable(fn, name, true), fn.level, scope, nullptr};
    // The loop's lambda, built by hand so that its body can be made in its scope.
    Func* func = newFunc(nameOf(name), at);
    Function inner = {func, fn.level + 1};
    Scope* params = (Scope*)allocateForProgram(n ? n : 1, sizeof(Scope), "the syntax tree");
    const Scope* innerScope = self;
    int32_t i = 0;
    for (Value p = parameters; isPair(p); p = cdr(p), i++) {
      for (int32_t j = 0; j < i; j++)
        if (params[j].symbol == car(p)) syntaxError(at, "duplicate name in a loop: %s", nameOf(car(p)));
      params[i] = Scope{car(p), newVariable(inner, car(p), false), inner.level, innerScope, nullptr};
      innerScope = &params[i];
      func->required++;
    }
    func->body = (this->*makeBody)(inner, innerScope, context);
    noteBody(func);
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
    bool arrow = length > 1 && keywordOf(car(cdr(clause)), scope) == Keyword::Arrow;
    if (arrow && length != 3) syntaxError(where, "bad cond clause: expected (test => receiver)");
    Expr* test = sub(clause, fn, scope, nesting);
    Expr* rest = cond(cdr(clauses), at, fn, scope, nesting);
    if (arrow) {  // (test => receiver): the receiver called with the test's value when true
      Variable* t = temporary(fn);
      Expr* receiver = sub(cdr(cdr(clause)), fn, scope, nesting);
      Expr** items = itemArray(2);
      items[0] = setLocal(t, test, where);
      items[1] = ifExpr(localRead(t, where), callWith(receiver, localRead(t, where), where), rest, where);
      return sequence(items, 2, where);
    }
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
    Expr* body;
    if (keywordOf(car(cdr(clause)), scope) == Keyword::Arrow) {  // (data => receiver): called with the key
      if (listLength(clause) != 3) syntaxError(where, "bad case clause: expected ((datum...) => receiver)");
      body = callWith(sub(cdr(cdr(clause)), fn, scope, nesting), localRead(key, where), where);
    } else {
      body = forms(cdr(clause), where, fn, scope, nesting);
    }
    if (keywordOf(car(clause), scope) == Keyword::Else) {
      if (cdr(clauses) != kNil) syntaxError(where, "else must be the last clause of case");
      return body;
    }
    int32_t n = listLength(car(clause));
    if (n < 0) syntaxError(where, "bad case clause: the data must be a list");
    // (eqv? key d1) or (eqv? key d2) ..., which compiled code tests inline;
    // past a few data, one (memv key '(d1 d2 ...)), which keeps a scanner's
    // clause of every letter (r7rs-benchmarks' parsing) from nesting an if
    // per datum.
    if (n > kInlineCaseData) {
      Value data = kNil, *tail = &data;
      for (Value p = car(clause); isPair(p); p = cdr(p)) {
        *tail = literalPair(stripSyntax(car(p)), kNil, where.line, where.column);
        tail = &pairOf(*tail)->cdr;
      }
      Expr* test = primitiveCall(Prim::Memv, where, localRead(key, where), constant(data, where));
      return ifExpr(test, body, caseClauses(cdr(clauses), key, at, fn, scope, nesting), where);
    }
    Expr* test = constant(kFalse, where);
    Value data[kInlineCaseData];
    int32_t count = 0;
    for (Value p = car(clause); isPair(p); p = cdr(p)) data[count++] = stripSyntax(car(p));
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

  // `template at quasiquote depth `depth`: what holds no unquote of this
  // depth is a constant (as quote gives); the rest is built with the list
  // primitives themselves, whatever the program calls cons or append.
  Expr* quasiquote(Value t, Position at, Function& fn, const Scope* scope, int depth, int nesting) {
    if (nesting > kMaxNesting) syntaxError(at, "expression nested too deeply");
    if (!unquotes(t, scope, depth, 0)) return constant(stripSyntax(t), at);
    if (isVector(t)) {
      Value list = kNil;
      for (uint32_t i = lengthOf(t); i > 0; i--) list = literalPair(vectorOf(t)->elements[i - 1], list, at.line, at.column);
      return primitiveCall(Prim::ListToVector, at, quasiquote(list, at, fn, scope, depth, nesting + 1));
    }
    // t is a pair here: a scalar holds no unquote.
    Keyword k = unquoteKeyword(t, scope);
    if (k == Keyword::Unquote || k == Keyword::Quasiquote) {
      int inner = k == Keyword::Quasiquote ? depth + 1 : depth - 1;
      if (inner == 0) return expression(car(cdr(t)), positionOf(cdr(t)), fn, scope, nesting + 1);
      return list2(constant(stripSyntax(car(t)), at), quasiquote(car(cdr(t)), at, fn, scope, inner, nesting + 1), at);
    }
    if (k == Keyword::UnquoteSplicing) syntaxError(at, "unquote-splicing outside a list");
    Value first = car(t);
    Expr* rest = quasiquote(cdr(t), at, fn, scope, depth, nesting + 1);
    if (unquoteKeyword(first, scope) == Keyword::UnquoteSplicing) {
      if (depth == 1)
        return primitiveCall(Prim::Append, at, expression(car(cdr(first)), positionOf(cdr(first)), fn, scope, nesting + 1), rest);
      Expr* spliced = list2(constant(stripSyntax(car(first)), at),
                            quasiquote(car(cdr(first)), at, fn, scope, depth - 1, nesting + 1), at);
      return primitiveCall(Prim::Cons, at, spliced, rest);
    }
    return primitiveCall(Prim::Cons, at, quasiquote(first, at, fn, scope, depth, nesting + 1), rest);
  }

  Expr* list2(Expr* a, Expr* b, Position at) {
    return primitiveCall(Prim::Cons, at, a, primitiveCall(Prim::Cons, at, b, constant(kNil, at)));
  }

  // Which of quasiquote, unquote and unquote-splicing a two-element list is a use of, if any.
  static Keyword unquoteKeyword(Value t, const Scope* scope) {
    if (!isPair(t) || listLength(t) != 2) return Keyword::None;
    Keyword k = keywordOf(car(t), scope);
    return k == Keyword::Quasiquote || k == Keyword::Unquote || k == Keyword::UnquoteSplicing ? k : Keyword::None;
  }

  // Whether a template holds an unquote (or unquote-splicing) of depth `depth`.
  static bool unquotes(Value t, const Scope* scope, int depth, int nesting) {
    if (nesting > kMaxNesting) return true;  // the caller reports the nesting
    if (isVector(t)) {
      for (uint32_t i = 0; i < lengthOf(t); i++)
        if (unquotes(vectorOf(t)->elements[i], scope, depth, nesting + 1)) return true;
      return false;
    }
    for (; isPair(t); t = cdr(t)) {
      Keyword k = unquoteKeyword(t, scope);
      if (k == Keyword::Unquote || k == Keyword::UnquoteSplicing) {
        if (depth == 1) return true;
        return unquotes(car(cdr(t)), scope, depth - 1, nesting + 1);
      }
      if (k == Keyword::Quasiquote) return unquotes(car(cdr(t)), scope, depth + 1, nesting + 1);
      if (unquotes(car(t), scope, depth, nesting + 1)) return true;
    }
    return false;
  }

  // A call of callee with one argument.
  static Expr* callWith(Expr* callee, Expr* argument, Position at) {
    Expr* e = node(ExprKind::Call, at);
    e->a = callee;
    e->items = itemArray(1);
    e->items[0] = argument;
    e->count = 1;
    return e;
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

  // What the compilers need to know of a lambda's body (value.h's Func).
  static void noteBody(Func* func) {
    func->createsClosures = contains(func->body, [](const Expr* e) { return e->kind == ExprKind::Lambda; });
    func->staysInterpreted = parsingPrelude || contains(func->body, [](const Expr* e) {
      return e->kind == ExprKind::PrimitiveCall && capturesContinuation((Prim)e->primitive);
    });
  }

  // Whether `found` holds of e or of an expression within it, the bodies of
  // the lambdas within it left out (a lambda is one expression here).
  template <typename Found>
  static bool contains(const Expr* e, Found found) {
    if (!e) return false;
    if (found(e)) return true;
    if (e->kind == ExprKind::Lambda) return false;
    if (contains(e->a, found) || contains(e->b, found) || contains(e->c, found)) return true;
    if (e->kind == ExprKind::Sequence || e->kind == ExprKind::Call || e->kind == ExprKind::PrimitiveCall)
      for (int32_t i = 0; i < e->count; i++)
        if (contains(e->items[i], found)) return true;
    return false;
  }
};

}  // namespace

bool sameBinding(Value a, const Scope* sa, Value b, const Scope* sb) {
  Meaning ma = meaningOf(a, sa), mb = meaningOf(b, sb);
  if (ma.kind != mb.kind) return false;
  switch (ma.kind) {
    case Meaning::Local:
    case Meaning::LocalMacro: return ma.binding == mb.binding;
    case Meaning::Syntax: return ma.keyword == mb.keyword;
    default: return ma.symbol == mb.symbol;
  }
}

Program* parseProgram(const char* source) {
  definePrimitives();
  ProgramArena* outer = beginProgramArena();
  Syntax syntax;
  Program* program = syntax.program(source);
  program->arena = endProgramArena(outer);
  return program;
}
