#include "evaluator.h"

#include "errors.h"
#include "heap.h"
#include "primitives.h"

int32_t callDepth;

namespace {

Func* firstRun;
Func* lastRun;

typedef Value (*CompiledCode)(Value closure, Value* args, int32_t argc);

void noteRun(Func* func) {
  if (func->hasRun) return;
  func->hasRun = 1;
  if (lastRun)
    lastRun->nextRun = func;
  else
    firstRun = func;
  lastRun = func;
}

void enterCall(int32_t weight) {
  callDepth += weight;
  if (callDepth > kMaxCallDepth) failRuntime(errorCode(RuntimeError::TooDeep, kMaxCallDepth), 0);
}

Value frameAt(Value env, int32_t depth) {
  for (; depth > 0; depth--) env = frameOf(env)->parent;
  return env;
}

Value lookup(Value env, const Expr* e) {
  Value v = frameOf(frameAt(env, e->depth))->slots[e->index];
  if (v == kUnset && e->checked) failRuntime(errorCode(RuntimeError::UnsetLocal), (Value)e);
  return v;
}

bool acceptsCount(const Func* f, int32_t argc) {
  return f->hasRest ? argc >= f->required : argc == f->required;
}

// A new frame for calling the closure in base[0] with the argc arguments
// above it (all in root slots).
Value bindArguments(Value* base, int32_t argc) {
  Func* func = closureOf(base[0])->func;
  Value* frame = pushRoot(makeFrame(closureOf(base[0])->env, func->slotCount));
  Value* args = base + 1;
  for (int32_t i = 0; i < func->required; i++) frameOf(*frame)->slots[i] = args[i];
  if (func->hasRest) {
    Value* rest = pushRoot(kNil);
    for (int32_t i = argc - 1; i >= func->required; i--) *rest = makePair(args[i], *rest);
    frameOf(*frame)->slots[func->required] = *rest;
  }
  Value result = *frame;
  rootTop = frame;
  return result;
}

// Calls base[0] with the argc arguments above it for as long as the callee
// (or the target of a tail call it returns) is a primitive or compiled code.
// Returns true with the result, or false once an interpreted closure must
// run: *env is then its new frame and *body its body. The slots from base on
// are the caller's; they are given back by the caller.
bool callUntilInterpreted(Value* base, int32_t argc, Value* result, Expr** body, Value* env) {
  for (;;) {
    Value callee = base[0];
    if (hasTag(callee, kPrimitiveTag)) {
      Prim p = (Prim)((PrimitiveObject*)callee)->index;
      if (!acceptsArgumentCount(p, argc)) failArgumentCount(callee, argc);
      if (p == Prim::Apply) {  // a tail call of its own
        argc = spreadApplyArguments(base, argc);
        continue;
      }
      *result = callPrimitive(p, base + 1, argc);
      return true;
    }
    if (!hasTag(callee, kClosureTag)) failRuntime(errorCode(RuntimeError::NotAProcedure), callee);
    Func* func = closureOf(callee)->func;
    if (!func->jitCode) {
      if (!acceptsCount(func, argc)) failArgumentCount(callee, argc);
      noteRun(func);
      *env = bindArguments(base, argc);
      *body = func->body;
      return false;
    }
    Value r = ((CompiledCode)(uintptr_t)func->jitCode)(callee, base + 1, argc);
    if (r != kTailCall) {
      *result = r;
      return true;
    }
    // Take the tail call over into our own slots.
    argc = tailArgumentCount;
    rootTop = base;
    pushRoot(tailCallee);
    for (int32_t i = 0; i < argc; i++) pushRoot(tailArguments[i]);
    tailCallee = kUnset;
    tailArgumentCount = 0;
  }
}

// Evaluates e in env. `counted` is what this evaluation has added to
// callDepth and takes off at its end: 0 until it makes a call in tail
// position, or applyProcedure's weight when that started it.
Value evaluate(Expr* e, Value env, int32_t counted) {
  Value* base = rootTop;
  Value* envSlot = pushRoot(env);
  Value result;
  for (;;) {
    switch (e->kind) {
      case ExprKind::Constant:
        result = e->value;
        goto done;
      case ExprKind::Local:
        result = lookup(*envSlot, e);
        goto done;
      case ExprKind::Global:
        result = e->cell->value;
        if (result == kUnset) failRuntime(errorCode(RuntimeError::UnboundGlobal), (Value)e);
        goto done;
      case ExprKind::SetLocal: {
        Value v = evaluate(e->a, *envSlot, 0);
        frameOf(frameAt(*envSlot, e->depth))->slots[e->index] = v;
        result = kUnspecified;
        goto done;
      }
      case ExprKind::SetGlobal: {
        Value v = evaluate(e->a, *envSlot, 0);
        if (e->cell->value == kUnset) failRuntime(errorCode(RuntimeError::UnboundGlobal), (Value)e);
        e->cell->value = v;
        result = kUnspecified;
        goto done;
      }
      case ExprKind::DefineGlobal:
        e->cell->value = evaluate(e->a, *envSlot, 0);
        result = kUnspecified;
        goto done;
      case ExprKind::If:
        e = evaluate(e->a, *envSlot, 0) != kFalse ? e->b : e->c;
        continue;
      case ExprKind::Lambda:
        result = makeClosure(e->func, *envSlot);
        goto done;
      case ExprKind::Sequence:
        for (int32_t i = 0; i < e->count - 1; i++) evaluate(e->items[i], *envSlot, 0);
        e = e->items[e->count - 1];
        continue;
      case ExprKind::PrimitiveCall: {
        Value* args = rootTop;
        for (int32_t i = 0; i < e->count; i++) pushRoot(evaluate(e->items[i], *envSlot, 0));
        Prim p = (Prim)e->primitive;
        if (p != Prim::Apply) {
          result = callPrimitive(p, args, e->count);
          rootTop = args;
          goto done;
        }
        // (apply f a ... list) in tail position: a tail call to f.
        pushRoot(kUnset);  // shift the arguments up one, to make room for the callee below
        for (int32_t i = e->count; i > 0; i--) args[i] = args[i - 1];
        Value* callBase = args;
        if (!counted) {
          counted = 1;
          enterCall(1);
        }
        int32_t argc = spreadApplyArguments(callBase, e->count);
        Expr* body;
        Value frame;
        if (callUntilInterpreted(callBase, argc, &result, &body, &frame)) goto done;
        rootTop = envSlot + 1;
        *envSlot = frame;
        e = body;
        continue;
      }
      case ExprKind::Call: {
        Value* callBase = pushRoot(evaluate(e->a, *envSlot, 0));
        for (int32_t i = 0; i < e->count; i++) pushRoot(evaluate(e->items[i], *envSlot, 0));
        if (!counted) {
          counted = 1;
          enterCall(1);
        }
        // The call is in tail position of this evaluation: it replaces it.
        Expr* body;
        Value frame;
        if (callUntilInterpreted(callBase, e->count, &result, &body, &frame)) goto done;
        rootTop = envSlot + 1;
        *envSlot = frame;
        e = body;
        continue;
      }
    }
  }
done:
  callDepth -= counted;
  rootTop = base;
  return result;
}

}  // namespace

void resetEvaluator() {
  callDepth = 0;
  resetRoots();
}

Value evaluateProgram(Program* program) {
  Value frame = makeFrame(kNil, program->func->slotCount);
  return evaluate(program->func->body, frame, 0);
}

int32_t spreadApplyArguments(Value* base, int32_t argc) {
  // base[1] is f, base[2 .. argc-1] the leading arguments, base[argc] the list.
  Value list = base[argc];
  base[0] = base[1];
  for (int32_t i = 2; i < argc; i++) base[i - 1] = base[i];
  int32_t n = argc - 2;
  rootTop = base + 1 + n;
  Value p = list;
  for (; hasTag(p, kPairTag); p = pairOf(p)->cdr) {
    pushRoot(pairOf(p)->car);
    n++;
  }
  if (p != kNil) failWrongType(Prim::Apply, argc - 1, Expected::List, list);
  return n;
}

Value applyProcedure(Value callee, Value* args, int32_t argc) {
  Value* base = rootTop;
  pushRoot(callee);
  for (int32_t i = 0; i < argc; i++) pushRoot(args[i]);
  enterCall(kRuntimeCallWeight);
  Value result;
  Expr* body;
  Value frame;
  if (!callUntilInterpreted(base, argc, &result, &body, &frame)) {
    rootTop = base;
    return evaluate(body, frame, kRuntimeCallWeight);  // evaluate() takes over the count
  }
  callDepth -= kRuntimeCallWeight;
  rootTop = base;
  return result;
}

Value finishTailCall() {
  Value* base = rootTop;
  int32_t argc = tailArgumentCount;
  pushRoot(tailCallee);
  for (int32_t i = 0; i < argc; i++) pushRoot(tailArguments[i]);
  tailCallee = kUnset;
  tailArgumentCount = 0;
  callDepth--;  // applyProcedure counts this call again
  Value result = applyProcedure(base[0], base + 1, argc);
  rootTop = base;
  return result;
}

Func* firstRunFunction() { return firstRun; }
