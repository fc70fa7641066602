// Equivalence (eq?, eqv?, equal?) and the type predicates.
#include "primitives.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "address_table.h"
#include "errors.h"
#include "evaluator.h"
#include "heap.h"
#include "printer.h"
#include "symbols.h"
#include "tower.h"

// ---- eqv? ----

static bool isNumberObject(Value v) {
  return hasTag(v, kFlonumTag) || hasTag(v, kBignumTag) || hasTag(v, kRatnumTag) || hasTag(v, kCompnumTag);
}

// Two numbers are eqv? when they have the same exactness and value (R7RS 6.1:
// (eqv? 2.0 2.0) is #t, (eqv? 2 2.0) #f, (eqv? 0.0 -0.0) #f, and a NaN is
// eqv? to the same NaN): numberEqv (tower.h) decides for the boxed kinds.
// Compiled code's inline eqv? calls the primitive whenever both arguments
// are objects, so this covers it too.
bool eqvNumbers(Value a, Value b) { return a == b || numberEqv(a, b); }

bool eqv(Value a, Value b) {
  if (a == b) return true;
  if ((isInteger(a) || isNumberObject(a)) && (isInteger(b) || isNumberObject(b))) return eqvNumbers(a, b);
  return false;  // characters, booleans, symbols, () ... are eqv? only when the same word
}

// ---- equal? ----
//
// An explicit stack rather than C++ recursion, so that data nested as deep as
// the heap holds compares without running out of the wasm stack. Plain
// structural comparison never ends on circular data, so it runs with a
// budget of compound objects; past it the comparison starts again aware of
// cycles: two pairs or vectors already being compared to each other (or to
// objects found equal-so-far to each other, a union-find over addresses) are
// taken as equal, which is what R7RS's equal? on circular data amounts to.
// Nothing here allocates in the heap, so addresses stay put throughout.
namespace {

const size_t kPlainBudget = 1000000;  // compound objects compared before cycles are watched for

// Pending work: compare a with b, or, for vectors (`next` > 0), their
// elements from index next - 1 on.
struct Work {
  Value a, b;
  uint32_t next;
};

// Equivalence classes of compound objects assumed equal, keyed by address.
class Classes {
 public:
  ~Classes() { free(parent_); }
  // Merges the classes of a and b; false when they were already one.
  bool merge(Value a, Value b) {
    uint32_t x = find(node(a)), y = find(node(b));
    if (x == y) return false;
    parent_[x] = y;
    return true;
  }

 private:
  AddressTable nodes_;
  uint32_t* parent_ = nullptr;  // by node
  size_t count_ = 0, capacity_ = 0;

  uint32_t find(uint32_t n) {
    while (parent_[n] != n) {
      parent_[n] = parent_[parent_[n]];  // path halving
      n = parent_[n];
    }
    return n;
  }

  uint32_t node(Value v) {
    uint32_t n = nodes_.get(v);
    if (n != AddressTable::kAbsent) return n;
    if (count_ == capacity_) {
      size_t capacity = capacity_ ? 2 * capacity_ : 1024;
      uint32_t* grown = (uint32_t*)realloc(parent_, capacity * sizeof(uint32_t));
      if (!grown) fail("out of memory: equal? comparing circular data");
      parent_ = grown;
      capacity_ = capacity;
    }
    n = (uint32_t)count_++;
    parent_[n] = n;
    nodes_.put(v, n, "equal? comparing circular data");
    return n;
  }
};

class EqualWalk {
 public:
  explicit EqualWalk(bool cycleAware) : cycleAware_(cycleAware) {}
  ~EqualWalk() {
    if (stack_ != inline_) free(stack_);
  }

  // 1 equal, 0 not, -1 the plain walk's budget ran out.
  int run(Value a, Value b) {
    push(a, b, 0);
    while (top_ > 0) {
      Work& w = stack_[top_ - 1];
      if (w.next > 0) {  // the next element of two vectors of the same length
        uint32_t i = w.next - 1;
        if (i == lengthOf(w.a)) {
          top_--;
          continue;
        }
        w.next++;
        Value x = vectorOf(w.a)->elements[i], y = vectorOf(w.b)->elements[i];
        push(x, y, 0);
        continue;
      }
      Value x = w.a, y = w.b;
      top_--;
      int r = compare(x, y);
      if (r <= 0) return r;
    }
    return 1;
  }

 private:
  bool cycleAware_;
  size_t budget_ = kPlainBudget;
  // Most comparisons are of small data: their stack needs no malloc.
  static const size_t kInlineWork = 32;
  Work inline_[kInlineWork];
  Work* stack_ = inline_;
  size_t top_ = 0, capacity_ = kInlineWork;
  Classes classes_;

  void push(Value a, Value b, uint32_t next) {
    if (top_ == capacity_) {
      size_t capacity = 2 * capacity_;
      Work* grown = (Work*)(stack_ == inline_ ? malloc(capacity * sizeof(Work))
                                              : realloc(stack_, capacity * sizeof(Work)));
      if (!grown) fail("out of memory: equal? needs more memory to compare data nested this deeply");
      if (stack_ == inline_) memcpy(grown, inline_, sizeof inline_);
      stack_ = grown;
      capacity_ = capacity;
    }
    stack_[top_++] = Work{a, b, next};
  }

  // Whether two compound objects still need comparing: false once they are
  // known (or assumed) equal. Counts against the plain walk's budget.
  int visit(Value a, Value b) {
    if (!cycleAware_) return budget_-- == 0 ? -1 : 1;
    return classes_.merge(a, b) ? 1 : 0;
  }

  // Compares two values, pushing their parts; 1 go on, 0 not equal, -1 out of budget.
  int compare(Value a, Value b) {
    for (;;) {
      if (a == b) return 1;
      if (!isObject(a) || !isObject(b) || tagOf(a) != tagOf(b)) return eqv(a, b) ? 1 : 0;
      switch (tagOf(a)) {
        case kStringTag:
          return lengthOf(a) == lengthOf(b) &&
                         memcmp(stringOf(a)->chars, stringOf(b)->chars, lengthOf(a) * sizeof(uint32_t)) == 0
                     ? 1
                     : 0;
        case kBytevectorTag:
          return lengthOf(a) == lengthOf(b) &&
                         memcmp(bytevectorOf(a)->bytes, bytevectorOf(b)->bytes, lengthOf(a)) == 0
                     ? 1
                     : 0;
        case kVectorTag: {
          if (lengthOf(a) != lengthOf(b)) return 0;
          int v = visit(a, b);
          if (v <= 0) return v < 0 ? -1 : 1;
          push(a, b, 1);
          return 1;
        }
        case kPairTag: {
          int v = visit(a, b);
          if (v <= 0) return v < 0 ? -1 : 1;
          push(pairOf(a)->cdr, pairOf(b)->cdr, 0);
          a = pairOf(a)->car;
          b = pairOf(b)->car;
          continue;
        }
        default: return eqv(a, b) ? 1 : 0;
      }
    }
  }
};

}  // namespace

bool equal(Value a, Value b) {
  if (a == b) return true;
  if (!isObject(a) || !isObject(b)) return eqv(a, b);  // the common case of member and assoc: no walk
  int plain = EqualWalk(false).run(a, b);
  if (plain >= 0) return plain == 1;
  return EqualWalk(true).run(a, b) == 1;
}

Value prim_Not(ARGS) { UNUSED_ARGC; return makeBoolean(args[0] == kFalse); }
Value prim_IsEq(ARGS) { UNUSED_ARGC; return makeBoolean(args[0] == args[1]); }
Value prim_IsEqv(ARGS) { UNUSED_ARGC; return makeBoolean(eqv(args[0], args[1])); }
Value prim_IsEqual(ARGS) { UNUSED_ARGC; return makeBoolean(equal(args[0], args[1])); }
Value prim_IsNull(ARGS) { UNUSED_ARGC; return makeBoolean(args[0] == kNil); }
Value prim_IsPair(ARGS) { UNUSED_ARGC; return makeBoolean(hasTag(args[0], kPairTag)); }
Value prim_IsList(ARGS) {
  UNUSED_ARGC;
  Value slow = args[0];
  int32_t n = 0;
  for (Value v = args[0]; v != kNil; v = pairOf(v)->cdr) {
    if (!hasTag(v, kPairTag)) return kFalse;
    if (++n % 2 == 0) {
      slow = pairOf(slow)->cdr;
      if (slow == pairOf(v)->cdr) return kFalse;
    }
  }
  return kTrue;
}
Value prim_IsSymbol(ARGS) { UNUSED_ARGC; return makeBoolean(hasTag(args[0], kSymbolTag)); }
Value prim_IsString(ARGS) { UNUSED_ARGC; return makeBoolean(hasTag(args[0], kStringTag)); }
Value prim_IsVector(ARGS) { UNUSED_ARGC; return makeBoolean(hasTag(args[0], kVectorTag)); }
Value prim_IsProcedure(ARGS) {
  UNUSED_ARGC;
  return makeBoolean(isProcedure(args[0]));
}
Value prim_IsBoolean(ARGS) { UNUSED_ARGC; return makeBoolean(args[0] == kTrue || args[0] == kFalse); }

