// Multiple values: (values a b ...) and call-with-values.
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

Value prim_CallWithValues(ARGS) {
  UNUSED_ARGC;
  procedureAt(Prim::CallWithValues, args, 0);
  procedureAt(Prim::CallWithValues, args, 1);
  Value produced = applyProcedure(args[0], nullptr, 0);
  Value* base = rootTop;
  Value* spread = pushRoot(produced);
  int32_t n = 1;
  if (hasTag(produced, kValuesTag)) {
    n = (int32_t)lengthOf(produced);
    for (int32_t i = 0; i < n; i++) pushRoot(vectorOf(*spread)->elements[i]);
    spread++;
  }
  Value result = applyProcedure(args[1], spread, n);
  rootTop = base;
  return result;
}
