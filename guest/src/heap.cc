#include "heap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "symbols.h"
#include "utf8.h"

Value rootStack[kRootCapacity];
Value* rootTop = rootStack;
Value tailCallee;
int32_t tailArgumentCount;
Value tailArguments[kMaxTailArguments];
Value* continuation;
size_t continuationTop;
static RootBlock* topRootBlock;
char* allocationNext;   // the next free byte in fromSpace
char* allocationLimit;  // its end
uint32_t collectionEpoch;

namespace {

// The halves are blocks of their own, not one block: growing the heap then
// needs the old halves and one new one at the peak, not both new ones, which
// lets the heap of a 32-bit guest grow as far again before memory runs out.
size_t semispace;    // bytes in one half
size_t heapBytes;    // both halves, now
size_t heapLimit;    // the most the heap may grow to on its own; 0: it never grows
char* fromSpace;     // where objects are allocated; null until eval makes the heap
char* toSpace;       // null when its block could not be had after a move (the next collection asks again)
char* allocatedFrom;  // where the objects not yet counted in bytesAllocated start
HeapStatistics statistics;
const int kMaxRegisteredRoots = 16;
Value* registeredRoots[kMaxRegisteredRoots];
int registeredRootCount;

// During a collection the halves have already been swapped: toSpace holds
// the objects being evacuated, fromSpace receives the copies.
bool inEvacuatedHalf(Value v) {
  return (char*)v >= toSpace && (char*)v < toSpace + semispace;
}

enum class Shape : uint8_t { Fields, Frame, Elements, Data, Outside };
struct ObjectShape {
  Shape shape;
  uint8_t words, traced, unit;
};
ObjectShape shapeOf(uintptr_t header) {
  switch (header & kTagMask) {
#define OBJECT(id, tag, shape, words, traced, unit, noun) \
  case tag: return ObjectShape{Shape::shape, (uint8_t)(words), traced, unit};
#include "objects.def"
#undef OBJECT
  }
  __builtin_trap();  // a header no row describes: memory was overwritten
}

size_t objectBytes(const Value* object) {
  ObjectShape s = shapeOf(object[0]);
  switch (s.shape) {
    case Shape::Fields: return wordsToBytes(s.words);
    case Shape::Frame: return wordsToBytes(2 + (object[0] >> 8));
    case Shape::Elements: return wordsToBytes(2 + object[1]);
    case Shape::Data: return dataObjectBytes(object[1], s.unit);
    case Shape::Outside: break;
  }
  __builtin_trap();  // nothing else is ever in the heap
}

// Copies the object v points to (once) and returns its new address. The copy
// is claimed (allocationNext moves past it) only once it is whole, and claimed
// and forwarded with no call or loop between, where a trap could land: so a
// collection stopped anywhere leaves only whole copies behind (finishCollection).
Value forward(Value v) {
  if (!isObject(v) || !inEvacuatedHalf(v)) return v;  // fixnums, immediates, literals
  Value* object = (Value*)v;
  if (object[0] == kForwardedTag) return object[1];
  size_t bytes = objectBytes(object);
  Value* copy = (Value*)allocationNext;
  memcpy(copy, object, bytes);
  allocationNext += bytes;
  object[0] = kForwardedTag;
  object[1] = (Value)copy;
  return (Value)copy;
}

// Updates the fields of a copied object; returns its size.
size_t scan(Value* object) {
  ObjectShape s = shapeOf(object[0]);
  size_t first = 1, end = 1;  // the traced words: [first, end)
  switch (s.shape) {
    case Shape::Fields: first = s.words - s.traced, end = s.words; break;
    case Shape::Frame: end = 2 + (object[0] >> 8); break;
    case Shape::Elements: first = 2, end = 2 + object[1]; break;
    case Shape::Data:
    case Shape::Outside: break;
  }
  for (size_t i = first; i < end; i++) object[i] = forward(object[i]);
  return objectBytes(object);
}

// A collection under way. A trap can stop the guest anywhere: a deadline's
// interrupt lands at whichever loop or call the guest is in, and a heap that
// takes long to copy is where it spends its time. A collection stopped half
// way has forwarded some roots and not others, so the next call into the
// guest finishes it (finishCollection) before anything reads the heap.
struct Collection {
  bool underway;
  char* movingTo;     // moveHeap's new half, or null for a collection into the other half
  size_t movingHalf;  // its size in bytes
  char* unusedHalf;   // when moving: the old to-space, freed with the evacuated half
};
Collection underway;

// Forwards every root and scans every copy. Each step may be repeated: a root
// or field already forwarded points outside the evacuated half and is left
// alone, and a copy's fields scanned again stay as they are. So a collection
// that a trap stopped is finished by running this again from the start.
void evacuate() {
  for (Value* slot = rootStack; slot < rootTop; slot++) *slot = forward(*slot);
  for (size_t i = 0; i < continuationTop; i++) continuation[i] = forward(continuation[i]);
  for (RootBlock* b = topRootBlock; b; b = b->below)
    for (size_t i = 0; i < b->count; i++) b->slots[i] = forward(b->slots[i]);
  tailCallee = forward(tailCallee);
  for (int32_t i = 0; i < tailArgumentCount; i++) tailArguments[i] = forward(tailArguments[i]);
  for (GlobalCell* cell = firstGlobalCell(); cell; cell = cell->next)
    cell->value = forward(cell->value);
  for (int i = 0; i < registeredRootCount; i++) *registeredRoots[i] = forward(*registeredRoots[i]);
  for (char* p = fromSpace; p < allocationNext;) p += scan((Value*)p);
}

// Evacuates the collection under way, and when it moved the heap, gives back
// the old halves and takes a new to-space. The old halves are freed once
// nothing refers to them and the collection is over: a trap on the way into
// free leaks them rather than freeing them twice.
void endCollection() {
  evacuate();
  allocatedFrom = allocationNext;  // the survivors were counted when they were made
  underway.underway = false;
  if (!underway.movingTo) return;
  char* evacuated = toSpace;
  char* unused = underway.unusedHalf;
  underway.movingTo = underway.unusedHalf = nullptr;
  toSpace = nullptr;
  semispace = underway.movingHalf;
  heapBytes = 2 * semispace;
  statistics.semispaceBytes = semispace;
  free(evacuated);
  free(unused);
  toSpace = (char*)malloc(semispace);
}

// Copies everything live from fromSpace into `target` (targetBytes long):
// the other half, or (movingTo) a new half. The halves are swapped and the
// collection recorded with no call or loop between.
void collectInto(char* target, size_t targetBytes, char* movingTo, char* unusedHalf) {
  statistics.collections++;
  collectionEpoch++;
  statistics.bytesAllocated += allocationNext - allocatedFrom;
  toSpace = fromSpace;
  fromSpace = target;
  allocationNext = fromSpace;
  allocationLimit = fromSpace + targetBytes;
  underway = Collection{true, movingTo, targetBytes, unusedHalf};
  endCollection();
}

void collect() {
  if (!toSpace) toSpace = (char*)malloc(semispace);
  if (!toSpace)
    fail("heap exhausted: no memory is left for the collector's copy of the %lu-byte heap",
         (unsigned long)heapBytes);
  collectInto(toSpace, semispace, nullptr, nullptr);
}

// Moves everything live into a new half of `half` bytes, which must hold it;
// false when no such block can be had.
bool moveHeap(size_t half) {
  half = half / sizeof(Value) * sizeof(Value);
  char* fresh = (char*)malloc(half);
  if (!fresh) return false;
  collectInto(fresh, half, fresh, toSpace);
  return true;
}

// After a collection: when live data (and the object to come) takes more
// than half of a half, the heap doubles (or more), up to its limit, so that
// collections stay rare relative to allocation. When memory cannot give a
// half that large (a 32-bit guest has 4 GiB in all), it takes the largest it
// can, in steps of an eighth, so long as that still leaves live data room.
void growIfCrowded(size_t wanted) {
  uint64_t live = (uint64_t)(allocationNext - fromSpace) + wanted;
  if (heapLimit <= heapBytes || 2 * live <= semispace) return;
  uint64_t half = 2 * (uint64_t)semispace;
  while (half < 2 * live && 2 * half < heapLimit) half *= 2;
  if (2 * half > heapLimit) half = heapLimit / 2;
  uint64_t smallest = semispace + semispace / 8;
  for (uint64_t step = half / 8; half >= smallest && half > live + live / 8; half -= step) {
    if (half <= SIZE_MAX && moveHeap((size_t)half)) return;
  }
  // no larger block can be had: go on in the old heap
}

// Room for an object of `bytes` bytes; its header and fields must be written
// before the next allocation.
Value* allocate(size_t bytes) {
  if ((size_t)(allocationLimit - allocationNext) < bytes) {
    if (!fromSpace) fail("no heap: eval makes one");
    collect();
    growIfCrowded(bytes);
    if ((size_t)(allocationLimit - allocationNext) < bytes)
      fail("heap exhausted: live data fills the %lu-byte heap after a collection",
           (unsigned long)heapBytes);
  }
  Value* object = (Value*)allocationNext;
  allocationNext += bytes;
  return object;
}

}  // namespace

void registerRoot(Value* global) {
  if (registeredRootCount == kMaxRegisteredRoots) __builtin_trap();  // raise kMaxRegisteredRoots
  registeredRoots[registeredRootCount++] = global;
}

void failRootStackFull() { failRuntime(errorCode(RuntimeError::TooDeep), 0); }

size_t continuationCapacity;

void growContinuation(size_t words) {
  size_t needed = continuationTop + words;
  if (needed <= continuationCapacity) return;
  size_t capacity = continuationCapacity ? continuationCapacity : 4096;
  while (capacity < needed && capacity < SIZE_MAX / sizeof(Value) / 2) capacity *= 2;
  Value* grown =
      capacity < needed ? nullptr : (Value*)realloc(continuation, capacity * sizeof(Value));
  if (!grown)
    fail("out of memory: the interpreter's continuation needs %lu bytes",
         (unsigned long)(needed * sizeof(Value)));
  continuation = grown;
  continuationCapacity = capacity;
}

RootBlock* pushRootBlock(size_t count) {
  RootBlock* b = (RootBlock*)malloc(sizeof(RootBlock) + count * sizeof(Value));
  if (!b) fail("out of memory: %lu arguments need %lu bytes", (unsigned long)count, (unsigned long)(count * sizeof(Value)));
  b->below = topRootBlock;
  b->count = count;
  for (size_t i = 0; i < count; i++) b->slots[i] = kUnset;
  topRootBlock = b;
  return b;
}

void popRootBlock(RootBlock* b) {
  topRootBlock = b->below;
  free(b);
}

void resetRoots() {
  while (topRootBlock) popRootBlock(topRootBlock);
  continuationTop = 0;
  rootTop = rootStack;
  tailCallee = kUnset;
  tailArgumentCount = 0;
}

RootMark markRoots() { return RootMark{rootTop, topRootBlock, continuationTop}; }

void returnToRoots(const RootMark& mark) {
  while (topRootBlock != mark.block) popRootBlock(topRootBlock);
  continuationTop = mark.continuationTop;
  rootTop = mark.top;
  tailCallee = kUnset;
  tailArgumentCount = 0;
}

void setHeapLimit(size_t bytes) { heapLimit = bytes; }

size_t heapCeiling() { return heapLimit > heapBytes ? heapLimit : heapBytes; }

void finishCollection() {
  if (underway.underway) endCollection();
}

void ensureHeap(size_t bytes) {
  size_t half = (bytes / 2) / sizeof(Value) * sizeof(Value);
  if (fromSpace && half == semispace) return;
  // A heap that may grow keeps what it has grown to: the size asked for is
  // where it starts.
  if (fromSpace && heapLimit > 0 && bytes < heapBytes) return;
  if (half < wordsToBytes(64)) fail("heap size too small: %lu bytes", (unsigned long)bytes);
  if (!fromSpace) {
    char* from = (char*)malloc(half);
    char* to = from ? (char*)malloc(half) : nullptr;
    if (!to) {
      free(from);
      fail("cannot allocate a heap of %lu bytes", (unsigned long)bytes);
    }
    fromSpace = allocationNext = allocatedFrom = from;
    allocationLimit = from + half;
    toSpace = to;
    semispace = half;
    heapBytes = 2 * half;
    statistics.semispaceBytes = semispace;
    return;
  }
  if (half < semispace) {  // will the live data fit the smaller halves?
    collect();
    size_t live = allocationNext - fromSpace;
    if (live > half)
      fail("heap exhausted: live data (%lu bytes) does not fit a %lu-byte heap",
           (unsigned long)live, (unsigned long)bytes);
  }
  if (!moveHeap(half)) fail("cannot allocate a heap of %lu bytes", (unsigned long)bytes);
}

Value makePair(Value car, Value cdr) {
  Value* roots = pushRoot(car);
  pushRoot(cdr);
  Value* pair = allocate(wordsToBytes(3));
  pair[0] = kPairTag;
  pair[1] = roots[0];
  pair[2] = roots[1];
  rootTop = roots;
  return (Value)pair;
}

Value makeClosure(Func* func, Value env) {
  Value* root = pushRoot(env);
  Value* closure = allocate(wordsToBytes(3));
  closure[0] = kClosureTag;
  closure[1] = (Value)func;
  closure[2] = *root;
  rootTop = root;
  return (Value)closure;
}

Value makeFrame(Value parent, int32_t slots) {
  Value* root = pushRoot(parent);
  Value* frame = allocate(wordsToBytes(2 + slots));
  frame[0] = makeHeader(kFrameTag, (uint32_t)slots);
  frame[1] = *root;
  for (int32_t i = 0; i < slots; i++) frame[2 + i] = kUnset;
  rootTop = root;
  return (Value)frame;
}

// What messages call an object of the kind (objects.def).
const char* nounOf(ObjectTag tag) {
  switch (tag) {
#define OBJECT(id, tag, shape, words, traced, unit, noun) \
  case tag: return noun;
#include "objects.def"
#undef OBJECT
  }
  return "object";
}

Value makeElements(ObjectTag tag, uint32_t length, Value fill) {
  if (length > heapCeiling() / sizeof(Value))
    fail("heap exhausted: a %s of %u elements does not fit the %lu-byte heap", nounOf(tag),
         (unsigned)length, (unsigned long)heapCeiling());
  Value* root = pushRoot(fill);
  Value* object = allocate(wordsToBytes(2 + (size_t)length));
  object[0] = makeHeader(tag, 0);
  object[1] = length;
  for (size_t i = 0; i < length; i++) object[2 + i] = *root;
  rootTop = root;
  return (Value)object;
}

Value makeVector(uint32_t length, Value fill) { return makeElements(kVectorTag, length, fill); }

Value makeData(ObjectTag tag, size_t length, size_t unit) {
  if (length > heapCeiling() / unit)
    fail("heap exhausted: a %s of %lu %s does not fit the %lu-byte heap",
         tag == kStringTag ? "string" : tag == kBignumTag ? "integer" : "bytevector",
         (unsigned long)length, tag == kStringTag ? "characters" : unit == 1 ? "bytes" : "words",
         (unsigned long)heapCeiling());
  size_t bytes = dataObjectBytes(length, unit);
  Value* object = allocate(bytes);
  object[0] = makeHeader(tag, 0);
  object[1] = length;
  memset(object + 2, 0, bytes - wordsToBytes(2));  // data, and the zero byte after it
  return (Value)object;
}

Value copyData(Value object) {
  Value* root = pushRoot(object);
  ObjectShape s = shapeOf(headerOf(object));
  Value copy = makeData((ObjectTag)tagOf(object), lengthOf(object), s.unit);
  memcpy(objectOf(copy) + 2, objectOf(*root) + 2, lengthOf(copy) * s.unit);
  rootTop = root;
  return copy;
}

Value makeStringUninitialised(size_t length) { return makeData(kStringTag, length, sizeof(uint32_t)); }

Value makeString(const char* bytes, size_t length) {
  const uint8_t* p = (const uint8_t*)bytes;
  Value s = makeStringUninitialised(utf8Count(p, length));
  size_t step;
  for (uint32_t i = 0; i < lengthOf(s); i++, p += step) stringOf(s)->chars[i] = utf8Decode(p, (const uint8_t*)bytes + length, &step);
  return s;
}

Value makeTwoFields(ObjectTag tag, uint32_t detail, Value a, Value b) {
  Value* roots = pushRoot(a);
  pushRoot(b);
  Value* object = allocate(wordsToBytes(3));
  object[0] = makeHeader(tag, detail);
  object[1] = roots[0];
  object[2] = roots[1];
  rootTop = roots;
  return (Value)object;
}

Value makeFieldsObject(ObjectTag tag, uint32_t detail, uint32_t words) {
  Value* object = allocate(wordsToBytes(words));
  object[0] = makeHeader(tag, detail);
  for (uint32_t i = 1; i < words; i++) object[i] = kUnset;
  return (Value)object;
}

Value makeFlonum(double d) {
  Value* object = allocate(sizeof(Flonum));
  object[0] = makeHeader(kFlonumTag, 0);
  memcpy(((Flonum*)object)->bits, &d, sizeof d);
  return (Value)object;
}

Value makeCompnum(double real, double imaginary) {
  Value* object = allocate(sizeof(Compnum));
  object[0] = makeHeader(kCompnumTag, 0);
  memcpy(((Compnum*)object)->bits, &real, sizeof real);
  memcpy((char*)((Compnum*)object)->bits + sizeof real, &imaginary, sizeof imaginary);
  return (Value)object;
}

Value makeRatnum(Value numerator, Value denominator) {
  Value* roots = pushRoot(numerator);
  pushRoot(denominator);
  Value* object = allocate(sizeof(Ratnum));
  object[0] = makeHeader(kRatnumTag, 0);
  object[1] = roots[0];
  object[2] = roots[1];
  rootTop = roots;
  return (Value)object;
}

void resetHeapStatistics() {
  statistics.collections = 0;
  statistics.bytesAllocated = 0;
  allocatedFrom = allocationNext;
}

HeapStatistics heapStatistics() {
  // Compiled code bumps the allocation pointer without counting.
  HeapStatistics now = statistics;
  now.bytesAllocated += allocationNext - allocatedFrom;
  return now;
}
