// Every overlay renders with Kustomize, every object passes schema validation, and the deployment policy
// holds, including the network flows the suite needs and the ones it must not have.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from '../lib/manifests.js';
import { allErrors, referencedSecrets } from '../lib/check.js';
import { allowed, podNamed } from '../lib/network.js';

const k8s = join(import.meta.dirname, '..', '..', 'k8s');
const overlays = readdirSync(join(k8s, 'overlays'));
// Overlays plus the component combinations k8s/README.md documents (variants/<name>, e.g. prod with
// External Secrets): each is held to everything an overlay is.
const variantsDir = join(import.meta.dirname, '..', 'variants');
const rendered = [...overlays.map((o) => [o, join(k8s, 'overlays', o)]), ...readdirSync(variantsDir).map((v) => [v, join(variantsDir, v)])];
const readme = readFileSync(join(k8s, 'README.md'), 'utf8');
const SERVICES = ['consent-service', 'recording-service', 'audit-service'];

test('there are dev and prod overlays', () => {
  assert.ok(overlays.includes('dev') && overlays.includes('prod'), overlays.join(','));
});

for (const [overlay, dir] of rendered) {
  const docs = render(dir);
  const pod = (name) => podNamed(docs, name);
  const svc = (s) => pod(`Deployment ${s}`);
  const ns = docs.find((o) => o.kind === 'Namespace').metadata.name;

  test(`${overlay}: every object is valid and meets the policy`, async () => {
    assert.deepEqual(await allErrors(docs), []);
  });

  test(`${overlay}: every object lives in the overlay's namespace`, () => {
    const stray = docs.filter((o) => o.kind !== 'Namespace' && o.metadata.namespace !== ns).map((o) => `${o.kind} ${o.metadata.name}`);
    assert.deepEqual(stray, []);
  });

  test(`${overlay}: every referenced Secret is documented in k8s/README.md`, () => {
    const secrets = referencedSecrets(docs);
    assert.ok(secrets.length > 0);
    assert.deepEqual(secrets.filter((s) => !readme.includes(`\`${s}\``)), []);
  });

  test(`${overlay}: the named flows are allowed`, () => {
    const dns = { ns: 'kube-system', labels: { 'k8s-app': 'kube-dns' } };
    const ingressController = { ns: 'ingress-nginx', labels: {} };
    const keycloak = pod('Keycloak keycloak');
    const flows = [
      [svc('recording-service'), svc('consent-service'), 8080],
      [svc('consent-service'), svc('audit-service'), 8080],
      [svc('recording-service'), svc('audit-service'), 8080],
      [keycloak, pod('Cluster keycloak-db'), 5432],
      [ingressController, keycloak, 8443],
    ];
    // Every database reaches its backup bucket (outside the cluster) over HTTPS.
    for (const db of ['consent-db', 'recording-db', 'audit-db', 'keycloak-db']) flows.push([pod(`Cluster ${db}`), { external: true }, 443]);
    for (const s of SERVICES) {
      flows.push([svc(s), pod(`Cluster ${s.replace('-service', '-db')}`), 5432]);
      flows.push([svc(s), keycloak, 8080]);
      flows.push([ingressController, svc(s), 8080]);
      flows.push([svc(s), dns, 53, 'UDP']);
    }
    const denied = flows.filter(([from, to, port, proto]) => !allowed(docs, from, to, port, proto)).map(([f, t, p]) => `${f.name ?? f.ns} -> ${t.name ?? t.ns}:${p}`);
    assert.deepEqual(denied, []);
  });

  test(`${overlay}: everything else is denied`, () => {
    const stranger = { ns: 'default', labels: { app: 'anything' } };
    const internet = { external: true };
    const flows = [
      [svc('consent-service'), svc('recording-service'), 8080],
      [svc('audit-service'), svc('consent-service'), 8080],
      [svc('audit-service'), svc('recording-service'), 8080],
      [svc('consent-service'), internet, 443],
      [svc('audit-service'), internet, 443],
      [stranger, svc('consent-service'), 8080],
      [stranger, pod('Cluster consent-db'), 5432],
      [svc('consent-service'), pod('Cluster keycloak-db'), 5432],
      [svc('consent-service'), dnsElsewhere(), 53],
    ];
    for (const s of SERVICES) {
      for (const other of SERVICES.filter((o) => o !== s)) flows.push([svc(s), pod(`Cluster ${other.replace('-service', '-db')}`), 5432]);
    }
    if (!overlay.startsWith('prod')) flows.push([svc('recording-service'), internet, 443]);
    const open = flows.filter(([from, to, port]) => allowed(docs, from, to, port)).map(([f, t, p]) => `${f.name ?? f.ns ?? 'internet'} -> ${t.name ?? t.ns ?? 'internet'}:${p}`);
    assert.deepEqual(open, []);
  });
}

function dnsElsewhere() {
  return { ns: 'default', labels: { 'k8s-app': 'kube-dns' } };
}

test('the documented variants are in k8s/README.md', () => {
  assert.deepEqual(readdirSync(variantsDir).filter((v) => !readme.includes(`k8s-check/variants/${v}`)), []);
});

test('prod: three PostgreSQL instances per database, recordings in S3 reachable over HTTPS', () => {
  const docs = render(join(k8s, 'overlays', 'prod'));
  const clusters = docs.filter((o) => o.kind === 'Cluster');
  assert.deepEqual(clusters.map((c) => [c.metadata.name, c.spec.instances]).sort(), [['audit-db', 3], ['consent-db', 3], ['keycloak-db', 3], ['recording-db', 3]]);
  const config = docs.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'recording-service-config');
  assert.equal(config.data.INSYN_RECORDING_CONTENT_STORE, 's3');
  assert.ok(allowed(docs, podNamed(docs, 'Deployment recording-service'), { external: true }, 443));
  assert.ok(!docs.some((o) => o.kind === 'PersistentVolumeClaim'));
});

test('prod: JSON console logs for every service; the HPAs alone set replica counts', () => {
  const docs = render(join(k8s, 'overlays', 'prod'));
  for (const s of SERVICES) {
    assert.equal(docs.find((o) => o.kind === 'ConfigMap' && o.metadata.name === `${s}-config`).data.QUARKUS_LOG_CONSOLE_JSON_ENABLED, 'true', s);
    assert.equal(docs.find((o) => o.kind === 'Deployment' && o.metadata.name === s).spec.replicas, undefined, s);
  }
});

test('dev: one replica each, recordings on a volume that only one recording-service pod mounts', () => {
  const docs = render(join(k8s, 'overlays', 'dev'));
  const recording = docs.find((o) => o.kind === 'Deployment' && o.metadata.name === 'recording-service');
  assert.equal(recording.spec.strategy.type, 'Recreate');
  assert.ok(recording.spec.template.spec.volumes.some((v) => v.persistentVolumeClaim?.claimName === 'recording-blobs'));
  const hpa = docs.find((o) => o.kind === 'HorizontalPodAutoscaler' && o.metadata.name === 'recording-service');
  assert.equal(hpa.spec.maxReplicas, 1);
  const config = docs.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'recording-service-config');
  assert.equal(config.data.INSYN_RECORDING_CONTENT_STORE, 'filesystem');
  // The content directory is the PVC's mount, not the read-only root filesystem.
  const mounts = recording.spec.template.spec.containers[0].volumeMounts;
  const recordingsVolume = recording.spec.template.spec.volumes.find((v) => v.persistentVolumeClaim?.claimName === 'recording-blobs').name;
  assert.ok(mounts.some((m) => m.name === recordingsVolume && m.mountPath === config.data.INSYN_RECORDING_CONTENT_FILESYSTEM_DIR));
});

for (const overlay of ['dev', 'prod']) {
  test(`${overlay}: the recording-service's KEK file is in the mounted KEK Secret`, () => {
    const docs = render(join(k8s, 'overlays', overlay));
    const recording = docs.find((o) => o.kind === 'Deployment' && o.metadata.name === 'recording-service');
    const config = docs.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'recording-service-config');
    const kekVolume = recording.spec.template.spec.volumes.find((v) => v.secret?.secretName === 'recording-service-kek');
    assert.ok(kekVolume, 'the KEK Secret is a volume');
    const mount = recording.spec.template.spec.containers[0].volumeMounts.find((m) => m.name === kekVolume.name);
    assert.ok(mount && mount.readOnly);
    assert.equal(config.data.INSYN_RECORDING_CONTENT_KEK_FILE, `${mount.mountPath}/${config.data.INSYN_RECORDING_CONTENT_KEK_ID}`);
  });
}
