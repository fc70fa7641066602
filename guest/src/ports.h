// Ports (ports.cc): the runtime's side of them.
#pragma once
#include <stddef.h>
#include <stdint.h>

#include "value.h"

// How a port is written: "#<input port>", "#<output port>", "#<closed input port>"...
const char* portDescription(Value port);

// Every call starts with the standard ports as the current ones.
void resetPorts();

// Ends the line display and write have left open, so that what follows (the
// result line) starts a line of its own.
void endOutputLine();

// A new call starts at the start of a line (the host ends a line a trapped
// call left open).
void resetOutputLine();
