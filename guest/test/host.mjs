// A host for interplib.wasm on Node's WebAssembly (V8) with node:wasi: the
// guest's tests run on it, and benchmarks use it as the V8 anchor.
//
//   node guest/test/host.mjs [--jit] [--repeat N] [--heap BYTES] [--time] (FILE | -e EXPR)
//
// Parses the program, evaluates it N times (default 1); with --jit then asks
// for a JIT module, links it, and evaluates N times more. --time reports the
// time of each batch of evaluations on stderr.
import { openSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { WASI } from 'node:wasi';

export const defaultWasmPath = fileURLToPath(new URL('../interplib.wasm', import.meta.url));

/** The guest reported an error: `message` is the text after "error: ". */
export class GuestError extends Error {}

/** Thrown by env.throw_error to abort the guest's call. */
class GuestAbort extends Error {}

const compiledModules = new Map();

/** One instance of the guest, with its linked JIT modules. */
export class Guest {
  static load({ wasmPath = defaultWasmPath, quiet = false } = {}) {
    let module = compiledModules.get(wasmPath);
    if (!module) {
      module = new WebAssembly.Module(readFileSync(wasmPath));
      compiledModules.set(wasmPath, module);
    }
    const silent = quiet ? openSync('/dev/null', 'w') : undefined;
    const wasi = new WASI({
      version: 'preview1',
      stdout: silent ?? 1,
      stderr: silent ?? 2,
      returnOnExit: false,
    });
    const instance = new WebAssembly.Instance(module, {
      wasi_snapshot_preview1: wasi.wasiImport,
      env: {
        throw_error() {
          throw new GuestAbort('guest error');
        },
      },
    });
    wasi.initialize(instance);
    return new Guest(instance);
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

  /** Evaluates a parsed program; returns its integer, or 'procedure'. */
  eval(program, heapBytes = 1 << 20) {
    this.call('eval', program, heapBytes);
    const kind = this.exports.lastResultKind();
    if (kind === 1) return this.exports.lastResultInteger();
    if (kind === 2) return 'procedure';
    throw new Error(`eval returned without a result (kind ${kind})`);
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
  let jit = false, repeat = 1, heap = 1 << 20, time = false, source = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--jit') jit = true;
    else if (arg === '--time') time = true;
    else if (arg === '--repeat') repeat = Number(argv[++i]);
    else if (arg === '--heap') heap = Number(argv[++i]);
    else if (arg === '-e') source = argv[++i];
    else if (!arg.startsWith('-') && source === null) source = readFileSync(arg, 'utf8');
    else {
      process.stderr.write('usage: host.mjs [--jit] [--repeat N] [--heap BYTES] [--time] (FILE | -e EXPR)\n');
      process.exit(2);
    }
  }
  if (source === null) {
    process.stderr.write('host.mjs: no program given\n');
    process.exit(2);
  }
  const guest = Guest.load();
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
