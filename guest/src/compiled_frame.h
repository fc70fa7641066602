// What a compiled function does the same way whichever JIT made it: where
// the source's variables live, how it claims and gives back its slots on the
// root stack, and how it hands a tail call to its caller's trampoline. These
// follow the runtime's protocol (heap.h, evaluator.h), so both JITs emit them
// from here.
#pragma once
#include "assembler.h"
#include "compiler.h"
#include "errors.h"
#include "runtime.h"

// Where a variable of the source lives in a compiled function.
struct Scope {
  enum Kind {
    ClosureEnv,  // in the environment of the closure in a slot: frame chain from closure->env
    Slot,        // in one slot of this function (a root slot, or a local)
    FrameChain,  // in a frame chain whose innermost frame is in a slot
  } kind;
  uint32_t slot;
  const Scope* outer;
};

inline uint32_t innermostFrameSlot(const Scope* scope) {
  while (scope->kind != Scope::FrameChain) scope = scope->outer;
  return scope->slot;
}

// Claims `slots` root slots (their base into local `base`, using local
// `newTop`), failing as "the root stack is full" past rootLimit, and zeroes
// all but slot 0 (which the caller fills at once) so the collector never
// sees garbage.
inline void claimRootSlots(Assembler& f, const RuntimeLayout& runtime, uint32_t slots,
                           uint32_t base, uint32_t newTop) {
  f.i32Const((int32_t)runtime.rootTopAddress);
  f.i32Load(0);
  f.localTee(base);
  f.i32Const((int32_t)(4 * slots));
  f.op(Op::I32Add);
  f.localTee(newTop);
  f.i32Const((int32_t)runtime.rootLimit);
  f.op(Op::I32LeU);
  f.op(Op::I32Eqz);
  f.ifThen(BlockType::None);
  f.i32Const(errorCode(RuntimeError::TooDeep));
  f.i32Const(0);
  f.i32Const((int32_t)runtime.fail);
  f.callIndirect(kCodeType);
  f.op(Op::Unreachable);
  f.end();
  f.i32Const((int32_t)runtime.rootTopAddress);
  f.localGet(newTop);
  f.i32Store(0);
  for (uint32_t slot = 1; slot < slots; slot++) {
    f.localGet(base);
    f.i32Const(0);
    f.i32Store(4 * slot);
  }
}

// With the function's result on the stack: gives the slots back (rootTop to
// `base`), keeping the result in local `scratch` meanwhile.
inline void releaseRootSlots(Assembler& f, const RuntimeLayout& runtime, uint32_t base,
                             uint32_t scratch) {
  f.localSet(scratch);
  f.i32Const((int32_t)runtime.rootTopAddress);
  f.localGet(base);
  f.i32Store(0);
  f.localGet(scratch);
}

// Leaves the call of callee to argument for the caller's trampoline: stores
// them in tailCallee/tailArgument and branches out of the function's block,
// `blockDepth` blocks out, with kTailCall.
inline void returnTailCall(Assembler& a, const RuntimeLayout& runtime, uint32_t callee,
                           uint32_t argument, uint32_t blockDepth) {
  a.i32Const((int32_t)runtime.tailCalleeAddress);
  a.localGet(callee);
  a.i32Store(0);
  a.i32Const((int32_t)runtime.tailArgumentAddress);
  a.localGet(argument);
  a.i32Store(0);
  a.i32Const((int32_t)kTailCall);
  a.br(blockDepth);
}
