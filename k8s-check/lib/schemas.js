// Schema validation of one rendered object, the way the API server would judge it:
// - built-in kinds: kubernetes-models (ajv validators generated from the Kubernetes OpenAPI schemas)
//   plus strict field validation (unknown fields are errors);
// - custom resources (CloudNativePG, Barman Cloud plugin, Keycloak, Prometheus Operator, External
//   Secrets, cert-manager, Gateway API): the operators' own CRDs in crds/, strictly (see crds.js);
// - a few API-server rules that OpenAPI schemas cannot express (names, selectors, references).
import { typeFileFor, unknownFields } from './strict-fields.js';
import { crdFor, crdErrors } from './crds.js';

const DNS1123_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^(?=.{1,63}$)[a-z]([-a-z0-9]*[a-z0-9])?$/;
// Kinds with stricter names than DNS-1123 subdomains (they become DNS labels).
const NAME_RULES = { Namespace: DNS1123_LABEL, Service: DNS1035_LABEL };

/** Returns a list of error strings for one object; empty when a real API server would accept it. */
export async function schemaErrors(obj) {
  const id = `${obj?.kind ?? '?'} ${obj?.metadata?.name ?? '?'}`;
  if (!obj || typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string') {
    return [`${id}: apiVersion and kind are required`];
  }
  const errors = [];
  const modulePath = `${obj.apiVersion}/${obj.kind}`;
  const typeFile = typeFileFor('kubernetes-models', modulePath);
  if (crdFor(obj.apiVersion, obj.kind)) {
    errors.push(...crdErrors(obj));
    errors.push(...unknownFields(obj.metadata ?? {}, typeFileFor('@kubernetes-models/apimachinery', 'apis/meta/v1/ObjectMeta'), '/metadata'));
  } else if (typeFile) {
    const mod = await import(`kubernetes-models/${modulePath}`);
    const Model = mod[obj.kind];
    try {
      new Model(obj).validate();
    } catch (e) {
      errors.push(...String(e.message).split(', '));
    }
    errors.push(...unknownFields(obj, typeFile));
  } else {
    return [`${id}: no schema for ${obj.apiVersion} ${obj.kind} (add one before using this kind)`];
  }
  errors.push(...apiServerRules(obj));
  return errors.map((e) => `${id}: ${e}`);
}

function apiServerRules(obj) {
  const errors = [];
  const name = obj.metadata?.name;
  const nameRule = NAME_RULES[obj.kind] ?? DNS1123_SUBDOMAIN;
  if (!name || !nameRule.test(name)) errors.push(`metadata.name "${name}" is not a valid name for a ${obj.kind}`);
  for (const [k, v] of Object.entries(obj.metadata?.labels ?? {})) {
    if (!/^(([a-z0-9]([-a-z0-9]*[a-z0-9])?\.)*[a-z0-9]+\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/.test(k)) errors.push(`label key "${k}" is invalid`);
    if (typeof v !== 'string' || !/^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$/.test(v)) errors.push(`label value "${v}" is invalid`);
  }
  const pod = podSpecOf(obj);
  if (pod) errors.push(...podRules(obj, pod));
  if (obj.kind === 'Service') {
    for (const p of obj.spec?.ports ?? []) {
      if (p.name && !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(p.name)) errors.push(`service port name "${p.name}" is invalid`);
    }
  }
  return errors;
}

function podRules(obj, pod) {
  const errors = [];
  const selector = obj.spec?.selector?.matchLabels;
  const labels = obj.spec?.template?.metadata?.labels ?? {};
  if (selector && !Object.entries(selector).every(([k, v]) => labels[k] === v)) {
    errors.push('spec.selector does not match spec.template.metadata.labels');
  }
  const volumes = new Set((pod.volumes ?? []).map((v) => v.name));
  const containerNames = new Set();
  for (const c of [...(pod.initContainers ?? []), ...(pod.containers ?? [])]) {
    if (containerNames.has(c.name)) errors.push(`duplicate container name "${c.name}"`);
    containerNames.add(c.name);
    for (const m of c.volumeMounts ?? []) {
      if (!volumes.has(m.name)) errors.push(`container ${c.name} mounts undefined volume "${m.name}"`);
    }
    const portNames = new Set();
    for (const p of c.ports ?? []) {
      if (p.containerPort < 1 || p.containerPort > 65535) errors.push(`container ${c.name} port ${p.containerPort} out of range`);
      if (p.name !== undefined && !/^(?=.{1,15}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(p.name)) errors.push(`container ${c.name} port name "${p.name}" is invalid`);
      portNames.add(p.name);
    }
    for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
      const port = c[probe]?.httpGet?.port;
      if (typeof port === 'string' && !portNames.has(port)) errors.push(`container ${c.name} ${probe} uses unknown port "${port}"`);
    }
    for (const e of c.env ?? []) {
      if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(e.name)) errors.push(`container ${c.name} env name "${e.name}" is invalid`);
    }
  }
  return errors;
}

/** The pod spec of a workload object, or null. */
export function podSpecOf(obj) {
  switch (obj?.kind) {
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'Job':
      return obj.spec?.template?.spec ?? null;
    case 'CronJob':
      return obj.spec?.jobTemplate?.spec?.template?.spec ?? null;
    case 'Pod':
      return obj.spec ?? null;
    default:
      return null;
  }
}
