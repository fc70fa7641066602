// The language reference lists exactly the primitive table: docs/LANGUAGE.md's
// table rows are what `interp-native --primitives` prints from primitives.def.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';

const native = fileURLToPath(new URL('../build/interp-native', import.meta.url));
const reference = fileURLToPath(new URL('../../docs/LANGUAGE.md', import.meta.url));

it('docs/LANGUAGE.md lists every primitive of the table, as the table describes it', () => {
  const run = spawnSync(native, ['--primitives'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const table = run.stdout.trim().split('\n');
  assert.ok(table.length >= 80, `only ${table.length} primitives`);
  const documented = readFileSync(reference, 'utf8').split('\n').filter((line) => /^\| `[^`]+` \| \d/.test(line));
  assert.deepEqual(documented, table);
});
