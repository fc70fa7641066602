// The wasm build under Node's WebAssembly: every case interpreted, then after
// one JIT round, then after a second, with the same result, output and error
// text each time; and the guest ABI around them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { describe, it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath } from 'node:url';

import { churn, constructs, errors, examples, expectedStdout, fib30, primitives, tailLoop } from './cases.mjs';
import { mapRecursion as mapRecursionNamed, quicksortOnLists, wideAdditions } from './deep-programs.mjs';
import { Guest, GuestError, V8_DEFAULT_STACK_BUDGET, compiledDepthBudgetFor, defaultWasmPath } from './host.mjs';

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

/**
 * One JIT round, validated and linked; returns the module bytes or null.
 * Afterwards nothing waits and every function the round held is compiled.
 */
function jitRound(guest) {
  const pending = guest.exports.pendingJitCount();
  const compiledBefore = guest.exports.compiledFunctionCount();
  const bytes = guest.jitModuleBytes();
  assert.equal(bytes === null, pending === 0);
  if (bytes) {
    assertValid(bytes);
    guest.link(bytes);
  }
  assert.equal(guest.exports.pendingJitCount(), 0);
  assert.equal(guest.exports.compiledFunctionCount(), compiledBefore + pending);
  return bytes;
}

/** Runs f with only a few hundred JavaScript frames of V8's stack left: { value } or { error }. */
function withLittleStack(f) {
  let outcome;
  let framesToUnwind = 300;
  function dive() {
    try {
      dive();
    } catch (e) {
      if (!(e instanceof RangeError) || outcome) throw e;
      if (framesToUnwind-- > 0) throw e;
      try {
        outcome = { value: f() };
      } catch (error) {
        outcome = { error };
      }
    }
  }
  dive();
  return outcome;
}

/** A guest whose output is captured into guest.output.stdout and .stderr. */
function capturingGuest() {
  return Guest.load({ capture: true });
}

/** Evaluates a parsed program: { result } or { error }, with the stdout and stderr of this eval alone. */
function evaluate(guest, program, heap) {
  const stdoutBefore = guest.output.stdout.length, stderrBefore = guest.output.stderr.length;
  let outcome;
  try {
    outcome = { result: guest.eval(program, heap) };
  } catch (e) {
    if (!(e instanceof GuestError)) throw e;
    outcome = { error: e.message };
  }
  outcome.stdout = guest.output.stdout.slice(stdoutBefore);
  outcome.stderr = guest.output.stderr.slice(stderrBefore);
  return outcome;
}

/** The outcome a case expects, in evaluate's form. */
function expectedOutcome(c) {
  if (typeof c.expect === 'object') {
    return { error: c.expect.error, stdout: expectedStdout(c), stderr: `error: ${c.expect.error}\n` };
  }
  return { result: c.expect, stdout: expectedStdout(c), stderr: '' };
}

/**
 * Interprets the case, links a JIT round and runs the same parse tree
 * compiled, then links a second round (whatever ran for the first time since
 * the first) and runs it again.
 */
// The straightforward JIT (interplib-baseline.wasm) makes every call through the runtime,
// where a call counts as four nested ones: a case may say what it gives there instead.
const straightforward = /baseline/.test(process.env.GUEST_WASM ?? '');

/** What compiled code gives: the case's own answer, unless it says otherwise for the baseline. */
function expectedCompiledOutcome(c) {
  if (c.compiledGap !== undefined) return expectedOutcome({ ...c, expect: c.compiledGap });
  return expectedOutcome(straightforward && c.straightforward !== undefined ? { ...c, expect: c.straightforward } : c);
}

function interpretThenCompile(c) {
  if (process.env.TRACE) writeSync(2, c.source.slice(0, 40) + '\n');
  const guest = capturingGuest();
  if (c.maxCalls) guest.exports.setMaxNestedCalls(c.maxCalls);
  const expected = expectedOutcome(c);
  const compiledExpected = expectedCompiledOutcome(c);
  let program;
  try {
    program = guest.parse(c.source);
  } catch (e) {
    if (!(e instanceof GuestError)) throw e;
    assert.deepEqual({ error: e.message, stdout: guest.output.stdout, stderr: guest.output.stderr }, expected);
    return { guest, bytes: null };
  }
  assert.deepEqual(evaluate(guest, program, c.heap), expected, 'interpreted');
  const bytes = jitRound(guest);
  assert.deepEqual(evaluate(guest, program, c.heap), compiledExpected, 'after one JIT round');
  jitRound(guest);
  assert.deepEqual(evaluate(guest, program, c.heap), compiledExpected, 'after two JIT rounds');
  assert.equal(guest.exports.pendingJitCount(), 0, 'compiled functions are not interpreted again');
  return { guest, bytes };
}

describe('every construct, interpreted and compiled', () => {
  for (const c of constructs) it(c.name, () => interpretThenCompile(c));
});

describe('every primitive, interpreted and compiled', () => {
  for (const c of primitives) it(c.name, () => interpretThenCompile(c));
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

/**
 * Automatic tiering at a threshold of 2 interpreted entries: every function that runs twice is
 * compiled and linked at the guest's next poll, so compiled code takes over in the middle of
 * the program. Evaluated twice: the second run starts with what the first compiled.
 */
function withAutomaticTiering(c) {
  const guest = Guest.load({ capture: true, tiering: true });
  guest.exports.setTiering(2, 0);
  if (c.maxCalls) guest.exports.setMaxNestedCalls(c.maxCalls);
  const expected = expectedOutcome(c);
  const alternative = expectedCompiledOutcome(c);
  let program;
  try {
    program = guest.parse(c.source);
  } catch (e) {
    if (!(e instanceof GuestError)) throw e;
    return;
  }
  for (const run of ['first run', 'second run']) {
    const outcome = evaluate(guest, program, c.heap);
    assert.ok(isDeepStrictEqual(outcome, expected) || isDeepStrictEqual(outcome, alternative),
      `${run}: ${JSON.stringify(outcome)} is neither ${JSON.stringify(expected)} nor ${JSON.stringify(alternative)}`);
  }
  return guest;
}

describe('automatic tiering at threshold 2: compiled code takes over mid-program', () => {
  for (const c of [...constructs, ...primitives, ...errors, ...examples]) {
    it(c.name, () => withAutomaticTiering(c));
  }
  it('compiles a loop within one evaluation', () => {
    const guest = withAutomaticTiering({
      name: 'loop', source: '(let loop ((i 0)) (if (< i 100000) (loop (+ i 1)) i))', expect: '100000',
    });
    assert.equal(guest.exports.tierRoundsStarted(), 1);
    assert.equal(guest.exports.compiledFunctionCount(), 1);
  });
});

describe('sessions: the heap and top-level definitions persist across evals', () => {
  it('uses a definition made by an earlier eval, interpreted and compiled', () => {
    const guest = capturingGuest();
    assert.equal(guest.run('(define (sq x) (* x x))'), '#<unspecified>');
    assert.equal(guest.run('(sq 5)'), '25');
    assert.ok(jitRound(guest), 'sq ran, so the round compiles it');
    assert.equal(guest.run('(sq 6)'), '36');
    assert.equal(guest.run('(define (sum-squares l) (apply + (map sq l)))'), '#<unspecified>');
    assert.equal(guest.run("(sum-squares '(1 2 3))"), '14');
    assert.ok(jitRound(guest), 'sum-squares ran since the first round');
    assert.equal(guest.run("(sum-squares '(1 2 3 4))"), '30');
    assert.equal(guest.output.stderr, '');
  });

  it('keeps data defined by an earlier eval through collections', () => {
    const guest = capturingGuest();
    const heap = 16384;
    assert.equal(guest.run("(define data (list 1 (vector 2 \"three\") 'four))", heap), '#<unspecified>');
    assert.equal(guest.run('(define (churn n) (if (= n 0) 0 (begin (cons n n) (churn (- n 1)))))', heap), '#<unspecified>');
    assert.equal(guest.run('(churn 10000)', heap), '0');
    assert.ok(guest.collections() > 0, 'the churn collected');
    assert.equal(guest.run('data', heap), '(1 #(2 "three") four)');
    jitRound(guest);
    assert.equal(guest.run('(set-car! data (churn 10000))', heap), '#<unspecified>');
    assert.ok(guest.collections() > 0, 'the compiled churn collected');
    assert.equal(guest.run('data', heap), '(0 #(2 "three") four)');
    assert.equal(guest.run('(begin (vector-set! (cadr data) 0 (churn 5000)) data)', 1 << 20), '(0 #(0 "three") four)',
      'a heap of another size keeps the data');
  });

  it('expands a macro defined by an earlier eval, and forgets one whose program failed to parse', () => {
    const guest = capturingGuest();
    assert.equal(guest.run('(define-syntax inc! (syntax-rules () ((_ v) (set! v (+ v 1)))))'), '#<unspecified>');
    assert.equal(guest.run('(define n 1) (define (bump) (inc! n) n) (bump)'), '2');
    jitRound(guest);
    assert.equal(guest.run('(bump)'), '3');
    assert.throws(() => guest.parse('(define-syntax later (syntax-rules () ((_) 1))) (later) (if)'), GuestError);
    assert.throws(() => guest.run('(later)'), new GuestError('unbound variable: later at line 1, column 2'));
    assert.equal(guest.run('(define inc! 5) inc!'), '5', 'a definition replaces the macro');
  });

  it('calls the new definition after a redefinition, from compiled callers', () => {
    const guest = capturingGuest();
    assert.equal(guest.run('(define (sq x) (* x x)) (define (use) (+ (sq 3) 1)) (use)'), '10');
    jitRound(guest);
    assert.equal(guest.run('(use)'), '10');
    assert.equal(guest.run('(define (sq x) (+ x x))'), '#<unspecified>');
    assert.equal(guest.run('(use)'), '7');
    assert.equal(guest.run('(set! sq (lambda (x) (- x)))'), '#<unspecified>');
    assert.equal(guest.run('(use)'), '-2');
    jitRound(guest);
    assert.equal(guest.run('(use)'), '-2');
  });

  it('resolves a global that a later eval defines, in compiled code', () => {
    const guest = capturingGuest();
    const call = guest.parse('(h)');
    assert.equal(guest.run('(define (h) (later 1))'), '#<unspecified>');
    assert.deepEqual(evaluate(guest, call), { error: 'unbound variable: later at line 1, column 14', stdout: '',
      stderr: 'error: unbound variable: later at line 1, column 14\n' });
    jitRound(guest);
    assert.throws(() => guest.eval(call), new GuestError('unbound variable: later at line 1, column 14'));
    assert.equal(guest.run('(define (later x) (* x 100))'), '#<unspecified>');
    assert.equal(guest.eval(call), '100');
  });

  it('grows the heap up to its limit when live data crowds it, and fails cleanly past the limit', () => {
    const guest = capturingGuest();
    guest.exports.setHeapLimit(64 << 20);
    const build = "(define (build n acc) (if (= n 0) acc (build (- n 1) (cons n acc))))";
    assert.equal(guest.run(`${build} (length (build 1000000 '()))`), '1000000');
    assert.ok(guest.exports.heapSize() > 1 << 20, `the heap is still ${guest.exports.heapSize()} bytes`);
    assert.throws(() => guest.run("(length (build 4000000 '()))"),
      new GuestError('heap exhausted: live data fills the 67108864-byte heap after a collection'));
    jitRound(guest);
    assert.equal(guest.run("(length (build 1000000 '()))"), '1000000');
  });

  it('keeps the heap at the size eval asks for when it may not grow', () => {
    const guest = capturingGuest();
    assert.throws(() => guest.run("(define (build n acc) (if (= n 0) acc (build (- n 1) (cons n acc)))) (length (build 1000000 '()))"),
      new GuestError('heap exhausted: live data fills the 1048576-byte heap after a collection'));
    assert.equal(guest.exports.heapSize(), 1 << 20);
  });

  it('starts each eval at the start of a line, after one whose output and error left it open', () => {
    const guest = capturingGuest();
    assert.throws(() => guest.run('(display "x") (car 1)'), GuestError);
    assert.equal(guest.output.stdout, 'x\n');
    assert.equal(guest.run('42'), '42');
    assert.equal(guest.output.stdout, 'x\nresult: 42\n');
  });

  it('a global counter survives between evals and rounds', () => {
    const guest = capturingGuest();
    guest.run('(define n 0) (define (tick!) (set! n (+ n 1)) n)');
    const tick = guest.parse('(tick!)');
    assert.equal(guest.eval(tick), '1');
    jitRound(guest);
    assert.equal(guest.eval(tick), '2');
    jitRound(guest);
    assert.equal(guest.eval(tick), '3');
    assert.equal(guest.run('n'), '3');
  });

  it('does not let a program mutate a literal list, in any eval', () => {
    const guest = capturingGuest();
    assert.equal(guest.run("(define lit '(1 2 3)) (define (poke! l) (set-car! l 0))"), '#<unspecified>');
    const message = 'set-car! cannot modify a literal constant: the pair (1 2 3)';
    assert.throws(() => guest.run('(poke! lit)'), new GuestError(message));
    jitRound(guest);
    assert.throws(() => guest.run('(poke! lit)'), new GuestError(message));
    assert.equal(guest.run('lit'), '(1 2 3)');
    assert.equal(guest.run('(define copy (append lit \'())) (poke! copy) (list copy lit)'), '((0 2 3) (1 2 3))');
  });

  it('keeps going after an error left the output line open', () => {
    const guest = capturingGuest();
    assert.throws(() => guest.run('(display "a") (car 1)'), GuestError);
    assert.equal(guest.run('5'), '5');
    assert.equal(guest.output.stdout, 'a\nresult: 5\n');
  });
});

describe('collections during compiled code keep every kind of value', () => {
  // churn allocates pairs, vectors, strings and closures as garbage; keep holds
  // one of each across it and then uses them.
  const source = `
    (define (churn n)
      (if (= n 0) 0
          (begin (cons n n) (make-vector 3 n) (string-append "ab" "cd") (lambda () n) (churn (- n 1)))))
    (define (keep l v s f)
      (churn 5000)
      (list (apply + l) (vector-ref v 2) (string-length s) (f 1) l v s (churn 10)))
    (keep (list 1 2 3) (vector 'a 'b (list 'c)) (string-append "hello" " world")
          (let ((k 41)) (lambda (x) (+ x k))))`;
  const expect = '(6 (c) 11 42 (1 2 3) #(a b (c)) "hello world" 0)';

  it('on a 16 KiB heap, interpreted and after two rounds', () => {
    const guest = capturingGuest();
    const program = guest.parse(source);
    assert.equal(guest.eval(program, 16384), expect);
    assert.ok(guest.collections() >= 10, `interpreted: only ${guest.collections()} collections`);
    assert.ok(jitRound(guest));
    assert.equal(guest.eval(program, 16384), expect);
    assert.ok(guest.collections() >= 10, `compiled: only ${guest.collections()} collections`);
    jitRound(guest);
    assert.equal(guest.eval(program, 16384), expect);
  });

  it('for values in a compiled function\'s locals, lists built in loops and closures over loop variables', () => {
    const guest = capturingGuest();
    const program = guest.parse(`
      (define (churn n) (if (= n 0) 0 (begin (cons n n) (churn (- n 1)))))
      (define (build n)
        (let loop ((i 0) (acc '()) (procs '()) (strs '()))
          (churn 50)
          (if (= i n)
              (list (length acc) (apply + acc) (map (lambda (p) (p)) (list-tail procs (- n 3)))
                    (apply string-append (list-tail strs (- n 3))))
              (loop (+ i 1) (cons i acc) (cons (lambda () (* i 2)) procs)
                    (cons (number->string i) strs)))))
      (build 300)`);
    const expect = '(300 44850 (4 2 0) "210")';
    assert.equal(guest.eval(program, 65536), expect);
    assert.ok(guest.collections() > 0);
    jitRound(guest);
    assert.equal(guest.eval(program, 65536), expect);
    assert.ok(guest.collections() > 0);
  });
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
    assert.equal(guest.eval(program), '1346269');
    assert.ok(jitRound(guest));
    assert.equal(guest.eval(program), '1346269');
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
    assert.equal(guest.eval(program), '21');
    assert.ok(jitRound(guest), 'g ran for the first time');
    assert.ok(guest.exports.compiledFunctionCount() > compiledFirst);
    assert.equal(guest.eval(program), '21');
    assert.equal(guest.exports.pendingJitCount(), 0);
  });

  it('says which addresses are handles parse returned', () => {
    const guest = Guest.load({ quiet: true });
    const first = guest.parse('(+ 1 2)');
    const second = guest.parse('(define x 1)');
    assert.equal(guest.exports.isExpressionHandle(first), 1);
    assert.equal(guest.exports.isExpressionHandle(second), 1);
    assert.equal(guest.exports.isExpressionHandle(first + 4), 0, 'an address inside a program');
    assert.equal(guest.exports.isExpressionHandle(0), 0);
    assert.equal(guest.exports.isExpressionHandle(guest.exports.allocateBytes(16)), 0, 'another allocation');
  });

  it('links a second JIT round after the first', () => {
    const guest = Guest.load({ quiet: true });
    const first = guest.parse('(define (sq x) (* x x)) (sq 12)');
    assert.equal(guest.eval(first), '144');
    assert.ok(jitRound(guest));
    assert.equal(guest.exports.compiledFunctionCount(), 1);
    assert.equal(jitRound(guest), null, 'nothing ran since the first round');

    const second = guest.parse('((lambda (a) ((lambda (b) (- a b)) 2)) 50)');
    assert.equal(guest.eval(second), '48');
    assert.equal(guest.exports.pendingJitCount(), 2);
    assert.ok(jitRound(guest));
    assert.equal(guest.exports.compiledFunctionCount(), 3);
    assert.equal(guest.eval(first), '144');
    assert.equal(guest.eval(second), '48');
    assert.equal(guest.exports.pendingJitCount(), 0, 'compiled functions are not interpreted again');
  });

  it('compiles again in the next round what an unlinked module held', () => {
    const guest = Guest.load({ quiet: true });
    const program = guest.parse('(letrec ((sq (lambda (x) (* x x)))) (sq 12))');
    assert.equal(guest.eval(program), '144');
    assert.ok(guest.jitModuleBytes(), 'the first round compiles sq');
    assert.equal(guest.exports.pendingJitCount(), 1, 'sq waits until a patch sets its jitCode');
    assert.equal(guest.exports.compiledFunctionCount(), 0);
    assert.ok(jitRound(guest), 'the next round compiles sq again');
    assert.equal(guest.exports.compiledFunctionCount(), 1);
    assert.equal(guest.eval(program), '144');
  });

  it('keeps working after errors: parses, evaluates and runs linked code', () => {
    const guest = Guest.load({ quiet: true });
    const fact = guest.parse('(define (fact n) (if (< n 2) 1 (* n (fact (- n 1))))) (fact 12)');
    assert.equal(guest.eval(fact), '479001600');
    assert.ok(jitRound(guest));
    const stackPointer = guest.exports.stackPointer();

    const failing = guest.parse('(letrec ((fact (lambda (n) (if (< n 2) (/ n 0) (* n (fact (- n 1))))))) (fact 13))');
    assert.throws(() => guest.eval(failing), new GuestError('division by zero: /'));
    assert.equal(guest.exports.lastResultKind(), 0);
    assert.throws(() => guest.parse('(+ 1'), new GuestError("parse error at line 1, column 1: unexpected end of input: '(' is never closed"));
    guest.exports.setMaxNestedCalls(10000);
    assert.throws(() => guest.eval(guest.parse('(define (f n) (+ 1 (f n))) (f 1)')),
      new GuestError('recursion too deep: more than 10000 nested calls'));
    jitRound(guest);  // compiles failing's fact and f, which also fail
    assert.throws(() => guest.eval(failing), new GuestError('division by zero: /'));
    assert.throws(() => guest.run('(f 1)'), new GuestError('recursion too deep: more than 10000 nested calls'));

    assert.equal(guest.exports.stackPointer(), stackPointer);
    assert.equal(guest.eval(fact), '479001600');
    assert.equal(guest.run('(+ 2 3)'), '5');
    assert.equal(guest.lastErrorMessage(), null);
    assert.equal(guest.exports.lastResultKind(), 1);
  });

  it('recovers from a trap that bypasses throw_error', () => {
    const guest = Guest.load({ quiet: true });
    const program = guest.parse('(+ 1 2)');
    assert.throws(() => guest.call('eval', program, -5), new GuestError('heap size must be positive, got -5'));
    assert.throws(() => guest.call('moduleSize', 0x7ffffff0), WebAssembly.RuntimeError);
    assert.equal(guest.eval(program), '3');
  });

  it('reads and sets the shadow-stack pointer', () => {
    const guest = Guest.load({ quiet: true });
    const initial = guest.exports.stackPointer();
    assert.ok(initial > 0 && initial % 16 === 0, `stack pointer ${initial}`);
    guest.exports.setStackPointer(initial - 64);
    assert.equal(guest.exports.stackPointer(), initial - 64);
    guest.exports.setStackPointer(initial);
    assert.equal(guest.run('(+ 1 2)'), '3');
    assert.equal(guest.exports.stackPointer(), initial);
  });

  it('keeps working after the engine overflows its own stack', () => {
    const guest = Guest.load({ quiet: true });
    const nested = '(+ 1 '.repeat(40) + '(f (- n 1))' + ')'.repeat(40);
    const program = guest.parse(`(define (f n) (if (eq? n 0) 0 ${nested})) (f 7990)`);
    assert.equal(guest.eval(program), String(7990 * 40));
    jitRound(guest);
    // Compiled code hands deep recursion to the interpreter before V8's stack runs out, so
    // the eval starts with little of that stack left.
    const outcome = withLittleStack(() => guest.eval(program));
    assert.ok(outcome.error instanceof RangeError, `the eval gave ${JSON.stringify(outcome)}`);
    assert.equal(guest.run('(define (g n) (if (eq? n 0) 0 (+ 1 (g (- n 1))))) (g 100)'), '100');
    assert.equal(guest.eval(program), String(7990 * 40));
  });

  it('hands compiled recursion over before the default V8 stack runs out', () => {
    // A node without --stack-size, as the page's worker has V8's default stack: the guest
    // picks the budget for it (host.mjs), so compiled code hands over to the interpreter in time.
    const script = `
      import { Guest, GuestError } from ${JSON.stringify(new URL('./host.mjs', import.meta.url).href)};
      const outcome = (guest, program) => {
        try { return guest.eval(program, 1 << 28); } catch (e) { if (e instanceof GuestError) return 'error: ' + e.message; throw e; }
      };
      const results = {};
      for (const [name, source] of Object.entries(JSON.parse(process.argv[1]))) {
        const guest = Guest.load({ quiet: true });
        const program = guest.parse(source);
        const interpreted = outcome(guest, program);
        guest.jit();
        results[name] = { interpreted, compiled: outcome(guest, program), afterAnotherRound: (guest.jit(), outcome(guest, program)) };
      }
      console.log(JSON.stringify(results));`;
    const mapRecursion = mapRecursionNamed('f');
    const wide = wideAdditions;
    const programs = {
      deep: '(define (d n) (if (= n 0) 0 (+ 1 (d (- n 1))))) (d 100000)',
      wide: `(define (w n) (if (eq? n 0) 0 ${wide})) (w 20000)`,
      map: `${mapRecursion} (f 700)`,
      mapPastTheLimit: `${mapRecursion} (f 2400)`,
      mapBeneathCompiled: `${mapRecursion} (define (d n) (if (= n 0) (f 200) (+ 1 (d (- n 1))))) (d 50000)`,
      quicksort: `${quicksortOnLists} (let ((s (qs (numbers 20000 7)))) (list (length s) (car s) (apply <= s)))`,
    };
    const run = spawnSync('node', ['--no-warnings', '--input-type=module', '-e', script, JSON.stringify(programs)],
      { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    assert.equal(run.status, 0, run.stderr);
    const results = JSON.parse(run.stdout);
    const limit = `error: recursion too deep: more than ${V8_DEFAULT_STACK_BUDGET / 4 * 5 / 4} nested calls made by map, for-each or apply`;
    const expected = {
      deep: '100000', wide: String(20000 * 40), map: '700', mapPastTheLimit: limit, mapBeneathCompiled: '50200',
      quicksort: results.quicksort.interpreted,
    };
    for (const [name, result] of Object.entries(expected)) {
      assert.deepEqual(results[name], { interpreted: result, compiled: result, afterAnotherRound: result }, name);
    }
    assert.match(results.quicksort.interpreted, /^\(20000 \d+ #t\)$/);
  });

  it('sizes the compiled depth budget to the V8 stack it runs on', () => {
    assert.equal(compiledDepthBudgetFor(984), V8_DEFAULT_STACK_BUDGET);
    assert.equal(compiledDepthBudgetFor(492), V8_DEFAULT_STACK_BUDGET / 2);
    assert.equal(compiledDepthBudgetFor(1968), V8_DEFAULT_STACK_BUDGET * 2);
    assert.equal(compiledDepthBudgetFor(4000), 0, "the guest's own default, once the scaled budget reaches it");
    assert.equal(compiledDepthBudgetFor(10), 64);
    const guest = Guest.load({ quiet: true, compiledDepthBudget: 400 });
    const mapRecursion = '(define (f n) (if (= n 0) 0 (car (map (lambda (x) (+ 1 (f (- n 1)))) (list 1)))))';
    const program = guest.parse(`${mapRecursion} (f 200)`);
    assert.throws(() => guest.eval(program), new GuestError('recursion too deep: more than 125 nested calls made by map, for-each or apply'));
    guest.exports.setCompiledDepthBudget(0);
    assert.equal(guest.eval(program), '200', 'the default budget is back');
  });

  it('reports results through the extension exports', () => {
    const guest = Guest.load({ quiet: true });
    assert.equal(guest.exports.lastResultKind(), 0);
    const kinds = [
      ['(- 0 123)', 1, '-123'], ['(lambda (x) x)', 2, '#<procedure>'], ['car', 2, '#<procedure car>'],
      ['(< 1 2)', 3, '#t'], ["'()", 4, '()'], ["'(1 . 2)", 5, '(1 . 2)'], ["'sym", 6, 'sym'],
      ['"s\\"t"', 7, '"s\\"t"'], ['#(1)', 8, '#(1)'], ['(if #f #f)', 9, '#<unspecified>'],
    ];
    for (const [source, kind, text] of kinds) {
      assert.equal(guest.run(source), text);
      assert.equal(guest.exports.lastResultKind(), kind, source);
      assert.equal(guest.readString(guest.exports.lastResultText()), text);
    }
    guest.run('(- 0 123)');
    assert.equal(guest.exports.lastResultInteger(), -123);
    assert.throws(() => guest.run('(car 1)'), GuestError);
    assert.equal(guest.exports.lastResultKind(), 0);
    assert.equal(guest.exports.lastResultText(), 0);
  });

  it('has the core guest ABI plus the documented extensions', () => {
    const module = new WebAssembly.Module(readFileSync(defaultWasmPath));
    const exports = WebAssembly.Module.exports(module).map((e) => `${e.name}:${e.kind}`).sort();
    assert.deepEqual(exports, [
      '__indirect_function_table:table', '_initialize:function', 'allocateBytes:function',
      'collectionCount:function', 'compiledFunctionCount:function', 'eval:function', 'evalQuietly:function',
      'freeBytes:function', 'freeModule:function', 'heapSize:function', 'isExpressionHandle:function',
      'jitModule:function', 'lastErrorMessage:function',
      'lastResultInteger:function', 'lastResultKind:function', 'lastResultText:function', 'memory:memory',
      'moduleData:function', 'moduleSize:function', 'parse:function', 'pendingJitCount:function',
      'releaseProgram:function', 'runCatching:function', 'setCompiledDepthBudget:function', 'setHeapLimit:function', 'setMaxNestedCalls:function', 'setStackPointer:function',
      'setTiering:function', 'stackPointer:function', 'tierRoundsStarted:function',
    ]);
    const imports = WebAssembly.Module.imports(module).map((i) => `${i.module}.${i.name}`);
    assert.deepEqual(imports.filter((i) => !i.startsWith('wasi_snapshot_preview1.')), ['env.throw_error', 'env.catch_errors', 'env.host_call', 'env.host_result', 'env.tier_poll', 'env.jit_ready']);
  });

  it('generates modules that import only env.memory and env.__indirect_function_table', () => {
    const guest = Guest.load({ quiet: true });
    guest.run('((lambda (x) x) 1)');
    const module = new WebAssembly.Module(guest.jitModuleBytes());
    assert.deepEqual(WebAssembly.Module.imports(module).map((i) => `${i.module}.${i.name}:${i.kind}`),
      ['env.memory:memory', 'env.__indirect_function_table:table']);
    assert.deepEqual(WebAssembly.Module.exports(module), []);
  });

  it('prints results, output and errors as the seed host expects', () => {
    const host = (...args) => spawnSync('node', ['--no-warnings', '--stack-size=4000', hostScript, ...args], { encoding: 'utf8' });
    const ok = host('--jit', '-e', '(define (f x) (* x 2)) (f 21)');
    assert.equal(ok.stdout, 'result: 42\nresult: 42\n');
    assert.equal(ok.status, 0);
    const procedure = host('-e', '(lambda (x) x)');
    assert.equal(procedure.stdout, 'result: #<procedure>\n');
    const output = host('--jit', '-e', '(define (show x) (display x) (display " ") x) (show (list "a" 1))');
    assert.equal(output.stdout, '(a 1) \nresult: ("a" 1)\n(a 1) \nresult: ("a" 1)\n');
    const failed = host('-e', '(1 2)');
    assert.equal(failed.stdout, '');
    assert.equal(failed.stderr, 'error: not a procedure: the integer 1\n');
    assert.equal(failed.status, 1);
  });
});
