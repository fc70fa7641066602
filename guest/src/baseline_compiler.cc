// The straightforward JIT, kept so that every speed claim about compiler.cc is
// a ratio measured side by side: `make` links it instead of compiler.cc into
// interplib-baseline.wasm. One lambda to one wasm function; every call, every
// frame and every closure goes through a runtime helper by call_indirect.
#include "compiler.h"

#include "compiled_frame.h"

namespace {

class FunctionCompiler {
 public:
  explicit FunctionCompiler(Func* func)
      : func_(func), runtime_(runtimeLayout()), objects_(objectLayout()) {}

  void compile(CompiledPart& out) {
    // The function's own frames can be captured only by a lambda in its body;
    // without one, its parameter and letrec variables live in root slots.
    framed_ = func_->createsClosures;
    Scope closureEnv = {Scope::ClosureEnv, kClosureSlot, nullptr};
    Scope parameter = framed_ ? Scope{Scope::FrameChain, kArgumentSlot, nullptr}
                              : Scope{Scope::Slot, kArgumentSlot, &closureEnv};
    expression(func_->body, &parameter, true);
    assemble(out);
  }

 private:
  // Locals: the two parameters, one i64 scratch, the root-slot base, temporaries.
  enum : uint32_t { kClosure = 0, kArgument = 1, kWide = 2, kBase = 3, kFirstTemporary = 4 };
  // Root slots: the closure and the parameter (or the frame holding it).
  enum : uint32_t { kClosureSlot = 0, kArgumentSlot = 1 };

  Func* func_;
  RuntimeLayout runtime_;
  ObjectLayout objects_;
  bool framed_ = false;
  Assembler a_;  // the body, inside the function's block and loop
  uint32_t nextLocal_ = kFirstTemporary;
  uint32_t slots_ = 2, maxSlots_ = 2;
  uint32_t ifDepth_ = 0;  // ifs open around the current instruction, inside the loop

  uint32_t temporary() { return nextLocal_++; }
  uint32_t pushSlot() {
    if (++slots_ > maxSlots_) maxSlots_ = slots_;
    return slots_ - 1;
  }
  void popSlot() { slots_--; }

  static uint32_t address(const void* p) { return (uint32_t)(uintptr_t)p; }

  void loadSlot(Assembler& a, uint32_t slot) {
    a.localGet(kBase);
    a.i32Load(4 * slot);
  }
  void storeSlotFromLocal(Assembler& a, uint32_t slot, uint32_t local) {
    a.localGet(kBase);
    a.localGet(local);
    a.i32Store(4 * slot);
  }
  void callHelper(Assembler& a, uint32_t tableIndex) {
    a.i32Const((int32_t)tableIndex);
    a.callIndirect(kCodeType);
  }
  // Reports the error when the i32 on the stack is zero. pushValue pushes the
  // value the message describes.
  template <typename PushValue>
  void failUnless(Assembler& a, int32_t code, PushValue pushValue) {
    a.op(Op::I32Eqz);
    a.ifThen(BlockType::None);
    a.i32Const(code);
    pushValue();
    callHelper(a, runtime_.fail);
    a.op(Op::Unreachable);
    a.end();
  }

  void expression(const Expr* e, const Scope* scope, bool tail) {
    switch (e->kind) {
      case ExprKind::Integer: a_.i32Const((int32_t)e->integer); return;
      case ExprKind::Variable: variable(e, scope); return;
      case ExprKind::Lambda:
        a_.i32Const((int32_t)address(e->func));
        loadSlot(a_, innermostFrameSlot(scope));
        callHelper(a_, runtime_.makeClosure);
        return;
      case ExprKind::Letrec: letrec(e, scope, tail); return;
      case ExprKind::If: conditional(e, scope, tail); return;
      case ExprKind::Primitive: primitive(e, scope); return;
      case ExprKind::Call: call(e, scope, tail); return;
    }
  }

  void variable(const Expr* e, const Scope* scope) {
    int32_t depth = e->depth;
    while (scope->kind == Scope::Slot && depth > 0) {
      depth--;
      scope = scope->outer;
    }
    loadSlot(a_, scope->slot);
    if (scope->kind != Scope::Slot) {
      if (scope->kind == Scope::ClosureEnv) a_.i32Load(objects_.closureEnv);
      for (; depth > 0; depth--) a_.i32Load(objects_.frameParent);
      a_.i32Load(objects_.frameValue);
    }
    if (e->letrecBound) {
      uint32_t value = temporary();
      a_.localTee(value);
      failUnless(a_, errorCode(RuntimeError::UnsetVariable),
                 [&] { a_.i32Const((int32_t)address(e)); });
      a_.localGet(value);
    }
  }

  void letrec(const Expr* e, const Scope* scope, bool tail) {
    uint32_t slot = pushSlot();
    Scope inner;
    if (framed_) {
      a_.localGet(kBase);
      loadSlot(a_, innermostFrameSlot(scope));
      a_.i32Const((int32_t)kUnset);
      callHelper(a_, runtime_.makeFrame);
      a_.i32Store(4 * slot);
      inner = Scope{Scope::FrameChain, slot, scope};
    } else {
      a_.localGet(kBase);
      a_.i32Const((int32_t)kUnset);
      a_.i32Store(4 * slot);
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
    expression(e->b, &inner, tail);
    popSlot();
  }

  void conditional(const Expr* e, const Scope* scope, bool tail) {
    uint32_t test = temporary();
    expression(e->a, scope, false);
    a_.localTee(test);
    a_.i32Const(1);
    a_.op(Op::I32And);
    failUnless(a_, errorCode(RuntimeError::IfNotInteger), [&] { a_.localGet(test); });
    a_.localGet(test);
    a_.i32Const((int32_t)makeInteger(0));
    a_.op(Op::I32Ne);
    a_.ifThen(BlockType::I32);
    ifDepth_++;
    expression(e->b, scope, tail);
    a_.elseThen();
    expression(e->c, scope, tail);
    ifDepth_--;
    a_.end();
  }

  // Evaluates two subexpressions in order into two locals. The first is kept
  // in a root slot while the second runs if the second may allocate.
  void twoValues(const Expr* first, const Expr* second, const Scope* scope, uint32_t firstLocal,
                 uint32_t secondLocal) {
    expression(first, scope, false);
    a_.localSet(firstLocal);
    if (second->mayCollect) {
      uint32_t slot = pushSlot();
      storeSlotFromLocal(a_, slot, firstLocal);
      expression(second, scope, false);
      a_.localSet(secondLocal);
      loadSlot(a_, slot);
      a_.localSet(firstLocal);
      popSlot();
    } else {
      expression(second, scope, false);
      a_.localSet(secondLocal);
    }
  }

  void tag() {
    a_.i32Const(1);
    a_.op(Op::I32Shl);
    a_.i32Const(1);
    a_.op(Op::I32Or);
  }

  void untag(uint32_t local) {
    a_.localGet(local);
    a_.i32Const(1);
    a_.op(Op::I32ShrS);
  }

  void primitive(const Expr* e, const Scope* scope) {
    uint32_t left = temporary(), right = temporary();
    twoValues(e->a, e->b, scope, left, right);
    int32_t detail = (int32_t)e->primitive;
    if (e->primitive == Primitive::Eq) {
      a_.localGet(left);
      a_.localGet(right);
      a_.op(Op::I32Eq);
      tag();
      return;
    }
    // Both integers? Otherwise report the first that is not.
    a_.localGet(left);
    a_.localGet(right);
    a_.op(Op::I32And);
    a_.i32Const(1);
    a_.op(Op::I32And);
    failUnless(a_, errorCode(RuntimeError::NotAnInteger, detail), [&] {
      a_.localGet(right);
      a_.localGet(left);
      a_.localGet(left);
      a_.i32Const(1);
      a_.op(Op::I32And);
      a_.op(Op::Select);
    });
    int32_t overflow = errorCode(RuntimeError::IntegerOverflow, detail);
    switch (e->primitive) {
      case Primitive::Less:
        a_.localGet(left);
        a_.localGet(right);
        a_.op(Op::I32LtS);  // tagging preserves order
        tag();
        return;
      case Primitive::Add:
      case Primitive::Subtract: {
        // 31-bit operands cannot overflow 32 bits; then check the 31-bit range.
        uint32_t sum = temporary();
        untag(left);
        untag(right);
        a_.op(e->primitive == Primitive::Add ? Op::I32Add : Op::I32Sub);
        a_.localTee(sum);
        a_.i32Const(-kMinInteger);
        a_.op(Op::I32Add);
        a_.i32Const(INT32_MIN);  // 2^31 unsigned
        a_.op(Op::I32LtU);
        failUnless(a_, overflow, [&] { a_.i32Const(0); });
        a_.localGet(sum);
        tag();
        return;
      }
      case Primitive::Multiply:
        untag(left);
        a_.op(Op::I64ExtendI32S);
        untag(right);
        a_.op(Op::I64ExtendI32S);
        a_.op(Op::I64Mul);
        a_.localTee(kWide);
        a_.i64Const(-(int64_t)kMinInteger);
        a_.op(Op::I64Add);
        a_.i64Const(INT64_C(1) << 31);
        a_.op(Op::I64LtU);
        failUnless(a_, overflow, [&] { a_.i32Const(0); });
        a_.localGet(kWide);
        a_.op(Op::I32WrapI64);
        tag();
        return;
      case Primitive::Eq: return;
    }
  }

  void call(const Expr* e, const Scope* scope, bool tail) {
    uint32_t callee = temporary(), argument = temporary();
    twoValues(e->a, e->b, scope, callee, argument);
    if (!tail) {
      a_.localGet(callee);
      a_.localGet(argument);
      callHelper(a_, runtime_.apply);
      return;
    }
    // A self tail call (the callee is a closure of this very function, with
    // any environment) restarts the loop with the new closure and argument.
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
    a_.localGet(callee);
    a_.localSet(kClosure);
    a_.localGet(argument);
    a_.localSet(kArgument);
    a_.br(ifDepth_ + 2);  // the loop
    a_.end();
    a_.end();
    // Any other tail call goes back to the caller's trampoline.
    returnTailCall(a_, runtime_, callee, argument, ifDepth_ + 1);  // out of the function's block
  }

  void assemble(CompiledPart& out) {
    Assembler f;
    uint32_t newTop = temporary();
    claimRootSlots(f, runtime_, maxSlots_, kBase, newTop);
    f.block(BlockType::I32);
    f.loop(BlockType::I32);
    storeSlotFromLocal(f, kClosureSlot, kClosure);
    f.localGet(kBase);
    if (framed_) {
      f.localGet(kClosure);
      f.i32Load(objects_.closureEnv);
      f.localGet(kArgument);
      callHelper(f, runtime_.makeFrame);
    } else {
      f.localGet(kArgument);
    }
    f.i32Store(4 * kArgumentSlot);
    f.code().append(a_.code());
    f.end();
    f.end();
    releaseRootSlots(f, runtime_, kBase, newTop);

    out.code.append(f.code());
    out.typeIndex = kCodeType;
    out.i64Locals = 1;
    out.i32Locals = nextLocal_ - kBase;
  }
};

}  // namespace

// The straightforward JIT calls every function through the runtime and
// claims nothing about allocation.
uint32_t planRound(Func** funcs, uint32_t count) {
  for (uint32_t i = 0; i < count; i++) {
    funcs[i]->roundEntry = funcs[i]->roundIndex = i;
    funcs[i]->roundNeverCollects = 0;
  }
  return count;
}

void compileFunction(Func* func, CompiledFunction& out) {
  FunctionCompiler compiler(func);
  compiler.compile(out.parts[0]);
  out.parts[0].leadingI32Locals = 0;
  out.partCount = 1;
}
