// The JIT compiler: one lambda to one WebAssembly function.
//
// Calling convention of compiled code, shared with the evaluator:
//   (i32 closure, i32 args, i32 argc) -> i32 result, called through
//   call_indirect with the table index in the function record's jitCode
//   field (or with `call` from code of the same round). args is the address
//   of argc values in the caller's root slots.
// The result is a value, or kTailCall after storing the callee and its
// arguments in tailCallee/tailArguments: the caller's trampoline (the
// evaluator's, or the runtime's finishTailCall for compiled callers) then
// makes that call, so tail calls run in constant stack. Self tail calls are a
// loop inside the function.
// Every value that must survive a possible allocation lives in the function's
// slots on the root stack (from rootTop up), never only in a wasm local, so
// the collector can find and move it.
#pragma once
#include "bytes.h"
#include "value.h"

// The function types of a generated module, by index.
enum : uint32_t {
  kCodeType = 0,      // (closure, args, argc) -> result: compiled entries, and the runtime's helpers
  kPatchType = 1,     // () -> (): the patch
  kFirstBodyType = 2  // + n: (closure, a1 .. an, depth) -> result, a body of n parameters
};
inline uint32_t bodyType(uint32_t parameters) { return kFirstBodyType + parameters; }

// One wasm function of a compiled lambda.
struct CompiledPart {
  Bytes code;  // without the final end
  uint32_t typeIndex;
  uint32_t leadingI32Locals, i64Locals, i32Locals;  // declared in this order
};

// A lambda compiled into partCount (1 or 2) consecutive wasm functions: its
// entry (what the table holds), then the body direct callers call, if any.
struct CompiledFunction {
  CompiledPart parts[2];
  uint32_t partCount;
};

// Before compiling a round: the round's functions, in the order of their
// functions in the module. Leaves its notes in each Func's round fields
// (funcs[i]'s parts start at function funcs[i]->roundEntry). Returns the
// number of functions the round's code takes.
uint32_t planRound(Func** funcs, uint32_t count);

void compileFunction(Func* func, CompiledFunction& out);
