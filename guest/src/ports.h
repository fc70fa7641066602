// Ports (ports.cc): the runtime's side of them.
#pragma once
#include <stddef.h>
#include <stdint.h>

#include "primitives.h"
#include "value.h"

// How a port is written: "#<input port>", "#<output port>", "#<closed input port>"...
const char* portDescription(Value port);

// File ports ((scheme file), files.cc): open for primitive p, or fail naming
// it and the path. An input file is read whole when it is opened.
Value openFileInputPort(Prim p, const char* path, bool binary);
Value openFileOutputPort(Prim p, const char* path, bool binary);
Value closeAnyPort(Value port);
// The current input (output) port, and making port the current one, which
// returns the one it replaces.
Value currentInputPort();
Value currentOutputPort();
Value exchangeCurrentInput(Value port);
Value exchangeCurrentOutput(Value port);
// Why a file operation failed, for messages (errno's text, or that the path
// is outside every directory the host grants).
const char* fileErrorText(int error);
// Writes out what file output ports hold (at the end of every call).
void flushFilePorts();

// Every call starts with the standard ports as the current ones.
void resetPorts();

// Ends the line display and write have left open, so that what follows (the
// result line) starts a line of its own.
void endOutputLine();

// A new call starts at the start of a line (the host ends a line a trapped
// call left open).
void resetOutputLine();
