// A generator of programs with N functions, for measuring how a JIT round's
// cost grows with the number of functions it compiles.
//
//   node guest/test/many-functions.mjs N     prints the program
//
// Function k (1..N) is a lambda applied at once to k; the calls are summed in
// a balanced tree of additions, so the nesting grows with log N and stays far
// below the parser's limit. Every function runs once, so a JIT round compiles
// all N. The sum is N*N.
import { fileURLToPath } from 'node:url';

/** A program defining and running n functions; returns { source, expect }. */
export function manyFunctions(n) {
  const sum = (from, to) => {
    if (from === to) return `((lambda (x) (if (< x 1) 0 (- (* x 2) 1))) ${from})`;
    const middle = (from + to) >> 1;
    return `(+ ${sum(from, middle)}\n ${sum(middle + 1, to)})`;
  };
  return { source: sum(1, n), expect: n * n };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(manyFunctions(Number(process.argv[2] ?? 10)).source + '\n');
}
