// Bytevectors: what the printer and the reader need of them.
#pragma once
#include "bytes.h"
#include "value.h"

// Appends #u8(1 2 3).
void printBytevector(Value v, Bytes& out);
