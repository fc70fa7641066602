// The optimising JIT: one lambda to one or two wasm functions, compiled with
// what the round knows about the other functions it compiles.
//
// What it does beyond baseline_compiler.cc (each measured in bench.mjs):
// - Known callees. A call whose callee is a letrec variable bound to a lambda
//   calls that lambda's code directly: `call` when it is compiled in the same
//   round, call_indirect at its known table slot when an earlier round
//   compiled it. Such a variable holds, once set, only the closure its lambda
//   made (variables are never assigned), so the check that it is set is the
//   guard that the callee's function is the expected one.
// - The call depth in a parameter. A lambda that code of its round calls
//   directly becomes two wasm functions: a body (closure, argument, depth) ->
//   result, and an entry of the compiled-code type that reads the runtime's
//   callDepth, calls the body and writes callDepth back. Direct calls pass
//   depth + 1 to the body, so a call costs a compare instead of a load and
//   two stores in linear memory; the body writes its depth to callDepth only
//   before it calls into the runtime or through the table. Any other lambda
//   is one function, the entry, with the depth in a local.
// - Small known callees (no call in tail position, never allocating) are
//   inlined, one level deep, at the depth the call would have had.
// - Calls to unknown callees (closures) go straight to the callee's compiled
//   entry when it has one, with apply's checks inline; apply only interprets.
// - Inline allocation: frames and closures are bumped from the heap's
//   allocation pointer; the helpers run only when the half is full.
// - Functions that never allocate. A function that creates no closure and
//   whose calls all go directly to compiled functions that never allocate
//   (a fixpoint over the round) cannot start a collection, so nothing it
//   holds can move: its values stay in wasm locals and it uses no root slots.
// - Tagged arithmetic without untagging: a tagged integer 2n+1 covers exactly
//   the i32 range, so 31-bit overflow is 32-bit overflow of the tagged sum.
//   Adding a constant is one add and one compare; comparisons feeding an `if`
//   never build a tagged boolean; a variable whose tag has been checked once
//   is not checked again on the paths that follow.
// - Self tail calls to a known callee jump to the top of the function without
//   a run-time check.
#include "compiler.h"

#include "compiled_frame.h"

namespace {

uint32_t currentRound;

// The lambda whose closure a callee always is, when the source says so.
Func* knownTarget(const Expr* callee) {
  if (callee->kind != ExprKind::Variable || !callee->binder) return nullptr;
  const Expr* initialiser = callee->binder->a;
  return initialiser->kind == ExprKind::Lambda ? initialiser->func : nullptr;
}

bool inCurrentRound(const Func* f) { return f->round == currentRound; }

// Compiled code exists for target once this round is linked.
bool hasCompiledCode(const Func* target) {
  return target && (inCurrentRound(target) || target->jitCode != 0);
}

bool callNeverCollects(const Func* target) {
  if (!hasCompiledCode(target)) return false;  // the interpreter allocates frames
  return inCurrentRound(target) ? target->roundNeverCollects : target->compiledNeverCollects;
}

// Whether evaluating e (in a function without frames) may allocate.
bool mayCollect(const Expr* e) {
  switch (e->kind) {
    case ExprKind::Integer:
    case ExprKind::Variable: return false;
    case ExprKind::Lambda: return true;
    case ExprKind::Letrec:
    case ExprKind::Primitive: return mayCollect(e->a) || mayCollect(e->b);
    case ExprKind::If: return mayCollect(e->a) || mayCollect(e->b) || mayCollect(e->c);
    case ExprKind::Call:
      return !callNeverCollects(knownTarget(e->a)) || mayCollect(e->a) || mayCollect(e->b);
  }
  return true;
}

// Whether a call is in tail position of e: compiled code for it may then
// return kTailCall.
bool hasTailCall(const Expr* e) {
  switch (e->kind) {
    case ExprKind::Call: return true;
    case ExprKind::If: return hasTailCall(e->b) || hasTailCall(e->c);
    case ExprKind::Letrec: return hasTailCall(e->b);
    default: return false;
  }
}

// A variable as compiled code reaches it: a scope, and frames out from it.
struct Binding {
  const Scope* scope;
  int32_t depth;
  bool operator==(const Binding& o) const { return scope == o.scope && depth == o.depth; }
};

// What the code emitted so far has checked about variables, valid on every
// path from the check onwards. Variables are never assigned, so a fact lasts
// until the code leaves the branch or the scope it was learnt in.
class Facts {
 public:
  enum Kind : uint8_t { IsInteger, IsSet };
  ~Facts() { free(facts_); }
  uint32_t mark() const { return count_; }
  void reset(uint32_t mark) { count_ = mark; }
  bool known(Binding b, Kind k) const {
    for (uint32_t i = 0; i < count_; i++)
      if (facts_[i].kind == k && facts_[i].binding == b) return true;
    return false;
  }
  void learn(Binding b, Kind k) {
    if (known(b, k)) return;
    if (count_ == capacity_) {
      capacity_ = capacity_ ? 2 * capacity_ : 16;
      facts_ = (Fact*)realloc(facts_, capacity_ * sizeof(Fact));
    }
    facts_[count_++] = Fact{b, k};
  }

 private:
  struct Fact {
    Binding binding;
    Kind kind;
  };
  Fact* facts_ = nullptr;
  uint32_t count_ = 0, capacity_ = 0;
};

// An operand of a primitive: a constant, or a value in a local.
struct Operand {
  bool constant;
  Value value;     // the tagged constant
  uint32_t local;  // otherwise
  bool integer;    // known to be an integer without a check
};

class FunctionCompiler {
 public:
  explicit FunctionCompiler(Func* func)
      : func_(func), runtime_(runtimeLayout()), objects_(objectLayout()) {}

  void compile(CompiledFunction& out) {
    framed_ = func_->createsClosures;
    rooted_ = !func_->roundNeverCollects;
    Scope closureEnv = {Scope::ClosureEnv, kClosureSlot, nullptr};
    Scope parameter = framed_ ? Scope{Scope::FrameChain, kArgumentSlot, nullptr}
                              : Scope{Scope::Slot, kArgumentSlot, &closureEnv};
    expression(func_->body, &parameter, true);
    if (func_->roundIndex == func_->roundEntry) {
      // Nothing calls the body directly: the entry is the body.
      assembleBody(out.parts[0], true);
      out.partCount = 1;
    } else {
      assembleBody(out.parts[1], false);
      assembleEntry(out.parts[0]);
      out.partCount = 2;
    }
  }

 private:
  // The body's locals: the three parameters, one i64 scratch, the root-slot
  // base, temporaries.
  enum : uint32_t {
    kClosure = 0,
    kArgument = 1,
    kDepth = 2,  // non-tail calls pending, this one included
    kWide = 3,
    kBase = 4,
    kFirstTemporary = 5,
  };
  // Slots holding the closure and the parameter (or the frame holding it):
  // root slots 0 and 1, or, without root slots, the parameters themselves.
  enum : uint32_t { kClosureSlot = 0, kArgumentSlot = 1 };

  Func* func_;
  RuntimeLayout runtime_;
  ObjectLayout objects_;
  bool framed_ = false;  // its variables live in heap frames
  bool rooted_ = true;   // it may collect, so its values live in root slots
  Assembler a_;          // the body, inside the function's block and loop
  Facts facts_;
  uint32_t nextLocal_ = kFirstTemporary;
  uint32_t slots_ = 2, maxSlots_ = 2;
  uint32_t ifDepth_ = 0;  // ifs open around the current instruction, inside the loop
  uint32_t depth_ = kDepth;  // the local with the call depth of the code being emitted
  bool inlining_ = false;    // emitting the body of a callee inline

  uint32_t temporary() { return nextLocal_++; }
  uint32_t pushSlot() {
    if (!rooted_) return temporary();
    if (++slots_ > maxSlots_) maxSlots_ = slots_;
    return slots_ - 1;
  }
  void popSlot() {
    if (rooted_) slots_--;
  }

  static uint32_t address(const void* p) { return (uint32_t)(uintptr_t)p; }

  void loadSlot(Assembler& a, uint32_t slot) {
    if (!rooted_) {
      a.localGet(slot);
      return;
    }
    a.localGet(kBase);
    a.i32Load(4 * slot);
  }
  void storeSlotFromLocal(Assembler& a, uint32_t slot, uint32_t local) {
    if (!rooted_) {
      a.localGet(local);
      a.localSet(slot);
      return;
    }
    a.localGet(kBase);
    a.localGet(local);
    a.i32Store(4 * slot);
  }
  // A global of the runtime, by its address in linear memory.
  void loadGlobal(Assembler& a, uint32_t address) {
    a.i32Const(0);
    a.i32Load(address);
  }
  void callHelper(Assembler& a, uint32_t tableIndex) {
    a.i32Const((int32_t)tableIndex);
    a.callIndirect(kCodeType);
  }
  // The runtime reads the depth only in apply and finishTailCall.
  void storeDepth(uint32_t local) { storeDepthFrom(a_, local); }
  void storeDepthFrom(Assembler& a, uint32_t local) {
    a.i32Const(0);
    a.localGet(local);
    a.i32Store(runtime_.callDepthAddress);
  }
  // Pushes a new object (a frame or a closure) with the given fields. It is
  // bumped from the allocation pointer in linear memory while the half has
  // room; only when it is full does the runtime's helper (makeFrame or
  // makeClosure, taking the two fields in this order) make it, after a
  // collection. Each push must give the same value when run twice.
  template <typename PushFirst, typename PushSecond>
  void allocate(Assembler& a, Value tag, uint32_t helper, uint32_t firstOffset,
                PushFirst pushFirst, uint32_t secondOffset, PushSecond pushSecond) {
    uint32_t object = temporary(), end = temporary();
    loadGlobal(a, runtime_.allocationNextAddress);
    a.localTee(object);
    a.i32Const((int32_t)objects_.bytes);
    a.op(Op::I32Add);
    a.localTee(end);
    loadGlobal(a, runtime_.allocationLimitAddress);
    a.op(Op::I32LeU);
    a.ifThen(BlockType::I32);
    a.i32Const(0);
    a.localGet(end);
    a.i32Store(runtime_.allocationNextAddress);
    a.localGet(object);
    a.i32Const((int32_t)tag);
    a.i32Store(objects_.header);
    a.localGet(object);
    pushFirst();
    a.i32Store(firstOffset);
    a.localGet(object);
    pushSecond();
    a.i32Store(secondOffset);
    a.localGet(object);
    a.elseThen();
    pushFirst();
    pushSecond();
    callHelper(a, helper);
    a.end();
  }

  // Reports the error when the i32 on the stack is zero (failUnless) or not
  // zero (failIf). pushValue pushes the value the message describes.
  template <typename PushValue>
  void failIf(Assembler& a, int32_t code, PushValue pushValue) {
    a.ifThen(BlockType::None);
    a.i32Const(code);
    pushValue();
    callHelper(a, runtime_.fail);
    a.op(Op::Unreachable);
    a.end();
  }
  template <typename PushValue>
  void failUnless(Assembler& a, int32_t code, PushValue pushValue) {
    a.op(Op::I32Eqz);
    failIf(a, code, pushValue);
  }

  void expression(const Expr* e, const Scope* scope, bool tail) {
    switch (e->kind) {
      case ExprKind::Integer: a_.i32Const((int32_t)e->integer); return;
      case ExprKind::Variable: variable(e, scope); return;
      case ExprKind::Lambda: {
        uint32_t env = innermostFrameSlot(scope);
        allocate(
            a_, kClosureTag, runtime_.makeClosure,
            objects_.closureFunc, [&] { a_.i32Const((int32_t)address(e->func)); },
            objects_.closureEnv, [&] { loadSlot(a_, env); });
        return;
      }
      case ExprKind::Letrec: letrec(e, scope, tail); return;
      case ExprKind::If: conditional(e, scope, tail); return;
      case ExprKind::Primitive: primitive(e, scope); return;
      case ExprKind::Call: call(e, scope, tail); return;
    }
  }

  static Binding resolve(const Expr* variable, const Scope* scope) {
    int32_t depth = variable->depth;
    while (scope->kind == Scope::Slot && depth > 0) {
      depth--;
      scope = scope->outer;
    }
    return Binding{scope, depth};
  }

  void variable(const Expr* e, const Scope* scope) {
    Binding b = resolve(e, scope);
    loadSlot(a_, b.scope->slot);
    if (b.scope->kind != Scope::Slot) {
      if (b.scope->kind == Scope::ClosureEnv) a_.i32Load(objects_.closureEnv);
      for (int32_t depth = b.depth; depth > 0; depth--) a_.i32Load(objects_.frameParent);
      a_.i32Load(objects_.frameValue);
    }
    if (e->letrecBound && !facts_.known(b, Facts::IsSet)) {
      uint32_t value = temporary();
      a_.localTee(value);
      failUnless(a_, errorCode(RuntimeError::UnsetVariable),
                 [&] { a_.i32Const((int32_t)address(e)); });
      a_.localGet(value);
      facts_.learn(b, Facts::IsSet);
    }
  }

  // Known to give an integer, without a check.
  bool givesInteger(const Expr* e, const Scope* scope) const {
    switch (e->kind) {
      case ExprKind::Integer:
      case ExprKind::Primitive: return true;
      case ExprKind::Variable: return facts_.known(resolve(e, scope), Facts::IsInteger);
      default: return false;
    }
  }

  void letrec(const Expr* e, const Scope* scope, bool tail) {
    uint32_t mark = facts_.mark();
    uint32_t slot = pushSlot();
    Scope inner;
    if (framed_) {
      uint32_t parent = innermostFrameSlot(scope);
      a_.localGet(kBase);
      allocate(
          a_, kFrameTag, runtime_.makeFrame,
          objects_.frameParent, [&] { loadSlot(a_, parent); },
          objects_.frameValue, [&] { a_.i32Const((int32_t)kUnset); });
      a_.i32Store(4 * slot);
      inner = Scope{Scope::FrameChain, slot, scope};
    } else {
      uint32_t unset = temporary();
      a_.i32Const((int32_t)kUnset);
      a_.localSet(unset);
      storeSlotFromLocal(a_, slot, unset);
      inner = Scope{Scope::Slot, slot, scope};
    }
    uint32_t value = temporary();
    expression(e->a, &inner, false);
    a_.localSet(value);
    if (framed_) {
      loadSlot(a_, slot);
      a_.localGet(value);
      a_.i32Store(objects_.frameValue);
    } else {
      storeSlotFromLocal(a_, slot, value);
    }
    Binding bound = {&inner, 0};
    if (e->a->kind == ExprKind::Lambda) facts_.learn(bound, Facts::IsSet);
    if (givesInteger(e->a, &inner)) {
      facts_.learn(bound, Facts::IsSet);
      facts_.learn(bound, Facts::IsInteger);
    }
    expression(e->b, &inner, tail);
    popSlot();
    facts_.reset(mark);  // facts about inner must not outlive it
  }

  void conditional(const Expr* e, const Scope* scope, bool tail) {
    condition(e->a, scope);
    uint32_t mark = facts_.mark();
    a_.ifThen(BlockType::I32);
    ifDepth_++;
    expression(e->b, scope, tail);
    facts_.reset(mark);
    a_.elseThen();
    expression(e->c, scope, tail);
    facts_.reset(mark);
    ifDepth_--;
    a_.end();
  }

  // Pushes an i32 that is not zero when the test's value is true (not 0).
  void condition(const Expr* test, const Scope* scope) {
    if (test->kind == ExprKind::Primitive &&
        (test->primitive == Primitive::Less || test->primitive == Primitive::Eq)) {
      comparison(test, scope);
      return;
    }
    bool integer = givesInteger(test, scope);
    uint32_t value = temporary();
    expression(test, scope, false);
    a_.localTee(value);
    if (!integer) {
      a_.i32Const(1);
      a_.op(Op::I32And);
      failUnless(a_, errorCode(RuntimeError::IfNotInteger), [&] { a_.localGet(value); });
      learnInteger(test, scope);
      a_.localGet(value);
    }
    a_.i32Const((int32_t)makeInteger(0));
    a_.op(Op::I32Ne);
  }

  void learnInteger(const Expr* e, const Scope* scope) {
    if (e->kind == ExprKind::Variable) facts_.learn(resolve(e, scope), Facts::IsInteger);
  }

  Operand operand(const Expr* e, const Scope* scope) {
    Operand o = {false, 0, 0, givesInteger(e, scope)};
    if (e->kind == ExprKind::Integer) {
      o.constant = true;
      o.value = e->integer;
      return o;
    }
    o.local = temporary();
    expression(e, scope, false);
    a_.localSet(o.local);
    return o;
  }

  // Evaluates both operands in order. The first is kept in a root slot while
  // the second runs if the second may collect and the first may be a pointer.
  void operands(const Expr* e, const Scope* scope, Operand& left, Operand& right) {
    left = operand(e->a, scope);
    if (rooted_ && !left.constant && !left.integer && e->b->mayCollect) {
      uint32_t slot = pushSlot();
      storeSlotFromLocal(a_, slot, left.local);
      right = operand(e->b, scope);
      loadSlot(a_, slot);
      a_.localSet(left.local);
      popSlot();
    } else {
      right = operand(e->b, scope);
    }
  }

  void push(const Operand& o) {
    if (o.constant)
      a_.i32Const((int32_t)o.value);
    else
      a_.localGet(o.local);
  }

  // The interpreter's check: both integers, else report the first that is not.
  void checkIntegers(const Expr* e, const Scope* scope, const Operand& left,
                     const Operand& right) {
    int32_t code = errorCode(RuntimeError::NotAnInteger, (int32_t)e->primitive);
    if (!left.integer && !right.integer) {
      a_.localGet(left.local);
      a_.localGet(right.local);
      a_.op(Op::I32And);
      a_.i32Const(1);
      a_.op(Op::I32And);
      failUnless(a_, code, [&] {
        a_.localGet(right.local);
        a_.localGet(left.local);
        a_.localGet(left.local);
        a_.i32Const(1);
        a_.op(Op::I32And);
        a_.op(Op::Select);
      });
    } else if (!left.integer || !right.integer) {
      uint32_t unknown = left.integer ? right.local : left.local;
      a_.localGet(unknown);
      a_.i32Const(1);
      a_.op(Op::I32And);
      failUnless(a_, code, [&] { a_.localGet(unknown); });
    }
    learnInteger(e->a, scope);
    learnInteger(e->b, scope);
  }

  // (< a b) or (eq? a b) as an i32 0 or 1.
  void comparison(const Expr* e, const Scope* scope) {
    Operand left, right;
    operands(e, scope, left, right);
    if (e->primitive == Primitive::Less) checkIntegers(e, scope, left, right);
    push(left);
    push(right);
    a_.op(e->primitive == Primitive::Less ? Op::I32LtS : Op::I32Eq);  // tagging keeps order
  }

  void primitive(const Expr* e, const Scope* scope) {
    if (e->primitive == Primitive::Less || e->primitive == Primitive::Eq) {
      comparison(e, scope);
      a_.i32Const(1);
      a_.op(Op::I32Shl);
      a_.i32Const(1);
      a_.op(Op::I32Or);
      return;
    }
    Operand left, right;
    operands(e, scope, left, right);
    checkIntegers(e, scope, left, right);
    int32_t overflow = errorCode(RuntimeError::IntegerOverflow, (int32_t)e->primitive);
    if (e->primitive == Primitive::Add && left.constant && !right.constant) {
      addConstant(right, integerOf(left.value), overflow);
    } else if (e->primitive != Primitive::Multiply && right.constant && !left.constant) {
      int64_t k = integerOf(right.value);
      addConstant(left, e->primitive == Primitive::Add ? k : -k, overflow);
    } else {
      wideArithmetic(e->primitive, left, right, overflow);
    }
  }

  // tagged(x + k) = tagged(x) + 2k: one add, and one compare for overflow.
  void addConstant(const Operand& x, int64_t k, int32_t overflow) {
    int64_t delta = 2 * k;
    if (delta != 0) {
      a_.localGet(x.local);
      if (delta > 0) {
        a_.i32Const((int32_t)(INT32_MAX - delta));
        a_.op(Op::I32GtS);
      } else {
        a_.i32Const((int32_t)(INT32_MIN - delta));
        a_.op(Op::I32LtS);
      }
      failIf(a_, overflow, [&] { a_.i32Const(0); });
    }
    a_.localGet(x.local);
    if (delta != 0) {
      a_.i32Const((int32_t)delta);
      a_.op(Op::I32Add);
    }
  }

  // On tagged values in i64: a+b-1, a-b+1, (a-1)*(b>>1)+1, then a range check.
  void wideArithmetic(Primitive p, const Operand& left, const Operand& right, int32_t overflow) {
    if (p == Primitive::Multiply) {
      push(left);
      a_.i32Const(1);
      a_.op(Op::I32Sub);
      a_.op(Op::I64ExtendI32S);
      push(right);
      a_.i32Const(1);
      a_.op(Op::I32ShrS);
      a_.op(Op::I64ExtendI32S);
      a_.op(Op::I64Mul);
      a_.i64Const(1);
      a_.op(Op::I64Add);
    } else {
      push(left);
      a_.op(Op::I64ExtendI32S);
      push(right);
      a_.op(Op::I64ExtendI32S);
      a_.op(p == Primitive::Add ? Op::I64Add : Op::I64Sub);
      a_.i64Const(p == Primitive::Add ? -1 : 1);
      a_.op(Op::I64Add);
    }
    a_.localTee(kWide);
    a_.i64Const(INT64_C(1) << 31);
    a_.op(Op::I64Add);
    a_.i64Const(INT64_C(1) << 32);
    a_.op(Op::I64LtU);
    failUnless(a_, overflow, [&] { a_.i32Const(0); });
    a_.localGet(kWide);
    a_.op(Op::I32WrapI64);
  }

  void call(const Expr* e, const Scope* scope, bool tail) {
    Func* target = knownTarget(e->a);
    uint32_t callee = temporary(), argument = temporary();
    expression(e->a, scope, false);
    a_.localSet(callee);
    if (rooted_ && e->b->mayCollect) {
      uint32_t slot = pushSlot();
      storeSlotFromLocal(a_, slot, callee);
      expression(e->b, scope, false);
      a_.localSet(argument);
      loadSlot(a_, slot);
      a_.localSet(callee);
      popSlot();
    } else {
      expression(e->b, scope, false);
      a_.localSet(argument);
    }
    if (tail)
      tailCall(target, callee, argument);
    else if (!rooted_ && !inlining_ && inlinable(target))
      inlineCall(target, callee, argument);
    else if (hasCompiledCode(target))
      directCall(target, callee, argument);
    else
      unknownCall(callee, argument);
  }

  // A non-tail call whose callee is known only at run time: straight to its
  // compiled entry when it has one, as the runtime's apply would make it
  // (the depth check first, then the check that it is a procedure); through
  // apply, which interprets it, when it has none.
  void unknownCall(uint32_t callee, uint32_t argument) {
    uint32_t depth = enterCall(), code = temporary(), result = temporary();
    a_.localGet(callee);
    a_.i32Const(1);
    a_.op(Op::I32And);
    failIf(a_, errorCode(RuntimeError::NotAProcedure), [&] { a_.localGet(callee); });
    a_.localGet(callee);
    a_.i32Load(objects_.closureFunc);
    a_.i32Load(objects_.funcJitCode);
    a_.localTee(code);
    a_.ifThen(BlockType::I32);
    storeDepth(depth);  // for the entry
    a_.localGet(callee);
    a_.localGet(argument);
    a_.localGet(code);
    a_.callIndirect(kCodeType);
    finishReturnedTailCall(depth, result);
    a_.elseThen();
    storeDepth(depth_);  // apply counts the call itself
    a_.localGet(callee);
    a_.localGet(argument);
    callHelper(a_, runtime_.apply);
    a_.end();
  }

  // With the result of a call to compiled code on the stack: makes the tail
  // call it may have returned (kTailCall), at the call's depth.
  void finishReturnedTailCall(uint32_t depth, uint32_t result) {
    a_.localTee(result);
    a_.i32Const((int32_t)kTailCall);
    a_.op(Op::I32Eq);
    a_.ifThen(BlockType::None);
    storeDepth(depth);
    a_.i32Const(0);
    a_.i32Const(0);
    callHelper(a_, runtime_.finishTailCall);
    a_.localSet(result);
    a_.end();
    a_.localGet(result);
  }

  void tailCall(const Func* target, uint32_t callee, uint32_t argument) {
    if (target == func_) {
      selfTailCall(callee, argument, ifDepth_);
      return;
    }
    if (!target) {
      // Any closure of this very function, with any environment, loops too.
      a_.localGet(callee);
      a_.i32Const(1);
      a_.op(Op::I32And);
      a_.op(Op::I32Eqz);
      a_.ifThen(BlockType::None);
      a_.localGet(callee);
      a_.i32Load(objects_.closureFunc);
      a_.i32Const((int32_t)address(func_));
      a_.op(Op::I32Eq);
      a_.ifThen(BlockType::None);
      selfTailCall(callee, argument, ifDepth_ + 2);
      a_.end();
      a_.end();
    }
    // Any other tail call goes back to the caller's trampoline.
    returnTailCall(a_, runtime_, callee, argument, ifDepth_ + 1);  // out of the function's block
  }

  // Restarts the loop with the new closure and argument; loopDepth is the
  // number of blocks between here and the loop.
  void selfTailCall(uint32_t callee, uint32_t argument, uint32_t loopDepth) {
    a_.localGet(callee);
    a_.localSet(kClosure);
    a_.localGet(argument);
    a_.localSet(kArgument);
    a_.br(loopDepth);
  }

  // Counts one more non-tail call as the runtime's apply would; returns the
  // local with the callee's depth.
  uint32_t enterCall() {
    uint32_t depth = temporary();
    a_.localGet(depth_);
    a_.i32Const(1);
    a_.op(Op::I32Add);
    a_.localTee(depth);
    a_.i32Const(runtime_.maxCallDepth);
    a_.op(Op::I32GtS);
    failIf(a_, errorCode(RuntimeError::TooDeep, runtime_.maxCallDepth), [&] { a_.i32Const(0); });
    return depth;
  }

  // A non-tail call to compiled code whose function is known; finishes a
  // tail call the callee returns, unless it makes none.
  void directCall(const Func* target, uint32_t callee, uint32_t argument) {
    uint32_t depth = enterCall(), result = temporary();
    a_.localGet(callee);
    a_.localGet(argument);
    if (inCurrentRound(target) && target->roundIndex != target->roundEntry) {
      a_.localGet(depth);
      a_.call(target->roundIndex);
    } else if (inCurrentRound(target)) {
      storeDepth(depth);  // planRound saw no direct call: only the entry exists
      a_.call(target->roundEntry);
    } else {
      storeDepth(depth);  // for the entry of an earlier round's code
      a_.i32Const(target->jitCode);
      a_.callIndirect(kCodeType);
    }
    if (!inCurrentRound(target) || hasTailCall(target->body)) finishReturnedTailCall(depth, result);
  }

  // A callee small enough to copy into its call sites, with no call in tail
  // position (those would have to replace the caller's frame) and never
  // allocating (so that it can share the caller's locals).
  static bool inlinable(const Func* target) {
    int32_t budget = kInlineBudget;
    return callNeverCollects(target) && !target->createsClosures && !hasTailCall(target->body) &&
           fitsBudget(target->body, budget);
  }
  static const int32_t kInlineBudget = 40;  // parse tree nodes

  static bool fitsBudget(const Expr* e, int32_t& budget) {
    if (!e) return true;
    if (--budget < 0) return false;
    return fitsBudget(e->a, budget) && fitsBudget(e->b, budget) && fitsBudget(e->c, budget);
  }

  // The callee's body in place of the call, with the callee in a local as
  // its closure and the argument as its parameter, at the depth the call
  // would have had.
  void inlineCall(const Func* target, uint32_t callee, uint32_t argument) {
    uint32_t depth = enterCall();
    Scope closureEnv = {Scope::ClosureEnv, callee, nullptr};
    Scope parameter = {Scope::Slot, argument, &closureEnv};
    uint32_t outerDepth = depth_, mark = facts_.mark();
    depth_ = depth;
    inlining_ = true;
    expression(target->body, &parameter, false);
    inlining_ = false;
    depth_ = outerDepth;
    facts_.reset(mark);
  }

  // The entry the table holds: the body at the runtime's current depth.
  void assembleEntry(CompiledPart& out) {
    const uint32_t depth = 2, result = 3;
    Assembler f;
    f.localGet(kClosure);
    f.localGet(kArgument);
    loadGlobal(f, runtime_.callDepthAddress);
    f.localTee(depth);
    f.call(func_->roundIndex);
    f.localSet(result);
    // The body's direct callees may have left a deeper count there.
    f.i32Const(0);
    f.localGet(depth);
    f.i32Store(runtime_.callDepthAddress);
    f.localGet(result);
    out.code.append(f.code());
    out.typeIndex = kCodeType;
    out.leadingI32Locals = 0;
    out.i64Locals = 0;
    out.i32Locals = 2;
  }

  // The body; as the entry itself (of the compiled-code type, with the depth
  // in a local rather than a parameter) when nothing calls it directly.
  void assembleBody(CompiledPart& out, bool asEntry) {
    Assembler f;
    uint32_t newTop = temporary();
    if (asEntry) {
      loadGlobal(f, runtime_.callDepthAddress);
      f.localSet(kDepth);
    }
    if (rooted_) claimRootSlots(f, runtime_, maxSlots_, kBase, newTop);
    f.block(BlockType::I32);
    f.loop(BlockType::I32);
    if (rooted_) {
      storeSlotFromLocal(f, kClosureSlot, kClosure);
      f.localGet(kBase);
      if (framed_) {
        allocate(
            f, kFrameTag, runtime_.makeFrame,
            objects_.frameParent, [&] { f.localGet(kClosure); f.i32Load(objects_.closureEnv); },
            objects_.frameValue, [&] { f.localGet(kArgument); });
      } else {
        f.localGet(kArgument);
      }
      f.i32Store(4 * kArgumentSlot);
    }
    f.code().append(a_.code());
    f.end();
    f.end();
    if (rooted_) releaseRootSlots(f, runtime_, kBase, newTop);
    if (asEntry) {
      // Direct callees may have left a deeper count there.
      f.localSet(newTop);
      storeDepthFrom(f, kDepth);
      f.localGet(newTop);
    }

    out.code.append(f.code());
    out.typeIndex = asEntry ? kCodeType : kBodyType;
    out.leadingI32Locals = asEntry ? 1 : 0;  // kDepth
    out.i64Locals = 1;
    out.i32Locals = nextLocal_ - kBase;
  }
};

// Marks (with a non-zero roundIndex) the functions of the round that the
// code of e may call directly: the known callees of calls not in tail
// position (tail calls loop or return to a trampoline). Inlining may make
// some of these calls disappear; a body nobody calls costs only its size.
void noteDirectCalls(const Expr* e, bool tail) {
  switch (e->kind) {
    case ExprKind::Integer:
    case ExprKind::Variable:
    case ExprKind::Lambda: return;  // its body is another function
    case ExprKind::Letrec:
      noteDirectCalls(e->a, false);
      noteDirectCalls(e->b, tail);
      return;
    case ExprKind::If:
      noteDirectCalls(e->a, false);
      noteDirectCalls(e->b, tail);
      noteDirectCalls(e->c, tail);
      return;
    case ExprKind::Primitive:
      noteDirectCalls(e->a, false);
      noteDirectCalls(e->b, false);
      return;
    case ExprKind::Call: {
      Func* target = knownTarget(e->a);
      if (!tail && target && inCurrentRound(target)) target->roundIndex = 1;
      noteDirectCalls(e->a, false);
      noteDirectCalls(e->b, false);
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
    funcs[i]->roundNeverCollects = !funcs[i]->createsClosures;
  }
  for (uint32_t i = 0; i < count; i++) noteDirectCalls(funcs[i]->body, true);
  // An entry, then a body when some code of the round calls it directly.
  uint32_t next = 0;
  for (uint32_t i = 0; i < count; i++) {
    bool calledDirectly = funcs[i]->roundIndex != 0;
    funcs[i]->roundEntry = next++;
    funcs[i]->roundIndex = calledDirectly ? next++ : funcs[i]->roundEntry;
  }
  // Optimistic fixpoint: assume every function without closures never
  // collects, then withdraw the claim from any that calls one that may.
  for (bool changed = true; changed;) {
    changed = false;
    for (uint32_t i = 0; i < count; i++) {
      if (funcs[i]->roundNeverCollects && mayCollect(funcs[i]->body)) {
        funcs[i]->roundNeverCollects = 0;
        changed = true;
      }
    }
  }
  return next;
}

void compileFunction(Func* func, CompiledFunction& out) {
  FunctionCompiler compiler(func);
  compiler.compile(out);
}
