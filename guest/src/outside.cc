#include "outside.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "errors.h"

namespace {

size_t bytesOf(size_t count, size_t size, const char* what) {
  if (size != 0 && count > SIZE_MAX / size)
    fail("out of memory: %s would need more than %lu bytes", what, (unsigned long)SIZE_MAX);
  return count * size;
}

[[noreturn]] void failOutside(size_t bytes, const char* what) {
  fail("out of memory: %s needs %lu bytes", what, (unsigned long)bytes);
}

}  // namespace

void* allocateOutside(size_t count, size_t size, const char* what) {
  size_t bytes = bytesOf(count, size, what);
  void* block = malloc(bytes ? bytes : 1);
  if (!block) failOutside(bytes, what);
  return block;
}

void* allocateZeroedOutside(size_t count, size_t size, const char* what) {
  size_t bytes = bytesOf(count, size, what);
  void* block = calloc(bytes ? bytes : 1, 1);
  if (!block) failOutside(bytes, what);
  return block;
}

void* reallocateOutside(void* block, size_t count, size_t size, const char* what) {
  size_t bytes = bytesOf(count, size, what);
  void* grown = realloc(block, bytes ? bytes : 1);
  if (!grown) failOutside(bytes, what);  // block is still the caller's, and still valid
  return grown;
}

// An arena is a list of chunks, each filled from the front. The first is
// small and each next one twice as large, up to kLargestChunk, so that a
// one-line program that is kept costs about what it uses; a block larger
// than that gets a chunk of its own.
struct ProgramArena {
  struct Chunk {
    Chunk* next;
    size_t used, capacity;
    alignas(8) char data[];
  };
  Chunk* chunks;
  bool kept;
  bool dataToo;  // a data arena: strings and bytevectors too
};

namespace {

const size_t kFirstChunk = 512;
const size_t kLargestChunk = 16384;
ProgramArena* current;  // the arena of the program being parsed, if any

void* allocateInArena(ProgramArena* arena, size_t bytes, const char* what) {
  bytes = (bytes + 7) & ~(size_t)7;
  ProgramArena::Chunk* chunk = arena->chunks;
  if (!chunk || chunk->capacity - chunk->used < bytes) {
    size_t next = !chunk ? kFirstChunk : chunk->capacity < kLargestChunk / 2 ? 2 * chunk->capacity : kLargestChunk;
    size_t capacity = bytes > next ? bytes : next;
    chunk = (ProgramArena::Chunk*)allocateOutside(1, sizeof(ProgramArena::Chunk) + capacity, what);
    chunk->used = 0;
    chunk->capacity = capacity;
    chunk->next = arena->chunks;
    arena->chunks = chunk;
  }
  void* block = chunk->data + chunk->used;
  chunk->used += bytes;
  memset(block, 0, bytes);
  return block;
}

}  // namespace

ProgramArena* beginProgramArena() {
  ProgramArena* outer = current;
  current = (ProgramArena*)allocateZeroedOutside(1, sizeof(ProgramArena), "a program");
  return outer;
}

ProgramArena* beginDataArena() {
  ProgramArena* outer = beginProgramArena();
  current->dataToo = true;
  return outer;
}

ProgramArena* endProgramArena(ProgramArena* outer) {
  ProgramArena* made = current;
  current = outer;
  return made;
}

void abandonProgramArena() { current = nullptr; }

void keepProgram() {
  if (current) current->kept = true;
}

bool isKept(const ProgramArena* arena) { return arena->kept; }

void freeProgramArena(ProgramArena* arena) {
  for (ProgramArena::Chunk* chunk = arena->chunks; chunk;) {
    ProgramArena::Chunk* next = chunk->next;
    free(chunk);
    chunk = next;
  }
  free(arena);
}

void* allocateForProgram(size_t count, size_t size, const char* what) {
  if (!current) return allocateZeroedOutside(count, size, what);
  return allocateInArena(current, bytesOf(count, size, what), what);
}

void* allocateForData(size_t count, size_t size, const char* what) {
  if (!current || !current->dataToo) return allocateZeroedOutside(count, size, what);
  return allocateInArena(current, bytesOf(count, size, what), what);
}

void* reallocateForProgram(void* block, size_t oldCount, size_t count, size_t size, const char* what) {
  if (!current) return reallocateOutside(block, count, size, what);
  void* grown = allocateInArena(current, bytesOf(count, size, what), what);
  if (block) memcpy(grown, block, bytesOf(oldCount < count ? oldCount : count, size, what));
  return grown;
}
