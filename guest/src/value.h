// Values, heap objects, procedures and the core syntax tree: the data every
// phase shares.
#pragma once
#include <stddef.h>
#include <stdint.h>

// A value is one machine word (an i32 on wasm32, which is what compiled code
// works with):
//   ...xxx1  a fixnum n, stored as 2n+1
//   ...xx10  an immediate: one of the constants below
//   ...xx00  the address of an object (never 0 for a real value)
typedef uintptr_t Value;

const Value kUnset = 0;         // an unbound global, or a local whose value is not ready yet
const Value kTailCall = 2;      // compiled code's "make the call in tailCallee for me"
const Value kFalse = 6;
const Value kTrue = 10;         // kFalse + 4: a comparison c (0 or 1) is kFalse + 4c
const Value kNil = 14;          // the empty list
const Value kUnspecified = 18;  // what set!, define, display and friends return
// What every call returns while a continuation is being thrown to: each
// caller that sees it gives back its own state and returns it too, until the
// run of the interpreter the continuation belongs to takes the thrown value
// (continuations.h). Never a value a program can hold.
const Value kUnwinding = 26;

const int32_t kMinInteger = -(1 << 30);
const int32_t kMaxInteger = (1 << 30) - 1;

inline bool isInteger(Value v) { return v & 1; }
inline Value makeInteger(int32_t n) { return (Value)((intptr_t)n * 2 + 1); }
inline int32_t integerOf(Value v) { return (int32_t)((intptr_t)v >> 1); }
inline bool inIntegerRange(int64_t n) { return n >= kMinInteger && n <= kMaxInteger; }
inline Value makeBoolean(bool b) { return b ? kTrue : kFalse; }
inline bool isObject(Value v) { return (v & 3) == 0 && v != kUnset; }

// Characters are immediates too: the Unicode scalar value above a byte that
// no constant above uses, so a character is never mistaken for one of them.
const Value kCharacterTag = 0x1e;  // ...00011110
const Value kEof = 22;             // the end-of-file object
inline bool isCharacter(Value v) { return (v & 0xff) == kCharacterTag; }
inline Value makeCharacter(uint32_t codePoint) { return ((Value)codePoint << 8) | kCharacterTag; }
inline uint32_t characterOf(Value v) { return (uint32_t)(v >> 8); }
const uint32_t kMaxCodePoint = 0x10ffff;

// Every object starts with a header word: its tag in the low seven bits, the
// literal flag, and a small number of the kind's own above them (a frame's
// slot count, a bignum's sign). Objects whose length a program chooses
// (vectors, strings, bytevectors, bignums) keep it in a word of its own after
// the header, so that every length the heap can hold is exact.
//
// Objects made by the reader (the program's literal constants, symbols,
// primitives) live outside the heap and are never moved; literal pairs,
// vectors, strings and bytevectors carry kLiteral, so mutating one is an
// error rather than a pointer the collector cannot see.
//
// How the collector sizes and scans each kind is its row in objects.def.
enum ObjectTag : uintptr_t {
#define OBJECT(id, tag, shape, words, traced, unit, noun) k##id##Tag = tag,
#include "objects.def"
#undef OBJECT
};
const uintptr_t kLiteral = 0x80;
const uintptr_t kTagMask = 0x7f;

inline Value* objectOf(Value v) { return (Value*)v; }
inline uintptr_t headerOf(Value v) { return objectOf(v)[0]; }
inline uintptr_t tagOf(Value v) { return headerOf(v) & kTagMask; }
// The small number in the header (frames: slots; bignums: 1 when negative).
inline uint32_t headerDetailOf(Value v) { return (uint32_t)(headerOf(v) >> 8); }
// The length of an object of a sized kind (Elements or Data in objects.def).
inline uint32_t lengthOf(Value v) { return (uint32_t)objectOf(v)[1]; }
inline Value makeHeader(ObjectTag tag, uint32_t detail) { return ((Value)detail << 8) | tag; }
inline bool hasTag(Value v, ObjectTag tag) { return isObject(v) && tagOf(v) == tag; }
// What a program can call: closures, primitives and continuations.
inline bool isProcedure(Value v) {
  return hasTag(v, kClosureTag) || hasTag(v, kPrimitiveTag) || hasTag(v, kContinuationTag);
}

struct Pair {
  Value header, car, cdr;
};
struct Closure {
  Value header;
  struct Func* func;
  Value env;
};
struct Frame {
  Value header, parent;
  Value slots[];
};
struct Vector {
  Value header, length;
  Value elements[];
};
struct String {
  Value header, length;
  uint32_t chars[];  // length characters (Unicode scalar values): string-ref is O(1)
};
struct Bytevector {
  Value header, length;
  uint8_t bytes[];
};
// An inexact real. The double is kept in the words after the header, which
// are word-aligned only: read and write it with memcpy (flonumValue).
struct Flonum {
  Value header;
  Value bits[8 / sizeof(Value)];
};
// An exact integer outside the fixnum range: magnitude in 32-bit limbs,
// least significant first, never with a zero limb on top; the sign in the
// header's detail (1: negative).
struct Bignum {
  Value header, length;
  uint32_t limbs[];
};
// An exact non-integer: numerator and denominator are exact integers
// (fixnums or bignums) with no common factor, the denominator above 1.
struct Ratnum {
  Value header, numerator, denominator;
};
// An inexact complex number, rectangular. Its imaginary part may be 0.0 (as
// Guile's 1.0+0.0i); an exact zero imaginary part makes a real instead.
struct Compnum {
  Value header;
  Value bits[16 / sizeof(Value)];
};
struct GlobalCell;
struct Symbol {
  Value header;
  const char* name;
  GlobalCell* global;  // its top-level binding, made on first use
};
struct PrimitiveObject {
  Value header;
  uint32_t index;  // into the primitive table (primitives.h)
};

inline Pair* pairOf(Value v) { return (Pair*)v; }
inline Closure* closureOf(Value v) { return (Closure*)v; }
inline Frame* frameOf(Value v) { return (Frame*)v; }
inline Vector* vectorOf(Value v) { return (Vector*)v; }
inline String* stringOf(Value v) { return (String*)v; }
inline Symbol* symbolOf(Value v) { return (Symbol*)v; }
// A port (ports.cc says what its fields hold for each kind of port).
struct Port {
  Value header, a, b;
};
inline Port* portOf(Value v) { return (Port*)v; }
inline Bytevector* bytevectorOf(Value v) { return (Bytevector*)v; }
inline Bignum* bignumOf(Value v) { return (Bignum*)v; }
inline Ratnum* ratnumOf(Value v) { return (Ratnum*)v; }
inline double flonumValue(Value v) {
  double d;
  __builtin_memcpy(&d, ((Flonum*)v)->bits, sizeof d);
  return d;
}
// A compnum's parts: real, then imaginary.
inline double compnumPart(Value v, int part) {
  double d;
  __builtin_memcpy(&d, (const char*)((Compnum*)v)->bits + part * sizeof(double), sizeof d);
  return d;
}

// A top-level variable. Cells are never freed or moved, so compiled code
// embeds their addresses; the collector treats every cell as a root.
struct GlobalCell {
  Value value;  // kUnset until defined
  Symbol* symbol;
  GlobalCell* next;  // all cells, for the collector
  // Set while parsing when any program defines or assigns it: calls to it are
  // then never bound to a primitive at parse time.
  bool userDefined;
};

struct Expr;

// A lambda's record. It lives outside the heap (malloc), so its address is
// stable and can be written into generated code.
struct Func {
  // Table index of the compiled entry; 0 (the null slot) until a JIT module's
  // patch function writes it. Kept first so the patch stores to the record's
  // own address.
  int32_t jitCode;
  uint8_t hasRun;             // the evaluator has interpreted it at least once
  uint8_t createsClosures;    // its body contains a lambda: its frame can be captured
  uint8_t hasRest;            // a rest parameter follows the required ones
  uint8_t tier;               // automatic tiering's state of it (tiering.h)
  // Never compiled: its body calls call/cc itself, or it is one of the
  // prelude's (dynamic-wind, call-with-values ...), which call procedures
  // that may capture continuations. Interpreted, the continuations they
  // capture can be resumed later (continuations.h); beneath compiled code
  // only an escape is captured.
  uint8_t staysInterpreted;
  int32_t required;           // parameters before the rest parameter
  int32_t slotCount;          // frame slots: parameters, rest, then every local of the body
  Expr* body;
  const char* name;           // for messages and #<procedure name>; null if anonymous
  int32_t line, column;       // of the lambda (or define) in the source
  Func* nextRun;              // the list of functions that have run, oldest first
  // The JIT's notes while it compiles a round (compiler.h).
  uint32_t round;
  uint32_t roundEntry;        // index of its entry in the round's module
  uint32_t roundIndex;        // index of the function direct callers call
  uint32_t heat;              // interpreted entries, while tiering is on (tiering.h)
};

// The core syntax the parser reduces every form to (syntax.cc says how).
enum class ExprKind : uint8_t {
  Constant,       // value
  Local,          // depth frames out, slot index; checked: may still be unset
  Global,         // cell
  SetLocal,       // depth, index, a (set!, and every let, letrec and internal define)
  SetGlobal,      // cell, a
  DefineGlobal,   // cell, a
  If,             // a, b, c
  Lambda,         // func
  Sequence,       // items[count]
  Call,           // a = callee, items[count] = arguments
  PrimitiveCall,  // primitive, items[count] = arguments
};

struct Expr {
  ExprKind kind;
  bool checked;     // Local: bound by letrec or an internal define, so it may be unset
  uint16_t primitive;
  uint8_t shape;    // the evaluator's notes on it, made on first use (evaluator.cc)
  int32_t depth, index;
  int32_t count;
  int32_t line, column;
  Value value;       // Constant
  const char* name;  // Local, SetLocal, Global: the variable's name
  GlobalCell* cell;
  Func* func;
  Expr *a, *b, *c;
  Expr** items;
  struct Variable* variable;  // Local, SetLocal: the variable's record
};

// A local variable, as the parser resolved it. A variable never assigned by
// set! whose initialiser is a lambda always holds, once set, a closure of that
// lambda: its calls have a known callee.
struct Variable {
  const char* name;
  int32_t index;
  bool checked;           // bound by letrec or an internal define: may be read unset
  bool assigned;          // the target of a set!
  const Expr* initialiser;  // of a letrec or internal define, or null
};
