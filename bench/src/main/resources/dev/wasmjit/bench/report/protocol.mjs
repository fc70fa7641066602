// The report's V8 anchor: the seed's protocol on Node's WebAssembly, exactly as the Java
// side runs it on wasmtime. For each program: parse, N evaluations interpreted, one JIT
// round (generate + compile + link), N evaluations compiled; repeated for warm-up + R
// rounds on one guest instance (each round parses anew: fresh, uncompiled functions).
//
//   node protocol.mjs HOST_MJS WASM EVALS WARMUP ROUNDS HEAP_BYTES NAME=FILE...
//
// Prints one line per measured round: NAME<TAB>interpretedMs<TAB>roundMs<TAB>compiledMs<TAB>result
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [hostPath, wasmPath, evalsText, warmupText, roundsText, heapText, ...programs] = process.argv.slice(2);
const { Guest } = await import(pathToFileURL(hostPath).href);
const evals = Number(evalsText), warmup = Number(warmupText), rounds = Number(roundsText);
const heapBytes = Number(heapText);
const guest = Guest.load({ wasmPath, quiet: true });
const now = () => Number(process.hrtime.bigint()) / 1e6;

function timeEvals(program) {
  let result;
  const start = now();
  for (let i = 0; i < evals; i++) result = guest.eval(program, heapBytes);
  return [now() - start, result];
}

for (const spec of programs) {
  const split = spec.indexOf('=');
  const name = spec.slice(0, split);
  const source = readFileSync(spec.slice(split + 1), 'utf8');
  for (let round = 0; round < warmup + rounds; round++) {
    const program = guest.parse(source);
    const [interpreted] = timeEvals(program);
    const start = now();
    guest.jit();
    const jitRound = now() - start;
    const [compiled, result] = timeEvals(program);
    if (round >= warmup) {
      process.stdout.write(`${name}\t${interpreted}\t${jitRound}\t${compiled}\t${result}\n`);
    }
  }
}
