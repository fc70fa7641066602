// Multiple values: (values a b ...), and the list call-with-values (the
// prelude's) applies its consumer to.
//
// Zero or several values travel as one object of the Values kind
// (objects.def), which only call-with-values takes apart; one value is just
// that value, so the common case costs nothing. A Values object that reaches
// a continuation taking one value is passed on as it is (R7RS leaves that
// unspecified).
#include "evaluator.h"
#include "heap.h"
#include "primitives.h"

Value prim_Values(ARGS) {
  if (argc == 1) return args[0];
  Value values = makeVector((uint32_t)argc, kUnspecified);  // args stay rooted: they are root slots
  objectOf(values)[0] = makeHeader(kValuesTag, 0);
  for (int32_t i = 0; i < argc; i++) vectorOf(values)->elements[i] = args[i];
  return values;
}

Value prim_ValuesToList(ARGS) {
  UNUSED_ARGC;
  if (!hasTag(args[0], kValuesTag)) return makePair(args[0], kNil);
  Value* list = pushRoot(kNil);
  for (uint32_t i = lengthOf(args[0]); i-- > 0;) *list = makePair(vectorOf(args[0])->elements[i], *list);
  Value result = *list;
  rootTop = list;
  return result;
}
