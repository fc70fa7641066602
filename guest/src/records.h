// Records (define-record-type): a record is an Elements object, its type
// then its fields; a type is a constant outside the heap, made when the
// definition is parsed, so compiled code may embed it.
#pragma once
#include "value.h"

struct RecordType {
  Value header;
  Value name;        // the symbol define-record-type named it by, e.g. <point>
  Value fieldNames;  // a list of symbols
};

inline RecordType* recordTypeOf(Value v) { return (RecordType*)v; }
// A record's type, and its field i.
inline Value recordTypeOfRecord(Value record) { return vectorOf(record)->elements[0]; }
inline Value recordField(Value record, uint32_t i) { return vectorOf(record)->elements[1 + i]; }
inline uint32_t recordFieldCount(Value record) { return lengthOf(record) - 1; }

Value makeRecordType(Value name, Value fieldNames);
