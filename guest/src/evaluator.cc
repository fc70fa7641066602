#include "evaluator.h"

#include "continuations.h"
#include "errors.h"
#include "heap.h"
#include "primitives.h"
#include "tiering.h"

int32_t callDepth;
int32_t compiledDepthLimit = kCompiledDepthLimit;
int32_t maxNestedCalls = kDefaultMaxNestedCalls;
int32_t primitiveCallDepth;

namespace {

// The limits a budget gives (evaluator.h): at the default, the hand-over at
// 8000, 2000 under primitives, 2500 calls made by primitives and 12,000
// native levels, the sizes measured on wasmtime's 2 MiB.
constexpr NativeLimits limitsFor(int32_t budget) {
  return NativeLimits{budget, budget / 4, budget / 4 * 5 / kRuntimeCallWeight, budget / 4 * 5 + budget / 4};
}

}  // namespace

NativeLimits nativeLimits = limitsFor(kCompiledDepthLimit);

void setCompiledDepthBudget(int32_t budget) {
  if (budget <= 0) budget = kCompiledDepthLimit;
  if (budget < kMinCompiledDepthBudget) budget = kMinCompiledDepthBudget;
  nativeLimits = limitsFor(budget);
}

namespace {

Func* firstRun;
Func* lastRun;

// The nesting of the call the interpreter last handed to a primitive or to
// compiled code, and callDepth then. Compiled calls nest one deeper each (in
// callDepth), so a run of the interpreter that they start carries on from
// nestedCalls + (callDepth - nativeAtCallOut).
int32_t nestedCalls;
int32_t nativeAtCallOut;

// Where compiled code hands over to the interpreter: sooner inside a call
// made by a primitive, so that deep recursion through map and the like costs
// the wasm stack what it costs interpreted (evaluator.h).
int32_t compiledDepthCeiling() {
  return primitiveCallDepth > 0 ? nativeLimits.compiledDepthUnderPrimitives : nativeLimits.compiledDepth;
}

void noteCallOut(int32_t nesting) {
  nestedCalls = nesting;
  nativeAtCallOut = callDepth;
  int64_t limit = (int64_t)maxNestedCalls - nesting + callDepth;
  int32_t ceiling = compiledDepthCeiling();
  compiledDepthLimit = limit < ceiling ? (int32_t)limit : ceiling;
}

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

// (apply f a ... list) with more arguments (n) than the root stack has room
// for: base[1] is f, the leading arguments follow and base[argc] is the
// list. A primitive or a continuation gets the arguments in a root block; a closure, which can
// only take so many through a rest parameter, gets its frame made straight
// from the list and is interpreted (compiled or not). Returns as
// callUntilInterpreted does.
bool applyLongList(Value* base, int32_t argc, int32_t n, Value* result, Expr** body, Value* env) {
  Value f = base[1];
  int32_t leading = argc - 2;
  if (hasTag(f, kPrimitiveTag) || hasTag(f, kContinuationTag)) {
    Prim p = hasTag(f, kPrimitiveTag) ? (Prim)((PrimitiveObject*)f)->index : Prim::Count;
    if (p != Prim::Count && !acceptsArgumentCount(p, n)) failArgumentCount(f, n);
    RootBlock* block = pushRootBlock((size_t)n);
    for (int32_t i = 0; i < leading; i++) block->slots[i] = base[2 + i];
    int32_t i = leading;
    for (Value v = base[argc]; v != kNil; v = pairOf(v)->cdr) block->slots[i++] = pairOf(v)->car;
    *result = p == Prim::Count ? throwToContinuation(base[1], block->slots, n) : callPrimitive(p, block->slots, n);
    popRootBlock(block);
    return true;
  }
  if (!hasTag(f, kClosureTag)) failRuntime(errorCode(RuntimeError::NotAProcedure), f);
  Func* func = closureOf(f)->func;
  if (!acceptsCount(func, n)) failArgumentCount(f, n);
  noteRun(func);
  Value* frame = pushRoot(makeFrame(closureOf(base[1])->env, func->slotCount));
  Value* rest = pushRoot(base[argc]);  // the list, as far as it is bound
  Value* head = pushRoot(kNil);        // the rest parameter's list: first and last pair
  Value* last = pushRoot(kNil);
  for (int32_t i = 0; i < n; i++) {
    Value v;
    if (i < leading) {
      v = base[2 + i];
    } else {
      v = pairOf(*rest)->car;
      *rest = pairOf(*rest)->cdr;
    }
    if (i < func->required) {
      frameOf(*frame)->slots[i] = v;
      continue;
    }
    Value cell = makePair(v, kNil);  // v is rooted: in base or in the list
    if (*head == kNil)
      *head = cell;
    else
      pairOf(*last)->cdr = cell;
    *last = cell;
  }
  if (func->hasRest) frameOf(*frame)->slots[func->required] = *head;
  *env = *frame;
  *body = func->body;
  rootTop = frame;
  return false;
}

// Calls base[0] with the argc arguments above it for as long as the callee
// (or the target of a tail call it returns) is a primitive or compiled code.
// Returns true with the result, or false once an interpreted closure must
// run: *env is then its new frame and *body its body. The slots from base on
// are the caller's; they are given back by the caller. Deep in native nesting
// compiled closures are interpreted too, so that recursion goes on in the
// continuation rather than on the wasm stack.
bool callUntilInterpreted(Value* base, int32_t argc, Value* result, Expr** body, Value* env) {
  for (;;) {
    Value callee = base[0];
    if (hasTag(callee, kPrimitiveTag)) {
      Prim p = (Prim)((PrimitiveObject*)callee)->index;
      if (!acceptsArgumentCount(p, argc)) failArgumentCount(callee, argc);
      if (p == Prim::Apply) {  // a tail call of its own
        int32_t n = argc - 2 + properLength(Prim::Apply, base + 1, argc - 1);
        if (rootLimit - (base + 1 + n) < (ptrdiff_t)kRootCapacity / 4)
          return applyLongList(base, argc, n, result, body, env);
        argc = spreadApplyArguments(base, argc);
        continue;
      }
      *result = callPrimitive(p, base + 1, argc);
      return true;
    }
    if (hasTag(callee, kContinuationTag)) {
      *result = throwToContinuation(callee, base + 1, argc);
      return true;
    }
    if (!hasTag(callee, kClosureTag)) failRuntime(errorCode(RuntimeError::NotAProcedure), callee);
    Func* func = closureOf(callee)->func;
    if (!func->jitCode || callDepth >= compiledDepthCeiling()) {
      if (!acceptsCount(func, argc)) failArgumentCount(callee, argc);
      noteRun(func);
      if (tierThreshold) countEntry(func);
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

// ---- expressions that need no continuation ----
//
// An expression that cannot call a procedure (constants, variables, lambdas,
// and calls of primitives other than map, for-each and apply whose operands
// are such expressions too, and ifs of them) is evaluated by plain C++
// recursion: its nesting is bounded by the parser's, so it cannot exhaust the
// wasm stack, and it needs no record on the continuation. Most tests and
// operands are like that, which keeps the interpreter's records for the
// expressions that really wait on a call.
enum Shape : uint8_t {
  kShapeKnown = 1,
  kShapeSimple = 2,          // the expression itself
  kShapeSimpleOperands = 4,  // every operand of a call (the callee too)
};

bool callsProcedures(Prim p) { return primitiveInfo(p).callsProcedures(); }

Expr* operand(const Expr* e, int32_t i);
int32_t operandCount(const Expr* e);

uint8_t shapeOf(Expr* e) {
  if (e->shape) return e->shape;
  uint8_t shape = kShapeKnown;
  bool operandsSimple = true;
  if (e->kind == ExprKind::Call || e->kind == ExprKind::PrimitiveCall) {
    for (int32_t i = 0; i < operandCount(e); i++)
      operandsSimple = operandsSimple && (shapeOf(operand(e, i)) & kShapeSimple);
    if (operandsSimple) shape |= kShapeSimpleOperands;
  }
  switch (e->kind) {
    case ExprKind::Constant:
    case ExprKind::Local:
    case ExprKind::Global:
    case ExprKind::Lambda:
      shape |= kShapeSimple;
      break;
    case ExprKind::PrimitiveCall:
      if (operandsSimple && !callsProcedures((Prim)e->primitive)) shape |= kShapeSimple;
      break;
    case ExprKind::If:
      if ((shapeOf(e->a) & shapeOf(e->b) & shapeOf(e->c)) & kShapeSimple) shape |= kShapeSimple;
      break;
    default:
      break;
  }
  e->shape = shape;
  return shape;
}
bool isSimple(Expr* e) { return shapeOf(e) & kShapeSimple; }

// Whether a call of callee with argc arguments is one of call/cc, which the
// interpreter makes itself, capturing its own continuation.
bool capturesHere(Value callee, int32_t argc) {
  return argc == 1 && hasTag(callee, kPrimitiveTag) &&
         capturesContinuation((Prim)((PrimitiveObject*)callee)->index);
}

// Evaluates a simple expression in the environment held in *envSlot (a root
// slot: the expression may allocate).
Value evaluateSimple(Expr* e, Value* envSlot) {
  for (;;) {
    switch (e->kind) {
      case ExprKind::Constant:
        return e->value;
      case ExprKind::Local:
        return lookup(*envSlot, e);
      case ExprKind::Global: {
        Value v = e->cell->value;
        if (v == kUnset) failRuntime(errorCode(RuntimeError::UnboundGlobal), (Value)e);
        return v;
      }
      case ExprKind::Lambda:
        return makeClosure(e->func, *envSlot);
      case ExprKind::If:
        e = evaluateSimple(e->a, envSlot) != kFalse ? e->b : e->c;
        continue;
      default: {  // PrimitiveCall
        Value* args = rootTop;
        for (int32_t i = 0; i < e->count; i++) pushRoot(evaluateSimple(e->items[i], envSlot));
        Value result = callPrimitive((Prim)e->primitive, args, e->count);
        rootTop = args;
        return result;
      }
    }
  }
}

// The same with the environment in a variable, which is brought up to date
// (a collection may have moved the frame).
Value evaluateSimpleIn(Expr* e, Value& env) {
  Value* envSlot = pushRoot(env);
  Value v = evaluateSimple(e, envSlot);
  env = *envSlot;
  rootTop = envSlot;
  return v;
}

// ---- the continuation ----
//
// Each piece of pending work is a record on the continuation: first the
// operands it has gathered (a call's callee and arguments, as they are
// evaluated), then four words on top, so that the top record is always
// found from continuationTop:
//   what it waits for and how far it has got, as a fixnum;
//   the expression it belongs to;
//   the environment to go on in;
//   the nesting of the call whose body it is part of, as a fixnum.
enum Pending : int32_t {
  kTest,        // an if's test: then one of the branches
  kSequence,    // an item of a sequence (progress: its index); then the next
  kAssignment,  // the value of a set!, define or binding: then store it
  kOperands,    // operand `progress` of a call: then the next, or the call
};
const size_t kRecordWords = 4;

struct Record {
  Pending what;
  int32_t progress;
  Expr* expr;
  Value env;
  int32_t nesting;
};

// Operands a call gathers: its callee (unless primitive) and its arguments.
int32_t operandCount(const Expr* e) {
  return e->kind == ExprKind::Call ? e->count + 1 : e->count;
}
Expr* operand(const Expr* e, int32_t i) {
  if (e->kind == ExprKind::PrimitiveCall) return e->items[i];
  return i == 0 ? e->a : e->items[i - 1];
}

void push(Pending what, int32_t progress, Expr* e, Value env, int32_t nesting, int32_t operands) {
  reserveContinuation((size_t)operands + kRecordWords);
  Value* w = continuation + continuationTop;
  for (int32_t i = 0; i < operands; i++) w[i] = kUnset;
  w += operands;
  w[0] = makeInteger(progress << 3 | what);
  w[1] = (Value)e;
  w[2] = env;
  w[3] = makeInteger(nesting);
  continuationTop += (size_t)operands + kRecordWords;
}

Record top() {
  const Value* w = continuation + continuationTop - kRecordWords;
  int32_t word = integerOf(w[0]);
  return Record{(Pending)(word & 7), word >> 3, (Expr*)w[1], w[2], integerOf(w[3])};
}

void setProgress(const Record& r, int32_t progress) {
  continuation[continuationTop - kRecordWords] = makeInteger(progress << 3 | r.what);
}

// The gathered operands of the call record on top.
Value* operandsOf(const Record& r) {
  return continuation + continuationTop - kRecordWords - operandCount(r.expr);
}

void pop(const Record& r) {
  continuationTop -= kRecordWords + (r.what == kOperands ? (size_t)operandCount(r.expr) : 0);
}

void assign(const Expr* e, Value env, Value v) {
  switch (e->kind) {
    case ExprKind::SetLocal:
      frameOf(frameAt(env, e->depth))->slots[e->index] = v;
      break;
    case ExprKind::SetGlobal:
      if (e->cell->value == kUnset) failRuntime(errorCode(RuntimeError::UnboundGlobal), (Value)e);
      e->cell->value = v;
      break;
    default:  // DefineGlobal
      e->cell->value = v;
      break;
  }
}

// Evaluates the simple items of a sequence from `from` on, up to the last
// one or the first that is not simple; returns its index. env is kept up to
// date.
int32_t skipSimpleItems(Expr* e, int32_t from, Value& env) {
  int32_t i = from;
  for (; i < e->count - 1 && isSimple(e->items[i]); i++) evaluateSimpleIn(e->items[i], env);
  return i;
}

// Evaluates e in env as the body of a call nested `nesting` deep; a call in
// tail position of it is nested outer + 1 deep. Returns when the work it
// pushes on the continuation is done.
Value interpret(Expr* e, Value env, int32_t nesting, int32_t outer) {
  const size_t base = continuationTop;
  beginActivation();
  Value value;
  Value* callBase;  // a call's callee and arguments, in root slots
  Expr* call;
  for (;;) {
    // Evaluate e: a value now, or work pushed and one of e's parts next, or
    // a call to make.
    uint8_t shape = shapeOf(e);
    if (shape & kShapeSimple) {
      value = evaluateSimpleIn(e, env);
    } else {
      switch (e->kind) {
        case ExprKind::SetLocal:
        case ExprKind::SetGlobal:
        case ExprKind::DefineGlobal:
          if (isSimple(e->a)) {
            value = evaluateSimpleIn(e->a, env);
            assign(e, env, value);
            value = kUnspecified;
            break;
          }
          push(kAssignment, 0, e, env, nesting, 0);
          e = e->a;
          continue;
        case ExprKind::If:
          if (isSimple(e->a)) {
            e = evaluateSimpleIn(e->a, env) != kFalse ? e->b : e->c;
            continue;
          }
          push(kTest, 0, e, env, nesting, 0);
          e = e->a;
          continue;
        case ExprKind::Sequence: {
          int32_t i = skipSimpleItems(e, 0, env);
          if (i < e->count - 1) push(kSequence, i, e, env, nesting, 0);
          e = e->items[i];
          continue;
        }
        case ExprKind::PrimitiveCall:
        case ExprKind::Call:
          if (shape & kShapeSimpleOperands) {
            // Every operand at once, straight into root slots.
            callBase = rootTop;
            Value* envSlot = pushRoot(env);
            for (int32_t i = 0; i < operandCount(e); i++) {
              Value v = evaluateSimple(operand(e, i), envSlot);
              pushRoot(v);
            }
            if (e->kind == ExprKind::Call) {  // the env's slot is not the call's
              for (int32_t i = 0; i <= e->count; i++) callBase[i] = callBase[i + 1];
              rootTop--;
            } else {
              *envSlot = kUnset;  // apply's place for f
            }
            call = e;
            goto makeCall;
          }
          push(kOperands, 0, e, env, nesting, operandCount(e));
          e = operand(e, 0);
          continue;
        default:
          __builtin_trap();  // the rest are simple
      }
    }
  deliver:
    // Hand the value to the pending work, until some of it has an
    // expression to evaluate next or a call to make.
    for (;;) {
      if (continuationTop == base) {
        endActivation();
        return value;
      }
      Record r = top();
      env = r.env;
      nesting = r.nesting;
      if (r.what == kTest) {
        pop(r);
        e = value != kFalse ? r.expr->b : r.expr->c;
        break;
      }
      if (r.what == kSequence) {
        int32_t next = skipSimpleItems(r.expr, r.progress + 1, env);
        if (next == r.expr->count - 1)
          pop(r);
        else
          setProgress(r, next);
        e = r.expr->items[next];
        break;
      }
      if (r.what == kAssignment) {
        pop(r);
        assign(r.expr, env, value);
        value = kUnspecified;
        continue;
      }
      // kOperands
      operandsOf(r)[r.progress] = value;
      int32_t next = r.progress + 1;
      if (next < operandCount(r.expr)) {
        setProgress(r, next);
        e = operand(r.expr, next);
        break;
      }
      // Every operand is there: move them to root slots (the continuation
      // may move while the call runs).
      callBase = rootTop;
      if (r.expr->kind == ExprKind::PrimitiveCall) pushRoot(kUnset);  // apply's place for f
      Value* operands = operandsOf(r);
      for (int32_t i = 0; i < operandCount(r.expr); i++) pushRoot(operands[i]);
      pop(r);
      call = r.expr;
      goto makeCall;
    }
    continue;

  makeCall: {
    // callBase[0] is the callee (for a primitive call, a free slot) and the
    // arguments follow.
    int32_t argc = call->count;
    if (call->kind == ExprKind::PrimitiveCall) {
      Prim p = (Prim)call->primitive;
      if (p != Prim::Apply && !capturesContinuation(p)) {
        noteCallOut(nesting);  // for the calls map and for-each make
        value = callPrimitive(p, callBase + 1, argc);
        rootTop = callBase;
        goto received;
      }
      callBase[0] = primitiveObject(p);  // apply: callUntilInterpreted spreads its list
    }
    if (capturesHere(callBase[0], argc)) {
      // call/cc: the receiver is called with this activation's continuation
      // as it stands (the call's own record is already off it).
      Value k = captureContinuation();
      callBase[0] = callBase[1];
      callBase[1] = k;
    }
    // The record below (or the caller of this run) receives the result: the
    // call nests one deeper than the call whose body pushed it.
    int32_t callNesting = (continuationTop == base ? outer : top().nesting) + 1;
    if (callNesting > maxNestedCalls)
      failRuntime(errorCode(RuntimeError::TooDeep), (Value)maxNestedCalls);
    noteCallOut(callNesting);
    Expr* body;
    Value frame;
    bool done = callUntilInterpreted(callBase, argc, &value, &body, &frame);
    rootTop = callBase;
    if (done) goto received;
    if (tierSafePointDue) tierSafePoint();  // allocates nothing: frame stays put
    e = body;
    env = frame;
    nesting = callNesting;
    continue;
  }

  received:
    // A call's result; kUnwinding when a continuation is being thrown to.
    if (value == kUnwinding && !unwindingStopsHere(&value)) {
      continuationTop = base;
      endActivation();
      return kUnwinding;
    }
    goto deliver;
  }
}

}  // namespace

void resetEvaluator() {
  resetContinuations();
  callDepth = 0;
  primitiveCallDepth = 0;
  noteCallOut(0);
  resetRoots();
}

EvaluatorMark markEvaluator() {
  return EvaluatorMark{callDepth, primitiveCallDepth, nestedCalls, nativeAtCallOut, compiledDepthLimit,
                       activationLevel(), markRoots()};
}

void returnToMark(const EvaluatorMark& mark) {
  callDepth = mark.callDepth;
  primitiveCallDepth = mark.primitiveCallDepth;
  nestedCalls = mark.nestedCalls;
  nativeAtCallOut = mark.nativeAtCallOut;
  compiledDepthLimit = mark.compiledDepthLimit;
  returnToActivation(mark.activation);
  returnToRoots(mark.roots);
}

Value evaluateProgram(Program* program) {
  Value frame = makeFrame(kNil, program->func->slotCount);
  return interpret(program->func->body, frame, 0, 0);
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
  int32_t outer = nestedCalls + (callDepth - nativeAtCallOut);
  int32_t savedNesting = nestedCalls, savedNative = nativeAtCallOut, savedLimit = compiledDepthLimit;
  if (outer + 1 > maxNestedCalls) failRuntime(errorCode(RuntimeError::TooDeep), (Value)maxNestedCalls);
  callDepth += kRuntimeCallWeight;
  noteCallOut(outer + 1);
  Value result;
  Expr* body;
  Value frame;
  if (!callUntilInterpreted(base, argc, &result, &body, &frame)) {
    rootTop = base;
    if (tierSafePointDue) tierSafePoint();
    result = interpret(body, frame, outer + 1, outer);
  }
  callDepth -= kRuntimeCallWeight;
  nestedCalls = savedNesting;
  nativeAtCallOut = savedNative;
  compiledDepthLimit = savedLimit;
  rootTop = base;
  return result;
}

Value applyFromPrimitive(Value callee, Value* args, int32_t argc) {
  if (primitiveCallDepth >= nativeLimits.primitiveCalls)
    failRuntime(errorCode(RuntimeError::TooDeepInRuntime, nativeLimits.primitiveCalls), 0);
  // Deep compiled recursion beneath (which the interpreter would have kept
  // off the wasm stack) leaves less of it: stop before it runs out.
  if (callDepth + kRuntimeCallWeight > nativeLimits.nativeDepth)
    failRuntime(errorCode(RuntimeError::TooDeepInRuntime, primitiveCallDepth), 0);
  primitiveCallDepth++;
  Value result = applyProcedure(callee, args, argc);
  primitiveCallDepth--;
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
