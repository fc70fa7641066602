// The tree-walking evaluator. Calls in tail position reuse the current C++
// frame (and compiled callees return tail calls to it), so a tail-recursive
// loop runs in constant wasm stack.
#pragma once
#include "parser.h"
#include "value.h"

// Non-tail calls that may be pending at once, counted alike by the evaluator
// and compiled code; one more is "recursion too deep". Sized for 2 MiB of
// wasm stack with a margin (README.md, "Call depth").
const int32_t kMaxCallDepth = 10000;

// A call made from C++ (by map, for-each or apply, or by the runtime for
// compiled code calling code not compiled yet) takes several frames of the
// wasm stack, so it counts as this many nested calls: the guest's limit then
// still comes before the engine's stack runs out.
const int32_t kRuntimeCallWeight = 4;

// Non-tail calls pending now. Compiled code counts its direct calls here
// itself (its address is embedded in generated code).
extern int32_t callDepth;

// Per-call state back to its start (the previous call may have trapped).
void resetEvaluator();

// Evaluates a whole program: its top-level forms in order.
Value evaluateProgram(Program* program);

// Calls a procedure value (a closure, interpreted or compiled, or a
// primitive) as a non-tail call, counted as kRuntimeCallWeight nested calls.
// The arguments must be in root slots.
Value applyProcedure(Value callee, Value* args, int32_t argc);

// Makes the call that compiled code left in tailCallee/tailArguments when it
// returned kTailCall to a compiled caller, which has already counted it.
Value finishTailCall();

// The arguments of (apply f a ... list) spread into root slots from `base`
// on: base[0] becomes f, and the count of arguments is returned.
int32_t spreadApplyArguments(Value* base, int32_t argc);

// The functions that have been interpreted at least once, oldest first.
Func* firstRunFunction();
