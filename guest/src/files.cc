// (scheme file): file ports and the files themselves, through the host's
// WASI. The guest reaches only the directories the host has granted
// (preopened); with none granted, every path fails to open.
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "errors.h"
#include "evaluator.h"
#include "heap.h"
#include "ports.h"
#include "strings.h"
#include "primitives.h"

namespace {

// A file name as a C string, in a buffer of the caller's: strings hold no
// NUL, and a name longer than the buffer is refused.
const char* fileName(Prim p, Value* args, int32_t i, char* out, size_t size) {
  Bytes name;
  appendStringUtf8(name, stringAt(p, args, i));
  size_t n = name.size();
  if (n >= size) fail("%s: the file name is longer than %lu bytes", primitiveName(p), (unsigned long)size - 1);
  memcpy(out, name.data(), n);
  out[n] = 0;
  if (strlen(out) != n) fail("%s: a file name cannot hold a NUL character", primitiveName(p));
  return out;
}

const size_t kMaxFileName = 4096;

// Calls proc with a port on the file, closes the port, returns what proc returned.
Value withPort(Prim p, Value* args, bool input) {
  char name[kMaxFileName];
  procedureAt(p, args, 1);
  Value port = input ? openFileInputPort(p, fileName(p, args, 0, name, sizeof name), false)
                     : openFileOutputPort(p, fileName(p, args, 0, name, sizeof name), false);
  Value* held = pushRoot(port);
  Value result = applyProcedure(args[1], held, 1);
  if (result == kUnwinding) {  // left by a continuation: the port stays open, as R7RS allows
    rootTop = held;
    return kUnwinding;
  }
  Value* kept = pushRoot(result);
  closeAnyPort(*held);
  result = *kept;
  rootTop = held;
  return result;
}

// Calls the thunk with the file as the current input or output port.
Value withCurrentPort(Prim p, Value* args, bool input) {
  char name[kMaxFileName];
  procedureAt(p, args, 1);
  Value port = input ? openFileInputPort(p, fileName(p, args, 0, name, sizeof name), false)
                     : openFileOutputPort(p, fileName(p, args, 0, name, sizeof name), false);
  Value* held = pushRoot(port);
  Value* saved = pushRoot(input ? exchangeCurrentInput(port) : exchangeCurrentOutput(port));
  Value result = applyProcedure(args[1], nullptr, 0);
  Value* kept = pushRoot(result);
  if (input)
    exchangeCurrentInput(*saved);
  else
    exchangeCurrentOutput(*saved);
  closeAnyPort(*held);
  result = *kept;
  rootTop = held;
  return result;
}

}  // namespace

Value prim_OpenInputFile(ARGS) {
  UNUSED_ARGC;
  char name[kMaxFileName];
  return openFileInputPort(Prim::OpenInputFile, fileName(Prim::OpenInputFile, args, 0, name, sizeof name), false);
}
Value prim_OpenBinaryInputFile(ARGS) {
  UNUSED_ARGC;
  char name[kMaxFileName];
  return openFileInputPort(Prim::OpenBinaryInputFile, fileName(Prim::OpenBinaryInputFile, args, 0, name, sizeof name), true);
}
Value prim_OpenOutputFile(ARGS) {
  UNUSED_ARGC;
  char name[kMaxFileName];
  return openFileOutputPort(Prim::OpenOutputFile, fileName(Prim::OpenOutputFile, args, 0, name, sizeof name), false);
}
Value prim_OpenBinaryOutputFile(ARGS) {
  UNUSED_ARGC;
  char name[kMaxFileName];
  return openFileOutputPort(Prim::OpenBinaryOutputFile, fileName(Prim::OpenBinaryOutputFile, args, 0, name, sizeof name), true);
}

Value prim_CallWithInputFile(ARGS) { UNUSED_ARGC; return withPort(Prim::CallWithInputFile, args, true); }
Value prim_CallWithOutputFile(ARGS) { UNUSED_ARGC; return withPort(Prim::CallWithOutputFile, args, false); }
Value prim_WithInputFromFile(ARGS) { UNUSED_ARGC; return withCurrentPort(Prim::WithInputFromFile, args, true); }
Value prim_WithOutputToFile(ARGS) { UNUSED_ARGC; return withCurrentPort(Prim::WithOutputToFile, args, false); }

Value prim_FileExists(ARGS) {
  UNUSED_ARGC;
  char name[kMaxFileName];
  struct stat status;
  return makeBoolean(stat(fileName(Prim::FileExists, args, 0, name, sizeof name), &status) == 0);
}

Value prim_DeleteFile(ARGS) {
  UNUSED_ARGC;
  char name[kMaxFileName];
  const char* path = fileName(Prim::DeleteFile, args, 0, name, sizeof name);
  if (unlink(path) != 0) failFile("delete-file: cannot delete \"%s\": %s", path, fileErrorText(errno));
  return kUnspecified;
}
