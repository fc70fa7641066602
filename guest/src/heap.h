// The heap: closures and frames in one semispace, a precise copying
// collector, and the root stack that tells it which values are live.
#pragma once
#include "value.h"

// Every value the evaluator, the runtime or compiled code holds across an
// allocation lives in a slot of this stack; the collector updates the slots.
// Compiled code bumps rootTop itself, so its address and rootLimit are
// embedded in generated modules.
const size_t kRootCapacity = 1 << 17;
extern Value* rootTop;
extern Value rootStack[kRootCapacity];
Value* const rootLimit = rootStack + kRootCapacity;

// Values passed from compiled code to the caller of its tail call: roots too.
extern Value tailCallee;
extern Value tailArgument;

// The allocation pointer and the end of the half objects are allocated in:
// compiled code allocates inline (bump allocationNext while it stays within
// allocationLimit) and calls makeFrame or makeClosure only when the half is
// full, so their addresses are embedded in generated modules.
extern char* allocationNext;
extern char* allocationLimit;
const size_t kObjectBytes = 3 * sizeof(Value);

// Frees the previous heap and makes a new one of `bytes` bytes (two halves).
void resetHeap(size_t bytes);

Value makeFrame(Value parent, Value value);
Value makeClosure(Func* func, Value env);

struct HeapStatistics {
  uint32_t collections;      // during the current eval
  uint64_t bytesAllocated;   // during the current eval
  size_t semispaceBytes;
};
HeapStatistics heapStatistics();

void resetRoots();

// Reports that the root stack is full (as "recursion too deep").
[[noreturn]] void failRootStackFull();

inline Value* pushRoot(Value v) {
  if (rootTop == rootLimit) failRootStackFull();
  *rootTop = v;
  return rootTop++;
}
