// Parser: source text to a parse tree with every variable resolved to the
// number of frames between its use and its binding.
#pragma once
#include "value.h"

// Parses one expression (Language v1). Errors go through fail() with the line
// and column of the problem; unbound identifiers are reported here too.
Expr* parseProgram(const char* source);
