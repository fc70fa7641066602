// The built-in procedures, from the one table in primitives.def.
#pragma once
#include "value.h"

const int32_t kAny = -1;  // no maximum number of arguments

enum class Prim : uint16_t {
#define PRIMITIVE(id, name, min, max, allocates, doc) id,
#include "primitives.def"
#undef PRIMITIVE
  Count
};

// Arguments live in consecutive root slots (so they stay rooted and are
// updated by a collection); an implementation may allocate.
typedef Value PrimitiveFunction(Value* args, int32_t argc);

struct PrimitiveInfo {
  const char* name;
  int32_t minArgs, maxArgs;
  bool allocates;  // it may start a collection
  PrimitiveFunction* function;
  const char* description;
};

const PrimitiveInfo& primitiveInfo(Prim p);
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
#define PRIMITIVE(id, name, min, max, allocates, doc) Value prim_##id(Value* args, int32_t argc);
#include "primitives.def"
#undef PRIMITIVE
#define ARGS Value* args, int32_t argc
#define UNUSED_ARGC (void)argc

// Argument checks: each returns the argument, or fails with the primitive's
// wrong-type message naming argument i.
Value pairAt(Prim p, Value* args, int32_t i);
Value vectorAt(Prim p, Value* args, int32_t i);
Value stringAt(Prim p, Value* args, int32_t i);
Value procedureAt(Prim p, Value* args, int32_t i);
// Elements of a proper list, or a wrong-type error naming argument i.
int32_t properLength(Prim p, Value* args, int32_t i);
// n as a fixnum, or the primitive's overflow error.
Value checkedInteger(Prim p, int64_t n);
// Integers compared or combined by the arithmetic primitives; fails with the
// primitive's wrong-type message when an argument is not an integer.
int32_t integerArgument(Prim p, Value* args, int32_t index);
// An index below length, or the primitive's index error.
int32_t indexAt(Prim p, Value* args, int32_t i, uint32_t length);
// equal? (equivalence.cc).
bool equal(Value a, Value b, int nesting);
