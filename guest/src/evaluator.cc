#include "evaluator.h"

#include "errors.h"
#include "heap.h"

int32_t callDepth;

namespace {

Func* firstRun;
Func* lastRun;

typedef Value (*CompiledCode)(Value closure, Value argument);

void noteRun(Func* func) {
  if (func->hasRun) return;
  func->hasRun = 1;
  if (lastRun)
    lastRun->nextRun = func;
  else
    firstRun = func;
  lastRun = func;
}

void enterCall() {
  if (++callDepth > kMaxCallDepth)
    failRuntime(errorCode(RuntimeError::TooDeep, kMaxCallDepth), 0);
}

Closure* procedure(Value v) {
  if (isInteger(v)) failRuntime(errorCode(RuntimeError::NotAProcedure), v);
  return closureOf(v);
}

Value lookup(Value env, const Expr* variable) {
  for (int32_t d = variable->depth; d > 0; d--) env = frameOf(env)->parent;
  Value v = frameOf(env)->value;
  if (v == kUnset) failRuntime(errorCode(RuntimeError::UnsetVariable), (Value)variable);
  return v;
}

Value checkedInteger(Primitive p, int64_t n) {
  if (!inIntegerRange(n)) failRuntime(errorCode(RuntimeError::IntegerOverflow, (int32_t)p), 0);
  return makeInteger((int32_t)n);
}

Value applyPrimitive(Primitive p, Value a, Value b) {
  if (p == Primitive::Eq) return makeInteger(a == b);
  if (!isInteger(a)) failRuntime(errorCode(RuntimeError::NotAnInteger, (int32_t)p), a);
  if (!isInteger(b)) failRuntime(errorCode(RuntimeError::NotAnInteger, (int32_t)p), b);
  int64_t x = integerOf(a), y = integerOf(b);
  switch (p) {
    case Primitive::Add: return checkedInteger(p, x + y);
    case Primitive::Subtract: return checkedInteger(p, x - y);
    case Primitive::Multiply: return checkedInteger(p, x * y);
    case Primitive::Less: return makeInteger(x < y);
    case Primitive::Eq: break;
  }
  return makeInteger(0);
}

// Runs compiled code for as long as the callee (including the targets of the
// tail calls it returns) is compiled. Returns true with the result, or false
// with *callee and *argument naming an interpreted call still to make.
bool runCompiled(Value* callee, Value* argument, Value* result) {
  for (;;) {
    Func* func = procedure(*callee)->func;
    if (!func->jitCode) return false;
    Value r = ((CompiledCode)(uintptr_t)func->jitCode)(*callee, *argument);
    if (r != kTailCall) {
      *result = r;
      return true;
    }
    *callee = tailCallee;
    *argument = tailArgument;
    tailCallee = tailArgument = kUnset;
  }
}

// Evaluates e in env. `counted` says whether a call made here is already
// counted in callDepth (it is when applyProcedure started this evaluation).
Value evaluate(Expr* e, Value env, bool counted) {
  Value* base = rootTop;
  Value* envSlot = pushRoot(env);
  Value result;
  for (;;) {
    switch (e->kind) {
      case ExprKind::Integer:
        result = e->integer;
        goto done;
      case ExprKind::Variable:
        result = lookup(*envSlot, e);
        goto done;
      case ExprKind::Lambda:
        result = makeClosure(e->func, *envSlot);
        goto done;
      case ExprKind::If: {
        Value test = evaluate(e->a, *envSlot, false);
        if (!isInteger(test)) failRuntime(errorCode(RuntimeError::IfNotInteger), test);
        e = test != makeInteger(0) ? e->b : e->c;
        continue;
      }
      case ExprKind::Primitive: {
        Value* left = pushRoot(evaluate(e->a, *envSlot, false));
        Value right = evaluate(e->b, *envSlot, false);
        result = applyPrimitive(e->primitive, *left, right);
        goto done;
      }
      case ExprKind::Letrec: {
        *envSlot = makeFrame(*envSlot, kUnset);
        Value value = evaluate(e->a, *envSlot, false);
        frameOf(*envSlot)->value = value;
        e = e->b;
        continue;
      }
      case ExprKind::Call: {
        Value* calleeSlot = pushRoot(evaluate(e->a, *envSlot, false));
        Value argument = evaluate(e->b, *envSlot, false);
        Value callee = *calleeSlot;
        rootTop = calleeSlot;
        if (!counted) {
          counted = true;
          enterCall();
        }
        // The call is in tail position of this evaluation: it replaces it.
        if (runCompiled(&callee, &argument, &result)) goto done;
        Closure* closure = closureOf(callee);
        noteRun(closure->func);
        e = closure->func->body;
        *envSlot = makeFrame(closure->env, argument);
        continue;
      }
    }
  }
done:
  if (counted) callDepth--;
  rootTop = base;
  return result;
}

}  // namespace

void resetEvaluator() {
  callDepth = 0;
  resetRoots();
}

Value evaluateProgram(Expr* program) { return evaluate(program, 0, false); }

Value applyProcedure(Value callee, Value argument) {
  enterCall();
  Value result;
  if (!runCompiled(&callee, &argument, &result)) {
    Closure* closure = closureOf(callee);
    noteRun(closure->func);
    Expr* body = closure->func->body;
    result = evaluate(body, makeFrame(closure->env, argument), true);
    return result;  // evaluate() took over the count
  }
  callDepth--;
  return result;
}

Value finishTailCall() {
  Value callee = tailCallee, argument = tailArgument;
  tailCallee = tailArgument = kUnset;
  callDepth--;  // applyProcedure counts this call again
  return applyProcedure(callee, argument);
}

Func* firstRunFunction() { return firstRun; }
