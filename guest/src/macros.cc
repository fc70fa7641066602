// syntax-rules: a macro is its rules; a use is matched against each rule's
// pattern in turn, and the first that matches gives the expansion, its
// template filled in with what the pattern variables matched and every
// other identifier renamed (macros.h says why).
#include "macros.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "outside.h"
#include "primitives.h"
#include "printer.h"
#include "symbols.h"

struct Macro {
  const char* name;
  Value ellipsis;  // the identifier that marks repetition: ... unless the spec names another
  Value literals;  // a list of identifiers that match only themselves
  Value rules;     // a list of (pattern template)
  const Scope* scope;
};

namespace {

// An alias is a symbol with 1 in its header's detail and two more words.
// It keeps its macro rather than the macro's scope: an internal
// define-syntax learns its whole body's scope only after its uses in the
// body have expanded (setMacroScope).
struct Alias {
  Symbol symbol;
  Value original;
  const Macro* macro;
};

bool isSymbol(Value v) { return hasTag(v, kSymbolTag); }
bool isPair(Value v) { return hasTag(v, kPairTag); }
bool isVector(Value v) { return hasTag(v, kVectorTag); }
Value car(Value v) { return pairOf(v)->car; }
Value cdr(Value v) { return pairOf(v)->cdr; }

[[noreturn]] void failAt(int32_t line, int32_t column, const char* format, ...)
    __attribute__((format(printf, 3, 4)));
void failAt(int32_t line, int32_t column, const char* format, ...) {
  char message[400];
  va_list args;
  va_start(args, format);
  vsnprintf(message, sizeof message, format, args);
  va_end(args);
  fail("parse error at line %d, column %d: %s", (int)line, (int)column, message);
}

Value makeAlias(Value original, const Macro* macro) {
  Alias* a = (Alias*)allocateZeroedOutside(1, sizeof(Alias), "a macro expansion");
  a->symbol.header = makeHeader(kSymbolTag, 1);
  a->symbol.name = symbolOf(original)->name;
  a->original = original;
  a->macro = macro;
  return (Value)a;
}

// Matching and filling in allocate small records that live only for one
// expansion: they come from this arena, emptied at the start of the next.
struct Block {
  Block* next;
  size_t used, size;
  char* bytes() { return (char*)(this + 1); }
};
const size_t kBlockBytes = 8192;
Block* blocks;

void* scratch(size_t bytes) {
  bytes = (bytes + 7) & ~(size_t)7;
  if (!blocks || blocks->used + bytes > blocks->size) {
    // A request bigger than a block (the matches of a long repetition) gets one of its own.
    size_t size = bytes > kBlockBytes ? bytes : kBlockBytes;
    Block* b = (Block*)allocateOutside(1, sizeof(Block) + size, "a macro expansion");
    if (!b) fail("out of memory");
    *b = Block{blocks, 0, size};
    blocks = b;
  }
  void* p = blocks->bytes() + blocks->used;
  blocks->used += bytes;
  return p;
}

void emptyScratch() {
  while (blocks) {
    Block* next = blocks->next;
    free(blocks);
    blocks = next;
  }
}

// What a pattern variable matched: a datum, or (under `depth` ellipses) one
// match per repetition.
struct Match {
  Value datum;
  int32_t count;  // -1: a datum; else the repetitions in items
  Match** items;
};

// Pattern variables and their matches, newest first: a repetition's
// bindings are pushed in front of the outer ones and shadow them.
struct Binding {
  Value variable;
  Match* match;
  const Binding* next;
};

const Match* find(const Binding* b, Value variable) {
  for (; b; b = b->next)
    if (b->variable == variable) return b->match;
  return nullptr;
}

// The aliases one expansion made, so that each identifier of the template
// becomes the same alias wherever it occurs.
struct Renaming {
  Value identifier, alias;
  Renaming* next;
};

int32_t pairCount(Value list) {
  int32_t n = 0;
  for (; isPair(list); list = cdr(list)) n++;
  return n;
}

// A vector's elements as a list, for matching and filling in vectors.
Value vectorToList(Value v, int32_t line, int32_t column) {
  Value list = kNil;
  for (uint32_t i = lengthOf(v); i > 0; i--) list = literalPair(vectorOf(v)->elements[i - 1], list, line, column);
  return list;
}

Value listToVector(Value list) {
  Value v = literalVector((uint32_t)pairCount(list));
  uint32_t i = 0;
  for (; isPair(list); list = cdr(list)) vectorOf(v)->elements[i++] = car(list);
  return v;
}

class Expansion {
 public:
  Expansion(const Macro* macro, const Scope* use, int32_t line, int32_t column)
      : macro_(macro), use_(use), line_(line), column_(column) {}

  Value expand(Value form) {
    for (Value rules = macro_->rules; isPair(rules); rules = cdr(rules)) {
      Value pattern = car(car(rules));
      const Binding* bindings = nullptr;
      // The pattern's first element stands for the keyword and is not matched.
      if (match(cdr(pattern), cdr(form), &bindings, 0))
        return fill(car(cdr(car(rules))), bindings, false, 0);
    }
    char text[160];
    writeValueShort(stripSyntax(form), text, sizeof text);
    failAt(line_, column_, "no rule of the macro %s matches %s", macro_->name, text);
  }

 private:
  const Macro* macro_;
  const Scope* use_;
  int32_t line_, column_;
  Renaming* renamed_ = nullptr;

  [[noreturn]] void failHere(const char* what, Value identifier) {
    failAt(line_, column_, "in the macro %s: %s%s", macro_->name, what,
           identifier ? symbolOf(identifier)->name : "");
  }

  bool isEllipsis(Value v) const {
    if (!isSymbol(v) || symbolOfIdentifier(v) != symbolOfIdentifier(macro_->ellipsis)) return false;
    return !isLiteral(v);  // an ellipsis among the literals is an ordinary literal
  }
  bool isLiteral(Value v) const {
    for (Value l = macro_->literals; isPair(l); l = cdr(l))
      if (symbolOfIdentifier(car(l)) == symbolOfIdentifier(v)) return true;
    return false;
  }
  static bool isUnderscore(Value v) { return symbolOfIdentifier(v) == intern("_"); }

  static void push(const Binding** b, Value variable, Match* m) {
    Binding* n = (Binding*)scratch(sizeof(Binding));
    *n = Binding{variable, m, *b};
    *b = n;
  }

  // The pattern variables in a (sub)pattern, pushed onto *vars. Lists are
  // walked along their spine in a loop, here and when filling in, so that
  // only nesting costs stack.
  void variablesOf(Value pattern, const Binding** vars, int nesting) {
    if (nesting > 1000) failHere("pattern nested too deeply", 0);
    for (; isPair(pattern); pattern = cdr(pattern)) variablesOf(car(pattern), vars, nesting + 1);
    if (isSymbol(pattern)) {
      if (!isLiteral(pattern) && !isEllipsis(pattern) && !isUnderscore(pattern)) push(vars, pattern, nullptr);
    } else if (isVector(pattern)) {
      for (uint32_t i = 0; i < lengthOf(pattern); i++) variablesOf(vectorOf(pattern)->elements[i], vars, nesting + 1);
    }
  }

  bool match(Value pattern, Value form, const Binding** bindings, int nesting) {
    if (nesting > 1000) failHere("pattern nested too deeply", 0);
    if (isSymbol(pattern)) {
      if (isLiteral(pattern)) return isSymbol(form) && sameBinding(form, use_, pattern, macro_->scope);
      if (isUnderscore(pattern)) return true;
      Match* m = (Match*)scratch(sizeof(Match));
      *m = Match{form, -1, nullptr};
      push(bindings, pattern, m);
      return true;
    }
    if (isPair(pattern)) {
      if (isPair(cdr(pattern)) && isEllipsis(car(cdr(pattern)))) return matchRepeated(pattern, form, bindings, nesting);
      return isPair(form) && match(car(pattern), car(form), bindings, nesting + 1) &&
             match(cdr(pattern), cdr(form), bindings, nesting + 1);
    }
    if (pattern == kNil) return form == kNil;
    if (isVector(pattern))
      return isVector(form) && match(vectorToList(pattern, line_, column_), vectorToList(form, line_, column_),
                                     bindings, nesting + 1);
    return equal(pattern, form);
  }

  // (p <ellipsis> after...): p matches as many leading items as leave
  // enough for the patterns after it.
  bool matchRepeated(Value pattern, Value form, const Binding** bindings, int nesting) {
    Value repeated = car(pattern), after = cdr(cdr(pattern));
    for (Value p = after; isPair(p); p = cdr(p))
      if (isEllipsis(car(p))) failHere("two ellipses in one list of a pattern", 0);
    int32_t times = pairCount(form) - pairCount(after);
    if (times < 0) return false;
    const Binding* vars = nullptr;
    variablesOf(repeated, &vars, nesting);
    for (const Binding* v = vars; v; v = v->next) {
      Match* m = (Match*)scratch(sizeof(Match));
      *m = Match{kUnspecified, times, (Match**)scratch(sizeof(Match*) * (times ? times : 1))};
      push(bindings, v->variable, m);
    }
    for (int32_t i = 0; i < times; i++, form = cdr(form)) {
      const Binding* one = nullptr;
      if (!match(repeated, car(form), &one, nesting + 1)) return false;
      for (const Binding* v = vars; v; v = v->next)
        ((Match*)find(*bindings, v->variable))->items[i] = (Match*)find(one, v->variable);
    }
    return match(after, form, bindings, nesting + 1);
  }

  Value rename(Value identifier) {
    for (Renaming* r = renamed_; r; r = r->next)
      if (r->identifier == identifier) return r->alias;
    Renaming* r = (Renaming*)scratch(sizeof(Renaming));
    *r = Renaming{identifier, makeAlias(identifier, macro_), renamed_};
    renamed_ = r;
    return r->alias;
  }

  Value cons(Value a, Value b) { return literalPair(a, b, line_, column_); }

  // The template filled in; `escaped` inside (... template), where the
  // ellipsis is an ordinary identifier.
  Value fill(Value t, const Binding* bindings, bool escaped, int nesting) {
    if (nesting > 1000) failHere("template nested too deeply", 0);
    if (isSymbol(t)) {
      const Match* m = find(bindings, t);
      if (!m) return rename(t);
      if (m->count >= 0) failHere("a pattern variable that matched a repetition needs an ellipsis after it: ", t);
      return m->datum;
    }
    if (isPair(t)) {
      if (!escaped && isEllipsis(car(t))) {
        if (!isPair(cdr(t)) || cdr(cdr(t)) != kNil) failHere("expected (... template)", 0);
        return fill(car(cdr(t)), bindings, true, nesting + 1);
      }
      Value items = kNil;
      Value* end = &items;
      while (isPair(t)) {
        if (!escaped && isPair(cdr(t)) && isEllipsis(car(cdr(t)))) {
          int32_t depth = 0;
          Value rest = cdr(t);
          for (; isPair(rest) && isEllipsis(car(rest)); rest = cdr(rest)) depth++;
          repeat(car(t), bindings, depth, &end, nesting + 1);
          t = rest;
        } else {
          *end = cons(fill(car(t), bindings, escaped, nesting + 1), kNil);
          end = &pairOf(*end)->cdr;
          t = cdr(t);
        }
      }
      *end = fill(t, bindings, escaped, nesting + 1);
      return items;
    }
    if (isVector(t)) return listToVector(fill(vectorToList(t, line_, column_), bindings, escaped, nesting + 1));
    return t;
  }

  // `t` filled in once per repetition of the pattern variables in it that
  // matched repetitions, appended at *end; `depth` ellipses flatten as many
  // levels of repetition.
  void repeat(Value t, const Binding* bindings, int32_t depth, Value** end, int nesting) {
    const Binding* vars = nullptr;
    variablesOf(t, &vars, nesting);
    int32_t times = -1;
    const Binding* driving = nullptr;
    for (const Binding* v = vars; v; v = v->next) {
      const Match* m = find(bindings, v->variable);
      if (!m || m->count < 0) continue;
      if (times >= 0 && m->count != times)
        failHere("pattern variables repeated together matched different numbers of items", 0);
      times = m->count;
      push(&driving, v->variable, (Match*)m);
    }
    if (times < 0) failHere("an ellipsis in the template follows no pattern variable that matched a repetition", 0);
    for (int32_t i = 0; i < times; i++) {
      const Binding* one = bindings;
      for (const Binding* v = driving; v; v = v->next) push(&one, v->variable, v->match->items[i]);
      if (depth > 1) {
        repeat(t, one, depth - 1, end, nesting + 1);
      } else {
        **end = cons(fill(t, one, false, nesting + 1), kNil);
        *end = &pairOf(**end)->cdr;
      }
    }
  }
};

// The top-level macros, newest first; an entry with no macro says the name
// was defined as a variable since. `committed` is what outlives a program.
struct TopLevelEntry {
  Value symbol;
  Macro* macro;
  TopLevelEntry* next;
};
TopLevelEntry* committed;
TopLevelEntry* current;

}  // namespace

bool isAlias(Value identifier) { return hasTag(identifier, kSymbolTag) && headerDetailOf(identifier) == 1; }
Value aliasOriginal(Value alias) { return ((Alias*)alias)->original; }
const Scope* aliasScope(Value alias) { return ((Alias*)alias)->macro->scope; }

Value symbolOfIdentifier(Value identifier) {
  while (isAlias(identifier)) identifier = aliasOriginal(identifier);
  return identifier;
}

namespace {

// Whether a datum holds an alias anywhere: along a list's spine in a loop,
// so that a long quoted list costs no stack (cars nest only as deep as the
// reader allows).
bool holdsAlias(Value datum) {
  for (; isPair(datum); datum = cdr(datum))
    if (holdsAlias(car(datum))) return true;
  if (isVector(datum)) {
    for (uint32_t i = 0; i < lengthOf(datum); i++)
      if (holdsAlias(vectorOf(datum)->elements[i])) return true;
    return false;
  }
  return isAlias(datum);
}

}  // namespace

Value stripSyntax(Value datum) {
  if (!holdsAlias(datum)) return datum;
  if (isSymbol(datum)) return symbolOfIdentifier(datum);
  if (isVector(datum)) {
    uint32_t n = lengthOf(datum);
    Value copy = literalVector(n);
    for (uint32_t i = 0; i < n; i++) vectorOf(copy)->elements[i] = stripSyntax(vectorOf(datum)->elements[i]);
    return copy;
  }
  Value list = kNil;
  Value* end = &list;
  for (; isPair(datum); datum = cdr(datum)) {
    int32_t line, column;
    literalPosition(datum, &line, &column);
    *end = literalPair(stripSyntax(car(datum)), kNil, line, column);
    end = &pairOf(*end)->cdr;
  }
  *end = stripSyntax(datum);
  return list;
}

Macro* makeMacro(Value name, Value spec, const Scope* scope, int32_t line, int32_t column) {
  const char* macroName = symbolOf(name)->name;
  if (!isPair(spec) || symbolOfIdentifier(car(spec)) != intern("syntax-rules") || !isPair(cdr(spec)))
    failAt(line, column, "bad macro %s: expected (syntax-rules (literal...) (pattern template)...)", macroName);
  keepProgram();  // the macro keeps its rules, which are the program's data
  Macro* m = (Macro*)allocateZeroedOutside(1, sizeof(Macro), "a macro");
  m->name = macroName;
  m->scope = scope;
  m->ellipsis = intern("...");
  Value rest = cdr(spec);
  if (isSymbol(car(rest))) {  // (syntax-rules ellipsis (literal...) rule...)
    m->ellipsis = car(rest);
    rest = cdr(rest);
    if (!isPair(rest)) failAt(line, column, "bad macro %s: expected literals after the ellipsis", macroName);
  }
  m->literals = car(rest);
  for (Value l = m->literals; l != kNil; l = cdr(l))
    if (!isPair(l) || !isSymbol(car(l)))
      failAt(line, column, "bad macro %s: the literals must be a list of identifiers", macroName);
  m->rules = cdr(rest);
  for (Value r = m->rules; r != kNil; r = cdr(r)) {
    if (!isPair(r)) failAt(line, column, "bad macro %s: the rules must be a list", macroName);
    Value rule = car(r);
    if (!isPair(rule) || !isPair(cdr(rule)) || cdr(cdr(rule)) != kNil || !isPair(car(rule)))
      failAt(line, column, "bad macro %s: a rule must be ((keyword pattern...) template)", macroName);
  }
  return m;
}

const char* macroName(const Macro* macro) { return macro->name; }
void setMacroScope(Macro* macro, const Scope* scope) { macro->scope = scope; }

Value expandMacro(const Macro* macro, Value form, const Scope* use, int32_t line, int32_t column) {
  emptyScratch();  // what the last expansion used, even if it failed
  keepProgram();  // its aliases refer to the macro and may name globals for good
  Expansion expansion(macro, use, line, column);
  Value result = expansion.expand(form);
  emptyScratch();
  return result;
}

Macro* topLevelMacro(Value symbol) {
  for (TopLevelEntry* e = current; e; e = e->next)
    if (e->symbol == symbol) return e->macro;
  return nullptr;
}

void defineTopLevelMacro(Value symbol, Macro* macro) {
  if (!macro && !topLevelMacro(symbol)) return;  // nothing to hide
  TopLevelEntry* e = (TopLevelEntry*)allocateOutside(1, sizeof(TopLevelEntry), "a macro");
  *e = TopLevelEntry{symbol, macro, current};
  current = e;
}

void beginTopLevelMacros() { current = committed; }
void commitTopLevelMacros() { committed = current; }
