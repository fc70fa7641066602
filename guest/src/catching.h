// Runtime errors as conditions that handlers can take (with-exception-handler,
// guard): how a call of a thunk survives an error inside it.
//
// An error (errors.h, fail) cannot return through the C++ frames of the
// primitive, the runtime or the compiled code that found it, so it traps, and
// a trap ends every wasm frame up to the host. A call that must survive one
// is therefore made through the host: the guest calls env.catch_errors, the
// host calls back the export runCatching, which runs the thunk, and answers 0
// when that returned, or 1 when it ended with a guest error (env.throw_error),
// instead of passing the trap on. Every other failure (a timeout, exit, a trap
// of the engine's own) still ends the whole call.
//
// After an error the guest puts its evaluator back where it stood before the
// call (its depths, roots and activations; the host has ended the wasm frames)
// but keeps the dynamic state as the error left it: the dynamic-winds and the
// handlers in force. So the handler runs in the dynamic environment of the
// error, as R7RS says, and a guard that escapes runs the after thunks on its
// way out.
//
// What it costs: one host round trip for each call of with-exception-handler,
// and so of guard; nothing per primitive. What it cannot do: the wasm frames
// of the thunk are gone once an error is caught, so a handler cannot return
// to the point of a runtime error (R7RS's raise forbids that anyway), and a
// continuation captured inside the thunk resumes only while the thunk runs
// (continuations.h), like one captured beneath map.
#pragma once
#include "value.h"

// Whether an error now would be caught rather than written out.
bool errorsAreCaught();

// No call catching errors is under way (a call may have ended in a timeout
// with some under way).
void resetCatching();
