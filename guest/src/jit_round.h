// A JIT round: every function that has run and is not compiled yet, compiled
// into one module whose start function (the patch) links them in.
#pragma once
#include <stdint.h>

struct JitModule {
  uint8_t* bytes;
  uint32_t size;
};

// nullptr when no function waits. Functions stay pending until a patch has
// set their jitCode, so a module that is never linked loses nothing.
JitModule* buildJitModule();
void freeJitModule(JitModule* module);
// The functions that have run and `chosen` picks, oldest first; with maxBytes
// (0: no bound) as many of the oldest as fit, at least one. `included`, if
// given, is told each function the module holds.
struct Func;
JitModule* buildJitModuleOf(bool (*chosen)(const Func*), uint32_t maxBytes, void (*included)(Func*));

uint32_t pendingFunctionCount();
uint32_t compiledFunctionCount();
