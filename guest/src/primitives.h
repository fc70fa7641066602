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

// Integers compared or combined by the arithmetic primitives; fails with the
// primitive's wrong-type message when an argument is not an integer.
int32_t integerArgument(Prim p, Value* args, int32_t index);

// Ends the line display and write have left open, so that what follows (the
// result line) starts a line of its own.
void endOutputLine();

// A new call starts at the start of a line (the host ends a line a trapped
// call left open).
void resetOutputLine();
