// %call-catching-errors (catching.h says how it works).
#include "catching.h"

#include "errors.h"
#include "evaluator.h"
#include "heap.h"
#include "outside.h"
#include "ports.h"
#include "primitives.h"
#include "symbols.h"

// The host's part: 1 when runCatching ended with a guest error.
#ifdef __wasm__
extern "C" __attribute__((import_module("env"), import_name("catch_errors"))) int32_t catch_errors(void);
extern "C" int32_t stackPointer();
extern "C" void setStackPointer(int32_t sp);
#else
extern "C" int32_t catch_errors(void);  // the native command line's setjmp (native_main.cc)
#endif

namespace {

int32_t catchers;  // calls catching errors under way
// The thunk runCatching calls, and what it returned (roots).
Value thunkToRun = kUnset;
Value thunkResult = kUnset;

void registerOnce() {
  static bool registered;
  if (registered) return;
  registerRoot(&thunkToRun);
  registerRoot(&thunkResult);
  registered = true;
}

Value kindSymbol(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::Read: return intern("read");
    case ErrorKind::File: return intern("file");
    case ErrorKind::Other: break;
  }
  return kFalse;
}

}  // namespace

bool errorsAreCaught() { return catchers > 0; }
void resetCatching() { catchers = 0; }

#ifdef __wasm__
extern "C" __attribute__((export_name("runCatching")))
#else
extern "C"
#endif
void runCatching() {
  Value thunk = thunkToRun;
  thunkToRun = kUnset;
  thunkResult = applyFromPrimitive(thunk, nullptr, 0);
}

// (%call-catching-errors thunk on-error): the thunk's value, or when a
// runtime error ends it, (on-error message kind), where kind is read, file
// or #f.
Value prim_CallCatchingErrors(ARGS) {
  UNUSED_ARGC;
  procedureAt(Prim::CallCatchingErrors, args, 0);
  procedureAt(Prim::CallCatchingErrors, args, 1);
  registerOnce();
  EvaluatorMark mark = markEvaluator();
  Value* ports = pushRoot(currentInputPort());
  pushRoot(currentOutputPort());
#ifdef __wasm__
  int32_t stack = stackPointer();
#endif
  thunkToRun = args[0];
  catchers++;
  int32_t failed = catch_errors();
  catchers--;
  if (!failed) {
    Value result = thunkResult;  // kUnwinding when a continuation outside was thrown to
    thunkResult = kUnset;
    rootTop = ports;
    return result;
  }
#ifdef __wasm__
  setStackPointer(stack);
#endif
  // Back to where this call stood; the dynamic-winds and handlers stay.
  finishCollection();
  abandonProgramArena();
  returnToMark(mark);
  exchangeCurrentInput(ports[0]);
  exchangeCurrentOutput(ports[1]);
  thunkToRun = thunkResult = kUnset;
  const char* message = lastErrorMessage();
  ErrorKind kind = lastErrorKind();
  clearLastError();
  Value* call = pushRoot(message ? makeString(message, __builtin_strlen(message)) : makeString("", 0));
  pushRoot(kindSymbol(kind));
  Value result = applyFromPrimitive(args[1], call, 2);
  rootTop = ports;
  return result;
}
