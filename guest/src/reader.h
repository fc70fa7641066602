// The reader: source text to data (symbols, integers, literal pairs, strings,
// vectors, booleans), the first half of parsing. syntax.cc turns the data
// into core expressions.
#pragma once
#include "value.h"

struct Datum {
  Value value;
  int32_t line, column;
};

// Reads every datum of the source; fails with "parse error at line L,
// column C: ..." on malformed text.
Datum* readAll(const char* source, int32_t* count);

// Reads the first datum of the text (the read procedure on a port). False
// at the end of the text; either way *consumed is how many bytes were used.
bool readOne(const char* text, Datum* out, size_t* consumed);

// A mutable copy in the heap of what the reader made (its data are literals,
// outside the heap): what read returns is the program's to change. ports.cc.
Value mutableCopy(Value v);
// Reads the first datum of `text` (as readOne) and copies it into the heap
// (mutableCopy): what the reader makes meanwhile lives in an arena freed
// after the copy, so reading at run time (read, a host procedure's result)
// keeps nothing outside the heap but symbols and numbers.
bool readIntoHeap(const char* text, Value* out, size_t* consumed);

// Deeper nesting than this is refused, so that neither the parser nor the
// evaluator can exhaust the wasm stack on a silly input.
const int kMaxNesting = 1000;
