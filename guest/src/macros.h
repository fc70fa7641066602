// syntax-rules macros: matching a use against a macro's rules and building
// its expansion, hygienically. The syntax pass (syntax.cc) finds the uses
// and parses what they expand to.
//
// Hygiene by renaming: every identifier an expansion introduces (one that
// the template holds, not one the use supplied) becomes an alias, a fresh
// symbol that remembers the identifier it stands for and the scope the macro
// was defined in. A binding form that binds an alias binds only that alias,
// so it never captures the user's variables of the same name; an alias that
// nothing in the expansion binds means what its identifier meant where the
// macro was defined, whatever the use site has rebound since.
#pragma once
#include "value.h"

struct Scope;  // syntax.cc: the names visible at one point of a program
struct Macro;

// Aliases are symbols (isSymbol holds, their name is the original's), so the
// syntax pass binds and compares them as it does symbols.
bool isAlias(Value identifier);
Value aliasOriginal(Value alias);       // what the template held: a symbol or an alias
const Scope* aliasScope(Value alias);   // where the macro was defined; null: top level
// The interned symbol an identifier stands for, through any aliases.
Value symbolOfIdentifier(Value identifier);
// The datum with every alias replaced by its symbol: what quote gives.
Value stripSyntax(Value datum);

// Whether identifier a, seen in scope sa, means the same binding as b seen in
// sb (R7RS free-identifier=?). Defined by syntax.cc, which knows bindings.
bool sameBinding(Value a, const Scope* sa, Value b, const Scope* sb);

// The macro that `spec`, a (syntax-rules ...) form, describes, bound to
// `name` in `scope`. A malformed spec is a parse error at line/column.
Macro* makeMacro(Value name, Value spec, const Scope* scope, int32_t line, int32_t column);

const char* macroName(const Macro* macro);
// Where the macro was defined, once known better: an internal define-syntax
// sees every definition of its body, also those after it.
void setMacroScope(Macro* macro, const Scope* scope);

// What `form`, a use of the macro seen in scope `use` at line/column,
// expands to; its new pairs carry the use's position. No rule matching, or a
// template that cannot be filled, is a parse error naming the macro.
Value expandMacro(const Macro* macro, Value form, const Scope* use, int32_t line, int32_t column);

// Macros defined at top level outlive the program that defines them, as
// top-level definitions do. A program's own become permanent when the whole
// program has parsed (commitTopLevelMacros); one that fails to parse leaves
// the table as it found it.
Macro* topLevelMacro(Value symbol);
void defineTopLevelMacro(Value symbol, Macro* macro);  // null: the name is a variable again
void beginTopLevelMacros();
void commitTopLevelMacros();
