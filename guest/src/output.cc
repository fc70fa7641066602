// Output (display, write, newline) and error.
#include "primitives.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "evaluator.h"
#include "heap.h"
#include "printer.h"
#include "symbols.h"

namespace {

bool atLineStart = true;  // of stdout: the result line starts on a line of its own

static void output(const uint8_t* bytes, size_t n) {
  if (n == 0) return;
  fwrite(bytes, 1, n, stdout);
  atLineStart = bytes[n - 1] == '\n';
}

// display and write stream what they print, a chunk at a time, so output
// of any size is written whole without being held whole.
static void outputChunk(Bytes& chunk) {
  output(chunk.data(), chunk.size());
  chunk.clear();
}

static void print(Value v, bool write) { printValueTo(v, write, outputChunk); }
}  // namespace

Value prim_Display(ARGS) { UNUSED_ARGC; print(args[0], false); return kUnspecified; }
Value prim_Write(ARGS) { UNUSED_ARGC; print(args[0], true); return kUnspecified; }
Value prim_Newline(ARGS) {
  (void)args;
  UNUSED_ARGC;
  output((const uint8_t*)"\n", 1);
  fflush(stdout);  // output comes line by line
  return kUnspecified;
}

Value prim_Error(ARGS) {
  Bytes text;
  printValue(args[0], false, text);
  for (int32_t i = 1; i < argc; i++) {
    text.byte(' ');
    printValue(args[i], true, text);
  }
  text.byte(0);
  fail("%s", (const char*)text.data());
}


void endOutputLine() {
  if (!atLineStart) output((const uint8_t*)"\n", 1);
}

void resetOutputLine() { atLineStart = true; }
