// Ports: where read-char and read take text from and where display and
// write put it (R7RS 6.13).
//
// A port is a heap object (objects.def: Port) whose header detail holds its
// kind and whether it is closed; its two fields depend on the kind:
//   standard input, output, error:  unused (their state is this file's own);
//   string or bytevector input:     a bytevector of the text's UTF-8 bytes,
//                                   the position (a fixnum);
//   string or bytevector output:    a bytevector buffer, the bytes used;
//   file input:                     as string input (the file is read whole
//                                   when it is opened);
//   file output:                    as string output, the buffer written to the
//                                   file descriptor (in the header's detail,
//                                   above the kind) when it fills, when the
//                                   port is flushed or closed, and at the end
//                                   of every call (openFilePorts lists them).
// Text moves through every port as UTF-8 bytes, so one reader and one writer
// serve all kinds; characters are decoded as they are read.
//
// The standard ports live outside the heap and never move. The current
// ports are roots (registerRoot), and every call starts with the standard
// ones again (resetPorts), so an error inside with-output-to-string cannot
// leave output going to a string.
//
// Standard input is read as it is needed, a read(2) at a time, except by
// `read`, which takes the rest of the input first: a datum can span any
// number of lines. The host decides what standard input is (the library
// gives none unless asked; `wasmjit run` gives its own).
#include "ports.h"

#include "primitives.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "errors.h"
#include "bytes.h"
#include "evaluator.h"
#include "heap.h"
#include "outside.h"
#include "printer.h"
#include "reader.h"
#include "strings.h"
#include "symbols.h"

namespace {

enum PortKind : uint32_t {
  kStandardInput,
  kStandardOutput,
  kStandardError,
  kStringInput,
  kStringOutput,
  kBytevectorInput,
  kBytevectorOutput,
  kFileInput,
  kFileOutput,
  kBinaryFileInput,
  kBinaryFileOutput,
};
const uint32_t kKindMask = 0xf;
const uint32_t kClosed = 0x10;
const uint32_t kFdShift = 8;           // a file output port's descriptor, in the detail
const size_t kFileBufferBytes = 65536;  // written out when a file port's buffer holds this much

Port standardPorts[3] = {
    {makeHeader(kPortTag, kStandardInput), kUnset, kUnset},
    {makeHeader(kPortTag, kStandardOutput), kUnset, kUnset},
    {makeHeader(kPortTag, kStandardError), kUnset, kUnset},
};
Value standardInput() { return (Value)&standardPorts[0]; }
Value standardOutput() { return (Value)&standardPorts[1]; }
Value standardError() { return (Value)&standardPorts[2]; }

Value currentInput, currentOutput, currentError;
Value openFilePorts = kNil;  // the file output ports not closed yet, to flush at the end of a call

uint32_t kindOf(Value port) { return headerDetailOf(port) & kKindMask; }
bool isClosed(Value port) { return headerDetailOf(port) & kClosed; }
bool isInput(Value port) {
  uint32_t k = kindOf(port);
  return k == kStandardInput || k == kStringInput || k == kBytevectorInput || k == kFileInput ||
         k == kBinaryFileInput;
}
bool isBinary(Value port) {
  uint32_t k = kindOf(port);
  return k == kBytevectorInput || k == kBytevectorOutput || k == kBinaryFileInput ||
         k == kBinaryFileOutput;
}
bool isFileOutput(Value port) {
  uint32_t k = kindOf(port);
  return k == kFileOutput || k == kBinaryFileOutput;
}
int fdOf(Value port) { return (int)(headerDetailOf(port) >> kFdShift); }

Value makePort(PortKind kind, Value a, Value b) { return makeTwoFields(kPortTag, kind, a, b); }

// ---- standard input ----

uint8_t* stdinBytes;
size_t stdinSize, stdinCapacity, stdinPosition;
bool stdinEnded;

// Reads more of standard input; false at its end.
bool readMoreInput() {
  if (stdinEnded) return false;
  if (stdinPosition > 0 && stdinPosition == stdinSize) stdinPosition = stdinSize = 0;
  if (stdinCapacity - stdinSize < 4096) {
    size_t capacity = stdinCapacity ? 2 * stdinCapacity : 65536;
    uint8_t* grown = (uint8_t*)realloc(stdinBytes, capacity);
    if (!grown) fail("out of memory: standard input needs %lu bytes", (unsigned long)capacity);
    stdinBytes = grown;
    stdinCapacity = capacity;
  }
  ssize_t n = read(0, stdinBytes + stdinSize, stdinCapacity - stdinSize);
  if (n <= 0) {
    stdinEnded = true;  // an error reading is the end of the input too
    return false;
  }
  stdinSize += (size_t)n;
  return true;
}

// ---- reading bytes, whatever the port ----

// The bytes not yet read that are at hand, after reading more if none are
// and `wait`; *count is 0 only at the end of the input.
const uint8_t* pendingBytes(Value port, size_t* count, bool wait = true) {
  if (kindOf(port) == kStandardInput) {
    while (stdinPosition == stdinSize && wait && readMoreInput()) {
    }
    *count = stdinSize - stdinPosition;
    return stdinBytes + stdinPosition;
  }
  Value text = portOf(port)->a;
  size_t at = (size_t)integerOf(portOf(port)->b);
  *count = lengthOf(text) - at;
  return bytevectorOf(text)->bytes + at;
}

// At least n pending bytes, reading more as needed; false if the input ends first.
bool ensureBytes(Value port, size_t n) {
  size_t count;
  pendingBytes(port, &count);
  if (kindOf(port) != kStandardInput) return count >= n;
  while (stdinSize - stdinPosition < n)
    if (!readMoreInput()) return false;
  return true;
}

void consumeBytes(Value port, size_t n) {
  if (kindOf(port) == kStandardInput)
    stdinPosition += n;
  else
    portOf(port)->b = makeInteger(integerOf(portOf(port)->b) + (int32_t)n);
}

size_t utf8Length(uint8_t lead) {
  return lead < 0x80 ? 1 : (lead >> 5) == 6 ? 2 : (lead >> 4) == 14 ? 3 : (lead >> 3) == 30 ? 4 : 1;
}

// The next character, or -1 at the end of the input; consumed when `take`.
// A malformed UTF-8 sequence reads as U+FFFD, one byte at a time.
int32_t nextCharacter(Value port, bool take) {
  size_t count;
  const uint8_t* p = pendingBytes(port, &count);
  if (count == 0) return -1;
  size_t n = utf8Length(p[0]);
  if (n > 1 && !ensureBytes(port, n)) n = 1;
  p = pendingBytes(port, &count);
  int32_t c;
  if (n == 1) {
    c = p[0] < 0x80 ? p[0] : 0xfffd;
  } else {
    c = p[0] & (0x7f >> n);
    for (size_t i = 1; i < n; i++) {
      if ((p[i] & 0xc0) != 0x80) {
        c = 0xfffd;
        n = 1;
        break;
      }
      c = (c << 6) | (p[i] & 0x3f);
    }
  }
  if (take) consumeBytes(port, n);
  return c;
}

// ---- writing bytes, whatever the port ----

bool atLineStart = true;  // of standard output: the result line starts a line of its own

// Writes a file output port's buffer to its file; false if the file refused it.
bool flushFilePort(Value port) {
  size_t used = (size_t)integerOf(portOf(port)->b);
  const uint8_t* bytes = bytevectorOf(portOf(port)->a)->bytes;
  portOf(port)->b = makeInteger(0);
  for (size_t done = 0; done < used;) {
    ssize_t n = write(fdOf(port), bytes + done, used - done);
    if (n <= 0) return false;
    done += (size_t)n;
  }
  return true;
}

void writeBytes(Value port, const uint8_t* bytes, size_t n) {
  if (n == 0) return;
  if (isFileOutput(port) && (size_t)integerOf(portOf(port)->b) + n > kFileBufferBytes) {
    Value* root = pushRoot(port);
    if (!flushFilePort(port)) failFile("cannot write to a file: the host refused the write");
    rootTop = root;
    port = *root;
  }
  switch (kindOf(port)) {
    case kStandardOutput:
      fwrite(bytes, 1, n, stdout);
      atLineStart = bytes[n - 1] == '\n';
      return;
    case kStandardError:
      fwrite(bytes, 1, n, stderr);
      return;
  }
  // A buffer that doubles when full: port stays rooted while it grows.
  Value* root = pushRoot(port);
  size_t used = (size_t)integerOf(portOf(port)->b);
  size_t capacity = lengthOf(portOf(port)->a);
  if (capacity - used < n) {
    size_t grown = capacity ? 2 * capacity : 64;
    while (grown - used < n) grown *= 2;
    if (grown > (size_t)kMaxInteger) fail("out of memory: a string port holds at most %d bytes", (int)kMaxInteger);
    Value buffer = makeData(kBytevectorTag, grown, 1);
    memcpy(bytevectorOf(buffer)->bytes, bytevectorOf(portOf(*root)->a)->bytes, used);
    portOf(*root)->a = buffer;
  }
  memcpy(bytevectorOf(portOf(*root)->a)->bytes + used, bytes, n);
  portOf(*root)->b = makeInteger((int32_t)(used + n));
  rootTop = root;
}

void encodeCharacter(uint32_t c, uint8_t* out, size_t* n) {
  if (c < 0x80) {
    out[0] = (uint8_t)c;
    *n = 1;
  } else if (c < 0x800) {
    out[0] = (uint8_t)(0xc0 | (c >> 6));
    out[1] = (uint8_t)(0x80 | (c & 0x3f));
    *n = 2;
  } else if (c < 0x10000) {
    out[0] = (uint8_t)(0xe0 | (c >> 12));
    out[1] = (uint8_t)(0x80 | ((c >> 6) & 0x3f));
    out[2] = (uint8_t)(0x80 | (c & 0x3f));
    *n = 3;
  } else {
    out[0] = (uint8_t)(0xf0 | (c >> 18));
    out[1] = (uint8_t)(0x80 | ((c >> 12) & 0x3f));
    out[2] = (uint8_t)(0x80 | ((c >> 6) & 0x3f));
    out[3] = (uint8_t)(0x80 | (c & 0x3f));
    *n = 4;
  }
}

// ---- arguments ----

// The port argument i, or the current port of that direction when the
// procedure was called without it; checks direction, kind and openness.
Value portArgument(Prim p, Value* args, int32_t argc, int32_t i, bool input, bool binary) {
  if (i >= argc) return input ? currentInput : currentOutput;
  Value port = args[i];
  if (!hasTag(port, kPortTag) || isInput(port) != input || (binary && !isBinary(port)))
    failWrongType(p, i, input ? (binary ? Expected::BinaryInputPort : Expected::InputPort)
                              : (binary ? Expected::BinaryOutputPort : Expected::OutputPort),
                  port);
  if (isClosed(port)) fail("%s: the port is closed", primitiveName(p));
  return port;
}

Value characterOrEof(int32_t c) { return c < 0 ? kEof : makeCharacter((uint32_t)c); }

// A new bytevector of a string's text in UTF-8.
Value textOf(Value string) {
  Bytes utf8;
  appendStringUtf8(utf8, string);
  Value text = makeData(kBytevectorTag, utf8.size(), 1);
  memcpy(bytevectorOf(text)->bytes, utf8.data(), utf8.size());
  return text;
}

}  // namespace

// A mutable copy in the heap of literal data the reader made (read's result
// is the program's to change, as any other list).
Value mutableCopy(Value v) {
  if (!isObject(v) || !(headerOf(v) & kLiteral)) return v;
  switch (tagOf(v)) {
    case kPairTag: {
      // Literal pairs never move: the spine is walked from a C++ local.
      Value* head = pushRoot(kNil);
      Value* tail = pushRoot(kNil);
      Value rest = v;
      for (; hasTag(rest, kPairTag) && (headerOf(rest) & kLiteral); rest = pairOf(rest)->cdr) {
        Value cell = makePair(mutableCopy(pairOf(rest)->car), kNil);
        if (*head == kNil)
          *head = cell;
        else
          pairOf(*tail)->cdr = cell;
        *tail = cell;
      }
      Value last = mutableCopy(rest);
      pairOf(*tail)->cdr = last;
      Value result = *head;
      rootTop = head;
      return result;
    }
    case kVectorTag: {
      Value* copy = pushRoot(makeVector(lengthOf(v), kUnspecified));
      for (uint32_t i = 0; i < lengthOf(v); i++) {
        Value element = mutableCopy(vectorOf(v)->elements[i]);
        vectorOf(*copy)->elements[i] = element;
      }
      Value result = *copy;
      rootTop = copy;
      return result;
    }
    case kStringTag:
    case kBytevectorTag: return copyData(v);
  }
  return v;
}

bool readIntoHeap(const char* text, Value* out, size_t* consumed) {
  ProgramArena* outer = beginDataArena();
  Datum datum;
  bool found = readOne(text, &datum, consumed);
  *out = found ? mutableCopy(datum.value) : kUnspecified;
  freeProgramArena(endProgramArena(outer));
  return found;
}

// ---- the rest of the runtime ----

const char* fileErrorText(int error) {
  // wasi-libc says ENOTCAPABLE both for a path outside every granted directory
  // and for one the host refused to resolve (.., a link leading out).
#ifdef ENOTCAPABLE
  if (error == ENOTCAPABLE) return "outside the directories the host grants";
#endif
  return strerror(error);
}

void flushFilePorts() {
  for (Value p = openFilePorts; p != kNil; p = pairOf(p)->cdr) flushFilePort(pairOf(p)->car);
}

Value openFileInputPort(Prim p, const char* path, bool binary) {
  int fd = open(path, O_RDONLY);
  if (fd < 0) failFile("%s: cannot open \"%s\": %s", primitiveName(p), path, fileErrorText(errno));
  Bytes content;
  uint8_t chunk[65536];
  for (;;) {
    ssize_t n = read(fd, chunk, sizeof chunk);
    if (n < 0) {
      int error = errno;
      close(fd);
      failFile("%s: cannot read \"%s\": %s", primitiveName(p), path, fileErrorText(error));
    }
    if (n == 0) break;
    content.append(chunk, (size_t)n);
  }
  close(fd);
  if (content.size() > (size_t)kMaxInteger) fail("%s: \"%s\" is larger than %d bytes", primitiveName(p), path, (int)kMaxInteger);
  Value text = makeData(kBytevectorTag, content.size(), 1);
  if (content.size()) memcpy(bytevectorOf(text)->bytes, content.data(), content.size());
  return makePort(binary ? kBinaryFileInput : kFileInput, text, makeInteger(0));
}

Value openFileOutputPort(Prim p, const char* path, bool binary) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0666);
  if (fd < 0) failFile("%s: cannot open \"%s\": %s", primitiveName(p), path, fileErrorText(errno));
  if (fd >= (1 << 15)) {
    close(fd);
    failFile("%s: too many open files", primitiveName(p));
  }
  Value port = makeTwoFields(kPortTag, (binary ? kBinaryFileOutput : kFileOutput) | ((uint32_t)fd << kFdShift),
                             makeData(kBytevectorTag, kFileBufferBytes, 1), makeInteger(0));
  Value* root = pushRoot(port);
  openFilePorts = makePair(port, openFilePorts);
  rootTop = root;
  return port;
}

Value closeAnyPort(Value port) {
  if (isClosed(port)) return kUnspecified;
  if (isFileOutput(port)) {
    flushFilePort(port);
    close(fdOf(port));
    Value* link = &openFilePorts;
    while (*link != kNil && pairOf(*link)->car != port) link = &pairOf(*link)->cdr;
    if (*link != kNil) *link = pairOf(*link)->cdr;
  }
  objectOf(port)[0] |= (Value)kClosed << 8;
  return kUnspecified;
}

Value currentInputPort() { return currentInput; }
Value currentOutputPort() { return currentOutput; }

Value exchangeCurrentInput(Value port) {
  Value old = currentInput;
  currentInput = port;
  return old;
}

Value exchangeCurrentOutput(Value port) {
  Value old = currentOutput;
  currentOutput = port;
  return old;
}

void resetPorts() {
  static bool registered;
  if (!registered) {
    registerRoot(&currentInput);
    registerRoot(&currentOutput);
    registerRoot(&currentError);
    registerRoot(&openFilePorts);
    registered = true;
  }
  flushFilePorts();  // what a call that failed left in the buffers
  currentInput = standardInput();
  currentOutput = standardOutput();
  currentError = standardError();
  atLineStart = true;
}

const char* portDescription(Value port) {
  if (kindOf(port) == kFileInput || kindOf(port) == kBinaryFileInput)
    return isClosed(port) ? "#<closed input port>" : "#<input port>";
  if (isClosed(port)) return isInput(port) ? "#<closed input port>" : "#<closed output port>";
  return isInput(port) ? "#<input port>" : "#<output port>";
}

void endOutputLine() {
  if (!atLineStart) writeBytes(standardOutput(), (const uint8_t*)"\n", 1);
}

void resetOutputLine() { atLineStart = true; }

// ---- the primitives ----

Value prim_IsPort(ARGS) { UNUSED_ARGC; return makeBoolean(hasTag(args[0], kPortTag)); }
Value prim_IsInputPort(ARGS) { UNUSED_ARGC; return makeBoolean(hasTag(args[0], kPortTag) && isInput(args[0])); }
Value prim_IsOutputPort(ARGS) { UNUSED_ARGC; return makeBoolean(hasTag(args[0], kPortTag) && !isInput(args[0])); }
Value prim_IsTextualPort(ARGS) { UNUSED_ARGC; return makeBoolean(hasTag(args[0], kPortTag) && !isBinary(args[0])); }
Value prim_IsBinaryPort(ARGS) { UNUSED_ARGC; return makeBoolean(hasTag(args[0], kPortTag) && isBinary(args[0])); }
Value prim_IsInputPortOpen(ARGS) {
  UNUSED_ARGC;
  if (!hasTag(args[0], kPortTag) || !isInput(args[0])) failWrongType(Prim::IsInputPortOpen, 0, Expected::InputPort, args[0]);
  return makeBoolean(!isClosed(args[0]));
}
Value prim_IsOutputPortOpen(ARGS) {
  UNUSED_ARGC;
  if (!hasTag(args[0], kPortTag) || isInput(args[0])) failWrongType(Prim::IsOutputPortOpen, 0, Expected::OutputPort, args[0]);
  return makeBoolean(!isClosed(args[0]));
}

Value prim_CurrentInputPort(ARGS) { (void)args; UNUSED_ARGC; return currentInputPort(); }
Value prim_CurrentOutputPort(ARGS) { (void)args; UNUSED_ARGC; return currentOutputPort(); }
Value prim_CurrentErrorPort(ARGS) { (void)args; UNUSED_ARGC; return currentError; }

Value prim_OpenInputString(ARGS) {
  UNUSED_ARGC;
  Value text = textOf(stringAt(Prim::OpenInputString, args, 0));
  return makePort(kStringInput, text, makeInteger(0));
}
Value prim_OpenOutputString(ARGS) {
  (void)args;
  UNUSED_ARGC;
  return makePort(kStringOutput, makeData(kBytevectorTag, 0, 1), makeInteger(0));
}
Value prim_OpenInputBytevector(ARGS) {
  UNUSED_ARGC;
  if (!hasTag(args[0], kBytevectorTag)) failWrongType(Prim::OpenInputBytevector, 0, Expected::PortBytevector, args[0]);
  Value text = copyData(args[0]);
  return makePort(kBytevectorInput, text, makeInteger(0));
}
Value prim_OpenOutputBytevector(ARGS) {
  (void)args;
  UNUSED_ARGC;
  return makePort(kBytevectorOutput, makeData(kBytevectorTag, 0, 1), makeInteger(0));
}

static Value outputBytes(Prim p, Value port, PortKind kind) {
  if (!hasTag(port, kPortTag) || kindOf(port) != kind)
    failWrongType(p, 0, kind == kStringOutput ? Expected::StringOutputPort : Expected::BytevectorOutputPort, port);
  return port;
}
Value prim_GetOutputString(ARGS) {
  UNUSED_ARGC;
  Value port = outputBytes(Prim::GetOutputString, args[0], kStringOutput);
  return makeString((const char*)bytevectorOf(portOf(port)->a)->bytes, (size_t)integerOf(portOf(port)->b));
}
Value prim_GetOutputBytevector(ARGS) {
  UNUSED_ARGC;
  Value port = outputBytes(Prim::GetOutputBytevector, args[0], kBytevectorOutput);
  size_t n = (size_t)integerOf(portOf(port)->b);
  Value copy = makeData(kBytevectorTag, n, 1);
  memcpy(bytevectorOf(copy)->bytes, bytevectorOf(portOf(args[0])->a)->bytes, n);
  return copy;
}

static Value closePort(Value port) { return closeAnyPort(port); }
static Value portAt(Prim p, Value* args, int32_t i) {
  if (!hasTag(args[i], kPortTag)) failWrongType(p, i, Expected::Port, args[i]);
  return args[i];
}
Value prim_ClosePort(ARGS) { UNUSED_ARGC; return closePort(portAt(Prim::ClosePort, args, 0)); }
Value prim_CloseInputPort(ARGS) {
  UNUSED_ARGC;
  if (!hasTag(args[0], kPortTag) || !isInput(args[0])) failWrongType(Prim::CloseInputPort, 0, Expected::InputPort, args[0]);
  return closePort(args[0]);
}
Value prim_CloseOutputPort(ARGS) {
  UNUSED_ARGC;
  if (!hasTag(args[0], kPortTag) || isInput(args[0])) failWrongType(Prim::CloseOutputPort, 0, Expected::OutputPort, args[0]);
  return closePort(args[0]);
}

Value prim_ReadChar(ARGS) {
  return characterOrEof(nextCharacter(portArgument(Prim::ReadChar, args, argc, 0, true, false), true));
}
Value prim_PeekChar(ARGS) {
  return characterOrEof(nextCharacter(portArgument(Prim::PeekChar, args, argc, 0, true, false), false));
}
Value prim_IsCharReady(ARGS) {
  Value port = portArgument(Prim::IsCharReady, args, argc, 0, true, false);
  if (kindOf(port) != kStandardInput) return kTrue;
  return makeBoolean(stdinPosition < stdinSize || stdinEnded);
}

Value prim_ReadLine(ARGS) {
  Value port = portArgument(Prim::ReadLine, args, argc, 0, true, false);
  size_t count;
  const uint8_t* p = pendingBytes(port, &count);
  if (count == 0) return kEof;
  // Standard input: read on until a line break or the end.
  size_t length;
  for (;;) {
    p = pendingBytes(port, &count);
    const uint8_t* end = (const uint8_t*)memchr(p, '\n', count);
    if (end) {
      length = (size_t)(end - p);
      break;
    }
    if (kindOf(port) != kStandardInput || !readMoreInput()) {
      length = count;
      break;
    }
  }
  Value* root = pushRoot(port);
  Value line = makeString((const char*)p, length);
  consumeBytes(*root, length < count ? length + 1 : length);
  rootTop = root;
  return line;
}

Value prim_ReadString(ARGS) {
  int32_t k = integerArgument(Prim::ReadString, args, 0);
  if (k < 0) failWrongType(Prim::ReadString, 0, Expected::Count, args[0]);
  Value port = portArgument(Prim::ReadString, args, argc, 1, true, false);
  Bytes text;
  int32_t n = 0;
  for (; n < k; n++) {
    int32_t c = nextCharacter(port, true);
    if (c < 0) break;
    uint8_t bytes[4];
    size_t length;
    encodeCharacter((uint32_t)c, bytes, &length);
    text.append(bytes, length);
  }
  if (n == 0 && k > 0) return kEof;
  return makeString((const char*)text.data(), text.size());
}

static Value nextByte(Prim p, Value* args, int32_t argc, bool take) {
  Value port = portArgument(p, args, argc, 0, true, false);
  size_t count;
  const uint8_t* bytes = pendingBytes(port, &count);
  if (count == 0) return kEof;
  Value b = makeInteger(bytes[0]);
  if (take) consumeBytes(port, 1);
  return b;
}
Value prim_ReadU8(ARGS) { return nextByte(Prim::ReadU8, args, argc, true); }
Value prim_PeekU8(ARGS) { return nextByte(Prim::PeekU8, args, argc, false); }
Value prim_IsU8Ready(ARGS) { return prim_IsCharReady(args, argc); }

// How many of the pending bytes the reader must see to read the next datum.
// All of them in general; but a datum that is an atom (a number or a
// symbol) ends at the reader's first delimiter, so only that far: reading
// many numbers from a long port (r7rs-benchmarks' sum1) then copies each once
// instead of copying the rest of the input for every one.
static size_t readWindow(const uint8_t* p, size_t count) {
  auto delimiter = [](uint8_t c) { return c == 0 || strchr("()\";'|`,", c) || isspace(c); };
  size_t i = 0;
  while (i < count && isspace(p[i])) i++;
  if (i == count || p[i] == '#' || delimiter(p[i])) return count;
  while (i < count && !delimiter(p[i])) i++;
  return i < count ? i + 1 : count;
}

Value prim_Read(ARGS) {
  Value port = portArgument(Prim::Read, args, argc, 0, true, false);
  if (kindOf(port) == kStandardInput)
    while (readMoreInput()) {
    }
  size_t count;
  const uint8_t* p = pendingBytes(port, &count);
  count = readWindow(p, count);
  // The reader wants a C string: the pending text with a zero after it.
  char* text = (char*)malloc(count + 1);
  if (!text) fail("out of memory: read needs %lu bytes", (unsigned long)count + 1);
  memcpy(text, p, count);
  text[count] = 0;
  Value datum;
  size_t consumed = 0;
  bool found = readIntoHeap(text, &datum, &consumed);
  free(text);
  consumeBytes(port, consumed);
  return found ? datum : kEof;
}

Value prim_EofObject(ARGS) { (void)args; UNUSED_ARGC; return kEof; }
Value prim_IsEofObject(ARGS) { UNUSED_ARGC; return makeBoolean(args[0] == kEof); }

Value prim_WriteChar(ARGS) {
  if (!isCharacter(args[0])) failWrongType(Prim::WriteChar, 0, Expected::PortCharacter, args[0]);
  Value port = portArgument(Prim::WriteChar, args, argc, 1, false, false);
  uint8_t bytes[4];
  size_t n;
  encodeCharacter(characterOf(args[0]), bytes, &n);
  writeBytes(port, bytes, n);
  return kUnspecified;
}

Value prim_WriteString(ARGS) {
  stringAt(Prim::WriteString, args, 0);
  Value port = portArgument(Prim::WriteString, args, argc, 1, false, false);
  Bytes text;
  printValue(args[0], false, text);
  writeBytes(port, text.data(), text.size());
  return kUnspecified;
}

Value prim_WriteU8(ARGS) {
  int32_t b = integerArgument(Prim::WriteU8, args, 0);
  if (b < 0 || b > 255) failWrongType(Prim::WriteU8, 0, Expected::Byte, args[0]);
  Value port = portArgument(Prim::WriteU8, args, argc, 1, false, false);
  uint8_t byte = (uint8_t)b;
  writeBytes(port, &byte, 1);
  return kUnspecified;
}

// Standard output and error take what display and write print in chunks, so
// output of any size streams; other ports take it whole, since writing to
// them may allocate, which would move the data being printed.
static Value streamingPort;
static void writeChunk(Bytes& chunk) {
  writeBytes(streamingPort, chunk.data(), chunk.size());
  chunk.clear();
}

static Value print(Prim p, Value* args, int32_t argc, bool write) {
  Value port = portArgument(p, args, argc, 1, false, false);
  if (kindOf(port) == kStandardOutput || kindOf(port) == kStandardError) {
    streamingPort = port;  // outside the heap: never moves
    printValueTo(args[0], write, writeChunk);
    return kUnspecified;
  }
  Bytes text;
  printValue(args[0], write, text);
  writeBytes(port, text.data(), text.size());
  return kUnspecified;
}
Value prim_Display(ARGS) { return print(Prim::Display, args, argc, false); }
Value prim_Write(ARGS) { return print(Prim::Write, args, argc, true); }
Value prim_WriteShared(ARGS) { return print(Prim::WriteShared, args, argc, true); }
Value prim_WriteSimple(ARGS) { return print(Prim::WriteSimple, args, argc, true); }

Value prim_Newline(ARGS) {
  Value port = portArgument(Prim::Newline, args, argc, 0, false, false);
  writeBytes(port, (const uint8_t*)"\n", 1);
  if (kindOf(port) == kStandardOutput) fflush(stdout);  // output comes line by line
  return kUnspecified;
}

Value prim_FlushOutputPort(ARGS) {
  Value port = portArgument(Prim::FlushOutputPort, args, argc, 0, false, false);
  if (isFileOutput(port) && !flushFilePort(port)) failFile("flush-output-port: the host refused the write");
  if (kindOf(port) == kStandardOutput) fflush(stdout);
  if (kindOf(port) == kStandardError) fflush(stderr);
  return kUnspecified;
}

Value prim_CallWithPort(ARGS) {
  UNUSED_ARGC;
  portAt(Prim::CallWithPort, args, 0);
  procedureAt(Prim::CallWithPort, args, 1);
  Value result = applyProcedure(args[1], args, 1);
  if (result == kUnwinding) return kUnwinding;  // left by a continuation: the port stays open
  closePort(args[0]);
  return result;
}

Value prim_WithOutputToString(ARGS) {
  UNUSED_ARGC;
  procedureAt(Prim::WithOutputToString, args, 0);
  Value* saved = pushRoot(currentOutput);
  currentOutput = makePort(kStringOutput, makeData(kBytevectorTag, 0, 1), makeInteger(0));
  Value* port = pushRoot(currentOutput);
  Value result = applyProcedure(args[0], nullptr, 0);
  currentOutput = *saved;
  if (result == kUnwinding) {
    rootTop = saved;
    return kUnwinding;
  }
  Value text = makeString((const char*)bytevectorOf(portOf(*port)->a)->bytes, (size_t)integerOf(portOf(*port)->b));
  rootTop = saved;
  return text;
}
