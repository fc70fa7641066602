#include "printer.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "address_table.h"
#include "bytevectors.h"
#include "characters.h"
#include "hash_tables.h"
#include "ports.h"
#include "primitives.h"
#include "records.h"
#include "strings.h"
#include "tower.h"

// The printer walks pairs, vectors and records with an explicit stack, never C++
// recursion, so data nested as deep as the heap holds prints in full.
// Circular data is written with datum labels, as R7RS's write does
// (#0=(1 2 . #0#)), so that printing always ends; display labels it too.
// Shared data that is not circular prints in full at each occurrence.
namespace {

// A walk over the compound objects (pairs, vectors, records) reachable from a value,
// depth first, for finding the ones that are part of a cycle.
const size_t kPlainWalkBudget = 1000000;  // objects walked before cycles are watched for

bool isCompound(Value v) { return hasTag(v, kPairTag) || hasTag(v, kVectorTag) || hasTag(v, kRecordTag); }

// The index-th child of a pair (car, cdr), vector or record (its fields), or
// kUnset past the last.
Value childOf(Value v, uint32_t index) {
  if (hasTag(v, kPairTag)) return index == 0 ? pairOf(v)->car : index == 1 ? pairOf(v)->cdr : kUnset;
  if (hasTag(v, kRecordTag)) return index < recordFieldCount(v) ? recordField(v, index) : kUnset;
  return index < lengthOf(v) ? vectorOf(v)->elements[index] : kUnset;
}

// Explicit stack of (object, next child) for the walks; malloc'd.
class WalkStack {
 public:
  struct Frame {
    Value object;
    uint32_t next;
  };
  ~WalkStack() { free(frames_); }
  bool empty() const { return top_ == 0; }
  Frame& top() { return frames_[top_ - 1]; }
  void pop() { top_--; }
  void push(Value object, const char* what) {
    if (top_ == capacity_) {
      size_t capacity = capacity_ ? 2 * capacity_ : 256;
      Frame* grown = (Frame*)realloc(frames_, capacity * sizeof(Frame));
      if (!grown) fail("out of memory: %s", what);
      frames_ = grown;
      capacity_ = capacity;
    }
    frames_[top_++] = Frame{object, 0};
  }

 private:
  Frame* frames_ = nullptr;
  size_t top_ = 0, capacity_ = 0;
};

const char* const kPrinting = "printing data nested this deeply";

// Whether the walk from v meets fewer than kPlainWalkBudget compound objects:
// then it has no cycle (a cycle would walk forever).
bool smallAndAcyclic(Value v) {
  if (!isCompound(v)) return true;
  WalkStack stack;
  stack.push(v, kPrinting);
  size_t budget = kPlainWalkBudget;
  while (!stack.empty()) {
    WalkStack::Frame& f = stack.top();
    Value child = childOf(f.object, f.next++);
    if (child == kUnset) {
      stack.pop();
      continue;
    }
    if (!isCompound(child)) continue;
    if (budget-- == 0) return false;
    stack.push(child, kPrinting);
  }
  return true;
}

// Marks in `labels` (as kUnlabelled) every object that a walk from v meets
// again while still inside it: the objects a cycle runs through, which need
// datum labels. Depth first with colours: on the walk's path, or done.
const uint32_t kOnPath = 1, kDone = 2, kUnlabelled = AddressTable::kAbsent - 1;
void findCycles(Value v, AddressTable& labels) {
  if (!isCompound(v)) return;
  AddressTable colour;
  WalkStack stack;
  stack.push(v, kPrinting);
  colour.put(v, kOnPath, kPrinting);
  while (!stack.empty()) {
    WalkStack::Frame& f = stack.top();
    Value child = childOf(f.object, f.next++);
    if (child == kUnset) {
      colour.put(f.object, kDone, kPrinting);
      stack.pop();
      continue;
    }
    if (!isCompound(child)) continue;
    uint32_t c = colour.get(child);
    if (c == kOnPath) labels.put(child, kUnlabelled, kPrinting);
    if (c != AddressTable::kAbsent) continue;
    colour.put(child, kOnPath, kPrinting);
    stack.push(child, kPrinting);
  }
}

class Printer {
 public:
  // Text goes to out; with a sink, out is handed to it (and emptied) every
  // kChunk bytes and at the end, so that output of any size streams. With a
  // limit (the short form) printing stops past it, ending in "...".
  Printer(Bytes& out, bool write, size_t limit, void (*sink)(Bytes&))
      : out_(out), write_(write), limit_(limit ? out.size() + limit : 0), sink_(sink) {}

  void print(Value root) {
    if (hasTag(root, kValuesTag)) root = lengthOf(root) ? vectorOf(root)->elements[0] : kUnspecified;
    if (!isCompound(root)) {  // no walk, no stack
      atom(root);
      if (sink_) sink_(out_);
      return;
    }
    if (!limit_ && !smallAndAcyclic(root)) {
      findCycles(root, labels_);
      labelled_ = labels_.size() > 0;
    }
    push(kValue, root, 0);
    while (top_ > 0 && !cut_) {
      Step step = steps_[--top_];
      switch (step.kind) {
        case kValue: value(step.object); break;
        case kListRest: listRest(step.object); break;
        case kVectorRest: vectorRest(step.object, step.index); break;
        case kRecordRest: recordRest(step.object, step.index); break;
        case kClose: text(")"); break;
      }
    }
    if (sink_) sink_(out_);
  }
  ~Printer() { free(steps_); }

 private:
  enum Kind : uint8_t { kValue, kListRest, kVectorRest, kRecordRest, kClose };
  struct Step {
    Kind kind;
    uint32_t index;
    Value object;
  };
  static const size_t kChunk = 1 << 16;

  Bytes& out_;
  bool write_;
  size_t limit_;  // 0: none
  void (*sink_)(Bytes&);
  bool cut_ = false;  // the limit was reached and "..." written
  AddressTable labels_;  // the objects cycles run through: their label, or kUnlabelled
  bool labelled_ = false;
  uint32_t nextLabel_ = 0;
  Step* steps_ = nullptr;
  size_t top_ = 0, capacity_ = 0;

  void push(Kind kind, Value object, uint32_t index) {
    if (top_ == capacity_) {
      size_t capacity = capacity_ ? 2 * capacity_ : 256;
      Step* grown = (Step*)realloc(steps_, capacity * sizeof(Step));
      if (!grown) fail("out of memory: %s", kPrinting);
      steps_ = grown;
      capacity_ = capacity;
    }
    steps_[top_++] = Step{kind, index, object};
  }

  void text(const char* s) { bytes(s, strlen(s)); }
  void bytes(const char* s, size_t n) {
    if (cut_) return;
    if (limit_ && out_.size() + n > limit_) {
      out_.append((const uint8_t*)"...", 3);
      cut_ = true;  // nothing more
      return;
    }
    out_.append((const uint8_t*)s, n);
    if (sink_ && out_.size() >= kChunk) sink_(out_);
  }

  bool needsLabel(Value v) const { return labelled_ && labels_.get(v) != AddressTable::kAbsent; }

  // A labelled object: "#n#" when it has been printed already (true), else
  // "#n=" before it is.
  bool reference(Value v) {
    uint32_t label = labels_.get(v);
    char number[24];
    if (label != kUnlabelled) {
      snprintf(number, sizeof number, "#%u#", (unsigned)label);
      text(number);
      return true;
    }
    labels_.put(v, nextLabel_, kPrinting);
    snprintf(number, sizeof number, "#%u=", (unsigned)nextLabel_++);
    text(number);
    return false;
  }

  void value(Value v) {
    // Several values where one is expected act as the first (as in Guile);
    // none as the unspecified value.
    if (hasTag(v, kValuesTag)) v = lengthOf(v) ? vectorOf(v)->elements[0] : kUnspecified;
    if (isCompound(v) && needsLabel(v) && reference(v)) return;
    if (hasTag(v, kPairTag)) {
      text("(");
      push(kListRest, v, 0);
      push(kValue, pairOf(v)->car, 0);
    } else if (hasTag(v, kVectorTag)) {
      text("#(");
      push(kVectorRest, v, 0);
    } else if (hasTag(v, kRecordTag)) {
      recordStart(v);
      push(kRecordRest, v, 0);
    } else {
      atom(v);
    }
  }

  // After the car of pair p: the rest of its list.
  void listRest(Value p) {
    Value rest = pairOf(p)->cdr;
    if (rest == kNil) return text(")");
    if (hasTag(rest, kPairTag) && !needsLabel(rest)) {
      text(" ");
      push(kListRest, rest, 0);
      push(kValue, pairOf(rest)->car, 0);
      return;
    }
    text(" . ");
    push(kClose, kNil, 0);
    push(kValue, rest, 0);
  }

  void vectorRest(Value v, uint32_t i) {
    if (i == lengthOf(v)) return text(")");
    if (i) text(" ");
    push(kVectorRest, v, i + 1);
    push(kValue, vectorOf(v)->elements[i], 0);
  }

  // #<point x: 1 y: 2>, as Guile writes records, without the brackets of a
  // type named <point>.
  void recordStart(Value v) {
    const char* name = symbolOf(recordTypeOf(recordTypeOfRecord(v))->name)->name;
    size_t n = strlen(name);
    text("#<");
    if (n > 2 && name[0] == '<' && name[n - 1] == '>')
      bytes(name + 1, n - 2);
    else
      text(name);
  }

  void recordRest(Value v, uint32_t i) {
    if (i == recordFieldCount(v)) return text(">");
    Value names = recordTypeOf(recordTypeOfRecord(v))->fieldNames;
    for (uint32_t k = 0; k < i; k++) names = pairOf(names)->cdr;
    text(" ");
    text(symbolOf(pairOf(names)->car)->name);
    text(": ");
    push(kRecordRest, v, i + 1);
    Value field = recordField(v, i);
    const char* symbolName = hasTag(field, kSymbolTag) ? symbolOf(field)->name : "";
    size_t length = strlen(symbolName);
    // A symbol ending in > goes between bars, so that a reader can tell its >
    // from the one that closes the record.
    if (write_ && length && symbolName[length - 1] == '>')
      symbol(symbolName, true);
    else
      push(kValue, field, 0);
  }

  // Numbers of the boxed kinds, as number->string writes them in radix 10.
  void numberText(Value v) {
    Bytes digits;
    ::numberToText(v, 10, digits);
    bytes((const char*)digits.data(), digits.size());
  }

  // Every value that is not a pair, a vector or a record is printed here, and only here.
  void atom(Value v) {
    if (isCharacter(v)) {
      Bytes shown;
      printCharacter(characterOf(v), write_, shown);
      return bytes(shown);
    }
    char number[16];
    if (isInteger(v)) {
      snprintf(number, sizeof number, "%d", (int)integerOf(v));
      return text(number);
    }
    switch (v) {
      case kTrue: return text("#t");
      case kFalse: return text("#f");
      case kNil: return text("()");
      case kUnspecified: return text("#<unspecified>");
      case kUnset: return text("#<unset>");
      case kEof: return text("#<eof>");
    }
    switch (tagOf(v)) {
      case kStringTag: return string(v);
      case kSymbolTag: return symbol(symbolOf(v)->name);
      case kClosureTag: {
        const char* name = closureOf(v)->func->name;
        if (!name) return text("#<procedure>");
        text("#<procedure ");
        text(name);
        return text(">");
      }
      case kFlonumTag: case kBignumTag: case kRatnumTag: case kCompnumTag: return numberText(v);
      case kPortTag: return text(portDescription(v));
      case kHashTableTag:  // in a record's form, which hosts read back (a record of type hash-table)
        snprintf(number, sizeof number, "%d", (int)hashTableCount(v));
        text("#<hash-table count: ");
        text(number);
        return text(">");
      case kBytevectorTag: {
        Bytes shown;
        printBytevector(v, shown);
        return bytes(shown);
      }
      case kRecordTypeTag:
        text("#<record-type ");
        text(symbolOf(recordTypeOf(v)->name)->name);
        return text(">");
      case kContinuationTag: return text("#<continuation>");
      case kPrimitiveTag:
        text("#<procedure ");
        text(primitiveName((Prim)((PrimitiveObject*)v)->index));
        return text(">");
    }
    text("#<object>");
  }

  // A symbol the reader would not read back as itself (made by
  // string->symbol) is written between bars, as R7RS does: |a b|.
  void symbol(const char* name, bool barred = false) {
    if (!write_ || (readsBack(name) && !barred)) return text(name);
    text("|");
    for (const char* c = name; *c && !cut_; c++) {
      // Line breaks escaped, so that a result stays on one line.
      char one[3] = {'\\', *c == '\n' ? 'n' : *c == '\t' ? 't' : *c == '\r' ? 'r' : *c, 0};
      bool escaped = strchr("|\\\n\t\r", *c) != nullptr;
      text(escaped ? one : one + 1);
    }
    text("|");
  }

  static bool readsBack(const char* name) {
    if (!*name || name[0] == '#' || (name[0] == '.' && !name[1])) return false;
    bool number = true;
    for (const char* c = name; *c; c++) {
      unsigned char u = (unsigned char)*c;
      if (u < 0x80 && !isalnum(u) && !strchr("!$%&*/:<=>?^_~+-.@", u)) return false;
      if (!(isdigit(u) || ((*c == '-' || *c == '+') && c == name))) number = false;
    }
    bool sign = (name[0] == '-' || name[0] == '+');
    if (number && !(sign && !name[1])) return false;  // digits would read as an integer
    if (isdigit((unsigned char)name[0]) || ((sign || name[0] == '.') && isdigit((unsigned char)name[1])))
      return false;  // the reader takes these for numbers, or refuses them as malformed ones
    if (sign && (!strncmp(name + 1, "inf.0", 5) || !strncmp(name + 1, "nan.0", 5) || !strcmp(name + 1, "i")))
      return false;  // +inf.0, -nan.0, +i and the complex numbers they start
    return true;
  }

  void string(Value v) {
    Bytes shown;
    printString(v, write_, shown);
    bytes(shown);
  }

  // Text that may hold any byte, NUL included.
  void bytes(const Bytes& b) { bytes((const char*)b.data(), b.size()); }

};

}  // namespace

void printValue(Value v, bool write, Bytes& out) {
  Printer printer(out, write, 0, nullptr);
  printer.print(v);
}

void printValueTo(Value v, bool write, void (*sink)(Bytes&)) {
  Bytes text;
  Printer printer(text, write, 0, sink);
  printer.print(v);
}

void writeValueShort(Value v, char* out, size_t size) {
  Bytes text;
  Printer printer(text, true, size > 4 ? size - 4 : 1, nullptr);
  printer.print(v);
  size_t n = text.size() < size - 1 ? text.size() : size - 1;
  memcpy(out, text.data(), n);
  out[n] = 0;
}
