// Procedures the host defines (the Java library's Builder.define): Scheme
// calls (host-call N ARGUMENTS), and the host runs its procedure number N on
// the list of arguments.
// Values cross as text, the same external representation the rest of the
// ABI uses: the arguments as `write` writes a list of them, the result as
// text the reader reads. A call is two imports, so that the guest owns every
// byte of its memory: host_call hands the arguments over and says how long
// the answer is; host_result copies the answer into a buffer of that size.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "errors.h"
#include "heap.h"
#include "ports.h"
#include "primitives.h"
#include "printer.h"
#include "reader.h"

#ifdef __wasm__
// The answer's length in bytes: the result's text if >= 0, else an error
// message of -(length + 1) bytes.
extern "C" __attribute__((import_module("env"), import_name("host_call"))) int32_t host_call(
    int32_t procedure, const uint8_t* arguments, uint32_t size);
extern "C" __attribute__((import_module("env"), import_name("host_result"))) void host_result(uint8_t* into);
#else
static const char kNoHost[] = "this host defines no procedures";
static int32_t host_call(int32_t, const uint8_t*, uint32_t) { return -(int32_t)sizeof kNoHost; }
static void host_result(uint8_t* into) { memcpy(into, kNoHost, sizeof kNoHost - 1); }
#endif

Value prim_HostCall(ARGS) {
  if (!isInteger(args[0]) || integerOf(args[0]) < 0) failWrongType(Prim::HostCall, 0, Expected::Integer, args[0]);
  UNUSED_ARGC;
  Bytes arguments;
  printValue(args[1], true, arguments);
  int32_t answer = host_call(integerOf(args[0]), arguments.data(), arguments.size());
  bool failed = answer < 0;
  size_t length = failed ? (size_t)(-(int64_t)answer - 1) : (size_t)answer;
  char* text = (char*)malloc(length + 1);
  if (!text) fail("out of memory: host-call needs %lu bytes", (unsigned long)length + 1);
  host_result((uint8_t*)text);
  text[length] = 0;
  if (failed) {
    // fail() does not return: the message is copied out before the buffer goes.
    char message[512];
    snprintf(message, sizeof message, "%s", text);
    free(text);
    fail("%s", message);
  }
  Value result;
  size_t consumed = 0;
  bool found = readIntoHeap(text, &result, &consumed);
  free(text);
  return found ? result : kUnspecified;
}
