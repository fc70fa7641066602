// What compiled code may use of the running interpreter: addresses in linear
// memory and table indices of helper functions, all embedded as constants in
// generated code. Every helper has the compiled-code signature
// (i32, i32, i32) -> i32, so a generated module needs just one function type
// besides its patch.
#pragma once
#include <stdint.h>

struct RuntimeLayout {
  uint32_t rootTopAddress;        // Value* rootTop
  uint32_t rootLimit;             // rootTop may not pass this address
  uint32_t rootCompiledLimit;     // past it, calls go to the interpreter (apply)
  uint32_t tailCalleeAddress;     // Value tailCallee
  uint32_t tailCountAddress;      // int32_t tailArgumentCount
  uint32_t tailArgumentsAddress;  // Value tailArguments[kMaxTailArguments]
  uint32_t maxTailArguments;
  uint32_t callDepthAddress;      // int32_t callDepth: non-tail calls pending
  uint32_t allocationNextAddress;   // char* allocationNext: bumped by inline allocation
  uint32_t allocationLimitAddress;  // char* allocationLimit: beyond it, call the helper
  uint32_t compiledDepthLimitAddress;  // int32_t: past it, calls go to the interpreter (apply)
  // Table indices of the helpers:
  uint32_t apply;           // (callee, args, argc) -> result: a non-tail call
  uint32_t primitive;       // (primitive, args, argc) -> result
  uint32_t makePair;        // (car, cdr, -) -> pair
  uint32_t makeClosure;     // (func record, env, -) -> closure
  uint32_t makeFrame;       // (parent, slots, -) -> frame of kUnset slots
  uint32_t restList;        // (args, count, -) -> a new list of them
  uint32_t applyTail;       // (args, argc, -) -> kTailCall: (apply f ... list) in tail position
  uint32_t fail;            // (errorCode(...), value, -) -> never returns
  uint32_t finishTailCall;  // (-, -, -) -> result of the call in tailCallee/tailArguments
};

// Offsets compiled code uses to read and make objects (the target's, wasm32).
struct ObjectLayout {
  uint32_t pairCar, pairCdr, pairBytes;
  uint32_t closureFunc, closureEnv, closureBytes;
  uint32_t frameParent, frameSlots;  // slot i at frameSlots + 4i
  uint32_t vectorLength, vectorElements;
  uint32_t funcJitCode;  // in a function record (not in the heap)
  uint32_t cellValue;    // in a global cell
};

RuntimeLayout runtimeLayout();
ObjectLayout objectLayout();
