// Writes a WebAssembly module in the shape of the generated-module contract:
// it imports env.memory and env.__indirect_function_table, defines functions
// of the given types, and names one of them as the start function.
#pragma once
#include "bytes.h"
#include "assembler.h"

struct FunctionType {
  uint32_t params, results;  // counts of i32s: the JIT needs nothing else
};

struct FunctionDefinition {
  uint32_t typeIndex;
  // Declared in this order, after the parameters.
  uint32_t leadingI32Locals, i64Locals, i32Locals;
  const Bytes* code;              // the instructions, without the final end
};

struct ModuleDescription {
  const FunctionType* types;
  uint32_t typeCount;
  const FunctionDefinition* functions;
  uint32_t functionCount;
  uint32_t startFunction;
  // Functions referred to by ref.func must be declared in the module.
  uint32_t firstReferenced, referencedCount;
};

void writeModule(const ModuleDescription& module, Bytes& out);
