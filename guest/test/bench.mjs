// Side-by-side speed of the guest under Node's WebAssembly (V8): interpreted,
// compiled by the straightforward JIT (interplib-baseline.wasm) and compiled
// by the optimising JIT (interplib.wasm), in one run, as ratios; and the cost
// of a JIT round as the number of functions grows.
//
//   node --stack-size=4000 guest/test/bench.mjs [--repeat N] [--quick]
//
// Times are of batches of N evaluations of one parsed program (default 5;
// programs that run for less than 10 ms get enough evaluations to fill
// 50 ms), after untimed evaluations so that V8 has compiled what it runs.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { Guest } from './host.mjs';
import { manyFunctions } from './many-functions.mjs';

const guestDirectory = fileURLToPath(new URL('../', import.meta.url));
const examplesDirectory = fileURLToPath(new URL('../../examples/', import.meta.url));
const builds = {
  optimising: guestDirectory + 'interplib.wasm',
  baseline: guestDirectory + 'interplib-baseline.wasm',
};

const args = process.argv.slice(2);
const repeat = args.includes('--repeat') ? Number(args[args.indexOf('--repeat') + 1]) : 5;
const quick = args.includes('--quick');

const now = () => process.hrtime.bigint();
const millis = (since) => Number(now() - since) / 1e6;

function batch(guest, program, count) {
  const start = now();
  for (let i = 0; i < count; i++) guest.eval(program);
  return millis(start);
}

/** Interpreted and compiled times of `count` evaluations of one program on one build. */
function measure(wasmPath, source, count) {
  const guest = Guest.load({ wasmPath, quiet: true });
  const program = guest.parse(source);
  batch(guest, program, Math.min(count, 20));
  const interpreted = batch(guest, program, count);
  guest.jit();
  batch(guest, program, Math.min(count, 20));
  const compiled = batch(guest, program, count);
  return { interpreted, compiled };
}

/** The batch size for a program: `repeat`, or more for short programs. */
function batchSize(source) {
  const guest = Guest.load({ wasmPath: builds.optimising, quiet: true });
  const program = guest.parse(source);
  guest.eval(program);
  const once = batch(guest, program, 1);
  return once >= 10 ? repeat : Math.max(repeat, Math.ceil(50 / Math.max(once, 0.001)));
}

const programs = [
  { name: 'fib(30)', source: '(letrec ((fib (lambda (n) (if (< n 2) 1 (+ (fib (- n 1)) (fib (- n 2))))))) (fib 30))' },
];
if (!quick) {
  for (const f of readdirSync(examplesDirectory).filter((f) => f.endsWith('.scm')).sort())
    programs.push({ name: f, source: readFileSync(examplesDirectory + f, 'utf8') });
}

const ms = (t) => t.toFixed(1).padStart(9);
const ratio = (a, b) => (a / b).toFixed(1).padStart(8) + '×';
console.log(`ms for N evaluations: interpreted, baseline JIT, optimising JIT (node ${process.version})`);
console.log('program'.padEnd(22) + 'N'.padStart(6) + 'interp'.padStart(9) + 'baseline'.padStart(9)
  + '  optimis' + '   interp/opt' + '  base/opt');
for (const { name, source } of programs) {
  const count = batchSize(source);
  const baseline = measure(builds.baseline, source, count);
  const optimising = measure(builds.optimising, source, count);
  const interpreted = Math.min(baseline.interpreted, optimising.interpreted);
  console.log(name.padEnd(22) + String(count).padStart(6) + ms(interpreted) + ms(baseline.compiled)
    + ms(optimising.compiled) + '   ' + ratio(interpreted, optimising.compiled) + ' '
    + ratio(baseline.compiled, optimising.compiled));
}

/** The median over fresh guests of code generation (jitModule) and V8's compile+link. */
function roundCost(wasmPath, source, samples = 5) {
  const generate = [], link = [];
  let size = 0;
  for (let i = 0; i < samples; i++) {
    const guest = Guest.load({ wasmPath, quiet: true });
    guest.eval(guest.parse(source), 16 << 20);
    let start = now();
    const bytes = guest.jitModuleBytes();
    generate.push(millis(start));
    start = now();
    guest.link(bytes);
    link.push(millis(start));
    size = bytes.length;
  }
  const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
  return { generate: median(generate), link: median(link), size };
}

console.log('\nJIT round: guest code generation and V8 compile+link, ms (median of 5)');
console.log('program'.padEnd(22) + 'build'.padEnd(12) + 'generate'.padStart(10) + 'link'.padStart(10) + 'bytes'.padStart(10));
const rounds = [{ name: 'fib', source: programs[0].source.replace('30', '15') }];
for (const n of [10, 100, 1000]) rounds.push({ name: `${n} functions`, source: manyFunctions(n).source });
for (const { name, source } of rounds) {
  for (const build of ['baseline', 'optimising']) {
    const cost = roundCost(builds[build], source);
    console.log(name.padEnd(22) + build.padEnd(12) + cost.generate.toFixed(2).padStart(10)
      + cost.link.toFixed(2).padStart(10) + String(cost.size).padStart(10));
  }
}
