// External representations: `write` (strings quoted, as results print) and
// `display` (strings as they are).
#pragma once
#include "bytes.h"
#include "value.h"

// Appends v's representation to out. Output stops (ending in "...") past
// kMaxPrinted bytes, so a circular list prints in bounded time and space;
// the limit is far above anything else a result could need.
void printValue(Value v, bool write, Bytes& out);
const size_t kMaxPrinted = 16 << 20;

// The write form of v in a fixed buffer, cut short with "..." if it is longer.
void writeValueShort(Value v, char* out, size_t size);
