// The heap: objects of every kind in one semispace, a precise copying
// collector, and the root stack that tells it which values are live.
//
// The heap lives across evaluations (top-level definitions keep their values),
// so its roots are the root stack, the tail-call registers and every global
// cell; objects outside the heap (literals, symbols, primitives) never move
// and never point into it.
#pragma once
#include "value.h"

// Every value the evaluator, the runtime or compiled code holds across an
// allocation lives in a slot of this stack; the collector updates the slots.
// Compiled code bumps rootTop itself, so its address and rootLimit are
// embedded in generated modules.
const size_t kRootCapacity = 1 << 18;
extern Value* rootTop;
extern Value rootStack[kRootCapacity];
Value* const rootLimit = rootStack + kRootCapacity;

// The interpreter's continuation: the work every pending non-tail call of
// interpreted code still has to do, in linear memory rather than on the wasm
// stack, so that how deep interpreted code recurses is bounded by memory (and
// the call limit), not by the engine's stack. Its words are values,
// fixnum-tagged bookkeeping or pointers to syntax outside the heap; the
// collector forwards them all alike (forward leaves words that are not heap
// objects alone). It moves when it grows: hold indices into it, not pointers.
extern Value* continuation;
extern size_t continuationTop;       // words in use
extern size_t continuationCapacity;  // words
// Makes room for `words` more words, failing with "out of memory" when linear
// memory cannot grow that far.
void growContinuation(size_t words);
inline void reserveContinuation(size_t words) {
  if (continuationCapacity - continuationTop < words) growContinuation(words);
}

// Values the runtime keeps in globals of its own (the current ports) are
// roots too: each such global is registered once, and the collector updates it.
void registerRoot(Value* global);
// Root slots outside the root stack, for the length of one call: apply's
// arguments when they are more than the root stack holds. The collector
// updates them like root slots; they never move, so a primitive may be
// handed their address. Taken and given back in stack order; a reset frees
// them all.
struct RootBlock {
  RootBlock* below;
  size_t count;
  Value slots[];
};
// A block of `count` kUnset slots, or "out of memory" when there is no room.
RootBlock* pushRootBlock(size_t count);
void popRootBlock(RootBlock* block);

// A tail call that compiled code hands to its caller's trampoline: the
// callee, and its arguments (roots too).
const int32_t kMaxTailArguments = 64;
extern Value tailCallee;
extern int32_t tailArgumentCount;
extern Value tailArguments[kMaxTailArguments];

// The allocation pointer and the end of the half objects are allocated in:
// compiled code allocates inline (bumps allocationNext while it stays within
// allocationLimit) and calls the runtime only when the half is full.
extern char* allocationNext;
extern char* allocationLimit;

// Collections since the instance started, never reset (it wraps): what an
// object's address was hashed to is stale once this has moved on, so hash
// tables (hash_tables.cc) compare it with the count they built their index at.
extern uint32_t collectionEpoch;

// Makes the heap `bytes` bytes (two halves) if it is not that size already,
// keeping every live object. Fails, keeping the old heap, if the live data
// does not fit. A heap that may grow (below) only ever grows here.
void ensureHeap(size_t bytes);

// Finishes a collection that a trap stopped (a deadline, the wasm stack); a
// call into the guest does this before anything reads the heap.
void finishCollection();

// Lets the heap grow on its own, when live data crowds it, up to `bytes`
// (both halves); 0, the default, keeps it at the size eval asks for.
void setHeapLimit(size_t bytes);

// The largest the heap may become (both halves): its limit, or its size when
// it may not grow; 0 before the first eval makes it. What a program can fill
// without end outside the heap (the symbol table) is held to it too.
size_t heapCeiling();

// Object sizes in bytes, rounded to whole words.
inline size_t wordsToBytes(size_t words) { return words * sizeof(Value); }
// An object of a Data kind (objects.def): header, length, the data, a zero byte.
inline size_t dataObjectBytes(size_t length, size_t unit) {
  return (2 * sizeof(Value) + length * unit + 1 + sizeof(Value) - 1) / sizeof(Value) * sizeof(Value);
}

// Each of these may collect: callers keep the values they hold in root slots.
Value makePair(Value car, Value cdr);
Value makeClosure(Func* func, Value env);
Value makeFrame(Value parent, int32_t slots);  // slots start kUnset
Value makeVector(uint32_t length, Value fill);
// A string of the characters `length` bytes of UTF-8 spell (utf8.h).
Value makeString(const char* bytes, size_t length);
// A string of `length` characters to be filled in by the caller at once.
Value makeStringUninitialised(size_t length);
// An object of a Data kind (objects.def: strings, bytevectors, bignums) of
// `length` units of `unit` bytes, all zero, to be filled in at once.
Value makeData(ObjectTag tag, size_t length, size_t unit);
// An object of three words: the header (tag and detail) and two values.
Value makeTwoFields(ObjectTag tag, uint32_t detail, Value a, Value b);
// An object of an Elements kind other than a vector (records) of `length`
// values, each `fill`.
Value makeElements(ObjectTag tag, uint32_t length, Value fill);
// An object of a Fields kind (objects.def) of `words` words, the header
// included, every field kUnset, to be filled in at once.
Value makeFieldsObject(ObjectTag tag, uint32_t detail, uint32_t words);
Value makeFlonum(double d);
Value makeCompnum(double real, double imaginary);
Value makeRatnum(Value numerator, Value denominator);  // both exact integers, in lowest terms
// A mutable copy in the heap of an object of a Data kind (a string, a bytevector).
Value copyData(Value object);

struct HeapStatistics {
  uint32_t collections;      // during the current eval
  uint64_t bytesAllocated;   // during the current eval
  size_t semispaceBytes;
};
HeapStatistics heapStatistics();
void resetHeapStatistics();

void resetRoots();

// Where the root stack, the root blocks and the interpreter's continuation
// stand. A call that catches errors (catching.h) takes a mark before and
// goes back to it after the call it made trapped, which left them wherever
// the error was.
struct RootMark {
  Value* top;
  RootBlock* block;
  size_t continuationTop;
};
RootMark markRoots();
void returnToRoots(const RootMark& mark);

// Reports that the root stack is full (as "recursion too deep").
[[noreturn]] void failRootStackFull();

inline Value* pushRoot(Value v) {
  if (rootTop == rootLimit) failRootStackFull();
  *rootTop = v;
  return rootTop++;
}
