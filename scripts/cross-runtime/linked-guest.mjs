// Runs a statically linked guest (the output of `wasmjit link`) under Node's WebAssembly and
// checks that it starts with its compiled code in place: no jitModule call is made.
//
//   node linked-guest.mjs MODULE [--more-compiled-than N] HANDLE=EXPECTED...
//
// Checks that compiledFunctionCount is above N (default 0) from the start, that each handle
// evaluates to its expected result (its write form, as printed after "result: "; it may hold
// spaces and '='), and that nothing waits for a JIT round before or after
// (the linked run interpreted nothing new). Prints "compiledFunctionCount C" and exits 0, or
// says what differed on stderr and exits 1. The guest's WASI imports come from
// guest/test/host.mjs, which implements them itself (node:wasi crashes with many instances).
import { Guest } from '../../guest/test/host.mjs';

function fail(message) {
  process.stderr.write(`${module}: ${message}\n`);
  process.exit(1);
}

const args = process.argv.slice(2);
const module = args.shift();
let moreThan = 0;
const expectations = [];
while (args.length > 0) {
  const arg = args.shift();
  if (arg === '--more-compiled-than') moreThan = Number(args.shift());
  else if (/^0x[0-9a-f]+=/i.test(arg)) {
    const handle = arg.slice(0, arg.indexOf('='));
    const expected = arg.slice(arg.indexOf('=') + 1);
    expectations.push({ handle: Number(handle), text: handle, expected });
  } else fail(`bad argument ${arg}; usage: linked-guest.mjs MODULE [--more-compiled-than N] HANDLE=EXPECTED...`);
}
if (!module || expectations.length === 0) fail('usage: linked-guest.mjs MODULE [--more-compiled-than N] HANDLE=EXPECTED...');

const guest = Guest.load({ wasmPath: module, capture: true });
const compiled = guest.exports.compiledFunctionCount();
if (!(compiled > moreThan)) fail(`compiledFunctionCount at start is ${compiled}, expected more than ${moreThan}`);
if (guest.exports.pendingJitCount() !== 0) fail(`pendingJitCount at start is ${guest.exports.pendingJitCount()}`);
for (const { handle, text, expected } of expectations) {
  let result;
  try {
    result = guest.eval(handle);
  } catch (e) {
    fail(`eval(${text}) failed: ${e.message}\n${guest.output.stderr}`);
  }
  if (result !== expected) fail(`eval(${text}) gave ${result}, expected ${expected}`);
  const pending = guest.exports.pendingJitCount();
  if (pending !== 0) fail(`eval(${text}) interpreted ${pending} function(s) that should have run compiled`);
}
console.log(`compiledFunctionCount ${compiled}`);
