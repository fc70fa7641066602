// The native build of the same sources: every case through build/interp-native,
// and the JIT modules it writes must be valid WebAssembly.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { churn, constructs, errors, examples, tailLoop } from './cases.mjs';

const native = fileURLToPath(new URL('../build/interp-native', import.meta.url));
const moduleDirectory = fileURLToPath(new URL('../build/native-jit-modules/', import.meta.url));
mkdirSync(moduleDirectory, { recursive: true });

function interpret(source, ...options) {
  return spawnSync(native, [...options, '-e', source], { encoding: 'utf8' });
}

function assertOutcome({ source, heap, expect }) {
  const run = interpret(source, ...(heap ? ['--heap', String(heap)] : []));
  if (typeof expect === 'object') {
    assert.equal(run.stderr, `error: ${expect.error}\n`);
    assert.equal(run.stdout, '');
    assert.equal(run.status, 1);
  } else {
    assert.equal(run.stdout, expect === 'procedure' ? 'result: #<procedure>\n' : `result: ${expect}\n`);
    assert.equal(run.status, 0, run.stderr);
  }
}

describe('native: every construct', () => {
  for (const c of constructs) it(c.name, () => assertOutcome(c));
});

describe('native: every error message', () => {
  for (const c of errors) it(c.name, () => assertOutcome(c));
});

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
    assert.equal(run.stderr, 'error: not a procedure: the integer 1\nerror: parse error at line 1, column 5: unexpected end of input\n');
    assert.equal(run.status, 1);
  });
});
