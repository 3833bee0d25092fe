// Proof that the checks fail on broken manifests: each fixture under fixtures/rejected is the prod overlay
// (or a variant of it) with exactly one defect, and must be rejected with the message in its expect.txt.
// The unchanged prod overlay and variants pass (overlays.test.js), so each rejection is caused by that defect.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from '../lib/manifests.js';
import { allErrors } from '../lib/check.js';

const dir = join(import.meta.dirname, '..', 'fixtures', 'rejected');

for (const name of readdirSync(dir).sort()) {
  const expected = readFileSync(join(dir, name, 'expect.txt'), 'utf8').trim();
  test(`rejected: ${name}`, async () => {
    let errors;
    try {
      errors = await allErrors(render(join(dir, name)));
    } catch (e) {
      errors = [`render: ${e.stderr ?? e.message}`];
    }
    assert.ok(errors.length > 0, 'the defect was not detected');
    assert.ok(errors.some((e) => e.includes(expected)), `expected an error containing ${JSON.stringify(expected)}, got:\n${errors.join('\n')}`);
  });
}
