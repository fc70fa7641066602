// The wasm build under Node's WebAssembly: every case interpreted, then again
// after linking the JIT module of that run, and the guest ABI around them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { churn, constructs, errors, examples, fib30, tailLoop } from './cases.mjs';
import { Guest, GuestError, defaultWasmPath } from './host.mjs';

const moduleDirectory = fileURLToPath(new URL('../build/jit-modules/', import.meta.url));
const hostScript = fileURLToPath(new URL('./host.mjs', import.meta.url));
mkdirSync(moduleDirectory, { recursive: true });
let modulesWritten = 0;

/** Fails unless wabt's wasm-validate accepts the generated module. */
function assertValid(bytes) {
  const file = `${moduleDirectory}module-${++modulesWritten}.wasm`;
  writeFileSync(file, bytes);
  const result = spawnSync('wasm-validate', [file], { encoding: 'utf8' });
  assert.equal(result.status, 0, `wasm-validate ${file}: ${result.stderr}`);
}

/** One JIT round, validated and linked; returns the module bytes or null. */
function jitRound(guest) {
  const bytes = guest.jitModuleBytes();
  if (bytes) {
    assertValid(bytes);
    guest.link(bytes);
  }
  return bytes;
}

function outcome(guest, program, heap) {
  try {
    return guest.eval(program, heap);
  } catch (e) {
    if (e instanceof GuestError) return { error: e.message };
    throw e;
  }
}

function assertOutcome(actual, expected) {
  assert.deepEqual(actual, expected);
}

/** Interprets the case, links its JIT round, and runs the same parse tree compiled. */
function interpretThenCompile({ source, heap, expect }) {
  if (process.env.TRACE) writeSync(2, source.slice(0, 40) + '\n');
  const guest = Guest.load({ quiet: true });
  let program;
  try {
    program = guest.parse(source);
  } catch (e) {
    if (!(e instanceof GuestError)) throw e;
    assertOutcome({ error: e.message }, expect);
    return { guest, bytes: null };
  }
  assertOutcome(outcome(guest, program, heap), expect);
  const pending = guest.exports.pendingJitCount();
  const bytes = jitRound(guest);
  assert.equal(bytes === null, pending === 0);
  assert.equal(guest.exports.pendingJitCount(), 0);
  assert.equal(guest.exports.compiledFunctionCount(), pending);
  assertOutcome(outcome(guest, program, heap), expect);
  return { guest, bytes };
}

describe('every construct, interpreted and compiled', () => {
  for (const c of constructs) it(c.name, () => interpretThenCompile(c));
});

describe('every error message, interpreted and compiled', () => {
  for (const c of errors) it(c.name, () => interpretThenCompile(c));
});

describe('the example corpus, interpreted and compiled', () => {
  for (const c of examples) {
    it(c.name, () => {
      const { bytes } = interpretThenCompile(c);
      assert.ok(bytes, 'every example defines a function, so a JIT round compiles something');
    });
  }
});

describe('the runtime', () => {
  it('runs a tail-position loop of 10,000,000 iterations interpreted and compiled', () => {
    interpretThenCompile(tailLoop);
  });

  it('collects garbage while allocating over 100 times the heap', () => {
    const guest = Guest.load({ quiet: true });
    const program = guest.parse(churn.source);
    assert.equal(guest.eval(program, churn.heap), churn.expect);
    assert.ok(guest.collections() >= 100, `only ${guest.collections()} collections`);
    jitRound(guest);
    assert.equal(guest.eval(program, churn.heap), churn.expect);
    assert.ok(guest.collections() >= 100, `compiled: only ${guest.collections()} collections`);
  });

  it('gives fib 30 = 1346269 interpreted and after linking', () => {
    const guest = Guest.load({ quiet: true });
    const program = guest.parse(fib30);
    assert.equal(guest.eval(program), 1346269);
    assert.ok(jitRound(guest));
    assert.equal(guest.eval(program), 1346269);
  });

  it('calls code that an earlier JIT round compiled', () => {
    const guest = Guest.load({ quiet: true });
    // h runs before the heap runs out on the small heap; g runs only on the large one.
    const program = guest.parse(`
      (letrec ((h (lambda (x) (if (< x 10) (h (+ x 1)) x))))
        (letrec ((grow (lambda (f) (lambda (n) (if (eq? n 0) (f 0) ((grow (lambda (x) (f x))) (- n 1)))))))
          (+ (h 1)
             (+ ((grow (lambda (x) x)) 2000)
                (letrec ((g (lambda (y) (+ (h y) 1)))) (g 4))))))`);
    assert.throws(() => guest.eval(program, 16384), new GuestError('heap exhausted: live data fills the 16384-byte heap after a collection'));
    assert.ok(jitRound(guest));
    const compiledFirst = guest.exports.compiledFunctionCount();
    assert.equal(guest.eval(program), 21);
    assert.ok(jitRound(guest), 'g ran for the first time');
    assert.ok(guest.exports.compiledFunctionCount() > compiledFirst);
    assert.equal(guest.eval(program), 21);
    assert.equal(guest.exports.pendingJitCount(), 0);
  });

  it('links a second JIT round after the first', () => {
    const guest = Guest.load({ quiet: true });
    const first = guest.parse('(letrec ((sq (lambda (x) (* x x)))) (sq 12))');
    assert.equal(guest.eval(first), 144);
    assert.ok(jitRound(guest));
    assert.equal(guest.exports.compiledFunctionCount(), 1);
    assert.equal(jitRound(guest), null, 'nothing ran since the first round');

    const second = guest.parse('((lambda (a) ((lambda (b) (- a b)) 2)) 50)');
    assert.equal(guest.eval(second), 48);
    assert.equal(guest.exports.pendingJitCount(), 2);
    assert.ok(jitRound(guest));
    assert.equal(guest.exports.compiledFunctionCount(), 3);
    assert.equal(guest.eval(first), 144);
    assert.equal(guest.eval(second), 48);
    assert.equal(guest.exports.pendingJitCount(), 0, 'compiled functions are not interpreted again');
  });

  it('compiles again in the next round what an unlinked module held', () => {
    const guest = Guest.load({ quiet: true });
    const program = guest.parse('(letrec ((sq (lambda (x) (* x x)))) (sq 12))');
    assert.equal(guest.eval(program), 144);
    assert.ok(guest.jitModuleBytes(), 'the first round compiles sq');
    assert.equal(guest.exports.pendingJitCount(), 1, 'sq waits until a patch sets its jitCode');
    assert.equal(guest.exports.compiledFunctionCount(), 0);
    assert.ok(jitRound(guest), 'the next round compiles sq again');
    assert.equal(guest.exports.compiledFunctionCount(), 1);
    assert.equal(guest.eval(program), 144);
  });

  it('keeps working after errors: parses, evaluates and runs linked code', () => {
    const guest = Guest.load({ quiet: true });
    const fact = guest.parse('(letrec ((fact (lambda (n) (if (< n 2) 1 (* n (fact (- n 1))))))) (fact 12))');
    assert.equal(guest.eval(fact), 479001600);
    assert.ok(jitRound(guest));
    const stackPointer = guest.exports.stackPointer();

    const overflow = guest.parse('(letrec ((fact (lambda (n) (if (< n 2) 1 (* n (fact (- n 1))))))) (fact 13))');
    assert.throws(() => guest.eval(overflow), new GuestError('integer overflow: *'));
    assert.equal(guest.exports.lastResultKind(), 0);
    assert.throws(() => guest.parse('(+ 1'), new GuestError('parse error at line 1, column 5: unexpected end of input'));
    assert.throws(() => guest.eval(guest.parse('(letrec ((f (lambda (n) (+ 1 (f n))))) (f 1))')),
      new GuestError('recursion too deep: more than 10000 nested calls'));
    jitRound(guest);  // compiles overflow's fact and f, which also fail
    assert.throws(() => guest.eval(overflow), new GuestError('integer overflow: *'));

    assert.equal(guest.exports.stackPointer(), stackPointer);
    assert.equal(guest.eval(fact), 479001600);
    assert.equal(guest.run('(+ 2 3)'), 5);
    assert.equal(guest.lastErrorMessage(), null);
    assert.equal(guest.exports.lastResultKind(), 1);
  });

  it('recovers from a trap that bypasses throw_error', () => {
    const guest = Guest.load({ quiet: true });
    const program = guest.parse('(+ 1 2)');
    assert.throws(() => guest.call('eval', program, -5), new GuestError('heap size must be positive, got -5'));
    assert.throws(() => guest.call('moduleSize', 0x7ffffff0), WebAssembly.RuntimeError);
    assert.equal(guest.eval(program), 3);
  });

  it('reads and sets the shadow-stack pointer', () => {
    const guest = Guest.load({ quiet: true });
    const initial = guest.exports.stackPointer();
    assert.ok(initial > 0 && initial % 16 === 0, `stack pointer ${initial}`);
    guest.exports.setStackPointer(initial - 64);
    assert.equal(guest.exports.stackPointer(), initial - 64);
    guest.exports.setStackPointer(initial);
    assert.equal(guest.run('(+ 1 2)'), 3);
    assert.equal(guest.exports.stackPointer(), initial);
  });

  it('keeps working after the engine overflows its own stack', () => {
    const guest = Guest.load({ quiet: true });
    const nested = '(+ 1 '.repeat(40) + '(f (- n 1))' + ')'.repeat(40);
    const program = guest.parse(`(letrec ((f (lambda (n) (if (eq? n 0) 0 ${nested})))) (f 9990))`);
    assert.throws(() => guest.eval(program), RangeError);
    assert.equal(guest.run('(letrec ((f (lambda (n) (if (eq? n 0) 0 (+ 1 (f (- n 1))))))) (f 100))'), 100);
  });

  it('reports results through the extension exports', () => {
    const guest = Guest.load({ quiet: true });
    assert.equal(guest.exports.lastResultKind(), 0);
    assert.equal(guest.run('(- 0 123)'), -123);
    assert.equal(guest.exports.lastResultInteger(), -123);
    assert.equal(guest.run('(lambda (x) x)'), 'procedure');
    assert.equal(guest.exports.lastResultKind(), 2);
  });

  it('has the ABI of DESIGN.md plus the documented extensions', () => {
    const module = new WebAssembly.Module(readFileSync(defaultWasmPath));
    const exports = WebAssembly.Module.exports(module).map((e) => `${e.name}:${e.kind}`).sort();
    assert.deepEqual(exports, [
      '__indirect_function_table:table', '_initialize:function', 'allocateBytes:function',
      'collectionCount:function', 'compiledFunctionCount:function', 'eval:function',
      'freeBytes:function', 'freeModule:function', 'jitModule:function', 'lastErrorMessage:function',
      'lastResultInteger:function', 'lastResultKind:function', 'memory:memory', 'moduleData:function',
      'moduleSize:function', 'parse:function', 'pendingJitCount:function', 'setStackPointer:function',
      'stackPointer:function',
    ]);
    const imports = WebAssembly.Module.imports(module).map((i) => `${i.module}.${i.name}`);
    assert.deepEqual(imports.filter((i) => !i.startsWith('wasi_snapshot_preview1.')), ['env.throw_error']);
  });

  it('generates modules that import only env.memory and env.__indirect_function_table', () => {
    const guest = Guest.load({ quiet: true });
    guest.run('((lambda (x) x) 1)');
    const module = new WebAssembly.Module(guest.jitModuleBytes());
    assert.deepEqual(WebAssembly.Module.imports(module).map((i) => `${i.module}.${i.name}:${i.kind}`),
      ['env.memory:memory', 'env.__indirect_function_table:table']);
    assert.deepEqual(WebAssembly.Module.exports(module), []);
  });

  it('prints results and errors as the seed host expects', () => {
    const ok = spawnSync('node', ['--no-warnings', hostScript, '--jit', '-e', '(letrec ((f (lambda (x) (* x 2)))) (f 21))'], { encoding: 'utf8' });
    assert.equal(ok.stdout, 'result: 42\nresult: 42\n');
    assert.equal(ok.status, 0);
    const procedure = spawnSync('node', ['--no-warnings', hostScript, '-e', '(lambda (x) x)'], { encoding: 'utf8' });
    assert.equal(procedure.stdout, 'result: #<procedure>\n');
    const failed = spawnSync('node', ['--no-warnings', hostScript, '-e', '(1 2)'], { encoding: 'utf8' });
    assert.equal(failed.stdout, '');
    assert.equal(failed.stderr, 'error: not a procedure: the integer 1\n');
    assert.equal(failed.status, 1);
  });
});
