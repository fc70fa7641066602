// First-class continuations by copying the interpreter's continuation, and
// unwinding by return (continuations.h says why).
#include "continuations.h"

#include <string.h>

#include "errors.h"
#include "evaluator.h"
#include "heap.h"
#include "outside.h"
#include "primitives.h"

Value windList = kNil;
Value handlerList = kNil;

namespace {

// A continuation's fields before the words it copied (objects.def).
enum ContinuationField : uint32_t { kLevel, kSerial, kWinds, kHandlers, kWords };

struct Activation {
  uint32_t serial;
  size_t continuationBase;
  Value* rootBase;
};
Activation* activations;
int32_t activationCapacity;
int32_t level = -1;  // the current activation's index
// Serials are fixnums in a continuation; one that wraps round would have to
// meet an activation of the same level still running 2^30 activations later.
uint32_t nextSerial;

// What is being thrown while kUnwinding goes down: the continuation (a root)
// and the value it is given.
Value thrownTo = kUnset;
Value thrownValue = kUnset;

Value* fieldsOf(Value k) { return vectorOf(k)->elements; }
int32_t levelOf(Value k) { return integerOf(fieldsOf(k)[kLevel]); }

bool isLive(Value k) {
  int32_t at = levelOf(k);
  return at <= level && activations[at].serial == (uint32_t)integerOf(fieldsOf(k)[kSerial]);
}

// Calls a thunk; false when it threw (kUnwinding).
bool runThunk(Value thunk) { return applyProcedure(thunk, nullptr, 0) != kUnwinding; }

// The dynamic-wind transitions from the list in force to `target`: the
// afters of what is left, innermost first, then the befores of what is
// entered, outermost first. Each runs with the list as it is outside its own
// dynamic-wind. False when one of them threw.
bool rewind(Value* target) {
  int32_t here = 0, there = 0;
  for (Value w = windList; w != kNil; w = pairOf(w)->cdr) here++;
  for (Value w = *target; w != kNil; w = pairOf(w)->cdr) there++;
  Value common = windList, other = *target;
  for (int32_t i = here; i > there; i--) common = pairOf(common)->cdr;
  for (int32_t i = there; i > here; i--) other = pairOf(other)->cdr;
  while (common != other) {
    common = pairOf(common)->cdr;
    other = pairOf(other)->cdr;
  }
  Value* shared = pushRoot(common);
  while (windList != *shared) {
    Value after = pairOf(pairOf(windList)->car)->cdr;
    windList = pairOf(windList)->cdr;
    if (!runThunk(after)) return false;
  }
  // Enter from the outside in: the frames between shared and target, outermost first.
  for (;;) {
    Value next = *target;
    if (next == windList) break;
    while (pairOf(next)->cdr != windList) next = pairOf(next)->cdr;
    Value* frame = pushRoot(next);
    if (!runThunk(pairOf(pairOf(*frame)->car)->car)) return false;
    windList = *frame;
    rootTop = frame;
  }
  return true;
}

}  // namespace

void resetContinuations() {
  static bool registered;
  if (!registered) {
    registerRoot(&windList);
    registerRoot(&handlerList);
    registerRoot(&thrownTo);
    registerRoot(&thrownValue);
    registered = true;
  }
  level = -1;
  windList = handlerList = kNil;
  thrownTo = thrownValue = kUnset;
}

void beginActivation() {
  if (++level == activationCapacity) {
    activationCapacity = activationCapacity ? 2 * activationCapacity : 64;
    activations = (Activation*)reallocateOutside(activations, (size_t)activationCapacity,
                                                 sizeof(Activation), "the interpreter's activations");
  }
  activations[level] = Activation{nextSerial++ & (uint32_t)kMaxInteger, continuationTop, rootTop};
}

void endActivation() { level--; }

int32_t activationLevel() { return level; }

void returnToActivation(int32_t at) {
  level = at;
  thrownTo = thrownValue = kUnset;
}

Value captureContinuation() {
  const Activation& a = activations[level];
  size_t words = continuationTop - a.continuationBase;
  if (words > UINT32_MAX - kWords) fail("out of memory: a continuation of %lu words", (unsigned long)words);
  Value k = makeElements(kContinuationTag, (uint32_t)(kWords + words), kUnset);
  Value* f = fieldsOf(k);
  f[kLevel] = makeInteger(level);
  f[kSerial] = makeInteger((int32_t)activations[level].serial);
  f[kWinds] = windList;
  f[kHandlers] = handlerList;
  memcpy(f + kWords, continuation + activations[level].continuationBase, words * sizeof(Value));
  return k;
}

Value throwToContinuation(Value k, Value* args, int32_t argc) {
  if (!isLive(k))
    fail("a continuation was called after the call it was captured in had returned: it was captured "
         "beneath compiled code, a primitive that calls procedures (map, for-each ...) or an earlier "
         "evaluation, and can only be used while that call runs");
  Value* kept = pushRoot(k);
  Value* value = pushRoot(argc == 1 ? args[0] : prim_Values(args, argc));
  Value* target = pushRoot(fieldsOf(*kept)[kWinds]);
  if (!rewind(target)) return kUnwinding;  // a thunk threw elsewhere
  handlerList = fieldsOf(*kept)[kHandlers];
  thrownTo = *kept;
  thrownValue = *value;
  rootTop = kept;
  return kUnwinding;
}

bool unwindingStopsHere(Value* value) {
  if (thrownTo == kUnset) __builtin_trap();  // kUnwinding with nothing thrown
  if (levelOf(thrownTo) != level) return false;
  const Activation& a = activations[level];
  size_t words = lengthOf(thrownTo) - kWords;
  continuationTop = a.continuationBase;
  reserveContinuation(words);
  memcpy(continuation + continuationTop, fieldsOf(thrownTo) + kWords, words * sizeof(Value));
  continuationTop += words;
  rootTop = a.rootBase;
  *value = thrownValue;
  thrownTo = thrownValue = kUnset;
  return true;
}

void unwindForExit() {
  while (windList != kNil) {
    Value after = pairOf(pairOf(windList)->car)->cdr;
    windList = pairOf(windList)->cdr;
    if (!runThunk(after)) return;
  }
}

// ---- the primitives ----

// call/cc made natively: from compiled code, or through apply or map. (The
// interpreter captures its own continuation at its calls of call/cc.) It
// runs the receiver in an activation of its own, so what it captures is
// only the way back to here: it escapes, and resumes while this call runs.
Value prim_CallWithCurrentContinuation(ARGS) {
  UNUSED_ARGC;
  procedureAt(Prim::CallWithCurrentContinuation, args, 0);
  beginActivation();
  Value* k = pushRoot(captureContinuation());
  Value result = applyProcedure(args[0], k, 1);
  if (result == kUnwinding) unwindingStopsHere(&result);  // the value thrown here, or kUnwinding on down
  endActivation();
  rootTop = k;
  return result;
}

Value prim_CallCC(ARGS) { return prim_CallWithCurrentContinuation(args, argc); }
Value prim_CallWithEscapeContinuation(ARGS) { return prim_CallWithCurrentContinuation(args, argc); }
Value prim_CallEC(ARGS) { return prim_CallWithCurrentContinuation(args, argc); }

Value prim_Wind(ARGS) {
  UNUSED_ARGC;
  procedureAt(Prim::Wind, args, 0);
  procedureAt(Prim::Wind, args, 1);
  Value* frame = pushRoot(makePair(args[0], args[1]));
  windList = makePair(*frame, windList);
  rootTop = frame;
  return kUnspecified;
}

Value prim_Unwind(ARGS) {
  (void)args;
  UNUSED_ARGC;
  if (windList != kNil) windList = pairOf(windList)->cdr;
  return kUnspecified;
}

Value prim_Handlers(ARGS) {
  (void)args;
  UNUSED_ARGC;
  return handlerList;
}

Value prim_SetHandlers(ARGS) {
  UNUSED_ARGC;
  handlerList = args[0];
  return kUnspecified;
}
