// The guest in the browser: a web worker that fetches interplib.wasm from the server,
// instantiates it on the browser's WebAssembly engine (V8 in Chromium) and late-links each
// JIT module it generates against its own exported memory and __indirect_function_table,
// as the seed's interp.html and guest/test/host.mjs do. It runs in a worker so that an
// endless program never freezes the page: the page can terminate the worker and start anew.
//
// Messages in:  {id, op: 'eval', source, heap?} | {id, op: 'jit'}
// Messages out: {id, ok: true, ...} | {id, ok: false, error}
'use strict';

const ERRNO_SUCCESS = 0, ERRNO_BADF = 8, ERRNO_INVAL = 28, ERRNO_NOSYS = 52, ERRNO_SPIPE = 70;
const FILETYPE_CHARACTER_DEVICE = 2;
const RIGHT_FD_WRITE = 1n << 6n;
const OUTPUT_LIMIT = 64 * 1024;

/** Thrown by env.throw_error: the guest has reported an error and must not go on. */
class GuestAbort extends Error {}

const decoder = new TextDecoder();
let guest = null;            // {exports, stackPointer}
let stdout = '';
const parsed = new Map();    // source text -> {handle, firstRunRound}
let jitRounds = 0;

/** The WASI functions the guest imports: fd_write to 1 and 2, fd_fdstat_get, clock_time_get; ENOSYS otherwise. */
function wasi(module, memory) {
  const isOutput = (fd) => fd === 1 || fd === 2;
  const functions = {
    fd_write(fd, iovs, iovsLength, writtenAddress) {
      if (!isOutput(fd)) return ERRNO_BADF;
      const view = new DataView(memory().buffer);
      let written = 0;
      for (let i = 0; i < iovsLength; i++) {
        const base = view.getUint32(iovs + 8 * i, true);
        const length = view.getUint32(iovs + 8 * i + 4, true);
        // stderr carries the guest's "error:" lines, which the error itself reports
        if (fd === 1 && stdout.length < OUTPUT_LIMIT) {
          stdout += decoder.decode(new Uint8Array(memory().buffer, base, length));
        }
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
    // No directories are granted: wasi-libc asks from fd 3 on until EBADF.
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
      if (id !== 0 && id !== 1) return ERRNO_INVAL;
      const millis = id === 0 ? performance.timeOrigin + performance.now() : performance.now();
      new DataView(memory().buffer).setBigUint64(timeAddress, BigInt(Math.round(millis * 1e6)), true);
      return ERRNO_SUCCESS;
    },
  };
  const imports = {};
  for (const { module: from, name } of WebAssembly.Module.imports(module)) {
    if (from === 'wasi_snapshot_preview1') imports[name] = functions[name] ?? (() => ERRNO_NOSYS);
  }
  return imports;
}

const NO_PROCEDURES = new TextEncoder().encode('this host defines no procedures');
/**
 * The guest's compiled depth budget for V8's default stack (984 KB), which a worker has: compiled
 * code hands deep recursion over to the interpreter before that stack runs out. Measured as
 * guest/test/host.mjs's V8_DEFAULT_STACK_BUDGET (guest/README.md, "Call depth").
 */
const COMPILED_DEPTH_BUDGET = 2400;

const loaded = (async () => {
  const response = await fetch('interplib.wasm');
  if (!response.ok) throw new Error(`could not fetch interplib.wasm: HTTP ${response.status}`);
  const module = await WebAssembly.compile(await response.arrayBuffer());
  let memory = null;
  const instance = await WebAssembly.instantiate(module, {
    wasi_snapshot_preview1: wasi(module, () => memory),
    env: {
      throw_error() { throw new GuestAbort('guest error'); },
      // runtime errors as conditions: calls back runCatching, 1 when a guest error ended it
      catch_errors() {
        try {
          guest.exports.runCatching();
          return 0;
        } catch (e) {
          if (e instanceof GuestAbort) return 1;
          throw e;
        }
      },
      // automatic tiering's imports: the page does not tier (the guest then never asks again)
      jit_ready() { return 0; },
      tier_poll() { return 0; },
      // host procedures' imports: the page defines none, so every host-call is an error
      host_call() { return -(NO_PROCEDURES.length + 1); },
      host_result(address) { new Uint8Array(memory.buffer, address, NO_PROCEDURES.length).set(NO_PROCEDURES); },
    },
  });
  const exports = instance.exports;
  memory = exports.memory;
  exports._initialize();
  exports.setCompiledDepthBudget?.(COMPILED_DEPTH_BUDGET);
  guest = { exports, stackPointer: exports.stackPointer() };
})();

function readString(address) {
  const bytes = new Uint8Array(guest.exports.memory.buffer);
  let end = address;
  while (bytes[end] !== 0) end++;
  return decoder.decode(bytes.subarray(address, end));
}

/** Calls an export; a guest error or a trap becomes an Error with the message the Java host gives. */
function call(name, ...args) {
  try {
    return guest.exports[name](...args);
  } catch (e) {
    // a trap unwinds the wasm stack without restoring the guest's shadow stack pointer
    guest.exports.setStackPointer(guest.stackPointer);
    if (e instanceof GuestAbort) {
      const address = guest.exports.lastErrorMessage();
      throw new Error(address === 0 ? 'unknown guest error' : readString(address));
    }
    if (e instanceof RangeError) throw new Error(`the guest trapped: stack overflow (${e.message})`);
    if (e instanceof WebAssembly.RuntimeError) throw new Error(`the guest trapped: ${e.message}`);
    throw e;
  }
}

function parse(source) {
  const encoded = new TextEncoder().encode(source);
  if (encoded.includes(0)) throw new Error('parse error: NUL character in the source');
  const address = guest.exports.allocateBytes(encoded.length + 1);
  const bytes = new Uint8Array(guest.exports.memory.buffer, address, encoded.length + 1);
  bytes.set(encoded);
  bytes[encoded.length] = 0;
  try {
    return call('parse', address);
  } finally {
    guest.exports.freeBytes(address);
  }
}

function evaluate(source, heap) {
  // the same text evaluates the same expression: after a JIT round its functions are compiled
  let entry = parsed.get(source);
  if (!entry) {
    entry = { handle: parse(source), firstRunRound: -1 };
    parsed.set(source, entry);
    if (parsed.size > 32) parsed.delete(parsed.keys().next().value);
  }
  if (entry.firstRunRound < 0) entry.firstRunRound = jitRounds;
  const mode = jitRounds > entry.firstRunRound ? 'compiled' : 'interpreted';
  stdout = '';
  const start = performance.now();
  call('eval', entry.handle, heap);
  const timeMs = performance.now() - start;
  const result = readString(guest.exports.lastResultText());
  const resultLine = `result: ${result}\n`;
  const output = stdout.endsWith(resultLine) ? stdout.slice(0, -resultLine.length) : stdout;
  return {
    result, output, timeMs, mode,
    compiledFunctions: guest.exports.compiledFunctionCount(),
    pendingFunctions: guest.exports.pendingJitCount(),
  };
}

async function jit() {
  const start = performance.now();
  const functions = guest.exports.pendingJitCount();
  const module = call('jitModule');
  if (module === 0) {
    return { bytes: 0, functions: 0, timeMs: performance.now() - start, compiledFunctions: guest.exports.compiledFunctionCount() };
  }
  const size = guest.exports.moduleSize(module);
  const data = guest.exports.moduleData(module);
  const bytes = new Uint8Array(guest.exports.memory.buffer, data, size).slice();
  guest.exports.freeModule(module);
  const tableBefore = guest.exports.__indirect_function_table.length;
  // late linking: the generated module's start function grows the guest's table and writes
  // the new slots into its memory
  await WebAssembly.instantiate(bytes, {
    env: {
      memory: guest.exports.memory,
      __indirect_function_table: guest.exports.__indirect_function_table,
    },
  });
  jitRounds++;
  return {
    bytes: size, functions, timeMs: performance.now() - start,
    tableBefore, tableAfter: guest.exports.__indirect_function_table.length,
    compiledFunctions: guest.exports.compiledFunctionCount(),
  };
}

self.onmessage = async ({ data }) => {
  const { id, op } = data;
  try {
    await loaded;
    let answer;
    if (op === 'eval') answer = evaluate(String(data.source), data.heap ?? (1 << 20));
    else if (op === 'jit') answer = await jit();
    else if (op === 'ping') answer = {};
    else throw new Error(`unknown operation ${op}`);
    self.postMessage({ id, ok: true, engine: 'browser', ...answer });
  } catch (e) {
    self.postMessage({ id, ok: false, engine: 'browser', error: e.message, output: stdout });
  }
};
