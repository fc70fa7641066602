// Values, heap objects and the parse tree: the data every phase shares.
#pragma once
#include <stddef.h>
#include <stdint.h>

// A value is one machine word. Integers carry a 1 in the low bit (n is stored
// as 2n+1); heap objects are word aligned, so their addresses end in 0. On
// wasm32 a value is an i32, which is what compiled code works with.
typedef uintptr_t Value;

// Two words that are neither integers nor heap addresses.
const Value kUnset = 0;     // a letrec variable whose value is not ready yet
const Value kTailCall = 2;  // compiled code's "call tailCallee(tailArgument) for me"

const int32_t kMinInteger = -(1 << 30);
const int32_t kMaxInteger = (1 << 30) - 1;

inline bool isInteger(Value v) { return v & 1; }
inline Value makeInteger(int32_t n) { return (Value)((intptr_t)n * 2 + 1); }
inline int32_t integerOf(Value v) { return (int32_t)((intptr_t)v >> 1); }
inline bool inIntegerRange(int64_t n) { return n >= kMinInteger && n <= kMaxInteger; }

struct Expr;

// A lambda expression's record. It lives in the parse tree (malloc), not in
// the heap, so its address is stable and can be written into generated code.
struct Func {
  // Table index of the compiled code; 0 (the null slot) until a JIT module's
  // patch function writes it. Kept first so the patch stores to the record's
  // own address.
  int32_t jitCode;
  uint8_t hasRun;        // the evaluator has interpreted it at least once
  uint8_t createsClosures;  // its body contains a lambda: its frames can be captured
  // Written by the same patch that sets jitCode: the linked compiled code
  // never allocates, so callers compiled later need not root their values
  // across a call to it.
  uint8_t compiledNeverCollects;
  Expr* body;
  const char* parameter;
  Func* nextRun;         // the list of functions that have run, oldest first
  // The JIT's notes while it compiles a round (see compiler.h): the round
  // the notes belong to, the index in that round's module of its entry (the
  // function the table holds) and of the function its direct callers call
  // (the same one, or a separate body), and whether its code in that module
  // can allocate.
  uint32_t round;
  uint32_t roundEntry;
  uint32_t roundIndex;
  uint8_t roundNeverCollects;
};

// Heap objects are three words, a header and two fields.
enum ObjectTag : uintptr_t { kFrameTag = 0x10, kClosureTag = 0x20, kForwardedTag = 0x30 };

// One variable binding (a lambda's parameter or a letrec's variable) and the
// frame of the enclosing scope (0 at top level).
struct Frame {
  Value header;
  Value parent;
  Value value;
};

struct Closure {
  Value header;
  Func* func;
  Value env;  // the Frame the lambda was evaluated in, or 0
};

inline Closure* closureOf(Value v) { return (Closure*)v; }
inline Frame* frameOf(Value v) { return (Frame*)v; }

enum class ExprKind : uint8_t { Integer, Variable, Lambda, Letrec, If, Primitive, Call };
enum class Primitive : uint8_t { Add, Subtract, Multiply, Less, Eq };

const char* primitiveName(Primitive p);

// One node of the parse tree. Fields are used according to kind:
//   Integer:   integer (tagged)
//   Variable:  name, depth (number of frames out), letrecBound, binder (the
//              Letrec that binds it, or null for a lambda's parameter)
//   Lambda:    func
//   Letrec:    name, a = initialiser, b = body
//   If:        a = test, b = then, c = else
//   Primitive: primitive, a, b
//   Call:      a = callee, b = argument
struct Expr {
  ExprKind kind;
  Primitive primitive;
  bool letrecBound;  // a Variable bound by letrec, so it may still be unset
  bool mayCollect;   // evaluating it may allocate, so it may move heap objects
  int32_t depth;
  int32_t line, column;
  Value integer;
  const char* name;
  Func* func;
  Expr *a, *b, *c;
  const Expr* binder;
};
