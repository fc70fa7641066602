#include "heap.h"

#include <stdlib.h>
#include <string.h>

#include "errors.h"

Value rootStack[kRootCapacity];
Value* rootTop = rootStack;
Value tailCallee;
Value tailArgument;
char* allocationNext;   // the next free byte in fromSpace
char* allocationLimit;  // its end

namespace {

char* block;         // the whole heap, both halves
size_t semispace;    // bytes in one half
size_t requestedBytes;
char* fromSpace;     // where objects are allocated
char* toSpace;
char* allocatedFrom;  // where the objects not yet counted in bytesAllocated start
HeapStatistics statistics;

// During a collection the halves have already been swapped: toSpace holds
// the objects being evacuated, fromSpace receives the copies.
bool inEvacuatedHalf(Value v) {
  return (char*)v >= toSpace && (char*)v < toSpace + semispace;
}

// Copies the object v points to (once) and returns its new address.
Value forward(Value v) {
  if (isInteger(v) || !inEvacuatedHalf(v)) return v;  // integers, kUnset, kTailCall
  Value* object = (Value*)v;
  if (object[0] == kForwardedTag) return object[1];
  Value* copy = (Value*)allocationNext;
  allocationNext += kObjectBytes;
  memcpy(copy, object, kObjectBytes);
  object[0] = kForwardedTag;
  object[1] = (Value)copy;
  return (Value)copy;
}

void collect() {
  statistics.collections++;
  statistics.bytesAllocated += allocationNext - allocatedFrom;
  char* evacuated = fromSpace;
  fromSpace = toSpace;
  toSpace = evacuated;
  allocationNext = fromSpace;
  allocationLimit = fromSpace + semispace;
  for (Value* slot = rootStack; slot < rootTop; slot++) *slot = forward(*slot);
  tailCallee = forward(tailCallee);
  tailArgument = forward(tailArgument);
  for (char* scan = fromSpace; scan < allocationNext; scan += kObjectBytes) {
    Value* object = (Value*)scan;
    if (object[0] == kFrameTag) object[1] = forward(object[1]);
    object[2] = forward(object[2]);  // a frame's value or a closure's env
  }
  allocatedFrom = allocationNext;  // the survivors were counted when they were made
}

// Room for one object; its fields must be written before the next allocation.
Value* allocate() {
  if (allocationNext + kObjectBytes > allocationLimit) {
    collect();
    if (allocationNext + kObjectBytes > allocationLimit)
      fail("heap exhausted: live data fills the %lu-byte heap after a collection",
           (unsigned long)requestedBytes);
  }
  Value* object = (Value*)allocationNext;
  allocationNext += kObjectBytes;
  return object;
}

}  // namespace

void failRootStackFull() { failRuntime(errorCode(RuntimeError::TooDeep), 0); }

void resetRoots() {
  rootTop = rootStack;
  tailCallee = tailArgument = kUnset;
}

void resetHeap(size_t bytes) {
  free(block);
  block = nullptr;
  fromSpace = toSpace = allocationNext = allocationLimit = allocatedFrom = nullptr;
  semispace = 0;
  requestedBytes = bytes;
  statistics = HeapStatistics();
  if (bytes < 2 * kObjectBytes) fail("heap size too small: %lu bytes", (unsigned long)bytes);
  semispace = (bytes / 2) / kObjectBytes * kObjectBytes;
  block = (char*)malloc(2 * semispace);
  if (!block) fail("cannot allocate a heap of %lu bytes", (unsigned long)bytes);
  fromSpace = block;
  toSpace = block + semispace;
  allocationNext = allocatedFrom = fromSpace;
  allocationLimit = fromSpace + semispace;
  statistics.semispaceBytes = semispace;
}

Value makeFrame(Value parent, Value value) {
  Value* roots = pushRoot(parent);
  pushRoot(value);
  Value* frame = allocate();
  frame[0] = kFrameTag;
  frame[1] = roots[0];
  frame[2] = roots[1];
  rootTop = roots;
  return (Value)frame;
}

Value makeClosure(Func* func, Value env) {
  Value* root = pushRoot(env);
  Value* closure = allocate();
  closure[0] = kClosureTag;
  closure[1] = (Value)func;
  closure[2] = *root;
  rootTop = root;
  return (Value)closure;
}

HeapStatistics heapStatistics() {
  // Compiled code bumps the allocation pointer without counting.
  HeapStatistics now = statistics;
  now.bytesAllocated += allocationNext - allocatedFrom;
  return now;
}
