// The evaluator: an interpreter whose continuation lives in linear memory
// (heap.h's continuation), so interpreted recursion is as deep as memory and
// the call limit allow, not as deep as the engine's wasm stack.
#pragma once
#include "parser.h"
#include "heap.h"
#include "value.h"

// Nested non-tail calls of interpreted code allowed by default; one more is
// "recursion too deep". Each pending call costs about 24 bytes of continuation
// and its frame in the heap (README.md, "Guarantees and limits"), so a runaway
// recursion stops within a second or so, in well under 100 MB.
const int32_t kDefaultMaxNestedCalls = 2000000;
// The limit in force (setMaxNestedCalls export).
extern int32_t maxNestedCalls;

// Native nesting: calls that use the wasm stack. Compiled code counts each of
// its calls as one; a call made from C++ (by map, for-each or apply, or by the
// runtime for compiled code) takes several frames of the wasm stack, so it
// counts as kRuntimeCallWeight. Past the compiled depth budget compiled code
// stops calling compiled code and calls the interpreter instead, which from
// then on interprets even compiled procedures: the recursion carries on in
// linear memory. The native limit (five quarters of the budget) is then
// reached only by procedures that map and friends call nesting inside each
// other.
//
// The budget stands for the engine's stack, which the guest cannot see: the
// default, kCompiledDepthLimit, is sized for 2 MiB of wasm stack (wasmtime in
// the Java host) with a margin. A host on a smaller stack, such as V8 with its
// default ~1 MB, sets a smaller budget (setCompiledDepthBudget export), and
// every native limit below scales with it, interpreted and compiled alike.
const int32_t kCompiledDepthLimit = 8000;
const int32_t kRuntimeCallWeight = 4;
// The budget in force, and the limits that follow from it (their values at
// the default budget in brackets). Set only between evals.
struct NativeLimits {
  int32_t compiledDepth;  // compiled code hands over past it [8000]
  // Inside a call made by a primitive, compiled code hands over to the
  // interpreter past this depth rather than compiledDepth, so that from
  // there on each level costs what it costs interpreted: (f 2400) through map
  // and a lambda needs about as much wasm stack compiled as interpreted.
  int32_t compiledDepthUnderPrimitives;  // [2000]
  // Calls made by primitives (map, for-each, vector-map, member and assoc
  // with a predicate ...) nest natively in the interpreter and in compiled
  // code alike, so they have a count and a limit of their own: the same
  // program reaches the same limit interpreted or compiled (compiled code's
  // own calls stop counting toward it once they hand over).
  int32_t primitiveCalls;  // [2500]
  // The native nesting calls made by primitives may reach in all. Only deep
  // compiled recursion beneath them (between compiledDepthUnderPrimitives and
  // compiledDepth deep when the first was made) gets there before
  // primitiveCalls; the error then says how many had nested.
  int32_t nativeDepth;  // [12000]
};
extern NativeLimits nativeLimits;
// Sets the budget (compiledDepth); budget <= 0 restores kCompiledDepthLimit,
// and a budget is at least kMinCompiledDepthBudget.
void setCompiledDepthBudget(int32_t budget);
const int32_t kMinCompiledDepthBudget = 64;
extern int32_t primitiveCallDepth;
// Native nesting now. Compiled code counts its direct calls here itself (its
// address is embedded in generated code).
extern int32_t callDepth;
// How deep callDepth may go before compiled code calls the interpreter
// instead: the budget, or less where the nested-call limit comes
// first, so that the interpreter reports it. Compiled code reads it here.
extern int32_t compiledDepthLimit;

// Per-call state back to its start (the previous call may have trapped).
void resetEvaluator();

// Where the evaluator stands: its depths, roots and activations. A call that
// catches errors (catching.h) goes back to the mark it took when the call it
// made trapped.
struct EvaluatorMark {
  int32_t callDepth, primitiveCallDepth, nestedCalls, nativeAtCallOut, compiledDepthLimit;
  int32_t activation;
  RootMark roots;
};
EvaluatorMark markEvaluator();
void returnToMark(const EvaluatorMark& mark);

// Evaluates a whole program: its top-level forms in order.
Value evaluateProgram(Program* program);

// Calls a procedure value (a closure, interpreted or compiled, a primitive
// or a continuation) as a non-tail call, counted as kRuntimeCallWeight nested
// calls. The arguments must be in root slots. It returns kUnwinding when a
// continuation is thrown to beneath the caller: the caller gives back its
// own state and returns kUnwinding too (continuations.h).
Value applyProcedure(Value callee, Value* args, int32_t argc);

// applyProcedure for a primitive that calls procedures: counted against
// nativeLimits.primitiveCalls ("recursion too deep ... made by map, for-each or apply").
Value applyFromPrimitive(Value callee, Value* args, int32_t argc);

// Makes the call that compiled code left in tailCallee/tailArguments when it
// returned kTailCall to a compiled caller, which has already counted it.
Value finishTailCall();

// The arguments of (apply f a ... list) spread into root slots from `base`
// on: base[0] becomes f, and the count of arguments is returned.
int32_t spreadApplyArguments(Value* base, int32_t argc);

// The functions that have been interpreted at least once, oldest first.
Func* firstRunFunction();
