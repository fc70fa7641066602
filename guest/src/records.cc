// The primitives define-record-type's procedures call. The syntax pass
// (syntax.cc) makes each constructor, predicate, accessor and modifier an
// ordinary procedure whose body is one call of these, with the type and
// the field's index as constants: the interpreter and compiled code alike
// call them.
#include "records.h"

#include <stdlib.h>

#include "errors.h"
#include "heap.h"
#include "outside.h"
#include "primitives.h"

Value makeRecordType(Value name, Value fieldNames) {
  RecordType* t = (RecordType*)allocateZeroedOutside(1, sizeof(RecordType), "a record type");
  t->header = makeHeader(kRecordTypeTag, 0) | kLiteral;
  t->name = name;
  t->fieldNames = fieldNames;
  return (Value)t;
}

namespace {

bool isRecordOf(Value v, Value type) { return hasTag(v, kRecordTag) && recordTypeOfRecord(v) == type; }

// "wrong type: point-x expects a record of type <point> as argument 1, got ..."
[[noreturn]] void failNotRecord(Value procedureName, Value type, Value got) {
  char what[96];
  describeValue(got, what, sizeof what);
  fail("wrong type: %s expects a record of type %s as argument 1, got %s", symbolOf(procedureName)->name,
       symbolOf(recordTypeOf(type)->name)->name, what);
}

int32_t fieldCount(Value type) {
  int32_t n = 0;
  for (Value f = recordTypeOf(type)->fieldNames; hasTag(f, kPairTag); f = pairOf(f)->cdr) n++;
  return n;
}

// These primitives are global names like any other, so a program may call
// them directly: arguments that no define-record-type would pass are one
// clear error rather than a stray memory access.
void checkCall(Prim p, Value* args, int32_t procedureName) {
  Value type = args[1];
  bool fine = hasTag(type, kRecordTypeTag) && isInteger(args[2]) && integerOf(args[2]) >= 0 &&
              integerOf(args[2]) < fieldCount(type) && hasTag(args[procedureName], kSymbolTag);
  if (!fine) fail("%s: called other than by a define-record-type procedure", primitiveName(p));
}

}  // namespace

Value prim_MakeRecord(ARGS) {
  if (!hasTag(args[0], kRecordTypeTag) || fieldCount(args[0]) != argc - 1)
    fail("%s: called other than by a define-record-type constructor", primitiveName(Prim::MakeRecord));
  Value record = makeElements(kRecordTag, (uint32_t)argc, kFalse);
  for (int32_t i = 0; i < argc; i++) vectorOf(record)->elements[i] = args[i];  // type, then fields
  return record;
}

Value prim_IsRecordOf(ARGS) {
  UNUSED_ARGC;
  return makeBoolean(isRecordOf(args[0], args[1]));
}

Value prim_RecordRef(ARGS) {
  UNUSED_ARGC;
  checkCall(Prim::RecordRef, args, 3);
  if (!isRecordOf(args[0], args[1])) failNotRecord(args[3], args[1], args[0]);
  return recordField(args[0], (uint32_t)integerOf(args[2]));
}

Value prim_RecordSet(ARGS) {
  UNUSED_ARGC;
  checkCall(Prim::RecordSet, args, 4);
  if (!isRecordOf(args[0], args[1])) failNotRecord(args[4], args[1], args[0]);
  vectorOf(args[0])->elements[1 + integerOf(args[2])] = args[3];
  return kUnspecified;
}
