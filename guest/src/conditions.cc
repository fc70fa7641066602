// The errors programs raise themselves: error.
#include "primitives.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "evaluator.h"
#include "heap.h"
#include "printer.h"
#include "symbols.h"

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

