// Strings at the edges: heap strings hold code points (value.h); what leaves
// the guest (display, write, symbol names) is UTF-8.
#pragma once
#include "bytes.h"
#include "value.h"

// Appends the string's characters as UTF-8.
void appendStringUtf8(Bytes& out, Value s);

// Appends the string as display shows it (its UTF-8) or as write does: in
// quotes, with \" \\ \n \t \r and \x3bb; for other characters that
// isPrintable refuses, so that it reads back.
void printString(Value s, bool write, Bytes& out);
