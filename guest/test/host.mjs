// A host for interplib.wasm on Node's WebAssembly (V8): the guest's tests run
// on it, and benchmarks use it as the V8 anchor.
//
// It implements the few WASI imports the guest uses itself, as the Java host
// does, instead of node:wasi: with node 20.20, several node:wasi instances in
// one process corrupted V8's heap (segfaults in unrelated code), and a test
// suite needs a fresh guest per scenario. See guest/README.md.
//
//   node guest/test/host.mjs [--wasm FILE] [--jit] [--repeat N] [--heap BYTES] [--time]
//                            [--compiled-depth N] (FILE | -e EXPR)
//
// Parses the program, evaluates it N times (default 1); with --jit then asks
// for a JIT module, links it, and evaluates N times more. --time reports the
// time of each batch of evaluations on stderr. --wasm (or the environment
// variable GUEST_WASM, relative to guest/) picks another build of the guest,
// such as interplib-baseline.wasm. --compiled-depth sets the guest's compiled
// depth budget (setCompiledDepthBudget); without it the budget follows this
// process's V8 stack (compiledDepthBudgetFor below).
import { readFileSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const guestDirectory = fileURLToPath(new URL('../', import.meta.url));
export const defaultWasmPath = resolve(guestDirectory, process.env.GUEST_WASM ?? 'interplib.wasm');

/** The guest reported an error: `message` is the text after "error: ". */
export class GuestError extends Error {}

/** Thrown by env.throw_error to abort the guest's call. */
class GuestAbort extends Error {}

const compiledModules = new Map();

/**
 * The compiled depth budget safe under V8's default stack (984 KB, which Node
 * without --stack-size and the browser's workers have). Measured with
 * guest/test/stack-budget.mjs on node 20: the first of its programs to
 * overflow that stack, compiled recursion with recursion through map beneath,
 * does so from a budget of about 4,930 on; half that, rounded down, leaves room
 * for the frames of the host's own JavaScript and for deeper C++ frames than
 * map's (guest/README.md, "Call depth"). The guest's own default, 8000, is
 * sized for wasmtime's 2 MiB.
 */
export const V8_DEFAULT_STACK_BUDGET = 2400;
const V8_DEFAULT_STACK_KB = 984;

/** V8's stack in KB in this process: its --stack-size flag, or the default. */
export function v8StackKb() {
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  const flag = flags.filter((f) => f.startsWith('--stack-size=')).pop();
  return flag ? Number(flag.slice('--stack-size='.length)) : V8_DEFAULT_STACK_KB;
}

/** The guest's own default budget (kCompiledDepthLimit), sized for wasmtime's 2 MiB. */
const GUEST_DEFAULT_BUDGET = 8000;

/**
 * The budget for a V8 stack of `kb` KB: the default stack's budget scaled to
 * the stack, at least 64; 0 (the guest's default) once that reaches the
 * default, from about 3.2 MB on (node --stack-size=4000, as the tests run).
 */
export function compiledDepthBudgetFor(kb) {
  const budget = Math.floor(V8_DEFAULT_STACK_BUDGET * kb / V8_DEFAULT_STACK_KB);
  return budget >= GUEST_DEFAULT_BUDGET ? 0 : Math.max(64, budget);
}

const ERRNO_SUCCESS = 0, ERRNO_BADF = 8, ERRNO_INVAL = 28, ERRNO_NOSYS = 52, ERRNO_SPIPE = 70;
const FILETYPE_CHARACTER_DEVICE = 2;
const RIGHT_FD_WRITE = 1n << 6n;
/** What host-call answers on a host that defines no procedures (as the Java host without any). */
const NO_PROCEDURES = new TextEncoder().encode('this host defines no procedures');

/**
 * The WASI preview1 functions the guest imports: fd_write to fds 1 and 2,
 * fd_fdstat_get saying they are character devices without seek rights (so
 * wasi-libc line-buffers them), clock_time_get; everything else fails with
 * EBADF or ENOSYS (so standard input is empty).
 */
function minimalWasi(module, memory, write) {
  const isOutput = (fd) => fd === 1 || fd === 2;
  const functions = {
    fd_write(fd, iovs, iovsLength, writtenAddress) {
      if (!isOutput(fd)) return ERRNO_BADF;
      const view = new DataView(memory().buffer);
      let written = 0;
      for (let i = 0; i < iovsLength; i++) {
        const base = view.getUint32(iovs + 8 * i, true);
        const length = view.getUint32(iovs + 8 * i + 4, true);
        write(fd, new Uint8Array(memory().buffer, base, length));
        written += length;
      }
      view.setUint32(writtenAddress, written, true);
      return ERRNO_SUCCESS;
    },
    fd_fdstat_get(fd, statAddress) {
      if (!isOutput(fd)) return ERRNO_BADF;
      const view = new DataView(memory().buffer);
      view.setUint8(statAddress, FILETYPE_CHARACTER_DEVICE);
      view.setUint16(statAddress + 2, 0, true);
      view.setBigUint64(statAddress + 8, RIGHT_FD_WRITE, true);
      view.setBigUint64(statAddress + 16, 0n, true);
      return ERRNO_SUCCESS;
    },
    fd_seek(fd) {
      return isOutput(fd) ? ERRNO_SPIPE : ERRNO_BADF;
    },
    fd_close() {
      return ERRNO_BADF;
    },
    proc_exit(code) {
      throw new Error(`guest called proc_exit(${code})`);
    },
    // No directories are granted: wasi-libc asks from fd 3 on until EBADF
    // (any other answer makes its start-up exit).
    fd_prestat_get() {
      return ERRNO_BADF;
    },
    // No arguments and no environment (wasi-libc's start-up needs an answer).
    args_sizes_get(countAddress, sizeAddress) {
      const view = new DataView(memory().buffer);
      view.setUint32(countAddress, 0, true);
      view.setUint32(sizeAddress, 0, true);
      return ERRNO_SUCCESS;
    },
    environ_sizes_get(countAddress, sizeAddress) {
      const view = new DataView(memory().buffer);
      view.setUint32(countAddress, 0, true);
      view.setUint32(sizeAddress, 0, true);
      return ERRNO_SUCCESS;
    },
    args_get() {
      return ERRNO_SUCCESS;
    },
    environ_get() {
      return ERRNO_SUCCESS;
    },
    clock_time_get(id, precision, timeAddress) {
      const nanos = id === 0 ? BigInt(Date.now()) * 1000000n : id === 1 ? process.hrtime.bigint() : null;
      if (nanos === null) return ERRNO_INVAL;
      new DataView(memory().buffer).setBigUint64(timeAddress, nanos, true);
      return ERRNO_SUCCESS;
    },
  };
  const imports = {};
  for (const { module: from, name } of WebAssembly.Module.imports(module)) {
    if (from === 'wasi_snapshot_preview1') imports[name] = functions[name] ?? (() => ERRNO_NOSYS);
  }
  return imports;
}

/** One instance of the guest, with its linked JIT modules. */
export class Guest {
  /**
   * Instantiates the guest as a reactor and calls _initialize. Output goes to
   * the process's stdout and stderr, or with `capture` into this.stdout and
   * this.stderr (strings), or with `quiet` nowhere.
   */
  static load({ wasmPath = defaultWasmPath, quiet = false, capture = false, tiering = false,
                compiledDepthBudget = compiledDepthBudgetFor(v8StackKb()) } = {}) {
    let module = compiledModules.get(wasmPath);
    if (!module) {
      module = new WebAssembly.Module(readFileSync(wasmPath));
      compiledModules.set(wasmPath, module);
    }
    const output = { stdout: '', stderr: '' };
    const write = (fd, bytes) => {
      if (quiet) return;
      if (capture) output[fd === 1 ? 'stdout' : 'stderr'] += new TextDecoder().decode(bytes);
      else writeSync(fd, bytes);
    };
    let memory = null;
    const wasi = minimalWasi(module, () => memory, write);
    let guest = null;
    // Automatic tiering's imports. Without `tiering` this host does not tier (jit_ready is
    // refused, tier_poll answers 0). With it, a module handed over is linked at the guest's next
    // poll, synchronously: Node compiles it there and then.
    let handedOver = null;
    const instance = new WebAssembly.Instance(module, {
      wasi_snapshot_preview1: wasi,
      env: {
        throw_error() {
          throw new GuestAbort('guest error');
        },
        // Runtime errors as conditions (the guest's catching.h): calls back runCatching, and
        // answers 1 when a guest error ended it. Any other failure goes on to the caller.
        catch_errors() {
          try {
            guest.exports.runCatching();
            return 0;
          } catch (e) {
            if (e instanceof GuestAbort) return 1;
            throw e;
          }
        },
        jit_ready(address, size) {
          if (!tiering) return 0;
          handedOver = new Uint8Array(memory.buffer, address, size).slice();
          return 1;
        },
        tier_poll() {
          if (!tiering) return 0;
          if (handedOver) guest.link(handedOver);
          handedOver = null;
          return 1;
        },
        // Host procedures' imports: this host defines none, so every host-call is an error.
        host_call() {
          return -(NO_PROCEDURES.length + 1);
        },
        host_result(address) {
          new Uint8Array(memory.buffer, address, NO_PROCEDURES.length).set(NO_PROCEDURES);
        },
      },
    });
    memory = instance.exports.memory;
    instance.exports._initialize();
    instance.exports.setCompiledDepthBudget?.(compiledDepthBudget);  // older guests lack it
    guest = new Guest(instance);
    guest.output = output;
    return guest;
  }

  constructor(instance) {
    this.instance = instance;
    this.exports = instance.exports;
    this.stackPointer = this.exports.stackPointer();
    this.linkedModules = [];
  }

  /** Calls an export; a guest error or a trap becomes a GuestError or rethrows. */
  call(name, ...args) {
    try {
      return this.exports[name](...args);
    } catch (e) {
      // A trap unwinds the wasm stack without restoring the shadow stack pointer.
      this.exports.setStackPointer(this.stackPointer);
      if (e instanceof GuestAbort) {
        throw new GuestError(this.lastErrorMessage() ?? 'unknown guest error');
      }
      throw e;
    }
  }

  lastErrorMessage() {
    const address = this.exports.lastErrorMessage();
    return address === 0 ? null : this.readString(address);
  }

  readString(address) {
    const bytes = new Uint8Array(this.exports.memory.buffer);
    let end = address;
    while (bytes[end] !== 0) end++;
    return new TextDecoder().decode(bytes.subarray(address, end));
  }

  parse(source) {
    const encoded = new TextEncoder().encode(source);
    const address = this.exports.allocateBytes(encoded.length + 1);
    const bytes = new Uint8Array(this.exports.memory.buffer, address, encoded.length + 1);
    bytes.set(encoded);
    bytes[encoded.length] = 0;
    try {
      return this.call('parse', address);
    } finally {
      this.exports.freeBytes(address);
    }
  }

  /** Evaluates a parsed program; returns its result's written form, as printed after "result: ". */
  eval(program, heapBytes = 1 << 20) {
    this.call('eval', program, heapBytes);
    const text = this.exports.lastResultText();
    if (text === 0) throw new Error('eval returned without a result');
    return this.readString(text);
  }

  run(source, heapBytes) {
    return this.eval(this.parse(source), heapBytes);
  }

  collections() {
    return this.exports.collectionCount();
  }

  /** The bytes of the next JIT round's module, or null when nothing waits. */
  jitModuleBytes() {
    const module = this.call('jitModule');
    if (module === 0) return null;
    const size = this.exports.moduleSize(module);
    const data = this.exports.moduleData(module);
    const bytes = new Uint8Array(this.exports.memory.buffer, data, size).slice();
    this.exports.freeModule(module);
    return bytes;
  }

  /** Links a generated module: instantiating it runs its patch. */
  link(bytes) {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
      env: {
        memory: this.exports.memory,
        __indirect_function_table: this.exports.__indirect_function_table,
      },
    });
    this.linkedModules.push(instance);
    return instance;
  }

  /** One JIT round: generate and link. Returns the module's bytes, or null. */
  jit() {
    const bytes = this.jitModuleBytes();
    if (bytes) this.link(bytes);
    return bytes;
  }
}

function main(argv) {
  let jit = false, repeat = 1, heap = 1 << 20, time = false, source = null, wasmPath = defaultWasmPath;
  let compiledDepthBudget = compiledDepthBudgetFor(v8StackKb());
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--jit') jit = true;
    else if (arg === '--time') time = true;
    else if (arg === '--repeat') repeat = Number(argv[++i]);
    else if (arg === '--heap') heap = Number(argv[++i]);
    else if (arg === '--wasm') wasmPath = argv[++i];
    else if (arg === '--compiled-depth') compiledDepthBudget = Number(argv[++i]);
    else if (arg === '-e') source = argv[++i];
    else if (!arg.startsWith('-') && source === null) source = readFileSync(arg, 'utf8');
    else {
      process.stderr.write('usage: host.mjs [--wasm FILE] [--jit] [--repeat N] [--heap BYTES] [--time] [--compiled-depth N] (FILE | -e EXPR)\n');
      process.exit(2);
    }
  }
  if (source === null) {
    process.stderr.write('host.mjs: no program given\n');
    process.exit(2);
  }
  const guest = Guest.load({ wasmPath, compiledDepthBudget });
  try {
    const program = guest.parse(source);
    const batch = (label) => {
      const start = process.hrtime.bigint();
      for (let i = 0; i < repeat; i++) guest.eval(program, heap);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (time) process.stderr.write(`${label}: ${repeat} evals took ${ms.toFixed(1)} ms\n`);
    };
    batch('interpreted');
    if (jit) {
      const start = process.hrtime.bigint();
      const bytes = guest.jit();
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (time) {
        process.stderr.write(bytes ? `jit round: ${bytes.length} bytes, linked in ${ms.toFixed(1)} ms\n`
                                   : 'jit round: nothing to compile\n');
      }
      batch('compiled');
    }
  } catch (e) {
    if (e instanceof GuestError) process.exit(1);  // the guest has printed the error
    throw e;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
