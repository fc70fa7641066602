// External representations: `write` (strings quoted, as results print) and
// `display` (strings as they are).
#pragma once
#include "bytes.h"
#include "value.h"

// Appends v's whole representation to out, at any size and depth (an
// explicit stack, no C++ recursion). Circular data is written with datum
// labels (#0=(1 . #0#)), so printing always ends.
void printValue(Value v, bool write, Bytes& out);

// The same, handed to sink in chunks (each emptied after), so that output
// of any size streams without being held whole.
void printValueTo(Value v, bool write, void (*sink)(Bytes& chunk));

// The write form of v in a fixed buffer, cut short with "..." if it is
// longer: for describing a value in a message, never for its value.
void writeValueShort(Value v, char* out, size_t size);
