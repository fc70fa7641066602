// Reporting errors to the host: a message on stderr, then env.throw_error,
// which never returns (the host aborts the call).
#pragma once
#include "primitives.h"
#include "value.h"

// Writes "error: MESSAGE" to stderr, keeps a copy for lastErrorMessage, and
// aborts the current call through the host. Inside a call that catches
// errors (catching.h) it writes nothing: the error becomes a condition, and
// only one that no handler takes is written, when it leaves the last such call.
[[noreturn]] void fail(const char* format, ...) __attribute__((format(printf, 1, 2)));

// The kinds of error R7RS lets a program tell apart: read-error? and
// file-error? hold of the conditions made from them.
enum class ErrorKind : int32_t { Other, Read, File };
[[noreturn]] void failRead(const char* format, ...) __attribute__((format(printf, 1, 2)));
[[noreturn]] void failFile(const char* format, ...) __attribute__((format(printf, 1, 2)));

// The message of the last error since the last reset, or nullptr, and its kind.
const char* lastErrorMessage();
ErrorKind lastErrorKind();
void clearLastError();

// What an argument of a primitive must be, for wrong-type messages.
enum class Expected : uint8_t {
  Integer, Pair, List, Vector, String, Symbol, Procedure, Radix, Count,
  // ports.cc
  Port, InputPort, OutputPort, BinaryInputPort, BinaryOutputPort, StringOutputPort,
  BytevectorOutputPort, PortCharacter, PortBytevector, Byte,
  // characters.cc, strings.cc, bytevectors.cc
  Character, ScalarValue, CharacterList, CharacterVector, Bytevector,
  // the numbers' files
  Number, Real, Finite, DecimalRadix, Fixnum, ExactNonNegativeInteger,
  // the list, string and hash table libraries (lists.cc, sort.cc, strings.cc, hash_tables.cc)
  ListOrVector, StringList, CharacterOrProcedure, JoinGrammar, HashTable, HashTableEquivalence,
  PositiveInteger,
};

// A primitive's argument (index from 0) is not what it expects.
[[noreturn]] void failWrongType(Prim p, int32_t index, Expected expected, Value got);
[[noreturn]] void failIndex(Prim p, int32_t index, uint32_t length);
[[noreturn]] void failDivisionByZero(Prim p);
[[noreturn]] void failLiteral(Prim p, Value object);
[[noreturn]] void failArgumentCount(Value procedure, int32_t argc);

// Run-time errors that compiled code reports itself, through the runtime's
// fail helper with one of these codes, so both say exactly the same thing.
// (Compiled code hands every other failure to the primitive's own function.)
enum class RuntimeError : int32_t {
  NotAProcedure = 1,  // value: the value called
  UnsetLocal = 2,     // value: the Local expression
  UnboundGlobal = 3,  // value: the Global or SetGlobal expression
  TooDeep = 4,        // value: the limit of nested calls, or 0 for a full root stack
  ArgumentCount = 5,  // value: the procedure, detail: the number of arguments given
  TooDeepInRuntime = 6,  // detail: how many calls made by primitives may nest
};

// Compiled code passes kind | (detail << 8) as one i32.
inline int32_t errorCode(RuntimeError kind, int32_t detail = 0) {
  return (int32_t)kind | (detail << 8);
}

[[noreturn]] void failRuntime(int32_t code, Value value);

// How a value is described in messages: "the integer 5", "the empty list",
// "the pair (1 2)" (long ones cut short).
void describeValue(Value v, char* out, size_t size);
