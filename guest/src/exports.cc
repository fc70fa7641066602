// The guest ABI: the core exports and our extensions (README.md, "ABI"). Every entry point resets the per-call state it uses on
// entry, because the previous call may have been aborted by a trap at any
// point.
#include <stdio.h>
#include <stdlib.h>

#include "catching.h"
#include "errors.h"
#include "ports.h"
#include "evaluator.h"
#include "heap.h"
#include "jit_round.h"
#include "outside.h"
#include "parser.h"
#include "prelude.h"
#include "primitives.h"
#include "printer.h"
#include "tiering.h"

#ifdef __wasm__
#define EXPORT(name) extern "C" __attribute__((export_name(#name)))
#else
#define EXPORT(name) extern "C"
#endif

namespace {

// lastResultKind's answers.
enum ResultKind : int32_t {
  kNoResult = 0,
  kIntegerResult = 1,
  kProcedureResult = 2,
  kBooleanResult = 3,
  kEmptyListResult = 4,
  kPairResult = 5,
  kSymbolResult = 6,
  kStringResult = 7,
  kVectorResult = 8,
  kUnspecifiedResult = 9,
};
ResultKind resultKind;
int32_t resultInteger;
Bytes resultText;  // the write form, NUL-terminated

ResultKind kindOf(Value v) {
  if (isInteger(v)) return kIntegerResult;
  if (v == kTrue || v == kFalse) return kBooleanResult;
  if (v == kNil) return kEmptyListResult;
  if (!isObject(v)) return kUnspecifiedResult;
  switch (tagOf(v)) {
    case kPairTag: return kPairResult;
    case kSymbolTag: return kSymbolResult;
    case kStringTag: return kStringResult;
    case kVectorTag: return kVectorResult;
    default: return kProcedureResult;
  }
}

// Every handle parse has returned. Programs are never freed, so the list only
// grows, by one word a parse; it lives in linear memory, so a statically
// linked module's snapshot keeps it and still knows its handles.
Program** parsedPrograms;
size_t parsedCount, parsedCapacity;

void rememberProgram(Program* program) {
  if (parsedCount == parsedCapacity) {
    size_t capacity = parsedCapacity ? 2 * parsedCapacity : 16;
    Program** grown = (Program**)realloc(parsedPrograms, capacity * sizeof(Program*));
    if (!grown) fail("out of memory recording a parsed program");
    parsedPrograms = grown;
    parsedCapacity = capacity;
  }
  parsedPrograms[parsedCount++] = program;
}

void beginCall() {
  finishCollection();
  abandonProgramArena();
  clearLastError();
  resetPorts();
  resultKind = kNoResult;
  resetEvaluator();
  resetCatching();
}

}  // namespace

EXPORT(allocateBytes) void* allocateBytes(int32_t length) { return malloc(length); }
EXPORT(freeBytes) void freeBytes(void* p) { free(p); }

EXPORT(parse) Program* parse(const char* source) {
  beginCall();
  if (!source) fail("parse of a null string");
  parsePrelude();
  Program* program = parseProgram(source);
  rememberProgram(program);
  return program;
}

extern "C" int32_t isExpressionHandle(Program* program);

// Frees a parsed program that nothing can run any more (outside.h): 1 when
// freed, 0 when kept (a lambda, quoted data or a macro of it may be in use)
// or not a handle parse returned. Either way the handle is not one from then
// on. A host calls it once the program has run for the last time.
EXPORT(releaseProgram) int32_t releaseProgram(Program* program) {
  for (size_t i = 0; i < parsedCount; i++) {
    if (parsedPrograms[i] != program) continue;
    parsedPrograms[i] = parsedPrograms[--parsedCount];
    ProgramArena* arena = program->arena;
    if (isKept(arena)) return 0;
    freeProgramArena(arena);  // the Program record is in it
    return 1;
  }
  return 0;
}

namespace {

// Evaluates a parsed program and keeps its result for the lastResult* exports.
void evaluate(Program* program, int32_t heapBytes) {
  beginCall();
  if (heapBytes <= 0) fail("heap size must be positive, got %d", (int)heapBytes);
  if (!program) fail("eval of a null expression");
  if (!isExpressionHandle(program)) fail("eval of an address that is not a parsed expression");
  ensureHeap((size_t)heapBytes);
  runPrelude();
  resetHeapStatistics();
  Value v = evaluateProgram(program);
  flushFilePorts();
  // The whole written form, however long (printer.h): lastResultText is
  // either all of it or, when memory runs out, no result but an error.
  resultText.clear();
  printValue(v, true, resultText);
  resultText.byte(0);
  resultKind = kindOf(v);
  resultInteger = isInteger(v) ? integerOf(v) : v == kTrue;
}

}  // namespace

// The seed's eval: the result line follows what the program printed.
EXPORT(eval) void eval(Program* program, int32_t heapBytes) {
  evaluate(program, heapBytes);
  endOutputLine();
  fputs("result: ", stdout);
  fwrite(resultText.data(), 1, resultText.size() - 1, stdout);  // without the NUL
  fputs("\n", stdout);
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
// eval without the result line, for a host that reads the result
// through lastResultText and prints nothing the program did not print.
EXPORT(evalQuietly) void evalQuietly(Program* program, int32_t heapBytes) {
  evaluate(program, heapBytes);
  fflush(stdout);
}
EXPORT(lastResultKind) int32_t lastResultKind() { return resultKind; }
EXPORT(lastResultInteger) int32_t lastResultInteger() { return resultInteger; }
EXPORT(lastResultText) const char* lastResultText() {
  return resultKind == kNoResult ? nullptr : (const char*)resultText.data();
}
EXPORT(lastErrorMessage) const char* lastErrorMessageExport() { return lastErrorMessage(); }
EXPORT(pendingJitCount) int32_t pendingJitCount() { return (int32_t)pendingFunctionCount(); }
EXPORT(compiledFunctionCount) int32_t compiledFunctionCountExport() {
  return (int32_t)compiledFunctionCount();
}
EXPORT(collectionCount) int32_t collectionCount() { return (int32_t)heapStatistics().collections; }
EXPORT(setHeapLimit) void setHeapLimitExport(uint32_t bytes) { setHeapLimit(bytes); }
// Nested non-tail calls allowed from the next eval on; n <= 0 restores the
// default (evaluator.h).
EXPORT(setMaxNestedCalls) void setMaxNestedCalls(int32_t n) {
  maxNestedCalls = n > 0 ? n : kDefaultMaxNestedCalls;
}
// The compiled hand-over depth from the next eval on, for a host whose engine
// has less stack than wasmtime's 2 MiB (V8's default ~1 MB: the Node host and
// the page's worker); the other native limits scale with it. n <= 0 restores
// the default, 8000 (evaluator.h, README.md "Call depth").
EXPORT(setCompiledDepthBudget) void setCompiledDepthBudgetExport(int32_t n) { setCompiledDepthBudget(n); }
// Whether an address is a handle parse returned, so a host can refuse any
// other address before eval reads it as a program.
EXPORT(isExpressionHandle) int32_t isExpressionHandle(Program* program) {
  for (size_t i = 0; i < parsedCount; i++) {
    if (parsedPrograms[i] == program) return 1;
  }
  return 0;
}
// Automatic tiering (tiering.h): interpreted entries that make a function
// hot, 0 = off (the default); and the largest module a round hands over, in
// bytes (0 keeps the current bound, 1 MiB at first).
EXPORT(setTiering) void setTieringExport(int32_t threshold, int32_t maxRoundBytes) {
  setTiering(threshold > 0 ? (uint32_t)threshold : 0, maxRoundBytes > 0 ? (uint32_t)maxRoundBytes : 0);
}
EXPORT(tierRoundsStarted) int32_t tierRoundsStartedExport() { return (int32_t)tierRoundsStarted(); }
EXPORT(heapSize) uint32_t heapSize() { return (uint32_t)(2 * heapStatistics().semispaceBytes); }

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
