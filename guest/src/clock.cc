// (scheme time): current-second, current-jiffy and jiffies-per-second, from
// the host's clocks (WASI clock_time_get).
#include <time.h>

#include "errors.h"
#include "heap.h"
#include "primitives.h"

static struct timespec now(Prim p, clockid_t clock) {
  struct timespec t;
  if (clock_gettime(clock, &t) != 0) fail("%s: the host gives no clock", primitiveName(p));
  return t;
}

Value prim_CurrentSecond(ARGS) {
  (void)args;
  UNUSED_ARGC;
  struct timespec t = now(Prim::CurrentSecond, CLOCK_REALTIME);
  return makeFlonum((double)t.tv_sec + (double)t.tv_nsec / 1e9);
}

// Microseconds since the first call, so that the count stays a fixnum for
// the first 17.9 minutes of timing (then it starts again from 0).
Value prim_CurrentJiffy(ARGS) {
  (void)args;
  UNUSED_ARGC;
  static int64_t start = -1;
  struct timespec t = now(Prim::CurrentJiffy, CLOCK_MONOTONIC);
  int64_t micros = (int64_t)t.tv_sec * 1000000 + t.tv_nsec / 1000;
  if (start < 0) start = micros;
  return makeInteger((int32_t)((micros - start) % ((int64_t)kMaxInteger + 1)));
}

Value prim_JiffiesPerSecond(ARGS) {
  (void)args;
  UNUSED_ARGC;
  return makeInteger(1000000);
}
