// Reporting errors to the host: a message on stderr, then env.throw_error,
// which never returns (the host aborts the call).
#pragma once
#include "value.h"

// Writes "error: MESSAGE" to stderr, keeps a copy for lastErrorMessage, and
// aborts the current call through the host.
[[noreturn]] void fail(const char* format, ...) __attribute__((format(printf, 1, 2)));

// The message of the last error since the last reset, or nullptr.
const char* lastErrorMessage();
void clearLastError();

// Run-time errors, shared by the evaluator and compiled code (which reports
// them through the runtime's fail helper with one of these codes), so both
// say exactly the same thing.
enum class RuntimeError : int32_t {
  NotAnInteger = 1,    // detail: the primitive, value: the offending value
  IntegerOverflow = 2, // detail: the primitive
  NotAProcedure = 3,   // value: the value called
  IfNotInteger = 4,    // value: the test's value
  UnsetVariable = 5,   // value: the Variable expression
  TooDeep = 6,
};

// Compiled code passes kind | (detail << 8) as one i32.
inline int32_t errorCode(RuntimeError kind, int32_t detail = 0) {
  return (int32_t)kind | (detail << 8);
}

[[noreturn]] void failRuntime(int32_t code, Value value);

// The ways a value is described in messages: "the integer 5", "a procedure".
void describeValue(Value v, char* out, size_t size);
