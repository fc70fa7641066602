#include "symbols.h"

#include <stdlib.h>
#include <string.h>

#include "heap.h"

namespace {

// Open addressing, grown at half full.
Symbol** table;
size_t capacity, count;
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
  Symbol** bigger = (Symbol**)calloc(size, sizeof(Symbol*));
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
    if (strlen(table[i]->name) == length && memcmp(table[i]->name, name, length) == 0)
      return (Value)table[i];
  }
  Symbol* s = (Symbol*)calloc(1, sizeof(Symbol));
  char* copy = (char*)malloc(length + 1);
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
    GlobalCell* cell = (GlobalCell*)calloc(1, sizeof(GlobalCell));
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
  LiteralPair* p = (LiteralPair*)malloc(sizeof(LiteralPair));
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
  String* s = (String*)malloc(dataObjectBytes(length, 1));
  s->header = makeHeader(kStringTag, 0) | kLiteral;
  s->length = length;
  memcpy(s->bytes, bytes, length);
  s->bytes[length] = 0;
  return (Value)s;
}

Value literalVector(uint32_t length) {
  Vector* v = (Vector*)calloc(2 + (size_t)length, sizeof(Value));
  v->header = makeHeader(kVectorTag, 0) | kLiteral;
  v->length = length;
  return (Value)v;
}
