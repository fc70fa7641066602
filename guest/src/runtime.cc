#include "runtime.h"

#include <stddef.h>

#include "errors.h"
#include "evaluator.h"
#include "heap.h"
#include "primitives.h"

namespace {

// Compiled code calls these through call_indirect; taking their addresses
// puts them in the main module's table. On a native build the "addresses"
// are truncated and the generated module is only for inspection.
typedef Value Helper(Value, Value, Value);

Value helperApply(Value callee, Value args, Value argc) {
  return applyProcedure(callee, (Value*)args, (int32_t)argc);
}
Value helperPrimitive(Value p, Value args, Value argc) {
  return callPrimitive((Prim)p, (Value*)args, (int32_t)argc);
}
Value helperMakePair(Value car, Value cdr, Value) { return makePair(car, cdr); }
Value helperMakeClosure(Value func, Value env, Value) { return makeClosure((Func*)func, env); }
Value helperMakeFrame(Value parent, Value slots, Value) { return makeFrame(parent, (int32_t)slots); }
Value helperRestList(Value args, Value count, Value) {
  Value* from = (Value*)args;
  Value* list = pushRoot(kNil);
  for (int32_t i = (int32_t)count - 1; i >= 0; i--) *list = makePair(from[i], *list);
  Value result = *list;
  rootTop = list;
  return result;
}
// args[0] is f, then the leading arguments, then the list: leaves the call
// to f in the tail-call registers for the caller's trampoline.
Value helperApplyTail(Value args, Value argc, Value) {
  Value* base = rootTop;
  pushRoot(kUnset);
  for (int32_t i = 0; i < (int32_t)argc; i++) pushRoot(((Value*)args)[i]);
  int32_t n = spreadApplyArguments(base, (int32_t)argc);
  if (n > kMaxTailArguments) {  // too many for the registers: an ordinary call
    Value result = applyProcedure(base[0], base + 1, n);
    rootTop = base;
    return result;
  }
  tailCallee = base[0];
  tailArgumentCount = n;
  for (int32_t i = 0; i < n; i++) tailArguments[i] = base[1 + i];
  rootTop = base;
  return kTailCall;
}
Value helperFail(Value code, Value value, Value) { failRuntime((int32_t)code, value); }
Value helperFinishTailCall(Value, Value, Value) { return finishTailCall(); }

uint32_t address(const void* p) { return (uint32_t)(uintptr_t)p; }
uint32_t tableIndex(Helper* h) { return (uint32_t)(uintptr_t)h; }

}  // namespace

RuntimeLayout runtimeLayout() {
  RuntimeLayout layout;
  layout.rootTopAddress = address(&rootTop);
  layout.rootLimit = address(rootLimit);
  // A quarter of the root stack stays for the interpreter and the runtime
  // once compiled code has handed deep recursion over to them.
  layout.rootCompiledLimit = address(rootLimit - kRootCapacity / 4);
  layout.tailCalleeAddress = address(&tailCallee);
  layout.tailCountAddress = address(&tailArgumentCount);
  layout.tailArgumentsAddress = address(tailArguments);
  layout.maxTailArguments = kMaxTailArguments;
  layout.callDepthAddress = address(&callDepth);
  layout.allocationNextAddress = address(&allocationNext);
  layout.allocationLimitAddress = address(&allocationLimit);
  layout.compiledDepthLimitAddress = address(&compiledDepthLimit);
  layout.apply = tableIndex(helperApply);
  layout.primitive = tableIndex(helperPrimitive);
  layout.makePair = tableIndex(helperMakePair);
  layout.makeClosure = tableIndex(helperMakeClosure);
  layout.makeFrame = tableIndex(helperMakeFrame);
  layout.restList = tableIndex(helperRestList);
  layout.applyTail = tableIndex(helperApplyTail);
  layout.fail = tableIndex(helperFail);
  layout.finishTailCall = tableIndex(helperFinishTailCall);
  return layout;
}

ObjectLayout objectLayout() {
  return ObjectLayout{offsetof(Pair, car),      offsetof(Pair, cdr),       sizeof(Pair),
                      offsetof(Closure, func),  offsetof(Closure, env),    sizeof(Closure),
                      offsetof(Frame, parent),  offsetof(Frame, slots),    offsetof(Vector, length),
                      offsetof(Vector, elements),
                      offsetof(Func, jitCode),  offsetof(GlobalCell, value)};
}
