// What compiled code may use of the running interpreter: addresses in linear
// memory and table indices of helper functions, all embedded as constants in
// generated code. Every helper has the compiled-code signature
// (i32, i32) -> i32, so a generated module needs just one function type.
#pragma once
#include <stdint.h>

struct RuntimeLayout {
  uint32_t rootTopAddress;       // Value* rootTop
  uint32_t rootLimit;            // rootTop may not pass this address
  uint32_t tailCalleeAddress;    // Value tailCallee
  uint32_t tailArgumentAddress;  // Value tailArgument
  uint32_t callDepthAddress;     // int32_t callDepth: non-tail calls pending
  uint32_t allocationNextAddress;   // char* allocationNext: bumped by inline allocation
  uint32_t allocationLimitAddress;  // char* allocationLimit: beyond it, call the helper
  int32_t maxCallDepth;          // one more is "recursion too deep"
  // Table indices of the helpers:
  uint32_t apply;        // (callee, argument) -> result: a non-tail call
  uint32_t makeFrame;    // (parent, value) -> frame
  uint32_t makeClosure;  // (func record, env) -> closure
  uint32_t fail;         // (errorCode(...), value) -> never returns
  uint32_t finishTailCall;  // (0, 0) -> result of the call in tailCallee/tailArgument
};

// Offsets compiled code uses to read and make heap objects (the target's, wasm32).
struct ObjectLayout {
  uint32_t bytes;  // of every object
  uint32_t header, frameParent, frameValue, closureFunc, closureEnv;
  uint32_t funcJitCode;  // in a function record (parse tree, not heap)
};

RuntimeLayout runtimeLayout();
ObjectLayout objectLayout();
