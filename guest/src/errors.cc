#include "errors.h"

#include "ports.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "catching.h"
#include "printer.h"

#ifdef __wasm__
extern "C" __attribute__((import_module("env"), import_name("throw_error"))) void throw_error(void);
#else
extern "C" void throw_error(void);  // the native command line longjmps back
#endif

static char errorText[1024];
static bool haveError;
static ErrorKind errorKind;

const char* lastErrorMessage() { return haveError ? errorText : nullptr; }
ErrorKind lastErrorKind() { return errorKind; }
void clearLastError() { haveError = false; }

[[noreturn]] static void failWith(ErrorKind kind, const char* format, va_list args) {
  vsnprintf(errorText, sizeof errorText, format, args);
  haveError = true;
  errorKind = kind;
  endOutputLine();  // the error line is a line of its own, like a result line
  fflush(stdout);
  if (!errorsAreCaught()) {
    fprintf(stderr, "error: %s\n", errorText);
    fflush(stderr);
  }
  throw_error();
  __builtin_trap();  // the host must not return from throw_error
}

void fail(const char* format, ...) {
  va_list args;
  va_start(args, format);
  failWith(ErrorKind::Other, format, args);
}

void failRead(const char* format, ...) {
  va_list args;
  va_start(args, format);
  failWith(ErrorKind::Read, format, args);
}

void failFile(const char* format, ...) {
  va_list args;
  va_start(args, format);
  failWith(ErrorKind::File, format, args);
}

void describeValue(Value v, char* out, size_t size) {
  char text[64];
  writeValueShort(v, text, sizeof text);
  const char* kind = "";
  if (isInteger(v) || hasTag(v, kBignumTag)) kind = "the integer ";
  else if (hasTag(v, kRatnumTag)) kind = "the rational ";
  else if (hasTag(v, kFlonumTag)) kind = "the real ";
  else if (hasTag(v, kCompnumTag)) kind = "the complex number ";
  else if (v == kTrue || v == kFalse) kind = "the boolean ";
  else if (v == kNil) { snprintf(out, size, "the empty list"); return; }
  else if (v == kUnspecified) { snprintf(out, size, "the unspecified value"); return; }
  else if (isCharacter(v)) kind = "the character ";
  else if (v == kEof) { snprintf(out, size, "the eof object"); return; }
  else if (hasTag(v, kPairTag)) kind = "the pair ";
  else if (hasTag(v, kBytevectorTag)) kind = "the bytevector ";
  else if (hasTag(v, kVectorTag)) kind = "the vector ";
  else if (hasTag(v, kStringTag)) kind = "the string ";
  else if (hasTag(v, kSymbolTag)) kind = "the symbol ";
  else if (isProcedure(v)) kind = "the procedure ";
  else if (hasTag(v, kPortTag)) kind = "the port ";
  else if (hasTag(v, kHashTableTag)) kind = "the hash table ";
  else if (hasTag(v, kRecordTag)) kind = "the record ";
  snprintf(out, size, "%s%s", kind, text);
}

static const char* expectedName(Expected e) {
  switch (e) {
    case Expected::Integer: return "an integer";
    case Expected::Pair: return "a pair";
    case Expected::List: return "a proper list";
    case Expected::Vector: return "a vector";
    case Expected::String: return "a string";
    case Expected::Symbol: return "a symbol";
    case Expected::Procedure: return "a procedure";
    case Expected::Radix: return "a radix from 2 to 36";
    case Expected::Count: return "a non-negative integer";
    case Expected::Port: return "a port";
    case Expected::InputPort: return "an open textual input port";
    case Expected::OutputPort: return "an open textual output port";
    case Expected::BinaryInputPort: return "an open binary input port";
    case Expected::BinaryOutputPort: return "an open binary output port";
    case Expected::StringOutputPort: return "a string output port";
    case Expected::BytevectorOutputPort: return "a bytevector output port";
    case Expected::PortCharacter: return "a character";
    case Expected::PortBytevector: return "a bytevector";
    case Expected::Byte: return "a byte (an integer from 0 to 255)";
    case Expected::Character: return "a character";
    case Expected::Bytevector: return "a bytevector";
    case Expected::CharacterList: return "a proper list of characters";
    case Expected::CharacterVector: return "a vector of characters";
    case Expected::ScalarValue: return "a Unicode scalar value (0 to #x10FFFF, not #xD800 to #xDFFF)";
    case Expected::Number: return "a number";
    case Expected::Real: return "a real number";
    case Expected::Finite: return "a finite real number";
    case Expected::DecimalRadix: return "radix 10 for an inexact number";
    case Expected::Fixnum: return "an integer from -2^30 to 2^30-1";
    case Expected::ExactNonNegativeInteger: return "an exact non-negative integer";
    case Expected::ListOrVector: return "a proper list or a vector";
    case Expected::StringList: return "a proper list of strings";
    case Expected::CharacterOrProcedure: return "a character or a procedure";
    case Expected::JoinGrammar: return "a grammar (infix, strict-infix, prefix or suffix)";
    case Expected::HashTable: return "a hash table";
    case Expected::PositiveInteger: return "a positive integer";
    case Expected::HashTableEquivalence: return "an equivalence procedure (equal?, eqv?, eq? or string=?)";
  }
  return "?";
}

void failWrongType(Prim p, int32_t index, Expected expected, Value got) {
  char what[96];
  describeValue(got, what, sizeof what);
  fail("wrong type: %s expects %s as argument %d, got %s", primitiveName(p), expectedName(expected),
       (int)index + 1, what);
}

void failIndex(Prim p, int32_t index, uint32_t length) {
  fail("index out of range: %s index %d, length %u", primitiveName(p), (int)index,
       (unsigned)length);
}

void failDivisionByZero(Prim p) { fail("division by zero: %s", primitiveName(p)); }

void failLiteral(Prim p, Value object) {
  char what[96];
  describeValue(object, what, sizeof what);
  fail("%s cannot modify a literal constant: %s", primitiveName(p), what);
}

// "sq", or "the lambda at line 3, column 9" for an anonymous one.
static void procedureName(Value procedure, char* out, size_t size) {
  if (hasTag(procedure, kPrimitiveTag)) {
    snprintf(out, size, "%s", primitiveName((Prim)((PrimitiveObject*)procedure)->index));
    return;
  }
  Func* f = closureOf(procedure)->func;
  if (f->name)
    snprintf(out, size, "%s", f->name);
  else
    snprintf(out, size, "the lambda at line %d, column %d", (int)f->line, (int)f->column);
}

void failArgumentCount(Value procedure, int32_t argc) {
  char name[96];
  procedureName(procedure, name, sizeof name);
  int32_t min, max;
  if (hasTag(procedure, kPrimitiveTag)) {
    const PrimitiveInfo& info = primitiveInfo((Prim)((PrimitiveObject*)procedure)->index);
    min = info.minArgs;
    max = info.maxArgs;
  } else {
    Func* f = closureOf(procedure)->func;
    min = f->required;
    max = f->hasRest ? kAny : f->required;
  }
  char expected[48];
  int32_t last = max == kAny || min == max ? min : max;  // the number the noun follows
  if (max == kAny)
    snprintf(expected, sizeof expected, "at least %d", (int)min);
  else if (min == max)
    snprintf(expected, sizeof expected, "%d", (int)min);
  else
    snprintf(expected, sizeof expected, "%d to %d", (int)min, (int)max);
  fail("wrong number of arguments: %s expects %s argument%s, got %d", name, expected,
       last == 1 ? "" : "s", (int)argc);
}

void failRuntime(int32_t code, Value value) {
  RuntimeError kind = (RuntimeError)(code & 0xff);
  int32_t detail = code >> 8;
  char what[96];
  switch (kind) {
    case RuntimeError::NotAProcedure:
      describeValue(value, what, sizeof what);
      fail("not a procedure: %s", what);
    case RuntimeError::UnsetLocal: {
      Expr* variable = (Expr*)value;
      fail("variable used before its value is ready: %s at line %d, column %d", variable->name,
           (int)variable->line, (int)variable->column);
    }
    case RuntimeError::UnboundGlobal: {
      Expr* variable = (Expr*)value;
      fail("unbound variable: %s at line %d, column %d", variable->name, (int)variable->line,
           (int)variable->column);
    }
    case RuntimeError::TooDeep:
      if (value == 0) fail("recursion too deep: the root stack is full");
      fail("recursion too deep: more than %ld nested calls", (long)value);
    case RuntimeError::TooDeepInRuntime:
      fail("recursion too deep: more than %d nested calls made by map, for-each or apply",
           (int)detail);
    case RuntimeError::ArgumentCount:
      failArgumentCount(value, detail);
  }
  fail("unknown runtime error %d", (int)code);
}
