// Hash tables, SRFI 69's procedures as Guile's (srfi srfi-69) offers them.
//
// A table keeps its entries in insertion order in one vector (key, value,
// key, value ...; a deleted entry's key is kUnset until the entries are
// compacted), and finds them through an index: a vector of fixnums, a power
// of two long and at least twice the entries' capacity, each slot empty (0)
// or an entry's number + 1, probed linearly. Iteration (keys, walk,
// ->alist) follows the entries, so it is in the order keys were first set,
// the same interpreted and compiled.
//
// The collector moves objects, so a key hashed by its address (eq? and eqv?
// on anything but numbers and characters; equal? on records, procedures,
// ports ...) hashes differently after a collection. Symbols, primitives and
// literal constants live outside the heap and never move; numbers, strings,
// pairs and vectors under equal? hash by content. A table counts its keys
// hashed by a moving address, and when it has any and a collection happened
// since it last built its index (collectionEpoch), it rebuilds the index
// in place before it looks anything up. Rebuilding allocates nothing.
#include "hash_tables.h"

#include <string.h>

#include "errors.h"
#include "evaluator.h"
#include "heap.h"
#include "primitives.h"
#include "tower.h"

namespace {

struct HashTable {
  Value header;      // the detail: the Equivalence
  Value entries;     // a vector of 2 * capacity values
  Value index;       // a vector of fixnums
  Value count;       // live entries
  Value used;        // entries used, deleted ones included
  Value movingKeys;  // live keys hashed by an address that a collection may change
  Value epoch;       // collectionEpoch when the index was last known good
};
HashTable* tableOf(Value v) { return (HashTable*)v; }

enum class Equivalence : uint32_t { Equal, Eqv, Eq, String };
Equivalence equivalenceOf(Value table) { return (Equivalence)headerDetailOf(table); }

const uint32_t kFirstCapacity = 8;
const Value kEmptySlot = makeInteger(0);

uint32_t entryCapacity(Value table) { return lengthOf(tableOf(table)->entries) / 2; }
Value* entriesOf(Value table) { return vectorOf(tableOf(table)->entries)->elements; }
int32_t fieldOf(Value field) { return integerOf(field); }
Value epochNow() { return makeInteger((int32_t)(collectionEpoch & kMaxInteger)); }

// ---- hashing ----

uint32_t mix(uint32_t h) {  // the finaliser of MurmurHash3: every bit affects every bit
  h ^= h >> 16;
  h *= 0x85ebca6b;
  h ^= h >> 13;
  h *= 0xc2b2ae35;
  h ^= h >> 16;
  return h;
}
uint32_t combine(uint32_t h, uint32_t part) { return mix(h * 31 + part); }

uint32_t hashWords(const void* data, size_t bytes, uint32_t seed) {
  const uint8_t* p = (const uint8_t*)data;
  uint32_t h = seed;
  for (size_t i = 0; i < bytes; i++) h = h * 31 + p[i];
  return mix(h);
}

// Whether an object may move: whatever is in the heap. Symbols, primitives,
// record types and the program's literal constants are outside it.
bool mayMove(Value v) {
  if (!isObject(v)) return false;
  ObjectTag tag = (ObjectTag)tagOf(v);
  if (tag == kSymbolTag || tag == kPrimitiveTag || tag == kRecordTypeTag) return false;
  return !(headerOf(v) & kLiteral);
}

bool isNumberObject(Value v) {
  return hasTag(v, kFlonumTag) || hasTag(v, kBignumTag) || hasTag(v, kRatnumTag) || hasTag(v, kCompnumTag);
}

// A hash of a number that eqv? numbers share. Exact integers and rationals
// are in lowest terms and flonums compare by bits under eqv?, so the
// representation is the value.
uint32_t numberHash(Value v) {
  if (isInteger(v)) return mix((uint32_t)v);
  switch (tagOf(v)) {
    case kBignumTag: return hashWords(bignumOf(v)->limbs, lengthOf(v) * sizeof(uint32_t), headerDetailOf(v) + 7);
    case kRatnumTag: return combine(numberHash(ratnumOf(v)->numerator), numberHash(ratnumOf(v)->denominator));
    case kFlonumTag: return hashWords(((Flonum*)v)->bits, 8, 11);
    default: return hashWords(((Compnum*)v)->bits, 16, 13);  // a compnum
  }
}

uint32_t stringHash(Value s) { return hashWords(stringOf(s)->chars, lengthOf(s) * sizeof(uint32_t), 3); }

// A hash that equal? values share and that no collection changes: content
// for strings, bytevectors, numbers, and pairs and vectors (at most `budget`
// of their parts, so that long and circular data hash in bounded time);
// the kind alone for objects compared by identity that may move.
uint32_t contentHash(Value v, int* budget) {
  if (--*budget < 0) return 0;
  if (!isObject(v)) return mix((uint32_t)v);
  if (isNumberObject(v)) return numberHash(v);
  switch (tagOf(v)) {
    case kStringTag: return stringHash(v);
    case kBytevectorTag: return hashWords(bytevectorOf(v)->bytes, lengthOf(v), 5);
    case kPairTag: {
      uint32_t h = 17;
      for (; hasTag(v, kPairTag) && *budget > 0; v = pairOf(v)->cdr) h = combine(h, contentHash(pairOf(v)->car, budget));
      return combine(h, hasTag(v, kPairTag) ? 0 : contentHash(v, budget));
    }
    case kVectorTag: {
      uint32_t h = 19 + lengthOf(v);
      for (uint32_t i = 0; i < lengthOf(v) && *budget > 0; i++) h = combine(h, contentHash(vectorOf(v)->elements[i], budget));
      return mix(h);
    }
  }
  return mayMove(v) ? mix((uint32_t)tagOf(v)) : mix((uint32_t)v);
}
const int kHashBudget = 64;

// The hash of a key under the table's equivalence; *moving when it is the
// key's address and the key may move.
uint32_t keyHash(Equivalence e, Value key, bool* moving) {
  *moving = false;
  if (e == Equivalence::String) return stringHash(key);
  if (!isObject(key)) return mix((uint32_t)key);
  if (e != Equivalence::Eq && isNumberObject(key)) return numberHash(key);
  if (e == Equivalence::Equal && (hasTag(key, kStringTag) || hasTag(key, kBytevectorTag) ||
                                  hasTag(key, kPairTag) || hasTag(key, kVectorTag))) {
    int budget = kHashBudget;
    return contentHash(key, &budget);
  }
  *moving = mayMove(key);
  return mix((uint32_t)key);
}
bool hashedByMovingAddress(Equivalence e, Value key) {
  bool moving;
  keyHash(e, key, &moving);
  return moving;
}

bool sameKey(Equivalence e, Value a, Value b) {
  switch (e) {
    case Equivalence::Eq: return a == b;
    case Equivalence::Eqv: return eqv(a, b);
    case Equivalence::String:
      return lengthOf(a) == lengthOf(b) && memcmp(stringOf(a)->chars, stringOf(b)->chars, lengthOf(a) * sizeof(uint32_t)) == 0;
    default: return equal(a, b);
  }
}

// ---- the index ----

// Records entry n under hash h. The index always has an empty slot: it is
// at least twice as long as the entries' capacity.
void indexEntry(Value table, uint32_t h, uint32_t n) {
  Vector* index = vectorOf(tableOf(table)->index);
  uint32_t mask = lengthOf(tableOf(table)->index) - 1;
  uint32_t slot = h & mask;
  while (index->elements[slot] != kEmptySlot) slot = (slot + 1) & mask;
  index->elements[slot] = makeInteger((int32_t)n + 1);
}

// Indexes every live entry afresh, by the hashes of now. Allocates nothing.
void rebuildIndex(Value table) {
  Vector* index = vectorOf(tableOf(table)->index);
  for (uint32_t i = 0; i < lengthOf(tableOf(table)->index); i++) index->elements[i] = kEmptySlot;
  Equivalence e = equivalenceOf(table);
  Value* entries = entriesOf(table);
  bool moving;
  for (int32_t n = 0; n < fieldOf(tableOf(table)->used); n++)
    if (entries[2 * n] != kUnset) indexEntry(table, keyHash(e, entries[2 * n], &moving), (uint32_t)n);
  tableOf(table)->epoch = epochNow();
}

// Makes the index good for the addresses of now.
void refresh(Value table) {
  if (fieldOf(tableOf(table)->movingKeys) > 0 && tableOf(table)->epoch != epochNow()) rebuildIndex(table);
  tableOf(table)->epoch = epochNow();
}

// The number of the key's entry, or -1. Allocates nothing.
int32_t findEntry(Value table, Value key) {
  refresh(table);
  Equivalence e = equivalenceOf(table);
  bool moving;
  uint32_t h = keyHash(e, key, &moving);
  Vector* index = vectorOf(tableOf(table)->index);
  uint32_t mask = lengthOf(tableOf(table)->index) - 1;
  Value* entries = entriesOf(table);
  for (uint32_t slot = h & mask;; slot = (slot + 1) & mask) {
    Value at = index->elements[slot];
    if (at == kEmptySlot) return -1;
    int32_t n = integerOf(at) - 1;
    if (entries[2 * n] != kUnset && sameKey(e, entries[2 * n], key)) return n;
  }
}

// Power of two index lengths, at least twice the entries' capacity.
uint32_t indexLengthFor(uint32_t capacity) {
  uint32_t length = 2;
  while (length < 2 * capacity) length *= 2;
  return length;
}

// Gives *table room for `capacity` entries, the live ones compacted to the
// front. May collect: the table is re-read from its root slot.
void resize(Value* table, uint32_t capacity) {
  if ((uint64_t)capacity * 4 > kMaxInteger) fail("heap exhausted: a hash table of %u entries", (unsigned)capacity);
  Value* entries = pushRoot(makeVector(2 * capacity, kUnset));
  Value index = makeVector(indexLengthFor(capacity), kEmptySlot);
  Value* from = entriesOf(*table);
  Value* to = vectorOf(*entries)->elements;
  uint32_t live = 0;
  for (int32_t n = 0; n < fieldOf(tableOf(*table)->used); n++) {
    if (from[2 * n] == kUnset) continue;
    to[2 * live] = from[2 * n];
    to[2 * live + 1] = from[2 * n + 1];
    live++;
  }
  tableOf(*table)->entries = *entries;
  tableOf(*table)->index = index;
  tableOf(*table)->used = makeInteger((int32_t)live);
  rebuildIndex(*table);
  rootTop = entries;
}

Value makeTable(Equivalence e, uint32_t capacity) {
  Value* entries = pushRoot(makeVector(2 * capacity, kUnset));
  Value* index = pushRoot(makeVector(indexLengthFor(capacity), kEmptySlot));
  Value table = makeFieldsObject(kHashTableTag, (uint32_t)e, sizeof(HashTable) / sizeof(Value));
  HashTable* t = tableOf(table);
  t->entries = *entries;
  t->index = *index;
  t->count = t->used = t->movingKeys = makeInteger(0);
  t->epoch = epochNow();
  rootTop = entries;
  return table;
}

// ---- the primitives' shared steps ----

Value tableAt(Prim p, Value* args, int32_t i) {
  if (!hasTag(args[i], kHashTableTag)) failWrongType(p, i, Expected::HashTable, args[i]);
  return args[i];
}

// The table at args[0] and the key at args[1], checked: a string=? table's
// keys must be strings.
void checkTableAndKey(Prim p, Value* args) {
  tableAt(p, args, 0);
  if (equivalenceOf(args[0]) == Equivalence::String) stringAt(p, args, 1);
}

// Sets the key's value: *table, *key and *value are root slots.
void store(Value* table, Value* key, Value* value) {
  int32_t n = findEntry(*table, *key);
  if (n >= 0) {
    entriesOf(*table)[2 * n + 1] = *value;
    return;
  }
  if ((uint32_t)fieldOf(tableOf(*table)->used) == entryCapacity(*table)) {
    uint32_t live = (uint32_t)fieldOf(tableOf(*table)->count);
    resize(table, live < kFirstCapacity / 2 ? kFirstCapacity : 2 * live);
  }
  Equivalence e = equivalenceOf(*table);
  bool moving;
  uint32_t h = keyHash(e, *key, &moving);  // after any collection resize made
  HashTable* t = tableOf(*table);
  n = fieldOf(t->used);
  entriesOf(*table)[2 * n] = *key;
  entriesOf(*table)[2 * n + 1] = *value;
  t->used = makeInteger(n + 1);
  t->count = makeInteger(fieldOf(t->count) + 1);
  if (moving) t->movingKeys = makeInteger(fieldOf(t->movingKeys) + 1);
  indexEntry(*table, h, (uint32_t)n);
}

[[noreturn]] void failNoKey(Prim p, Value key) {
  char what[96];
  describeValue(key, what, sizeof what);
  fail("%s: no entry for %s in the hash table", primitiveName(p), what);
}

// The live entries' keys, values or (key . value) pairs, in order.
enum class Part { Key, Value, Pair };
Value listOf(Value* args, Part part) {
  Value* list = pushRoot(kNil);
  Value* item = pushRoot(kNil);
  for (int32_t n = fieldOf(tableOf(args[0])->used) - 1; n >= 0; n--) {
    Value key = entriesOf(args[0])[2 * n];
    if (key == kUnset) continue;
    Value value = entriesOf(args[0])[2 * n + 1];
    *item = part == Part::Key ? key : part == Part::Value ? value : makePair(key, value);
    *list = makePair(*item, *list);
  }
  Value r = *list;
  rootTop = list;
  return r;
}

}  // namespace

// ---- the primitives ----

int32_t hashTableCount(Value table) { return fieldOf(tableOf(table)->count); }

Value prim_MakeHashTable(ARGS) {
  Equivalence e = Equivalence::Equal;
  if (argc > 0) {
    Value given = args[0];
    if (given == primitiveObject(Prim::IsEqual)) e = Equivalence::Equal;
    else if (given == primitiveObject(Prim::IsEqv)) e = Equivalence::Eqv;
    else if (given == primitiveObject(Prim::IsEq)) e = Equivalence::Eq;
    else if (given == primitiveObject(Prim::StringEqual)) e = Equivalence::String;
    else failWrongType(Prim::MakeHashTable, 0, Expected::HashTableEquivalence, given);
  }
  // A hash procedure suits its equivalence, so the table's own hash does too.
  if (argc > 1) procedureAt(Prim::MakeHashTable, args, 1);
  return makeTable(e, kFirstCapacity);
}

Value prim_IsHashTable(ARGS) { UNUSED_ARGC; return makeBoolean(hasTag(args[0], kHashTableTag)); }

Value prim_HashTableRef(ARGS) {
  checkTableAndKey(Prim::HashTableRef, args);
  for (int32_t i = 2; i < argc; i++) procedureAt(Prim::HashTableRef, args, i);
  int32_t n = findEntry(args[0], args[1]);
  if (n < 0) {
    if (argc < 3) failNoKey(Prim::HashTableRef, args[1]);
    return applyFromPrimitive(args[2], args, 0);
  }
  Value value = entriesOf(args[0])[2 * n + 1];
  if (argc < 4) return value;
  Value* callArg = pushRoot(value);
  Value r = applyFromPrimitive(args[3], callArg, 1);  // kUnwinding passes on as it is
  rootTop = callArg;
  return r;
}

Value prim_HashTableRefDefault(ARGS) {
  UNUSED_ARGC;
  checkTableAndKey(Prim::HashTableRefDefault, args);
  int32_t n = findEntry(args[0], args[1]);
  return n < 0 ? args[2] : entriesOf(args[0])[2 * n + 1];
}

Value prim_HashTableSet(ARGS) {
  UNUSED_ARGC;
  checkTableAndKey(Prim::HashTableSet, args);
  store(&args[0], &args[1], &args[2]);
  return kUnspecified;
}

Value prim_HashTableDelete(ARGS) {
  UNUSED_ARGC;
  checkTableAndKey(Prim::HashTableDelete, args);
  int32_t n = findEntry(args[0], args[1]);
  if (n < 0) return kUnspecified;
  HashTable* t = tableOf(args[0]);
  Value* entries = entriesOf(args[0]);
  if (hashedByMovingAddress(equivalenceOf(args[0]), entries[2 * n])) t->movingKeys = makeInteger(fieldOf(t->movingKeys) - 1);
  entries[2 * n] = kUnset;
  entries[2 * n + 1] = kUnset;
  t->count = makeInteger(fieldOf(t->count) - 1);
  return kUnspecified;
}

static Value contains(Prim p, Value* args) {
  checkTableAndKey(p, args);
  return makeBoolean(findEntry(args[0], args[1]) >= 0);
}
Value prim_HashTableContains(ARGS) { UNUSED_ARGC; return contains(Prim::HashTableContains, args); }
Value prim_HashTableExists(ARGS) { UNUSED_ARGC; return contains(Prim::HashTableExists, args); }

// update! calls f (and the failure thunk) first, then stores: they may have
// changed the table, so the key is looked up again to store.
static Value update(Prim p, Value* args, int32_t argc, bool withDefault) {
  checkTableAndKey(p, args);
  procedureAt(p, args, 2);
  if (argc > 3 && !withDefault) procedureAt(p, args, 3);
  Value* value = pushRoot(kUnset);
  int32_t n = findEntry(args[0], args[1]);
  if (n >= 0) *value = entriesOf(args[0])[2 * n + 1];
  else if (withDefault) *value = args[3];
  else if (argc > 3) *value = applyFromPrimitive(args[3], args, 0);
  else failNoKey(p, args[1]);
  if (*value != kUnwinding) *value = applyFromPrimitive(args[2], value, 1);
  if (*value == kUnwinding) {
    rootTop = value;
    return kUnwinding;
  }
  store(&args[0], &args[1], value);
  rootTop = value;
  return kUnspecified;
}
Value prim_HashTableUpdate(ARGS) { return update(Prim::HashTableUpdate, args, argc, false); }
Value prim_HashTableUpdateDefault(ARGS) { return update(Prim::HashTableUpdateDefault, args, argc, true); }

Value prim_HashTableCount(ARGS) { UNUSED_ARGC; return tableOf(tableAt(Prim::HashTableCount, args, 0))->count; }
Value prim_HashTableSize(ARGS) { UNUSED_ARGC; return tableOf(tableAt(Prim::HashTableSize, args, 0))->count; }

Value prim_HashTableKeys(ARGS) { UNUSED_ARGC; tableAt(Prim::HashTableKeys, args, 0); return listOf(args, Part::Key); }
Value prim_HashTableValues(ARGS) { UNUSED_ARGC; tableAt(Prim::HashTableValues, args, 0); return listOf(args, Part::Value); }
Value prim_HashTableToAlist(ARGS) { UNUSED_ARGC; tableAt(Prim::HashTableToAlist, args, 0); return listOf(args, Part::Pair); }

// walk and fold visit the entries there were when they began, in order;
// f may change the table meanwhile: an entry it deletes is not visited, and
// the walk ends, never runs on, however many it adds.
static Value visit(Prim p, Value* args, bool fold) {
  tableAt(p, args, 0);
  procedureAt(p, args, 1);
  int32_t first = fieldOf(tableOf(args[0])->used);
  Value* callArgs = pushRoot(kNil);  // key, value, and for fold what has been folded so far
  pushRoot(kNil);
  pushRoot(fold ? args[2] : kUnspecified);
  for (int32_t n = 0; n < first && n < fieldOf(tableOf(args[0])->used); n++) {
    Value key = entriesOf(args[0])[2 * n];
    if (key == kUnset) continue;
    callArgs[0] = key;
    callArgs[1] = entriesOf(args[0])[2 * n + 1];
    Value r = applyFromPrimitive(args[1], callArgs, fold ? 3 : 2);
    if (r == kUnwinding) {
      rootTop = callArgs;
      return kUnwinding;
    }
    if (fold) callArgs[2] = r;
  }
  Value r = callArgs[2];
  rootTop = callArgs;
  return r;
}
Value prim_HashTableWalk(ARGS) { UNUSED_ARGC; return visit(Prim::HashTableWalk, args, false); }
Value prim_HashTableFold(ARGS) { UNUSED_ARGC; return visit(Prim::HashTableFold, args, true); }

Value prim_HashTableCopy(ARGS) {
  UNUSED_ARGC;
  tableAt(Prim::HashTableCopy, args, 0);
  Value* copy = pushRoot(makeTable(equivalenceOf(args[0]), entryCapacity(args[0])));
  HashTable* from = tableOf(args[0]);
  HashTable* to = tableOf(*copy);
  memcpy(entriesOf(*copy), entriesOf(args[0]), lengthOf(from->entries) * sizeof(Value));
  to->count = from->count;
  to->used = from->used;
  to->movingKeys = from->movingKeys;
  rebuildIndex(*copy);
  Value r = *copy;
  rootTop = copy;
  return r;
}

Value prim_HashTableClear(ARGS) {
  UNUSED_ARGC;
  HashTable* t = tableOf(tableAt(Prim::HashTableClear, args, 0));
  for (uint32_t i = 0; i < lengthOf(t->entries); i++) vectorOf(t->entries)->elements[i] = kUnset;
  for (uint32_t i = 0; i < lengthOf(t->index); i++) vectorOf(t->index)->elements[i] = kEmptySlot;
  t->count = t->used = t->movingKeys = makeInteger(0);
  return kUnspecified;
}

// A hash as a non-negative fixnum, or below the bound in args[1].
static Value boundedHash(Prim p, Value* args, int32_t argc, uint32_t h) {
  if (argc < 2) return makeInteger((int32_t)(h & kMaxInteger));
  int32_t bound = integerArgument(p, args, 1);
  if (bound <= 0) failWrongType(p, 1, Expected::PositiveInteger, args[1]);
  return makeInteger((int32_t)(h % (uint32_t)bound));
}

Value prim_StringHash(ARGS) {
  stringAt(Prim::StringHash, args, 0);
  return boundedHash(Prim::StringHash, args, argc, stringHash(args[0]));
}

Value prim_Hash(ARGS) {
  int budget = kHashBudget;
  return boundedHash(Prim::Hash, args, argc, contentHash(args[0], &budget));
}
