// The native command line: evaluates programs with the same sources as the
// wasm build, for development and tests. It cannot run compiled code (there is
// no wasm engine here), but it can write the module a JIT round generates.
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "primitives.h"
#include "value.h"

extern "C" {
struct JitModule;
struct Program;
Program* parse(const char* source);
void eval(Program* program, int32_t heapBytes);
JitModule* jitModule();
uint8_t* moduleData(JitModule* m);
int32_t moduleSize(JitModule* m);
void freeModule(JitModule* m);
int32_t collectionCount();
void setHeapLimitExport(uint32_t bytes);
void setMaxNestedCalls(int32_t n);
int32_t pendingJitCount();
void setTieringExport(int32_t threshold, int32_t maxRoundBytes);
}

// Where the guest's env.throw_error goes back to: the command line's own
// call, or the innermost call catching errors.
static jmp_buf* recovery;

// The guest's env.throw_error: the message is already on stderr (or the
// error is being caught, catching.h).
extern "C" void throw_error(void) { longjmp(*recovery, 1); }

// The guest's env.catch_errors: runs runCatching, 1 when it ended with an error.
extern "C" void runCatching(void);
extern "C" int32_t catch_errors(void) {
  jmp_buf here;
  jmp_buf* outer = recovery;
  recovery = &here;
  if (setjmp(here)) {
    recovery = outer;
    return 1;
  }
  runCatching();
  recovery = outer;
  return 0;
}

static char* readFile(const char* path) {
  FILE* f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "cannot open %s\n", path);
    exit(2);
  }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char* text = (char*)malloc(n + 1);
  if (fread(text, 1, n, f) != (size_t)n) exit(2);
  text[n] = 0;
  fclose(f);
  return text;
}

// The primitive table as the rows of a Markdown table: the language
// reference's list of primitives is this output (a test keeps them equal).
static void printPrimitives() {
  for (int i = 0; i < (int)Prim::Count; i++) {
    const PrimitiveInfo& p = primitiveInfo((Prim)i);
    char arguments[32];
    if (p.maxArgs == kAny)
      snprintf(arguments, sizeof arguments, "%d or more", (int)p.minArgs);
    else if (p.minArgs == p.maxArgs)
      snprintf(arguments, sizeof arguments, "%d", (int)p.minArgs);
    else
      snprintf(arguments, sizeof arguments, "%d to %d", (int)p.minArgs, (int)p.maxArgs);
    printf("| `%s` | %s | %s |\n", p.name, arguments, p.description);
  }
}

static void usage() {
  fprintf(stderr,
          "usage: interp-native [--heap BYTES] [--heap-limit BYTES] [--max-calls N] [--stats]\n"
          "                     [--tier-threshold N] [--jit-out FILE] (-e EXPR | FILE)...\n"
          "       interp-native --primitives\n"
          "Evaluates each program in turn in one interpreter; after an error it goes on\n"
          "with the next. --heap-limit lets the heap grow up to BYTES when live data\n"
          "crowds it (by default it stays at --heap's size). --max-calls sets how many\n"
          "non-tail calls may nest. --tier-threshold counts interpreted entries as\n"
          "automatic tiering does (no host links here: for measuring the counters).\n"
          "--jit-out writes the module of a JIT round after\n"
          "the last program.\n"
          "Exit status: 0 when every program succeeded, 1 otherwise.\n");
  exit(2);
}

// Parses and evaluates one program; false when it reported an error.
static bool run(const char* source, int32_t heap, bool stats) {
  static jmp_buf top;
  recovery = &top;
  if (setjmp(top)) return false;
  eval(parse(source), heap);
  if (stats) fprintf(stderr, "collections: %d\n", collectionCount());
  return true;
}

static bool writeJitModule(const char* path) {
  static jmp_buf top;
  recovery = &top;
  if (setjmp(top)) return false;
  JitModule* m = jitModule();
  if (!m) {
    fprintf(stderr, "no function waits for the JIT\n");
    return false;
  }
  FILE* f = fopen(path, "wb");
  bool written = f && fwrite(moduleData(m), 1, moduleSize(m), f) == (size_t)moduleSize(m);
  if (f) fclose(f);
  freeModule(m);
  return written;
}

extern char** nativeArguments;  // process.cc: command-line
extern int nativeArgumentCount;

int main(int argc, char** argv) {
  nativeArguments = argv;
  nativeArgumentCount = argc;
  int32_t heap = 1 << 20;
  bool stats = false;
  const char* jitOut = nullptr;
  int failures = 0, programs = 0;
  if (argc == 2 && !strcmp(argv[1], "--primitives")) {
    printPrimitives();
    return 0;
  }
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--heap") && i + 1 < argc) {
      heap = atoi(argv[++i]);
    } else if (!strcmp(argv[i], "--heap-limit") && i + 1 < argc) {
      setHeapLimitExport((uint32_t)strtoul(argv[++i], nullptr, 10));
    } else if (!strcmp(argv[i], "--max-calls") && i + 1 < argc) {
      setMaxNestedCalls(atoi(argv[++i]));
    } else if (!strcmp(argv[i], "--tier-threshold") && i + 1 < argc) {
      setTieringExport(atoi(argv[++i]), 0);
    } else if (!strcmp(argv[i], "--stats")) {
      stats = true;
    } else if (!strcmp(argv[i], "--jit-out") && i + 1 < argc) {
      jitOut = argv[++i];
    } else if (!strcmp(argv[i], "-e") && i + 1 < argc) {
      programs++;
      failures += !run(argv[++i], heap, stats);
    } else if (argv[i][0] == '-') {
      usage();
    } else {
      programs++;
      failures += !run(readFile(argv[i]), heap, stats);
    }
  }
  if (programs == 0) usage();
  if (jitOut && !writeJitModule(jitOut)) return 1;
  return failures ? 1 : 0;
}
