// Source text to a program: the reader (reader.cc) makes data, and the
// syntax pass (syntax.cc) reduces every form to the core expressions of
// value.h, resolving each variable to a frame slot or a global cell.
#pragma once
#include "value.h"

// The whole program as one expression of the program's own function, whose
// frame holds the top-level forms' local variables.
struct ProgramArena;
struct Program {
  Func* func;  // body: the top-level forms in order; never compiled
  ProgramArena* arena;  // its syntax and data (outside.h), this record included
};

Program* parseProgram(const char* source);

// True while the prelude is parsed (prelude.cc): its lambdas stay interpreted.
extern bool parsingPrelude;
