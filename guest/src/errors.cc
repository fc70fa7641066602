#include "errors.h"

#include <stdarg.h>
#include <stdio.h>

#ifdef __wasm__
extern "C" __attribute__((import_module("env"), import_name("throw_error"))) void throw_error(void);
#else
extern "C" void throw_error(void);  // the native command line longjmps back
#endif


static char errorText[512];
static bool haveError;

const char* lastErrorMessage() { return haveError ? errorText : nullptr; }
void clearLastError() { haveError = false; }

void fail(const char* format, ...) {
  va_list args;
  va_start(args, format);
  vsnprintf(errorText, sizeof errorText, format, args);
  va_end(args);
  haveError = true;
  fflush(stdout);
  fprintf(stderr, "error: %s\n", errorText);
  fflush(stderr);
  throw_error();
  __builtin_trap();  // the host must not return from throw_error
}

void describeValue(Value v, char* out, size_t size) {
  if (isInteger(v))
    snprintf(out, size, "the integer %d", (int)integerOf(v));
  else
    snprintf(out, size, "a procedure");
}

const char* primitiveName(Primitive p) {
  switch (p) {
    case Primitive::Add: return "+";
    case Primitive::Subtract: return "-";
    case Primitive::Multiply: return "*";
    case Primitive::Less: return "<";
    case Primitive::Eq: return "eq?";
  }
  return "?";
}

void failRuntime(int32_t code, Value value) {
  RuntimeError kind = (RuntimeError)(code & 0xff);
  int32_t detail = code >> 8;
  char what[64];
  describeValue(value, what, sizeof what);
  switch (kind) {
    case RuntimeError::NotAnInteger:
      fail("wrong type: %s expects integers, got %s", primitiveName((Primitive)detail), what);
    case RuntimeError::IntegerOverflow:
      fail("integer overflow: %s", primitiveName((Primitive)detail));
    case RuntimeError::NotAProcedure:
      fail("not a procedure: %s", what);
    case RuntimeError::IfNotInteger:
      fail("wrong type: if expects an integer test, got %s", what);
    case RuntimeError::UnsetVariable: {
      Expr* variable = (Expr*)value;
      fail("letrec variable used before its value is ready: %s at line %d, column %d",
           variable->name, (int)variable->line, (int)variable->column);
    }
    case RuntimeError::TooDeep:
      if (detail == 0) fail("recursion too deep: the root stack is full");
      fail("recursion too deep: more than %d nested calls", (int)detail);
  }
  fail("unknown runtime error %d", (int)code);
}
