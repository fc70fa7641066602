#include "outside.h"

#include <stdint.h>
#include <stdlib.h>

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
