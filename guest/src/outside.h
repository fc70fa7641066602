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

// A program's own memory. What parsing a program allocates for its syntax
// tree and its source's data goes into the program's arena, so that a host
// can free the program whole once it has run (releaseProgram, exports.cc).
// The program is kept instead when something it made may outlive it: a
// lambda (closures point at its code), quoted pairs or vectors (globals may
// hold them), or a macro (defined or used: macros keep their templates).
struct ProgramArena;

// The arena of the program about to be parsed; until endProgramArena,
// allocateForProgram allocates in it. Returns the one this replaces (a parse
// may start while another is under way: include, load), to give back to
// endProgramArena.
ProgramArena* beginProgramArena();
// The arena made since beginProgramArena, which `outer` replaces again.
ProgramArena* endProgramArena(ProgramArena* outer);
// The same for data read to be copied into the heap at once (read, a host
// procedure's result): its strings and bytevectors go into the arena too, and
// the arena is freed once the copy is made.
ProgramArena* beginDataArena();
// Forgets the arena of a parse that failed, leaving what it made where it is:
// a call into the guest starts with no parse under way.
void abandonProgramArena();
// Marks the program being parsed as one to keep: something it makes may
// outlive its evaluation. Outside a parse it does nothing.
void keepProgram();
bool isKept(const ProgramArena* arena);
void freeProgramArena(ProgramArena* arena);

// Zeroed memory in the arena of the program being parsed; outside any arena
// (as allocateZeroedOutside) when no parse is under way.
void* allocateForProgram(size_t count, size_t size, const char* what);
// For literal strings and bytevectors: in a data arena, else outside any
// arena, since a kept or released program's strings may outlive it (a global
// may hold one) without holding the program back.
void* allocateForData(size_t count, size_t size, const char* what);
// A larger copy of an arena block of `oldCount` elements (its old place stays
// until the arena is freed); reallocateOutside outside a parse.
void* reallocateForProgram(void* block, size_t oldCount, size_t count, size_t size, const char* what);
