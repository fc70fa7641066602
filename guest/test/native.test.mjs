// The native build of the same sources: every case through build/interp-native,
// and the JIT modules it writes must be valid WebAssembly.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { churn, constructs, errors, examples, expectedStdout, primitives, tailLoop } from './cases.mjs';

const native = fileURLToPath(new URL('../build/interp-native', import.meta.url));
const moduleDirectory = fileURLToPath(new URL('../build/native-jit-modules/', import.meta.url));
mkdirSync(moduleDirectory, { recursive: true });

function interpret(source, ...options) {
  return spawnSync(native, [...options, '-e', source], { encoding: 'utf8', maxBuffer: 1 << 26 });
}

function assertOutcome(c) {
  const { source, heap, maxCalls, expect } = c;
  const run = interpret(source, ...(heap ? ['--heap', String(heap)] : []),
    ...(maxCalls ? ['--max-calls', String(maxCalls)] : []));
  if (typeof expect === 'object') {
    assert.equal(run.stderr, `error: ${expect.error}\n`);
    assert.equal(run.stdout, expectedStdout(c));
    assert.equal(run.status, 1);
  } else {
    assert.equal(run.stdout, expectedStdout(c), run.stderr);
    assert.equal(run.stderr, '');
    assert.equal(run.status, 0, run.stderr);
  }
}

/** Cases whose outcome depends on the size of a value run on wasm only. */
function table(title, cases) {
  describe(title, () => {
    for (const c of cases) it(c.name, { skip: c.wasmOnly && 'wasm only' }, () => assertOutcome(c));
  });
}

table('native: every construct', constructs);
table('native: every primitive', primitives);
table('native: every error message', errors);

describe('native: the example corpus, and its JIT modules validate', () => {
  for (const c of examples) {
    it(c.name, () => {
      assertOutcome(c);
      const file = `${moduleDirectory}${c.name.replace(/\.scm$/, '')}.wasm`;
      const run = interpret(c.source, '--jit-out', file);
      assert.equal(run.status, 0, run.stderr);
      const validation = spawnSync('wasm-validate', [file], { encoding: 'utf8' });
      assert.equal(validation.status, 0, validation.stderr);
    });
  }
});

describe('native: the runtime', () => {
  it('runs a tail-position loop of 10,000,000 iterations', () => assertOutcome(tailLoop));

  it('collects garbage while allocating over 100 times the heap', () => {
    const run = interpret(churn.source, '--heap', String(churn.heap), '--stats');
    assert.equal(run.stdout, `result: ${churn.expect}\n`);
    const collections = Number(/collections: (\d+)/.exec(run.stderr)[1]);
    assert.ok(collections >= 100, `only ${collections} collections`);
  });

  it('goes on with the next program after an error', () => {
    const run = spawnSync(native, ['-e', '(1 1)', '-e', '(+ 1', '-e', '(+ 2 3)'], { encoding: 'utf8' });
    assert.equal(run.stdout, 'result: 5\n');
    assert.equal(run.stderr, "error: not a procedure: the integer 1\nerror: parse error at line 1, column 1: unexpected end of input: '(' is never closed\n");
    assert.equal(run.status, 1);
  });

  it('keeps top-level definitions and data from one program to the next', () => {
    const run = spawnSync(native, [
      '-e', '(define (sq x) (* x x)) (define data (list 1 2 3))',
      '-e', '(set-car! data (sq 5))',
      '-e', '(car data 1)',
      '-e', '(define (sq x) (+ x x))',
      '-e', '(list (sq 5) data)',
    ], { encoding: 'utf8' });
    assert.equal(run.stdout, 'result: #<unspecified>\nresult: #<unspecified>\nresult: #<unspecified>\nresult: (10 (25 2 3))\n');
    assert.equal(run.stderr, 'error: wrong number of arguments: car expects 1 argument, got 2\n');
  });

  it('keeps top-level macros from one program to the next, but not those of a program that failed to parse', () => {
    const run = spawnSync(native, [
      '-e', '(define-syntax inc! (syntax-rules () ((_ v) (set! v (+ v 1)))))',
      '-e', '(define n 1) (inc! n) n',
      '-e', '(define-syntax later (syntax-rules () ((_) 1))) (later) (if)',
      '-e', '(later)',
    ], { encoding: 'utf8' });
    assert.equal(run.stdout, 'result: #<unspecified>\nresult: 2\n');
    assert.equal(run.stderr, 'error: parse error at line 1, column 57: bad if: expected (if test then [else])\n' +
      'error: unbound variable: later at line 1, column 2\n');
  });

  it('starts the next result on its own line after an error left one open', () => {
    const run = spawnSync(native, ['-e', '(display "a") (car 1)', '-e', '5'], { encoding: 'utf8' });
    assert.equal(run.stdout, 'a\nresult: 5\n');
  });

  it('keeps the heap across programs of different heap sizes', () => {
    const run = spawnSync(native, [
      '--heap', '1048576', '-e', "(define keep (make-vector 3 'v)) (define l (list 1 2 3))",
      '--heap', '65536', '-e', '(define (churn n) (if (= n 0) 0 (begin (cons n n) (churn (- n 1))))) (churn 100000)',
      '--heap', '262144', '-e', '(list keep l)',
    ], { encoding: 'utf8' });
    assert.equal(run.stdout, 'result: #<unspecified>\nresult: 0\nresult: (#(v v v) (1 2 3))\n');
  });
});
