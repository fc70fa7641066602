#include "runtime.h"

#include <stddef.h>

#include "errors.h"
#include "evaluator.h"
#include "heap.h"

namespace {

// Compiled code calls these through call_indirect; taking their addresses
// puts them in the main module's table. On a native build the "addresses"
// are truncated and the generated module is only for inspection.
typedef Value Helper(Value, Value);

Value helperApply(Value callee, Value argument) { return applyProcedure(callee, argument); }
Value helperMakeFrame(Value parent, Value value) { return makeFrame(parent, value); }
Value helperMakeClosure(Value func, Value env) { return makeClosure((Func*)func, env); }
Value helperFail(Value code, Value value) { failRuntime((int32_t)code, value); }
Value helperFinishTailCall(Value, Value) { return finishTailCall(); }

uint32_t address(const void* p) { return (uint32_t)(uintptr_t)p; }
uint32_t tableIndex(Helper* h) { return (uint32_t)(uintptr_t)h; }

}  // namespace

RuntimeLayout runtimeLayout() {
  RuntimeLayout layout;
  layout.rootTopAddress = address(&rootTop);
  layout.rootLimit = address(rootLimit);
  layout.tailCalleeAddress = address(&tailCallee);
  layout.tailArgumentAddress = address(&tailArgument);
  layout.callDepthAddress = address(&callDepth);
  layout.allocationNextAddress = address(&allocationNext);
  layout.allocationLimitAddress = address(&allocationLimit);
  layout.maxCallDepth = kMaxCallDepth;
  layout.apply = tableIndex(helperApply);
  layout.makeFrame = tableIndex(helperMakeFrame);
  layout.makeClosure = tableIndex(helperMakeClosure);
  layout.fail = tableIndex(helperFail);
  layout.finishTailCall = tableIndex(helperFinishTailCall);
  return layout;
}

ObjectLayout objectLayout() {
  static_assert(sizeof(Frame) == kObjectBytes && sizeof(Closure) == kObjectBytes,
                "one object size");
  static_assert(offsetof(Frame, header) == offsetof(Closure, header), "one header offset");
  return ObjectLayout{kObjectBytes,           offsetof(Frame, header), offsetof(Frame, parent),
                      offsetof(Frame, value), offsetof(Closure, func), offsetof(Closure, env),
                      offsetof(Func, jitCode)};
}
