// The built-in procedures, from the one table in primitives.def.
#pragma once
#include "value.h"

const int32_t kAny = -1;  // no maximum number of arguments

enum class Prim : uint16_t {
#define PRIMITIVE(id, name, min, max, effects, doc) id,
#include "primitives.def"
#undef PRIMITIVE
  Count
};

// Arguments live in consecutive root slots (so they stay rooted and are
// updated by a collection); an implementation may allocate.
typedef Value PrimitiveFunction(Value* args, int32_t argc);

// What a primitive may do besides computing its result: primitives.def's
// effects column (false, true, calls).
enum class PrimitiveEffects : uint8_t { None = 0, Allocates = 1, CallsProcedures = 2 };

struct PrimitiveInfo {
  const char* name;
  int32_t minArgs, maxArgs;
  PrimitiveEffects effects;
  PrimitiveFunction* function;
  const char* description;
  // It may start a collection: it makes objects, or calls procedures that may.
  bool allocates() const { return effects != PrimitiveEffects::None; }
  // It calls procedures it is given (map, sort ...): those calls nest natively
  // and count against nativeLimits.primitiveCalls (evaluator.h).
  bool callsProcedures() const { return effects == PrimitiveEffects::CallsProcedures; }
};

const PrimitiveInfo& primitiveInfo(Prim p);

// call/cc under either name: the interpreter makes its calls itself, capturing
// its own continuation, and a lambda that calls it is never compiled.
inline bool capturesContinuation(Prim p) {
  return p == Prim::CallWithCurrentContinuation || p == Prim::CallCC;
}
inline const char* primitiveName(Prim p) { return primitiveInfo(p).name; }

// The primitive procedure object of p (a constant outside the heap).
Value primitiveObject(Prim p);

// Binds every primitive's name as a global variable (once).
void definePrimitives();

bool acceptsArgumentCount(Prim p, int32_t argc);

// Calls p after checking the argument count.
Value callPrimitive(Prim p, Value* args, int32_t argc);

// ---- For the files that implement primitives ----
// Each prim_ID is defined in the file of its kind of data (primitives.cc
// lists them). Arguments are in root slots: re-read them after any
// allocation, never keep their contents in C++ locals across one.
#define PRIMITIVE(id, name, min, max, effects, doc) Value prim_##id(Value* args, int32_t argc);
#include "primitives.def"
#undef PRIMITIVE
#define ARGS Value* args, int32_t argc
#define UNUSED_ARGC (void)argc

// Argument checks: each returns the argument, or fails with the primitive's
// wrong-type message naming argument i.
Value pairAt(Prim p, Value* args, int32_t i);
Value numberAt(Prim p, Value* args, int32_t i);  // any number (tower.h)
Value realAt(Prim p, Value* args, int32_t i);    // a real number
Value vectorAt(Prim p, Value* args, int32_t i);
Value stringAt(Prim p, Value* args, int32_t i);
Value procedureAt(Prim p, Value* args, int32_t i);
// Elements of a proper list, or a wrong-type error naming argument i.
int32_t properLength(Prim p, Value* args, int32_t i);
// A fixnum argument (an index, a count, a radix); fails with the primitive's
// wrong-type message ("an integer") for anything else. The numeric
// primitives take every number instead (tower.h).
int32_t integerArgument(Prim p, Value* args, int32_t index);
// An index below length, or the primitive's index error.
int32_t indexAt(Prim p, Value* args, int32_t i, uint32_t length);
// eqv? and equal? (equivalence.cc).
bool eqv(Value a, Value b);
bool equal(Value a, Value b);
// eqv? on two numbers of any kind: the same exactness and the same value.
// (equivalence.cc defines it for fixnums; number kinds extend it.)
bool eqvNumbers(Value a, Value b);
// The optional start and end arguments at args[first] and args[first + 1] of
// a sequence of `length` elements (defaults: 0 and the length), or the
// primitive's index error unless 0 <= start <= end <= length.
struct IndexRange {
  uint32_t start, end;
};
IndexRange rangeAt(Prim p, Value* args, int32_t argc, int32_t first, uint32_t length);
