// The translation of CRD schemas (OpenAPI v3 with Kubernetes extensions) into strict JSON-schema validators,
// and the overlays that add fields a newer operator release has, on a small test CRD.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadCrds, applyOverlays, compileResource } from '../lib/crds.js';

const here = import.meta.dirname;
const widget = (spec) => ({ apiVersion: 'widgets.example.invalid/v1', kind: 'Widget', metadata: { name: 'w' }, spec });
const validator = (overlays) => {
  const crds = loadCrds(join(here, 'crds'));
  if (overlays) applyOverlays(crds, join(here, 'crds-overlays'));
  return compileResource(crds.get('widgets.example.invalid/v1/Widget').schema);
};

test('crds: the schema constructs are validated as the API server does', () => {
  const validate = validator(false);
  const ok = (spec) => validate(widget(spec));
  assert.ok(ok({ size: 3 }), 'int-or-string: an integer');
  assert.ok(ok({ size: '3Gi' }), 'int-or-string: a string matching the pattern');
  assert.ok(!ok({ size: '3 gallons' }), 'the pattern applies to the string form');
  assert.ok(ok({ size: 1, mode: 'FAST' }), 'a Go inline flag (?i) is honoured');
  assert.ok(!ok({ size: 1, mode: 'medium' }));
  assert.ok(ok({ size: 1, note: null }), 'nullable');
  assert.ok(ok({ size: 1, extra: { anything: { goes: 1 } } }), 'x-kubernetes-preserve-unknown-fields');
  assert.ok(!ok({ size: 1, extra: { known: 2 } }), 'declared fields of a preserving object are still typed');
  assert.ok(ok({ size: 1, opaque: {} }));
  assert.ok(!ok({ size: 1, opaque: { any: 1 } }), 'an object that declares no fields and does not preserve unknown ones keeps none');
  assert.ok(!ok({ size: 1, replicas: 0 }), 'OpenAPI boolean exclusiveMinimum');
  assert.ok(!ok({ size: 1, sise: 2 }), 'unknown fields are refused');
  assert.ok(!ok({}), 'required fields');
  assert.ok(!validate({ ...widget({ size: 1 }), status2: {} }), 'unknown top-level fields are refused');
});

test('crds: a version with served: false is marked as not served', () => {
  const crds = loadCrds(join(here, 'crds'));
  assert.equal(crds.get('widgets.example.invalid/v0/Widget').served, false);
  assert.equal(crds.get('widgets.example.invalid/v1/Widget').served, true);
});

test('crds: an overlay adds a field a later release has, and only that field', () => {
  assert.ok(!validator(false)(widget({ size: 1, colour: 'red' })), 'without the overlay the field is unknown');
  const validate = validator(true);
  assert.ok(validate(widget({ size: 1, colour: 'red' })));
  assert.ok(!validate(widget({ size: 1, colour: 'green' })), "the overlay's schema is enforced");
});

test('crds: an overlay for a field upstream already has is refused', () => {
  const crds = loadCrds(join(here, 'crds'));
  applyOverlays(crds, join(here, 'crds-overlays'));
  assert.throws(() => applyOverlays(crds, join(here, 'crds-overlays')), /exists upstream; remove the overlay/);
});
