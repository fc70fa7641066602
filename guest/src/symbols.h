// Objects that live outside the heap and never move: interned symbols with
// their global cells, and the literal constants the reader makes (pairs,
// vectors and strings of quoted data). They never point into the heap, which
// is why literal pairs and vectors may not be mutated.
#pragma once
#include <stddef.h>

#include "value.h"

// The symbol with this name (length bytes), made on first use.
Value intern(const char* name, size_t length);
inline Value intern(const char* name) { return intern(name, __builtin_strlen(name)); }

// The top-level binding of a symbol, made (unbound) on first use.
GlobalCell* globalCell(Value symbol);
GlobalCell* firstGlobalCell();

// Literal constants, with the source position of each pair's car so that
// the parser can say where a form or a name is.
Value literalPair(Value car, Value cdr, int32_t line, int32_t column);
Value literalString(const char* bytes, size_t length);
Value literalVector(uint32_t length);  // elements to be filled in by the reader
Value literalBytevector(uint32_t length);  // bytes to be filled in by the reader
void literalPosition(Value pair, int32_t* line, int32_t* column);
