// The tree-walking evaluator. Calls in tail position reuse the current C++
// frame (and compiled callees return tail calls to it), so a tail-recursive
// loop runs in constant wasm stack.
#pragma once
#include "value.h"

// Non-tail calls that may be pending at once, counted alike by the evaluator
// and compiled code; one more is "recursion too deep". Sized for 2 MiB of
// wasm stack with a margin: a simple recursive function takes about 130 bytes
// a call interpreted and 40 compiled on wasmtime, so 2 MiB would allow 16,000
// (README.md, "Call depth").
const int32_t kMaxCallDepth = 10000;

// Non-tail calls pending now. Compiled code counts its direct calls here
// itself (its address is embedded in generated code).
extern int32_t callDepth;

// Per-call state back to its start (the previous call may have trapped).
void resetEvaluator();

// Evaluates a whole program in the empty environment.
Value evaluateProgram(Expr* program);

// Calls a procedure value (interpreted or compiled) as a non-tail call.
Value applyProcedure(Value callee, Value argument);

// Makes the call that compiled code left in tailCallee/tailArgument when it
// returned kTailCall to a compiled caller, which has already counted it.
Value finishTailCall();

// The functions that have been interpreted at least once, oldest first.
Func* firstRunFunction();
