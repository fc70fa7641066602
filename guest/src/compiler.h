// The JIT compiler: one lambda to one WebAssembly function.
//
// Calling convention of compiled code, shared with the evaluator:
//   (i32 closure, i32 argument) -> i32 result, called through call_indirect
//   with the table index in the function record's jitCode field.
// The result is a value, or kTailCall after storing the callee and the
// argument in tailCallee/tailArgument: the caller (the evaluator's
// trampoline) then makes that call, so tail calls run in constant stack.
// Self tail calls are a loop inside the function.
// Every value that must survive a possible allocation lives in the function's
// slots on the root stack (from rootTop up), never only in a wasm local,
// so the collector can find and move it.
#pragma once
#include "bytes.h"
#include "value.h"

struct CompiledFunction {
  Bytes code;  // without the final end
  uint32_t i64Locals, i32Locals;
};

// typeIndex is the index of (i32, i32) -> i32 in the module being built.
void compileFunction(Func* func, uint32_t typeIndex, CompiledFunction& out);
