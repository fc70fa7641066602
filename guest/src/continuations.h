// First-class continuations, and the dynamic state they carry: the
// dynamic-wind list and the exception handlers.
//
// The guest has no way to jump across wasm frames (wasmtime 7 has no
// exception handling, and a trap ends the whole call), so a continuation is
// thrown to by returning: every call returns kUnwinding, and each caller,
// compiled code, the runtime and the primitives that call procedures alike,
// gives back its own state and returns kUnwinding in turn.
//
// What stops the unwinding is an activation: one run of the interpreter
// (interpret in evaluator.cc), or a native call/cc. Activations nest on the
// wasm stack, each with its segment of the interpreter's continuation, which
// lives in linear memory. A continuation copies the segment of the
// activation it was captured in; throwing to it unwinds to that activation,
// puts the copy back in place of the segment, and delivers the value there.
// So a continuation can be resumed any number of times, and after the call
// that captured it has returned, for as long as its activation runs: for
// interpreted code that calls interpreted code, the whole evaluation. An
// activation that has returned took its wasm frames with it: throwing to a
// continuation captured in it is an error (docs/DESIGN.md, "Continuations").
#pragma once
#include "value.h"

// The dynamic-wind list: a list of (before . after) pairs, innermost first.
extern Value windList;
// The exception handlers (with-exception-handler), innermost first.
extern Value handlerList;

// Back to no activation, no dynamic state and nothing being thrown (the
// previous call may have trapped anywhere).
void resetContinuations();

// An activation begins and ends around each run of the interpreter; its
// segment of the continuation starts at the current continuationTop, and its
// resting root stack at rootTop.
void beginActivation();
void endActivation();

// The current activation, to go back to after a caught error (catching.h):
// the activations the failed call began are gone with its wasm frames.
int32_t activationLevel();
// Ends the activations above `level`, and any throw under way.
void returnToActivation(int32_t level);

// A continuation of the current activation: its segment as it is now.
Value captureContinuation();

// Calls continuation k with argc arguments (in root slots): runs the
// dynamic-wind transitions from here to k's dynamic state, then starts the
// unwinding (returns kUnwinding). Fails if k's activation has returned.
Value throwToContinuation(Value k, Value* args, int32_t argc);

// With kUnwinding just returned to the current activation: true when the
// continuation thrown to is the activation's own. Its segment is then back
// in place, rootTop at the activation's resting height, and *value is the
// value thrown; otherwise the activation must return kUnwinding itself.
bool unwindingStopsHere(Value* value);

// exit's part: runs the after thunks of every dynamic-wind in force,
// innermost first.
void unwindForExit();
