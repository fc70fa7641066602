#include "jit_round.h"

#include <stdlib.h>

#include "compiler.h"
#include "evaluator.h"
#include "outside.h"
#include "wasm_writer.h"

namespace {

bool pending(const Func* f) { return f->jitCode == 0 && !f->staysInterpreted; }

// The start function: for each compiled function, grow the table by one slot
// holding it and store the slot's index in the function record's jitCode.
void writePatch(Func** funcs, uint32_t count, Bytes& code) {
  Assembler a;
  const uint32_t kSlot = 0;
  for (uint32_t i = 0; i < count; i++) {
    a.refFunc(funcs[i]->roundEntry);
    a.i32Const(1);
    a.tableGrow(0);
    a.localTee(kSlot);
    a.i32Const(-1);
    a.op(Op::I32Eq);
    a.ifThen(BlockType::None);
    a.op(Op::Unreachable);  // the table could not grow
    a.end();
    a.i32Const((int32_t)(uintptr_t)&funcs[i]->jitCode);
    a.localGet(kSlot);
    a.i32Store(0);
  }
  code.append(a.code());
}

}  // namespace

uint32_t pendingFunctionCount() {
  uint32_t n = 0;
  for (Func* f = firstRunFunction(); f; f = f->nextRun) n += pending(f);
  return n;
}

uint32_t compiledFunctionCount() {
  uint32_t n = 0;
  for (Func* f = firstRunFunction(); f; f = f->nextRun) n += f->jitCode != 0;
  return n;
}

namespace {

JitModule* buildModuleOf(Func** funcs, uint32_t count) {

  uint32_t codeFunctions = planRound(funcs, count);
  CompiledFunction* compiled = new CompiledFunction[count];
  FunctionDefinition* definitions =
      (FunctionDefinition*)allocateOutside(codeFunctions + 1, sizeof(FunctionDefinition), "a JIT round");
  uint32_t typeCount = kFirstBodyType;
  for (uint32_t i = 0; i < count; i++) {
    compileFunction(funcs[i], compiled[i]);
    for (uint32_t p = 0; p < compiled[i].partCount; p++) {
      const CompiledPart& part = compiled[i].parts[p];
      definitions[funcs[i]->roundEntry + p] = {part.typeIndex, part.leadingI32Locals,
                                               part.i64Locals, part.i32Locals, &part.code};
      if (part.typeIndex >= typeCount) typeCount = part.typeIndex + 1;
    }
  }
  // Entries, the patch, and a body type for every parameter count up to the largest.
  FunctionType* types = (FunctionType*)allocateOutside(typeCount, sizeof(FunctionType), "a JIT round");
  types[kCodeType] = {3, 1};
  types[kPatchType] = {0, 0};
  for (uint32_t t = kFirstBodyType; t < typeCount; t++) types[t] = {t - kFirstBodyType + 2, 1};
  Bytes patch;
  writePatch(funcs, count, patch);
  definitions[codeFunctions] = {kPatchType, 0, 0, 1, &patch};

  ModuleDescription description = {types,          typeCount,
                                   definitions,    codeFunctions + 1,
                                   codeFunctions,  0,
                                   codeFunctions};
  Bytes out;
  writeModule(description, out);

  JitModule* module = (JitModule*)allocateOutside(1, sizeof(JitModule), "a JIT round");
  module->size = (uint32_t)out.size();
  module->bytes = out.release();
  delete[] compiled;
  free(types);
  free(definitions);
  return module;
}

}  // namespace

JitModule* buildJitModule() { return buildJitModuleOf(pending, 0, nullptr); }

JitModule* buildJitModuleOf(bool (*chosen)(const Func*), uint32_t maxBytes, void (*included)(Func*)) {
  uint32_t count = 0;
  for (Func* f = firstRunFunction(); f; f = f->nextRun) count += chosen(f);
  if (count == 0) return nullptr;
  Func** funcs = (Func**)allocateOutside(count, sizeof(Func*), "a JIT round");
  uint32_t k = 0;
  for (Func* f = firstRunFunction(); f; f = f->nextRun)
    if (chosen(f)) funcs[k++] = f;
  JitModule* module = buildModuleOf(funcs, count);
  // Too large: the oldest half, and again, down to one function.
  while (maxBytes && module->size > maxBytes && count > 1) {
    freeJitModule(module);
    count /= 2;
    module = buildModuleOf(funcs, count);
  }
  if (included)
    for (uint32_t i = 0; i < count; i++) included(funcs[i]);
  free(funcs);
  return module;
}

void freeJitModule(JitModule* module) {
  if (!module) return;
  free(module->bytes);
  free(module);
}
