// Measures the compiled depth budget (setCompiledDepthBudget) that V8's stack
// takes: for each program, the largest budget at which it runs under this
// node's stack as it runs interpreted, after a JIT round, on both builds of
// the guest. The programs are the deepest kinds of native nesting the guest
// makes: compiled recursion with small and with wide frames, calls through the
// runtime (apply, an unknown procedure), recursion through map, and compiled
// recursion with map recursion beneath it. host.mjs's V8_DEFAULT_STACK_BUDGET
// comes from this, with a margin.
//
//   node guest/test/stack-budget.mjs [--stack-size KB]   (default: node's own default stack)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mapRecursion as mapRecursionNamed, quicksortOnLists, wideAdditions } from './deep-programs.mjs';

const hostScript = fileURLToPath(new URL('./host.mjs', import.meta.url));
const deep = 100000;
const mapRecursion = mapRecursionNamed('m');
const wide = wideAdditions;
const programs = {
  'compiled recursion': `(define (d n) (if (= n 0) 0 (+ 1 (d (- n 1))))) (d ${deep})`,
  'wide frames': `(define (w n) (if (eq? n 0) 0 ${wide})) (w ${deep})`,
  'many arguments': `(define (v a b c d e f g h n) (if (= n 0) 0 (+ a (v b c d e f g h a (- n 1))))) (v 1 1 1 1 1 1 1 1 ${deep})`,
  'unknown procedure': `(define (u self n) (if (= n 0) 0 (+ 1 (self self (- n 1))))) (u u ${deep})`,
  'apply': `(define (a n) (if (= n 0) 0 (+ 1 (apply a (list (- n 1)))))) (a ${deep})`,
  'map recursion': `${mapRecursion} (m ${deep})`,
  'vector-map recursion': `(define (vm n) (if (= n 0) 0 (vector-ref (vector-map (lambda (x) (+ 1 (vm (- n 1)))) (vector 1)) 0))) (vm ${deep})`,
  'map beneath compiled recursion': `${mapRecursion} (define (d n) (if (= n 0) (m ${deep}) (+ 1 (d (- n 1))))) (d ${deep})`,
  'quicksort on lists': `${quicksortOnLists} (length (qs (numbers 20000 7)))`,
};

const stackFlag = process.argv[2] === '--stack-size' ? [`--stack-size=${process.argv[3]}`] : [];

/** Whether the program gives the same outcome interpreted and compiled, without overflowing V8's stack. */
function holds(wasm, source, budget) {
  const run = spawnSync('node', ['--no-warnings', ...stackFlag, hostScript, '--wasm', wasm, '--jit',
    '--compiled-depth', String(budget), '--heap', String(256 << 20), '-e', source], { encoding: 'utf8' });
  if (/RangeError|Maximum call stack/.test(run.stderr)) return false;
  const lines = run.stdout.split('\n').filter((l) => l.startsWith('result:'));
  if (run.status === 0) return lines.length === 2 && lines[0] === lines[1];
  // a guest error (the primitives' limit) must be the same interpreted and compiled: the
  // interpreted run stops at it, so only its error is printed
  return run.status === 1 && /^error: recursion too deep/.test(run.stderr);
}

for (const wasm of ['interplib.wasm', 'interplib-baseline.wasm']) {
  for (const [name, source] of Object.entries(programs)) {
    let low = 64, high = 8001;  // holds at low; the search is for the first budget that fails
    if (!holds(wasm, source, low)) {
      console.log(`${wasm}  ${name}: fails at every budget`);
      continue;
    }
    if (holds(wasm, source, 8000)) low = high = 8000;
    while (high - low > 50) {
      const middle = (low + high) >> 1;
      if (holds(wasm, source, middle)) low = middle;
      else high = middle;
    }
    console.log(`${wasm}  ${name}: holds up to a budget of ${low}${low === 8000 ? ' (the default)' : ''}`);
  }
}
