// The guest ABI: Guest ABI v1 of DESIGN.md and our extensions (see README.md).
// Every entry point resets the per-call state it uses on entry, because the
// previous call may have been aborted by a trap at any point.
#include <stdio.h>
#include <stdlib.h>

#include "errors.h"
#include "evaluator.h"
#include "heap.h"
#include "jit_round.h"
#include "parser.h"

#ifdef __wasm__
#define EXPORT(name) extern "C" __attribute__((export_name(#name)))
#else
#define EXPORT(name) extern "C"
#endif

namespace {

enum ResultKind : int32_t { kNoResult = 0, kIntegerResult = 1, kProcedureResult = 2 };
ResultKind resultKind;
int32_t resultInteger;

void beginCall() {
  clearLastError();
  resultKind = kNoResult;
  resetEvaluator();
}

}  // namespace

EXPORT(allocateBytes) void* allocateBytes(int32_t length) { return malloc(length); }
EXPORT(freeBytes) void freeBytes(void* p) { free(p); }

EXPORT(parse) Expr* parse(const char* source) {
  beginCall();
  if (!source) fail("parse of a null string");
  return parseProgram(source);
}

EXPORT(eval) void eval(Expr* program, int32_t heapBytes) {
  beginCall();
  if (heapBytes <= 0) fail("heap size must be positive, got %d", (int)heapBytes);
  resetHeap((size_t)heapBytes);
  if (!program) fail("eval of a null expression");
  Value v = evaluateProgram(program);
  if (isInteger(v)) {
    resultKind = kIntegerResult;
    resultInteger = integerOf(v);
    printf("result: %d\n", (int)resultInteger);
  } else {
    resultKind = kProcedureResult;
    printf("result: #<procedure>\n");
  }
  fflush(stdout);
}

EXPORT(jitModule) JitModule* jitModule() {
  beginCall();
  return buildJitModule();
}
EXPORT(moduleData) uint8_t* moduleData(JitModule* m) { return m->bytes; }
EXPORT(moduleSize) int32_t moduleSize(JitModule* m) { return (int32_t)m->size; }
EXPORT(freeModule) void freeModule(JitModule* m) { freeJitModule(m); }

// Extensions.
EXPORT(lastResultKind) int32_t lastResultKind() { return resultKind; }
EXPORT(lastResultInteger) int32_t lastResultInteger() { return resultInteger; }
EXPORT(lastErrorMessage) const char* lastErrorMessageExport() { return lastErrorMessage(); }
EXPORT(pendingJitCount) int32_t pendingJitCount() { return (int32_t)pendingFunctionCount(); }
EXPORT(compiledFunctionCount) int32_t compiledFunctionCountExport() {
  return (int32_t)compiledFunctionCount();
}
EXPORT(collectionCount) int32_t collectionCount() { return (int32_t)heapStatistics().collections; }

#ifdef __wasm__
// __stack_pointer is the linker's global for the shadow stack; only assembly
// can name it.
__asm__(".globaltype __stack_pointer, i32\n");

EXPORT(stackPointer) int32_t stackPointer() {
  int32_t sp;
  __asm__ volatile("global.get __stack_pointer\n\tlocal.set %0" : "=r"(sp));
  return sp;
}

EXPORT(setStackPointer) void setStackPointer(int32_t sp) {
  __asm__ volatile("local.get %0\n\tglobal.set __stack_pointer" : : "r"(sp));
}
#endif
