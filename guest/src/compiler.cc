// The JIT: one lambda to one wasm function, compiled with what the round
// knows about the other functions it compiles.
//
// Built with -DSTRAIGHTFORWARD=1 (interplib-baseline.wasm) it keeps none of
// the fast paths below: every primitive is a call of the runtime's primitive
// helper and every call goes through the apply helper. That build is the
// yardstick the optimisations are measured against.
//
// The optimisations, each with the invariant that makes it safe:
// - Slots, not frames. A lambda whose body creates no closure cannot have its
//   frame captured, so its variables live in its root slots (claimed by
//   bumping rootTop, rooted for the collector) instead of a heap frame. Only
//   lambdas that create closures allocate a frame per call.
// - Inline fixnum arithmetic. A tagged fixnum 2n+1 fits an i32, so + and -
//   of two of them is one i64 add and a range check; order is kept by the
//   tagging, so comparisons compare tagged words. Any other case (a
//   non-integer, an overflow) calls the primitive itself, which reports the
//   interpreter's error, so the messages cannot differ.
// - Comparisons feeding an if give the branch condition directly.
// - Inline car, cdr, pair?, null?, not, eq?, zero?, vector-ref, vector-set!
//   with their type checks, the same fallback to the primitive on failure.
// - Inline allocation: pairs, closures and frames are bumped from the heap's
//   allocation pointer; the runtime's helper runs only when the half is full
//   (it collects; everything live is in root slots at that point, because
//   operands are always evaluated into slots).
// - Known callees, called directly. A local bound by letrec, a named let or
//   an internal define to a lambda, and never assigned, holds once set only
//   closures of that lambda: its call is a `call` of the lambda's function
//   when the same round compiles it, or call_indirect at its known slot. A
//   global is guarded: its closure's Func must be the one it held when the
//   round was compiled.
// - Self tail calls (a known callee that is the function itself, or any
//   closure of it checked at run time) jump back to the top of the function.
//   Other tail calls return kTailCall to the caller's trampoline: wasmtime 7
//   has no wasm tail calls.
#include "compiler.h"

#include "assembler.h"
#include "errors.h"
#include "heap.h"
#include "primitives.h"
#include "runtime.h"

#ifndef STRAIGHTFORWARD
#define STRAIGHTFORWARD 0
#endif

namespace {

const bool kOptimise = !STRAIGHTFORWARD;
uint32_t currentRound;

bool inCurrentRound(const Func* f) { return f && f->round == currentRound; }
bool hasCompiledCode(const Func* f) { return f && (inCurrentRound(f) || f->jitCode != 0); }

bool acceptsCount(const Func* f, int32_t argc) {
  return f->hasRest ? argc >= f->required : argc == f->required;
}

// The lambda a local callee always holds, when the source says so.
Func* knownLocalTarget(const Expr* callee) {
  if (callee->kind != ExprKind::Local || !callee->variable) return nullptr;
  const Variable* v = callee->variable;
  if (v->assigned || !v->initialiser || v->initialiser->kind != ExprKind::Lambda) return nullptr;
  return v->initialiser->func;
}

// The lambda a global callee holds now, to be guarded at run time.
Func* currentGlobalTarget(const Expr* callee) {
  if (callee->kind != ExprKind::Global) return nullptr;
  Value v = callee->cell->value;
  return hasTag(v, kClosureTag) ? closureOf(v)->func : nullptr;
}

class FunctionCompiler {
 public:
  explicit FunctionCompiler(Func* func)
      : func_(func), runtime_(runtimeLayout()), objects_(objectLayout()) {}

  // Code of the round calls this lambda directly with its arguments as wasm
  // parameters: it has a body besides its entry (planRound decided).
  static bool hasBody(const Func* f) { return f->roundIndex != f->roundEntry; }

  void compile(CompiledFunction& out) {
    asBody_ = hasBody(func_);
    if (asBody_) {
      uint32_t n = (uint32_t)func_->required;
      kDepth = n + 1;
      kBase = n + 2;
      kWide = n + 3;
      kFirstLocal = n + 4;
      nextLocal_ = kFirstLocal;
    }
    framed_ = func_->createsClosures;
    firstTemporary_ = framed_ ? 2 : 1 + (uint32_t)func_->slotCount;
    slots_ = maxSlots_ = firstTemporary_;
    cache_ = nextLocal_;
    if (!framed_) nextLocal_ += (uint32_t)func_->slotCount;
    // Inside: block $exit, loop $top.
    nesting_ = 0;
    prologue();
    expression(func_->body, true);
    if (asBody_) {
      assemble(out.parts[1]);
      assembleEntryOfBody(out.parts[0]);
      out.partCount = 2;
    } else {
      assemble(out.parts[0]);
      out.partCount = 1;
    }
  }

 private:
  // Locals: the three parameters, the depth, the slot base, an i64, then
  // temporaries.
  // The locals, by index. An entry's parameters are (closure, args, argc); a
  // body's are (closure, a1 .. an, depth). Then the declared locals: the
  // depth (an entry's), the slot base, an i64, then temporaries.
  static const uint32_t kClosure = 0;
  uint32_t kArgs = 1, kArgc = 2;  // an entry's
  uint32_t kDepth = 3, kBase = 4, kWide = 5, kFirstLocal = 6;
  // Root slots: the closure, then the frame (framed) or the variables.
  enum : uint32_t { kClosureSlot = 0, kFrameSlot = 1 };

  Func* func_;
  RuntimeLayout runtime_;
  ObjectLayout objects_;
  Assembler a_;
  bool framed_ = false;
  uint32_t firstTemporary_ = 1, slots_ = 1, maxSlots_ = 1;
  uint32_t nextLocal_ = kFirstLocal;
  uint32_t nesting_ = 0;  // blocks open inside the loop $top
  // Without a frame, variable i lives in root slot 1 + i and, for reading,
  // in local cache_ + i, reloaded from the slot after anything that may
  // collect (the collector updates the slot, not the local).
  uint32_t cache_ = 0;
  bool inPrologue_ = false;
  bool asBody_ = false;  // compiling the body that direct callers call (see hasBody)
  // Which operands the last operandLocals found to be fixnum constants: their
  // tag needs no check. Only the innermost call's notes are here, so a fast
  // path must read them before it compiles anything else.
  bool fixnum_[16] = {};

  uint32_t local() { return nextLocal_++; }
  uint32_t claimSlots(uint32_t n) {
    uint32_t first = slots_;
    slots_ += n;
    if (slots_ > maxSlots_) maxSlots_ = slots_;
    return first;
  }
  void releaseSlots(uint32_t first) { slots_ = first; }
  static uint32_t address(const void* p) { return (uint32_t)(uintptr_t)p; }

  // ---- small pieces ----

  void loadSlot(uint32_t slot) {
    a_.localGet(kBase);
    a_.i32Load(4 * slot);
  }
  // Stores the value on top of the stack into a slot (via a local).
  void storeSlot(uint32_t slot) {
    uint32_t t = local();
    a_.localSet(t);
    a_.localGet(kBase);
    a_.localGet(t);
    a_.i32Store(4 * slot);
  }
  void slotAddress(uint32_t slot) {
    a_.localGet(kBase);
    if (slot) {
      a_.i32Const((int32_t)(4 * slot));
      a_.op(Op::I32Add);
    }
  }
  void loadGlobal(uint32_t addr) {
    a_.i32Const(0);
    a_.i32Load(addr);
  }
  void storeGlobalFromLocal(uint32_t addr, uint32_t local) {
    a_.i32Const(0);
    a_.localGet(local);
    a_.i32Store(addr);
  }
  void storeDepth(uint32_t local) { storeGlobalFromLocal(runtime_.callDepthAddress, local); }
  void callHelper(uint32_t index) {
    if (index != runtime_.fail) {
      if (inPrologue_)
        syncRootTopInPrologue();
      else
        syncRootTop();
    }
    a_.i32Const((int32_t)index);
    a_.callIndirect(kCodeType);
  }
  // Before any call: rootTop just above the slots in use, so that the callee
  // (compiled code, or the runtime) claims its own slots above them and the
  // collector sees exactly them. Every slot below has been written.
  void syncRootTop() {
    a_.i32Const(0);
    slotAddress(slots_);
    a_.i32Store(runtime_.rootTopAddress);
  }
  // In the prologue the arguments may be in our own slots above the
  // variables (a self tail call put them there): cover them too.
  void syncRootTopInPrologue() {
    uint32_t variablesEnd = local(), argumentsEnd = local();
    a_.i32Const(0);
    slotAddress(firstTemporary_);
    a_.localTee(variablesEnd);
    a_.localGet(kArgs);
    a_.localGet(kArgc);
    a_.i32Const(2);
    a_.op(Op::I32Shl);
    a_.op(Op::I32Add);
    a_.localTee(argumentsEnd);
    a_.localGet(variablesEnd);
    a_.localGet(argumentsEnd);
    a_.op(Op::I32GtU);
    a_.op(Op::Select);
    a_.i32Store(runtime_.rootTopAddress);
  }
  void ifThen(BlockType t) {
    a_.ifThen(t);
    nesting_++;
  }
  void end() {
    a_.end();
    nesting_--;
  }
  // With a condition on the stack: fails with errorCode(kind, detail) and the
  // value pushValue pushes when it holds.
  template <typename PushValue>
  void failIf(int32_t code, PushValue pushValue) {
    ifThen(BlockType::None);
    a_.i32Const(code);
    pushValue();
    a_.i32Const(0);
    callHelper(runtime_.fail);
    a_.op(Op::Unreachable);
    end();
  }
  // An object's tag is `tag` (pushes the i32 condition); v is in a local.
  void hasObjectTag(uint32_t v, uintptr_t tag, uintptr_t mask = kTagMask) {
    a_.localGet(v);
    a_.i32Const(3);
    a_.op(Op::I32And);
    a_.op(Op::I32Eqz);
    ifThen(BlockType::I32);
    a_.localGet(v);
    a_.i32Load(0);
    a_.i32Const((int32_t)mask);
    a_.op(Op::I32And);
    a_.i32Const((int32_t)tag);
    a_.op(Op::I32Eq);
    a_.elseThen();
    a_.i32Const(0);
    end();
  }
  // Pushes kFalse + 4c for the i32 condition c on the stack.
  void booleanFromCondition() {
    a_.i32Const(2);
    a_.op(Op::I32Shl);
    a_.i32Const((int32_t)kFalse);
    a_.op(Op::I32Add);
  }

  // Bumps `bytes` from the allocation pointer into local `object`, leaving
  // the condition "it fitted" on the stack.
  void bump(uint32_t bytes, uint32_t object) {
    uint32_t limit = local();
    loadGlobal(runtime_.allocationNextAddress);
    a_.localTee(object);
    a_.i32Const((int32_t)bytes);
    a_.op(Op::I32Add);
    a_.localTee(limit);
    loadGlobal(runtime_.allocationLimitAddress);
    a_.op(Op::I32LeU);
    ifThen(BlockType::I32);
    storeGlobalFromLocal(runtime_.allocationNextAddress, limit);
    a_.i32Const(1);
    a_.elseThen();
    a_.i32Const(0);
    end();
  }

  // ---- variables ----

  // Pushes the address of the frame `depth` frames out (depth >= 1: from the
  // closure's environment; 0: the own frame of a framed function).
  void frame(int32_t depth) {
    if (depth == 0) {
      loadSlot(kFrameSlot);
      return;
    }
    loadSlot(kClosureSlot);
    a_.i32Load(objects_.closureEnv);
    for (int32_t d = 1; d < depth; d++) a_.i32Load(objects_.frameParent);
  }
  bool inSlot(const Expr* e) const { return e->depth == 0 && !framed_; }

  // After a call that may have collected: the cached variables again.
  void reloadVariables() {
    if (framed_) return;
    for (int32_t i = 0; i < func_->slotCount; i++) {
      loadSlot(1 + (uint32_t)i);
      a_.localSet(cache_ + (uint32_t)i);
    }
  }

  void loadVariable(const Expr* e) {
    if (inSlot(e)) {
      a_.localGet(cache_ + (uint32_t)e->index);
    } else {
      frame(e->depth);
      a_.i32Load(objects_.frameSlots + 4 * (uint32_t)e->index);
    }
    if (e->checked) {
      uint32_t v = local();
      a_.localTee(v);
      a_.op(Op::I32Eqz);
      failIf(errorCode(RuntimeError::UnsetLocal), [&] { a_.i32Const((int32_t)address(e)); });
      a_.localGet(v);
    }
  }

  // With the value in a local.
  void storeVariable(const Expr* e, uint32_t value) {
    if (inSlot(e)) {
      a_.localGet(kBase);
      a_.localGet(value);
      a_.i32Store(4 * (1 + (uint32_t)e->index));
      a_.localGet(value);
      a_.localSet(cache_ + (uint32_t)e->index);
    } else {
      frame(e->depth);
      a_.localGet(value);
      a_.i32Store(objects_.frameSlots + 4 * (uint32_t)e->index);
    }
  }

  // ---- the prologue: arguments into the frame or the slots ----

  // Fails with the wrong-count message unless the count in local `argc`
  // fits the lambda's parameters (the count is the error code's detail).
  void checkArgumentCount(Assembler& f, uint32_t argc) {
    f.localGet(argc);
    f.i32Const(func_->required);
    f.op(func_->hasRest ? Op::I32LtS : Op::I32Ne);
    f.ifThen(BlockType::None);
    f.localGet(argc);
    f.i32Const(8);
    f.op(Op::I32Shl);
    f.i32Const((int32_t)RuntimeError::ArgumentCount);
    f.op(Op::I32Or);
    f.localGet(kClosure);
    f.i32Const(0);
    f.i32Const((int32_t)runtime_.fail);
    f.callIndirect(kCodeType);
    f.op(Op::Unreachable);
    f.end();
  }

  void prologue() {
    if (asBody_) {
      bodyPrologue();
      return;
    }
    inPrologue_ = true;
    checkArgumentCount(a_, kArgc);
    a_.localGet(kBase);
    a_.localGet(kClosure);
    a_.i32Store(4 * kClosureSlot);
    if (framed_) {
      a_.localGet(kBase);
      a_.i32Const(0);
      a_.i32Store(4 * kFrameSlot);  // the collector may look before the frame is there
      uint32_t f = local();
      uint32_t bytes = objects_.frameSlots + 4 * (uint32_t)func_->slotCount;
      bump(bytes, f);
      ifThen(BlockType::I32);
      a_.localGet(f);
      a_.i32Const((int32_t)makeHeader(kFrameTag, (uint32_t)func_->slotCount));
      a_.i32Store(0);
      a_.localGet(f);
      a_.localGet(kClosure);
      a_.i32Load(objects_.closureEnv);
      a_.i32Store(objects_.frameParent);
      for (int32_t i = 0; i < func_->slotCount; i++) {
        a_.localGet(f);
        a_.i32Const(0);
        a_.i32Store(objects_.frameSlots + 4 * (uint32_t)i);
      }
      a_.localGet(f);
      a_.elseThen();
      a_.localGet(kClosure);
      a_.i32Load(objects_.closureEnv);
      a_.i32Const(func_->slotCount);
      a_.i32Const(0);
      callHelper(runtime_.makeFrame);
      end();
      storeSlot(kFrameSlot);
    } else {
      for (int32_t i = func_->required; i < func_->slotCount; i++) {
        a_.localGet(kBase);
        a_.i32Const(0);
        a_.i32Store(4 * (1 + (uint32_t)i));
        a_.i32Const(0);
        a_.localSet(cache_ + (uint32_t)i);
      }
    }
    for (int32_t i = 0; i < func_->required; i++) {
      uint32_t v = local();
      a_.localGet(kArgs);
      a_.i32Load(4 * (uint32_t)i);
      a_.localSet(v);
      storeParameter(i, v);
    }
    if (func_->hasRest) {
      uint32_t v = local();
      a_.localGet(kArgs);
      a_.i32Const(4 * func_->required);
      a_.op(Op::I32Add);
      a_.localGet(kArgc);
      a_.i32Const(func_->required);
      a_.op(Op::I32Sub);
      a_.i32Const(0);
      callHelper(runtime_.restList);
      a_.localSet(v);
      reloadVariables();
      storeParameter(func_->required, v);
    }
    inPrologue_ = false;
  }

  // A body's arguments are checked by its callers and arrive in parameters;
  // it has no frame and no rest parameter, so nothing here allocates.
  void bodyPrologue() {
    a_.localGet(kBase);
    a_.localGet(kClosure);
    a_.i32Store(4 * kClosureSlot);
    for (int32_t i = func_->required; i < func_->slotCount; i++) {
      a_.localGet(kBase);
      a_.i32Const(0);
      a_.i32Store(4 * (1 + (uint32_t)i));
      a_.i32Const(0);
      a_.localSet(cache_ + (uint32_t)i);
    }
    for (int32_t i = 0; i < func_->required; i++) storeParameter(i, 1 + (uint32_t)i);
  }

  void storeParameter(int32_t index, uint32_t value) {
    if (framed_) {
      loadSlot(kFrameSlot);
      a_.localGet(value);
      a_.i32Store(objects_.frameSlots + 4 * (uint32_t)index);
    } else {
      a_.localGet(kBase);
      a_.localGet(value);
      a_.i32Store(4 * (1 + (uint32_t)index));
      a_.localGet(value);
      a_.localSet(cache_ + (uint32_t)index);
    }
  }

  // ---- expressions ----

  void expression(const Expr* e, bool tail) {
    switch (e->kind) {
      case ExprKind::Constant: a_.i32Const((int32_t)e->value); return;
      case ExprKind::Local: loadVariable(e); return;
      case ExprKind::Global: {
        uint32_t v = local();
        a_.i32Const((int32_t)address(e->cell));
        a_.i32Load(objects_.cellValue);
        a_.localTee(v);
        a_.op(Op::I32Eqz);
        failIf(errorCode(RuntimeError::UnboundGlobal), [&] { a_.i32Const((int32_t)address(e)); });
        a_.localGet(v);
        return;
      }
      case ExprKind::SetLocal: {
        uint32_t v = local();
        expression(e->a, false);
        a_.localSet(v);
        storeVariable(e, v);
        a_.i32Const((int32_t)kUnspecified);
        return;
      }
      case ExprKind::SetGlobal:
      case ExprKind::DefineGlobal: {
        uint32_t v = local();
        expression(e->a, false);
        a_.localSet(v);
        if (e->kind == ExprKind::SetGlobal) {
          a_.i32Const((int32_t)address(e->cell));
          a_.i32Load(objects_.cellValue);
          a_.op(Op::I32Eqz);
          failIf(errorCode(RuntimeError::UnboundGlobal), [&] { a_.i32Const((int32_t)address(e)); });
        }
        a_.i32Const((int32_t)address(e->cell));
        a_.localGet(v);
        a_.i32Store(objects_.cellValue);
        a_.i32Const((int32_t)kUnspecified);
        return;
      }
      case ExprKind::If:
        condition(e->a);
        ifThen(BlockType::I32);
        expression(e->b, tail);
        a_.elseThen();
        expression(e->c, tail);
        end();
        return;
      case ExprKind::Lambda: closure(e->func); return;
      case ExprKind::Sequence:
        for (int32_t i = 0; i < e->count - 1; i++) {
          expression(e->items[i], false);
          a_.op(Op::Drop);
        }
        expression(e->items[e->count - 1], tail);
        return;
      case ExprKind::PrimitiveCall: primitiveCall(e, tail); return;
      case ExprKind::Call: call(e, tail); return;
    }
  }

  // Pushes the i32 condition "e is true" (not #f).
  void condition(const Expr* e) {
    if (kOptimise && e->kind == ExprKind::PrimitiveCall && e->count == 2 && comparison((Prim)e->primitive)) {
      uint32_t values[kMaxOperandLocals];
      operandLocals(e->items, 2, values);
      compare((Prim)e->primitive, values, true);
      return;
    }
    expression(e, false);
    a_.i32Const((int32_t)kFalse);
    a_.op(Op::I32Ne);
  }

  static bool comparison(Prim p) {
    return p == Prim::Less || p == Prim::Greater || p == Prim::LessEqual || p == Prim::GreaterEqual ||
           p == Prim::NumberEqual || p == Prim::IsEq || p == Prim::IsEqv;
  }

  void closure(Func* target) {
    uint32_t c = local();
    bump(objects_.closureBytes, c);
    ifThen(BlockType::I32);
    a_.localGet(c);
    a_.i32Const((int32_t)kClosureTag);
    a_.i32Store(0);
    a_.localGet(c);
    a_.i32Const((int32_t)address(target));
    a_.i32Store(objects_.closureFunc);
    a_.localGet(c);
    loadSlot(kFrameSlot);  // a function that makes closures is framed
    a_.i32Store(objects_.closureEnv);
    a_.localGet(c);
    a_.elseThen();
    a_.i32Const((int32_t)address(target));
    loadSlot(kFrameSlot);
    a_.i32Const(0);
    callHelper(runtime_.makeClosure);
    end();
  }

  // Evaluates the expressions into `n` fresh consecutive slots; returns the
  // first. Each slot is claimed once its value is there (the expressions
  // after it use the slots above).
  uint32_t operands(Expr* const* items, int32_t n) {
    uint32_t first = slots_;
    for (int32_t i = 0; i < n; i++) {
      expression(items[i], false);
      storeSlot(claimSlots(1));
    }
    return first;
  }

  // ---- primitives ----

  // The primitive's own function on the arguments in slots [first, first+n).
  void genericPrimitive(Prim p, uint32_t first, int32_t n) {
    storeDepth(kDepth);  // map, apply and friends count their calls from here
    a_.i32Const((int32_t)p);
    slotAddress(first);
    a_.i32Const(n);
    callHelper(runtime_.primitive);
    if (primitiveInfo(p).allocates()) reloadVariables();
    if (primitiveInfo(p).callsProcedures()) leaveIfUnwinding();
  }

  void primitiveCall(const Expr* e, bool tail) {
    Prim p = (Prim)e->primitive;
    int32_t n = e->count;
    if (p == Prim::Apply && tail) {
      uint32_t first = operands(e->items, n);
      storeDepth(kDepth);
      slotAddress(first);
      a_.i32Const(n);
      a_.i32Const(0);
      callHelper(runtime_.applyTail);  // kTailCall, or the result of a call it made itself
      a_.br(nesting_ + 1);
      releaseSlots(first);
      return;
    }
    if (kOptimise && hasFastPath(p, n)) {
      uint32_t values[kMaxOperandLocals];
      operandLocals(e->items, n, values);
      if (comparison(p)) {
        compare(p, values, false);
      } else {
        fastPath(p, values, n);
      }
      return;
    }
    uint32_t first = operands(e->items, n);
    genericPrimitive(p, first, n);
    releaseSlots(first);
  }

  static bool hasFastPath(Prim p, int32_t n) {
    switch (p) {
      case Prim::Less: case Prim::Greater: case Prim::LessEqual: case Prim::GreaterEqual:
      case Prim::NumberEqual: case Prim::IsEq: case Prim::IsEqv:
      case Prim::Add: case Prim::Subtract: case Prim::Multiply: case Prim::Cons:
      case Prim::VectorRef:
        return n == 2;
      case Prim::IsNull: case Prim::Not: case Prim::IsPair: case Prim::IsZero:
      case Prim::Car: case Prim::Cdr:
        return n == 1;
      case Prim::VectorSet: return n == 3;
      default: return false;
    }
  }

  // Whether evaluating e may start a collection (and so move objects).
  static bool mayCollect(const Expr* e) {
    switch (e->kind) {
      case ExprKind::Constant:
      case ExprKind::Local:
      case ExprKind::Global: return false;
      case ExprKind::SetLocal:
      case ExprKind::SetGlobal:
      case ExprKind::DefineGlobal: return mayCollect(e->a);
      case ExprKind::If: return mayCollect(e->a) || mayCollect(e->b) || mayCollect(e->c);
      case ExprKind::Lambda:
      case ExprKind::Call: return true;
      case ExprKind::Sequence:
      case ExprKind::PrimitiveCall:
        if (e->kind == ExprKind::PrimitiveCall && primitiveInfo((Prim)e->primitive).allocates()) return true;
        for (int32_t i = 0; i < e->count; i++)
          if (mayCollect(e->items[i])) return true;
        return false;
    }
    return true;
  }

  // Evaluates the operands into wasm locals. An operand that a later one may
  // move (by starting a collection) waits in a root slot meanwhile.
  // At most kMaxOperandLocals of them.
  static const int32_t kMaxOperandLocals = 16;
  void operandLocals(Expr* const* items, int32_t n, uint32_t* values) {
    bool spill[kMaxOperandLocals] = {};
    for (int32_t i = 0; i < n; i++)
      for (int32_t j = i + 1; j < n; j++)
        if (mayCollect(items[j])) spill[i] = true;
    uint32_t first = slots_, slot;
    for (int32_t i = 0; i < n; i++) {
      values[i] = local();
      expression(items[i], false);
      a_.localSet(values[i]);
      if (spill[i]) {
        slot = claimSlots(1);
        a_.localGet(kBase);
        a_.localGet(values[i]);
        a_.i32Store(4 * slot);
      }
    }
    slot = first;
    for (int32_t i = 0; i < n; i++) {
      if (!spill[i]) continue;
      loadSlot(slot++);
      a_.localSet(values[i]);
    }
    releaseSlots(first);
    // Only now: compiling an operand compiles the operands inside it, which
    // note their own constants here.
    for (int32_t i = 0; i < n; i++)
      fixnum_[i] = items[i]->kind == ExprKind::Constant && isInteger(items[i]->value);
  }

  // The primitive's own function on values in locals: the slow path of a
  // fast one (it reports the error, or does the rare case).
  void slowPrimitive(Prim p, const uint32_t* values, int32_t n) {
    uint32_t first = claimSlots((uint32_t)n);
    for (int32_t i = 0; i < n; i++) {
      a_.localGet(kBase);
      a_.localGet(values[i]);
      a_.i32Store(4 * (first + (uint32_t)i));
    }
    genericPrimitive(p, first, n);
    releaseSlots(first);
  }

  // Pushes the condition "both are fixnums", leaving out the constants' checks.
  void bothFixnums(uint32_t x, uint32_t y) {
    bool knownX = fixnum_[0], knownY = fixnum_[1];
    if (knownX && knownY) {
      a_.i32Const(1);
      return;
    }
    a_.localGet(knownX ? y : x);
    if (!knownX && !knownY) {
      a_.localGet(y);
      a_.op(Op::I32And);
    }
    a_.i32Const(1);
    a_.op(Op::I32And);
  }

  // Two-argument tests: the i32 condition when `asCondition`, else a boolean.
  void compare(Prim p, const uint32_t* v, bool asCondition) {
    uint32_t x = v[0], y = v[1];
    if (p == Prim::IsEqv) return eqvTest(v, asCondition);
    bool numeric = p != Prim::IsEq && p != Prim::IsEqv;
    if (numeric) {
      bothFixnums(x, y);
      ifThen(BlockType::I32);
    }
    a_.localGet(x);
    a_.localGet(y);
    switch (p) {
      case Prim::Less: a_.op(Op::I32LtS); break;
      case Prim::Greater: a_.op(Op::I32GtS); break;
      case Prim::LessEqual: a_.op(Op::I32LeS); break;
      case Prim::GreaterEqual: a_.op(Op::I32GeS); break;
      default: a_.op(Op::I32Eq); break;
    }
    if (numeric) {
      a_.elseThen();
      slowPrimitive(p, v, 2);  // reports the wrong type
      a_.i32Const((int32_t)kFalse);
      a_.op(Op::I32Ne);
      end();
    }
    if (!asCondition) booleanFromCondition();
  }

  // eqv?: the same word, or else (boxed numbers) the primitive when both are objects.
  void eqvTest(const uint32_t* v, bool asCondition) {
    a_.localGet(v[0]);
    a_.localGet(v[1]);
    a_.op(Op::I32Eq);
    ifThen(BlockType::I32);
    a_.i32Const(1);
    a_.elseThen();
    a_.localGet(v[0]);
    a_.localGet(v[1]);
    a_.op(Op::I32Or);
    a_.i32Const(3);
    a_.op(Op::I32And);
    a_.op(Op::I32Eqz);
    ifThen(BlockType::I32);
    slowPrimitive(Prim::IsEqv, v, 2);
    a_.i32Const((int32_t)kFalse);
    a_.op(Op::I32Ne);
    a_.elseThen();
    a_.i32Const(0);
    end();
    end();
    if (!asCondition) booleanFromCondition();
  }

  // The fast paths of hasFastPath's primitives, on values in locals.
  void fastPath(Prim p, const uint32_t* v, int32_t n) {
    switch (p) {
      case Prim::Add:
      case Prim::Subtract:
      case Prim::Multiply:
        arithmetic(p, v);
        return;
      case Prim::IsNull:
      case Prim::Not:
        a_.localGet(v[0]);
        a_.i32Const((int32_t)(p == Prim::IsNull ? kNil : kFalse));
        a_.op(Op::I32Eq);
        booleanFromCondition();
        return;
      case Prim::IsPair:
        hasObjectTag(v[0], kPairTag);
        booleanFromCondition();
        return;
      case Prim::IsZero:
        a_.localGet(v[0]);
        a_.i32Const(1);
        a_.op(Op::I32And);
        ifThen(BlockType::I32);
        a_.localGet(v[0]);
        a_.i32Const((int32_t)makeInteger(0));
        a_.op(Op::I32Eq);
        booleanFromCondition();
        a_.elseThen();
        slowPrimitive(p, v, n);
        end();
        return;
      case Prim::Car:
      case Prim::Cdr:
        hasObjectTag(v[0], kPairTag);
        ifThen(BlockType::I32);
        a_.localGet(v[0]);
        a_.i32Load(p == Prim::Car ? objects_.pairCar : objects_.pairCdr);
        a_.elseThen();
        slowPrimitive(p, v, n);
        end();
        return;
      case Prim::Cons: {
        uint32_t c = local();
        bump(objects_.pairBytes, c);
        ifThen(BlockType::I32);
        a_.localGet(c);
        a_.i32Const((int32_t)kPairTag);
        a_.i32Store(0);
        a_.localGet(c);
        a_.localGet(v[0]);
        a_.i32Store(objects_.pairCar);
        a_.localGet(c);
        a_.localGet(v[1]);
        a_.i32Store(objects_.pairCdr);
        a_.localGet(c);
        a_.elseThen();
        a_.localGet(v[0]);  // the helper roots them while it collects
        a_.localGet(v[1]);
        a_.i32Const(0);
        callHelper(runtime_.makePair);
        reloadVariables();
        end();
        return;
      }
      case Prim::VectorRef:
      case Prim::VectorSet: {
        // A vector (mutable for vector-set!) and a fixnum index below its length.
        uint32_t vector = v[0], k = v[1];
        hasObjectTag(vector, kVectorTag, p == Prim::VectorSet ? 0xff : kTagMask);
        ifThen(BlockType::I32);
        a_.localGet(k);
        a_.i32Const(1);
        a_.op(Op::I32And);
        ifThen(BlockType::I32);
        a_.localGet(k);
        a_.i32Const(1);
        a_.op(Op::I32ShrS);
        a_.localGet(vector);
        a_.i32Load(objects_.vectorLength);
        a_.op(Op::I32LtU);  // also false for a negative index
        a_.elseThen();
        a_.i32Const(0);
        end();
        a_.elseThen();
        a_.i32Const(0);
        end();
        ifThen(BlockType::I32);
        // vector + 4 * (k >> 1) = vector + 2 * (k - 1)
        a_.localGet(vector);
        a_.localGet(k);
        a_.i32Const(1);
        a_.op(Op::I32Sub);
        a_.i32Const(1);
        a_.op(Op::I32Shl);
        a_.op(Op::I32Add);
        if (p == Prim::VectorRef) {
          a_.i32Load(objects_.vectorElements);
        } else {
          a_.localGet(v[2]);
          a_.i32Store(objects_.vectorElements);
          a_.i32Const((int32_t)kUnspecified);
        }
        a_.elseThen();
        slowPrimitive(p, v, n);
        end();
        return;
      }
      default: __builtin_trap();  // hasFastPath said yes
    }
  }

  // Tagged fixnums in i64: a+b-1, a-b+1, (a-1)*(b>>1)+1, then the range
  // check; anything else is the primitive's business.
  void arithmetic(Prim p, const uint32_t* v) {
    uint32_t x = v[0], y = v[1];
    bothFixnums(x, y);
    ifThen(BlockType::I32);
    if (p == Prim::Multiply) {
      a_.localGet(x);
      a_.i32Const(1);
      a_.op(Op::I32Sub);
      a_.op(Op::I64ExtendI32S);
      a_.localGet(y);
      a_.i32Const(1);
      a_.op(Op::I32ShrS);
      a_.op(Op::I64ExtendI32S);
      a_.op(Op::I64Mul);
      a_.i64Const(1);
      a_.op(Op::I64Add);
    } else {
      a_.localGet(x);
      a_.op(Op::I64ExtendI32S);
      a_.localGet(y);
      a_.op(Op::I64ExtendI32S);
      a_.op(p == Prim::Add ? Op::I64Add : Op::I64Sub);
      a_.i64Const(p == Prim::Add ? -1 : 1);
      a_.op(Op::I64Add);
    }
    a_.localTee(kWide);
    a_.i64Const(INT64_C(1) << 31);
    a_.op(Op::I64Add);
    a_.i64Const(INT64_C(1) << 32);
    a_.op(Op::I64LtU);
    a_.elseThen();
    a_.i32Const(0);
    end();
    ifThen(BlockType::I32);
    a_.localGet(kWide);
    a_.op(Op::I32WrapI64);
    a_.elseThen();
    slowPrimitive(p, v, 2);  // the wrong type, or the overflow
    end();
  }

  // ---- calls ----

  void call(const Expr* e, bool tail) {
    int32_t n = e->count;
    Func* known = kOptimise ? knownLocalTarget(e->a) : nullptr;
    bool global = false;
    if (kOptimise && !known) {
      known = currentGlobalTarget(e->a);
      global = known != nullptr;
    }
    if (!tail && inCurrentRound(known) && hasBody(known) && known->required == n &&
        n + 1 <= kMaxOperandLocals) {
      bodyCall(e, known, global);
      return;
    }
    uint32_t first = slots_;
    expression(e->a, false);
    storeSlot(claimSlots(1));
    operands(e->items, n);
    Func* local = global ? nullptr : known;
    Func* guarded = global ? known : nullptr;
    if (tail && n <= (int32_t)runtime_.maxTailArguments) {
      tailCall(local, guarded, first, n);
    } else {
      nonTailCall(local, guarded, first, n);  // (in tail position: too many arguments for the registers)
    }
    releaseSlots(first);
  }

  // A non-tail call of a lambda of this round that has a body, with the
  // callee and the arguments in locals. A global callee is guarded: if it no
  // longer holds a closure of the lambda, the call is an unknown one.
  void bodyCall(const Expr* e, Func* target, bool global) {
    int32_t n = e->count;
    Expr* items[kMaxOperandLocals];
    items[0] = e->a;
    for (int32_t i = 0; i < n; i++) items[1 + i] = e->items[i];
    uint32_t values[kMaxOperandLocals];
    operandLocals(items, n + 1, values);
    uint32_t depth = enterCall();
    // Direct when not too deep (and, for a global, the guard holds).
    tooDeep(depth);
    a_.op(Op::I32Eqz);
    if (global) {
      guardFunc(values[0], target);
      a_.op(Op::I32And);
    }
    ifThen(BlockType::I32);
    syncRootTop();
    for (int32_t i = 0; i <= n; i++) a_.localGet(values[i]);
    a_.localGet(depth);
    a_.call(target->roundIndex);
    reloadVariables();
    if (returnsTailCalls(target)) finishTailCallIfReturned(depth);
    a_.elseThen();
    uint32_t first = slots_;
    for (int32_t i = 0; i <= n; i++) {
      a_.localGet(kBase);
      a_.localGet(values[i]);
      a_.i32Store(4 * claimSlots(1));
    }
    if (global) {
      tooDeep(depth);
      ifThen(BlockType::I32);
      applyCall(values[0], first, n);
      a_.elseThen();
      unknownCall(values[0], first, n, depth);
      finishTailCallIfReturned(depth);
      end();
    } else {
      applyCall(values[0], first, n);
    }
    releaseSlots(first);
    end();
    leaveIfUnwinding();
  }

  // Whether compiled code of f may return kTailCall: a call in tail position
  // that is not a loop back into f itself.
  static bool returnsTailCalls(const Func* f) { return tailCallsOut(f->body, f); }
  static bool tailCallsOut(const Expr* e, const Func* self) {
    switch (e->kind) {
      case ExprKind::If: return tailCallsOut(e->b, self) || tailCallsOut(e->c, self);
      case ExprKind::Sequence: return tailCallsOut(e->items[e->count - 1], self);
      case ExprKind::PrimitiveCall: return (Prim)e->primitive == Prim::Apply;
      case ExprKind::Call: {
        Func* target = knownLocalTarget(e->a);
        return !(target == self && acceptsCount(self, e->count));
      }
      default: return false;
    }
  }

  // With a call's result on the stack: makes the tail call it may have
  // handed back (kTailCall), at the call's depth.
  void finishTailCallIfReturned(uint32_t depth) {
    uint32_t result = local();
    a_.localTee(result);
    a_.i32Const((int32_t)kTailCall);
    a_.op(Op::I32Eq);
    ifThen(BlockType::I32);
    storeDepth(depth);
    a_.i32Const(0);
    a_.i32Const(0);
    a_.i32Const(0);
    callHelper(runtime_.finishTailCall);
    reloadVariables();
    a_.elseThen();
    a_.localGet(result);
    end();
  }

  // Counts the call: its depth is kDepth + 1 (in the returned local).
  uint32_t enterCall() {
    uint32_t d = local();
    a_.localGet(kDepth);
    a_.i32Const(1);
    a_.op(Op::I32Add);
    a_.localSet(d);
    return d;
  }
  // Pushes the condition: a call at depth d nests too deep for the wasm
  // stack, or compiled code's slots crowd the root stack. Such a call goes to
  // the interpreter instead (applyCall), which carries the recursion on in
  // linear memory.
  void tooDeep(uint32_t d) {
    a_.localGet(d);
    loadGlobal(runtime_.compiledDepthLimitAddress);
    a_.op(Op::I32GtS);
    a_.localGet(kBase);
    a_.i32Const((int32_t)runtime_.rootCompiledLimit);
    a_.op(Op::I32GtU);
    a_.op(Op::I32Or);
  }

  // The call through the runtime's apply helper, which interprets, calls
  // primitives and reports errors.
  void applyCall(uint32_t callee, uint32_t first, int32_t n) {
    storeDepth(kDepth);  // apply counts the call itself
    a_.localGet(callee);
    slotAddress(first + 1);
    a_.i32Const(n);
    callHelper(runtime_.apply);
    reloadVariables();
  }

  void nonTailCall(Func* local, Func* global, uint32_t first, int32_t n) {
    uint32_t depth = enterCall();
    uint32_t callee = this->local();
    loadSlot(first);
    a_.localSet(callee);
    tooDeep(depth);
    ifThen(BlockType::I32);
    applyCall(callee, first, n);
    a_.elseThen();
    Func* known = local ? local : global;
    if (known && hasCompiledCode(known) && acceptsCount(known, n)) {
      if (global) {
        guardFunc(callee, known);
        ifThen(BlockType::I32);
      }
      directCall(known, callee, first, n, depth);
      if (global) {
        a_.elseThen();
        unknownCall(callee, first, n, depth);
        end();
      }
    } else {
      unknownCall(callee, first, n, depth);
    }
    // A callee may hand back a tail call for us to make (at the call's depth).
    finishTailCallIfReturned(depth);
    end();
    leaveIfUnwinding();
  }

  // With a call's result on the stack: returns kUnwinding at once if that is
  // what the call returned, a continuation being thrown to below us
  // (continuations.h). The function's exit gives back its slots and depth.
  void leaveIfUnwinding() {
    uint32_t result = local();
    a_.localTee(result);
    a_.i32Const((int32_t)kUnwinding);
    a_.op(Op::I32Eq);
    ifThen(BlockType::None);
    a_.i32Const((int32_t)kUnwinding);
    a_.br(nesting_ + 1);  // out of the loop and the function's block
    end();
    a_.localGet(result);
  }

  // The condition: callee is a closure of f.
  void guardFunc(uint32_t callee, const Func* f) {
    hasObjectTag(callee, kClosureTag);
    ifThen(BlockType::I32);
    a_.localGet(callee);
    a_.i32Load(objects_.closureFunc);
    a_.i32Const((int32_t)address(f));
    a_.op(Op::I32Eq);
    a_.elseThen();
    a_.i32Const(0);
    end();
  }

  void directCall(const Func* target, uint32_t callee, uint32_t first, int32_t n, uint32_t depth) {
    syncRootTop();
    a_.localGet(callee);
    if (inCurrentRound(target) && hasBody(target)) {
      for (int32_t i = 0; i < n; i++) loadSlot(first + 1 + (uint32_t)i);
      a_.localGet(depth);
      a_.call(target->roundIndex);
      reloadVariables();
      return;
    }
    storeDepth(depth);  // an entry reads the depth from memory
    slotAddress(first + 1);
    a_.i32Const(n);
    if (inCurrentRound(target)) {
      a_.call(target->roundEntry);
    } else {
      a_.i32Const(target->jitCode);
      a_.callIndirect(kCodeType);
    }
    reloadVariables();
  }

  // Straight to the callee's compiled entry when it is a closure with one;
  // through apply (which interprets, calls primitives and reports errors)
  // otherwise.
  void unknownCall(uint32_t callee, uint32_t first, int32_t n, uint32_t depth) {
    uint32_t code = local();
    if (kOptimise) {
      hasObjectTag(callee, kClosureTag);
      ifThen(BlockType::I32);
      a_.localGet(callee);
      a_.i32Load(objects_.closureFunc);
      a_.i32Load(objects_.funcJitCode);
      a_.elseThen();
      a_.i32Const(0);
      end();
      a_.localTee(code);
      ifThen(BlockType::I32);
      syncRootTop();
      storeDepth(depth);  // for the entry
      a_.localGet(callee);
      slotAddress(first + 1);
      a_.i32Const(n);
      a_.localGet(code);
      a_.callIndirect(kCodeType);
      reloadVariables();
      a_.elseThen();
    }
    applyCall(callee, first, n);
    if (kOptimise) end();
  }

  void tailCall(Func* local, Func* global, uint32_t first, int32_t n) {
    uint32_t callee = this->local();
    loadSlot(first);
    a_.localSet(callee);
    if (kOptimise && acceptsCount(func_, n)) {
      if (local == func_) {
        selfTailCall(callee, first, n);
        return;
      }
      // Any closure of this very function loops too.
      guardFunc(callee, func_);
      ifThen(BlockType::None);
      selfTailCall(callee, first, n);
      end();
    }
    (void)global;
    // Any other tail call goes back to the caller's trampoline.
    a_.i32Const((int32_t)runtime_.tailCalleeAddress);
    a_.localGet(callee);
    a_.i32Store(0);
    a_.i32Const((int32_t)runtime_.tailCountAddress);
    a_.i32Const(n);
    a_.i32Store(0);
    for (int32_t i = 0; i < n; i++) {
      a_.i32Const((int32_t)runtime_.tailArgumentsAddress);
      loadSlot(first + 1 + (uint32_t)i);
      a_.i32Store(4 * (uint32_t)i);
    }
    a_.i32Const((int32_t)kTailCall);
    a_.br(nesting_ + 1);  // out of the loop and the function's block
  }

  // Restarts the loop with the new closure and arguments (in our slots,
  // above the ones the prologue writes).
  void selfTailCall(uint32_t callee, uint32_t first, int32_t n) {
    a_.localGet(callee);
    a_.localSet(kClosure);
    if (asBody_) {
      for (int32_t i = 0; i < n; i++) {
        loadSlot(first + 1 + (uint32_t)i);
        a_.localSet(1 + (uint32_t)i);
      }
      a_.br(nesting_);
      return;
    }
    slotAddress(first + 1);
    a_.localSet(kArgs);
    a_.i32Const(n);
    a_.localSet(kArgc);
    a_.br(nesting_);
  }

  // ---- the function ----

  // The function itself: an entry, or (asBody_) the body direct callers call.
  void assemble(CompiledPart& out) {
    uint32_t newTop = local(), result = local();
    int32_t extra = frameWeight() - 1;
    Assembler head;
    if (!asBody_) {
      head.i32Const(0);
      head.i32Load(runtime_.callDepthAddress);
      head.localSet(kDepth);
    }
    if (extra > 0) {  // the frame counts for more than one call from here on
      head.localGet(kDepth);
      head.i32Const(extra);
      head.op(Op::I32Add);
      head.localSet(kDepth);
    }
    // The slots start at rootTop; they must fit below rootLimit. They are
    // claimed (rootTop moved above them) only before a call: see syncRootTop.
    head.i32Const(0);
    head.i32Load(runtime_.rootTopAddress);
    head.localTee(kBase);
    head.i32Const((int32_t)(4 * maxSlots_));
    head.op(Op::I32Add);
    head.localTee(newTop);
    head.i32Const((int32_t)runtime_.rootLimit);
    head.op(Op::I32GtU);
    head.ifThen(BlockType::None);
    head.i32Const(errorCode(RuntimeError::TooDeep));
    head.i32Const(0);
    head.i32Const(0);
    head.i32Const((int32_t)runtime_.fail);
    head.callIndirect(kCodeType);
    head.op(Op::Unreachable);
    head.end();
    head.block(BlockType::I32);
    head.loop(BlockType::I32);
    out.code.append(head.code());
    out.code.append(a_.code());
    Assembler tailEnd;
    tailEnd.end();  // loop
    tailEnd.end();  // block
    tailEnd.localSet(result);
    tailEnd.i32Const(0);
    tailEnd.localGet(kBase);
    tailEnd.i32Store(runtime_.rootTopAddress);
    if (!asBody_) {  // a body's caller keeps its own depth
      tailEnd.i32Const(0);
      tailEnd.localGet(kDepth);
      if (extra > 0) {
        tailEnd.i32Const(extra);
        tailEnd.op(Op::I32Sub);
      }
      tailEnd.i32Store(runtime_.callDepthAddress);
    }
    tailEnd.localGet(result);
    out.code.append(tailEnd.code());
    out.typeIndex = asBody_ ? bodyType((uint32_t)func_->required) : kCodeType;
    out.leadingI32Locals = asBody_ ? 1 : 2;  // (kDepth,) kBase
    out.i64Locals = 1;                       // kWide
    out.i32Locals = nextLocal_ - kFirstLocal;
  }

  // How many calls this function's frame counts as toward the compiled depth
  // budget (evaluator.h): the engine's frame grows with the locals (V8's
  // baseline tier spills each to the stack), so a wide function takes more
  // stack per level than the budget's unit, a small recursive function with
  // about 20 locals. Measured under V8 (guest/test/stack-budget.mjs): about
  // 66 bytes a frame plus 4 a local, 148 for the unit; one more call per 32
  // locals covers that.
  int32_t frameWeight() const { return 1 + (int32_t)(nextLocal_ / kLocalsPerCall); }
  static const uint32_t kLocalsPerCall = 32;

  // The entry of a lambda that has a body: checks the count, and calls the
  // body with the arguments and the runtime's depth, which it then restores.
  void assembleEntryOfBody(CompiledPart& out) {
    const uint32_t args = 1, argc = 2, depth = 3, result = 4;
    Assembler f;
    checkArgumentCount(f, argc);
    f.localGet(kClosure);
    for (int32_t i = 0; i < func_->required; i++) {
      f.localGet(args);
      f.i32Load(4 * (uint32_t)i);
    }
    f.i32Const(0);
    f.i32Load(runtime_.callDepthAddress);
    f.localTee(depth);
    f.call(func_->roundIndex);
    f.localSet(result);
    f.i32Const(0);  // the body's direct callees may have left a deeper count there
    f.localGet(depth);
    f.i32Store(runtime_.callDepthAddress);
    f.localGet(result);
    out.code.append(f.code());
    out.typeIndex = kCodeType;
    out.leadingI32Locals = 0;
    out.i64Locals = 0;
    out.i32Locals = 2;  // depth, result
  }
};


// Marks (roundIndex = 1) the lambdas of the round that the code of e calls
// directly with exactly their parameters: known callees of non-tail calls
// (tail calls loop or go back to a trampoline). Only a lambda without a frame
// or a rest parameter gets a body: its arguments can stay wasm values until
// its prologue puts them in its slots.
void noteDirectCalls(const Expr* e, bool tail) {
  switch (e->kind) {
    case ExprKind::Constant:
    case ExprKind::Local:
    case ExprKind::Global:
    case ExprKind::Lambda: return;  // its body is another function
    case ExprKind::SetLocal:
    case ExprKind::SetGlobal:
    case ExprKind::DefineGlobal: noteDirectCalls(e->a, false); return;
    case ExprKind::If:
      noteDirectCalls(e->a, false);
      noteDirectCalls(e->b, tail);
      noteDirectCalls(e->c, tail);
      return;
    case ExprKind::Sequence:
      for (int32_t i = 0; i < e->count; i++) noteDirectCalls(e->items[i], tail && i == e->count - 1);
      return;
    case ExprKind::PrimitiveCall:
      for (int32_t i = 0; i < e->count; i++) noteDirectCalls(e->items[i], false);
      return;
    case ExprKind::Call: {
      Func* target = knownLocalTarget(e->a);
      if (!target) target = currentGlobalTarget(e->a);
      if (!tail && inCurrentRound(target) && !target->createsClosures && !target->hasRest &&
          target->required == e->count)
        target->roundIndex = 1;
      noteDirectCalls(e->a, false);
      for (int32_t i = 0; i < e->count; i++) noteDirectCalls(e->items[i], false);
      return;
    }
  }
}

}  // namespace

uint32_t planRound(Func** funcs, uint32_t count) {
  currentRound++;
  for (uint32_t i = 0; i < count; i++) {
    funcs[i]->round = currentRound;
    funcs[i]->roundIndex = 0;
  }
  if (kOptimise)
    for (uint32_t i = 0; i < count; i++) noteDirectCalls(funcs[i]->body, true);
  // An entry, then a body when code of the round calls it directly.
  uint32_t next = 0;
  for (uint32_t i = 0; i < count; i++) {
    bool calledDirectly = funcs[i]->roundIndex != 0;
    funcs[i]->roundEntry = next++;
    funcs[i]->roundIndex = calledDirectly ? next++ : funcs[i]->roundEntry;
  }
  return next;
}

void compileFunction(Func* func, CompiledFunction& out) {
  FunctionCompiler compiler(func);
  compiler.compile(out);
}
