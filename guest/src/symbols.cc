#include "symbols.h"

#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "heap.h"
#include "outside.h"
#include "utf8.h"

namespace {

// Open addressing, grown at half full.
Symbol** table;
size_t capacity, count;
size_t symbolBytes;  // the names and Symbols of the table, which never shrinks
GlobalCell* cells;

uint32_t hash(const char* s, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (uint8_t)s[i]) * 16777619u;
  return h;
}

void insert(Symbol** into, size_t size, Symbol* s) {
  size_t i = hash(s->name, strlen(s->name)) & (size - 1);
  while (into[i]) i = (i + 1) & (size - 1);
  into[i] = s;
}

void grow() {
  size_t size = capacity ? 2 * capacity : 256;
  Symbol** bigger = (Symbol**)allocateZeroedOutside(size, sizeof(Symbol*), "the symbol table");
  for (size_t i = 0; i < capacity; i++)
    if (table[i]) insert(bigger, size, table[i]);
  free(table);
  table = bigger;
  capacity = size;
}

// A literal pair: a Pair, then the position of its car in the source.
struct LiteralPair {
  Pair pair;
  int32_t line, column;
};

}  // namespace

Value intern(const char* name, size_t length) {
  if (2 * (count + 1) > capacity) grow();
  size_t i = hash(name, length) & (capacity - 1);
  for (; table[i]; i = (i + 1) & (capacity - 1)) {
    // stops at the first difference: a long name costs only what it shares
    if (strncmp(table[i]->name, name, length) == 0 && table[i]->name[length] == 0)
      return (Value)table[i];
  }
  // Symbols are never collected, so a program that makes them without end
  // meets the heap's limit, as it would if they were in the heap.
  size_t bytes = sizeof(Symbol) + length + 1;
  if (heapCeiling() > 0 && symbolBytes + bytes > heapCeiling())
    fail("heap exhausted: symbols take %lu bytes, the most the %lu-byte heap allows",
         (unsigned long)(symbolBytes + bytes), (unsigned long)heapCeiling());
  symbolBytes += bytes;
  Symbol* s = (Symbol*)allocateZeroedOutside(1, sizeof(Symbol), "a symbol");
  char* copy = (char*)allocateOutside(length + 1, 1, "a symbol");
  memcpy(copy, name, length);
  copy[length] = 0;
  s->header = makeHeader(kSymbolTag, 0);
  s->name = copy;
  table[i] = s;
  count++;
  return (Value)s;
}

GlobalCell* globalCell(Value symbol) {
  Symbol* s = symbolOf(symbol);
  if (!s->global) {
    GlobalCell* cell = (GlobalCell*)allocateZeroedOutside(1, sizeof(GlobalCell), "a global variable");
    cell->value = kUnset;
    cell->symbol = s;
    cell->next = cells;
    cells = cell;
    s->global = cell;
  }
  return s->global;
}

GlobalCell* firstGlobalCell() { return cells; }

Value literalPair(Value car, Value cdr, int32_t line, int32_t column) {
  LiteralPair* p = (LiteralPair*)allocateForProgram(1, sizeof(LiteralPair), "a literal");
  p->pair.header = kPairTag | kLiteral;
  p->pair.car = car;
  p->pair.cdr = cdr;
  p->line = line;
  p->column = column;
  return (Value)p;
}

void literalPosition(Value pair, int32_t* line, int32_t* column) {
  LiteralPair* p = (LiteralPair*)pair;
  *line = p->line;
  *column = p->column;
}

Value literalString(const char* bytes, size_t length) {
  const uint8_t* p = (const uint8_t*)bytes;
  const uint8_t* end = p + length;
  size_t count = utf8Count(p, length), step;
  String* s = (String*)allocateForData(1, dataObjectBytes(count, sizeof(uint32_t)), "a literal");
  s->header = makeHeader(kStringTag, 0) | kLiteral;
  s->length = count;
  for (size_t i = 0; i < count; i++, p += step) s->chars[i] = utf8Decode(p, end, &step);
  return (Value)s;
}

Value literalBytevector(uint32_t length) {
  Bytevector* v = (Bytevector*)allocateForData(1, dataObjectBytes(length, 1), "a literal");
  v->header = makeHeader(kBytevectorTag, 0) | kLiteral;
  v->length = length;
  return (Value)v;
}

Value literalVector(uint32_t length) {
  Vector* v = (Vector*)allocateForProgram(2 + (size_t)length, sizeof(Value), "a literal");
  v->header = makeHeader(kVectorTag, 0) | kLiteral;
  v->length = length;
  return (Value)v;
}
