// Runs the static linker's committed test modules under Node's WebAssembly (the Java tests run
// them on wasmtime, and prove that reading and writing them back gives the same bytes):
// counter.wasm as a main module, then jit-square.wasm and jit-cube.wasm linked into it the way
// the bridge's late linker does (env.NAME binds to the main instance's export NAME).
//
//   node counter-fixtures.mjs DIRECTORY      (static-linker/src/test/resources/wasm)
//
// Exits 0, or 1 after saying on stderr which call gave what.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const directory = process.argv[2];
const load = (name, imports) =>
  new WebAssembly.Instance(new WebAssembly.Module(readFileSync(join(directory, `${name}.wasm`))), imports);

const logged = [];
const main = load('counter', { env: { log: (v) => logged.push(v) } }).exports;
const failures = [];
function expect(what, actual, expected) {
  if (actual !== expected) failures.push(`${what} gave ${actual}, expected ${expected}`);
}

main._initialize();
expect('constructed', main.constructed(), 1);
expect('square(12)', main.square(12), 144);
expect('lastPath (interpreted)', main.lastPath(), 1);
expect('allocate(99)', main.allocate(99), 1024);
expect('env.log calls', logged.join(','), '99');
expect('heapTop', main.heapTop(), 1028);
expect('calls', main.calls(), 1n);
expect('stackPointer', main.stackPointer(), 65536);
expect('answer', main.answer(), 42);

const env = { ...main };
load('jit-square', { env });
expect('tableSize after jit-square', main.tableSize(), 4);
expect('square(7) compiled', main.square(7), 49);
expect('lastPath (compiled)', main.lastPath(), 2);
expect("load(600), what the patch's memory.init wrote", main.load(600), 0x2174696a); // "jit!"
load('jit-cube', { env });
expect('tableSize after jit-cube', main.tableSize(), 5);
expect('cube(3) compiled', main.cube(3), 27);
expect('lastPath (compiled)', main.lastPath(), 2);

if (failures.length > 0) {
  process.stderr.write(`counter fixtures under Node:\n  ${failures.join('\n  ')}\n`);
  process.exit(1);
}
