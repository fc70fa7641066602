// (scheme process-context): the command line, the environment, and exit.
// The host decides what a program sees: the Java library gives no arguments
// and no environment unless asked, like the directories (files.cc).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __wasi__
#include <wasi/api.h>
#endif

#include "continuations.h"
#include "errors.h"
#include "heap.h"
#include "ports.h"
#include "primitives.h"
#include "strings.h"

extern char** environ;

namespace {

// A new list of strings, from a C array of NUL-terminated UTF-8 texts.
Value stringList(char** texts, size_t count) {
  Value* list = pushRoot(kNil);
  for (size_t i = count; i-- > 0;) {
    Value s = makeString(texts[i], strlen(texts[i]));
    *list = makePair(s, *list);
  }
  Value result = *list;
  rootTop = list;
  return result;
}

// What (exit obj) tells the host: 0 for no object or #t, 1 for #f, an
// integer as itself (modulo 256, as processes report it).
int exitCode(Value* args, int32_t argc) {
  if (argc == 0 || args[0] == kTrue) return 0;
  if (args[0] == kFalse) return 1;
  if (isInteger(args[0])) return integerOf(args[0]) & 0xff;
  return 0;
}

}  // namespace

#ifndef __wasi__
char** nativeArguments;  // set by native_main
int nativeArgumentCount;
#endif

Value prim_CommandLine(ARGS) {
  (void)args;
  UNUSED_ARGC;
#ifdef __wasi__
  __wasi_size_t count, bytes;
  if (__wasi_args_sizes_get(&count, &bytes) != 0 || count == 0) return kNil;
  char** argv = (char**)malloc(count * sizeof(char*));
  char* buffer = (char*)malloc(bytes);
  if (!argv || !buffer) fail("out of memory: command-line needs %lu bytes", (unsigned long)bytes);
  Value result = kNil;
  if (__wasi_args_get((uint8_t**)argv, (uint8_t*)buffer) == 0) result = stringList(argv, count);
  free(argv);
  free(buffer);
  return result;
#else
  return stringList(nativeArguments, (size_t)nativeArgumentCount);
#endif
}

Value prim_GetEnvironmentVariable(ARGS) {
  UNUSED_ARGC;
  Bytes name;
  appendStringUtf8(name, stringAt(Prim::GetEnvironmentVariable, args, 0));
  name.byte(0);
  const char* value = getenv((const char*)name.data());
  return value ? makeString(value, strlen(value)) : kFalse;
}

Value prim_GetEnvironmentVariables(ARGS) {
  (void)args;
  UNUSED_ARGC;
  Value* list = pushRoot(kNil);
  size_t count = 0;
  while (environ && environ[count]) count++;
  for (char** entry = environ + count; entry-- != environ;) {  // last first: the list keeps the order
    const char* equals = strchr(*entry, '=');
    if (!equals) continue;
    Value* name = pushRoot(makeString(*entry, (size_t)(equals - *entry)));
    Value value = makeString(equals + 1, strlen(equals + 1));
    Value binding = makePair(*name, value);
    *list = makePair(binding, *list);
    rootTop = name;
  }
  Value result = *list;
  rootTop = list;
  return result;
}

Value prim_Exit(ARGS) {
  int code = exitCode(args, argc);
  unwindForExit();  // the after thunks of the dynamic-winds in force
  flushFilePorts();
  fflush(stdout);
  fflush(stderr);
  exit(code);
}

Value prim_EmergencyExit(ARGS) { _Exit(exitCode(args, argc)); }
