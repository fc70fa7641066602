// Guest memory outside the Scheme heap: syntax trees, symbols, literals,
// global cells, macros and buffers. Every such allocation checks for failure:
// memory that cannot be had is the program's error "out of memory: WHAT",
// which a host reports as its out-of-memory limit, and the guest stays
// usable. (An unchecked null would be written through, and later calls
// would fail in ways that say nothing of the cause.)
#pragma once
#include <stddef.h>

// `count` elements of `size` bytes, uninitialised.
void* allocateOutside(size_t count, size_t size, const char* what);
// The same, zeroed.
void* allocateZeroedOutside(size_t count, size_t size, const char* what);
// `block` (from one of these, or null) grown or shrunk to `count` elements.
void* reallocateOutside(void* block, size_t count, size_t size, const char* what);
