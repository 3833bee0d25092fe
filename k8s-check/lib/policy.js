// Insyn's deployment policy over a rendered overlay (see k8s/README.md, "What the checks enforce").
import { podSpecOf } from './schemas.js';

const HEALTH = {
  startupProbe: '/q/health/started',
  livenessProbe: '/q/health/live',
  readinessProbe: '/q/health/ready',
};
// Names of settings that hold secret material; such a value must come from a Secret.
const SENSITIVE = /(PASSWORD|SECRET|TOKEN|PRIVATE|CREDENTIAL|ACCESS_KEY|HMAC|_KEY$)/i;
// ...unless the setting only names where the secret is (a file, a directory) or which key is in use.
const POINTER = /(_FILE|_DIRECTORY|_PATH|_ID)$/i;
const PLACEHOLDER = /^\$\{([A-Z0-9_]+)\}$/;

const key = (o) => `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name}`;

/** Checks that need no network policies: workloads, secrets, wiring. Returns error strings. */
export function workloadErrors(docs) {
  const errors = [];
  const seen = new Set();
  for (const o of docs) {
    if (seen.has(key(o))) errors.push(`${key(o)}: defined twice`);
    seen.add(key(o));
  }
  const configMaps = new Set(docs.filter((o) => o.kind === 'ConfigMap').map((o) => o.metadata.name));
  const serviceAccounts = new Set(docs.filter((o) => o.kind === 'ServiceAccount').map((o) => o.metadata.name));
  const pvcs = new Set(docs.filter((o) => o.kind === 'PersistentVolumeClaim').map((o) => o.metadata.name));

  for (const o of docs) {
    const id = `${o.kind} ${o.metadata?.name}`;
    if (o.kind === 'Secret') errors.push(`${id}: Secrets are created by the operator (kubectl create secret), never committed`);
    if (o.kind === 'ConfigMap') {
      for (const [k, v] of Object.entries(o.data ?? {})) {
        if (SENSITIVE.test(k) && !POINTER.test(k)) errors.push(`${id}: "${k}" looks secret; reference a Secret instead`);
        if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(String(v))) errors.push(`${id}: "${k}" contains a private key`);
      }
    }
    const pod = podSpecOf(o);
    if (pod) errors.push(...podErrors(id, o, pod, { configMaps, serviceAccounts, pvcs }));
    if (o.kind === 'KeycloakRealmImport') errors.push(...realmErrors(id, o));
  }

  // Every Deployment has a Service that selects its pods on a named container port, a PDB and an HPA.
  for (const d of docs.filter((o) => o.kind === 'Deployment')) {
    const id = `Deployment ${d.metadata.name}`;
    const labels = d.spec.template.metadata?.labels ?? {};
    const ports = new Set(d.spec.template.spec.containers.flatMap((c) => (c.ports ?? []).map((p) => p.name)));
    const services = docs.filter((o) => o.kind === 'Service' && selects(o.spec?.selector, labels));
    if (services.length === 0) errors.push(`${id}: no Service selects its pods`);
    for (const s of services) {
      for (const p of s.spec.ports ?? []) {
        if (typeof p.targetPort === 'string' && !ports.has(p.targetPort)) errors.push(`Service ${s.metadata.name}: targetPort "${p.targetPort}" is not a port of ${id}`);
      }
    }
    if (!docs.some((o) => o.kind === 'PodDisruptionBudget' && selects(o.spec?.selector?.matchLabels, labels))) errors.push(`${id}: no PodDisruptionBudget`);
    if (!docs.some((o) => o.kind === 'HorizontalPodAutoscaler' && o.spec?.scaleTargetRef?.kind === 'Deployment' && o.spec.scaleTargetRef.name === d.metadata.name)) errors.push(`${id}: no HorizontalPodAutoscaler`);
  }
  for (const h of docs.filter((o) => o.kind === 'HorizontalPodAutoscaler')) {
    const t = h.spec.scaleTargetRef;
    if (!docs.some((o) => o.kind === t.kind && o.metadata.name === t.name)) errors.push(`HorizontalPodAutoscaler ${h.metadata.name}: target ${t.kind} ${t.name} does not exist`);
    if (h.spec.minReplicas > h.spec.maxReplicas) errors.push(`HorizontalPodAutoscaler ${h.metadata.name}: minReplicas > maxReplicas`);
  }
  return errors;
}

function podErrors(id, o, pod, refs) {
  const errors = [];
  const psc = pod.securityContext ?? {};
  if (pod.automountServiceAccountToken !== false) errors.push(`${id}: automountServiceAccountToken must be false`);
  if (pod.hostNetwork || pod.hostPID || pod.hostIPC) errors.push(`${id}: host namespaces are not allowed`);
  if (pod.serviceAccountName && !refs.serviceAccounts.has(pod.serviceAccountName)) errors.push(`${id}: ServiceAccount ${pod.serviceAccountName} is not defined`);
  const volumes = new Map((pod.volumes ?? []).map((v) => [v.name, v]));
  for (const v of volumes.values()) {
    if (v.hostPath) errors.push(`${id}: hostPath volume "${v.name}" is not allowed`);
    if (v.persistentVolumeClaim && !refs.pvcs.has(v.persistentVolumeClaim.claimName)) errors.push(`${id}: PVC ${v.persistentVolumeClaim.claimName} is not defined`);
  }
  for (const c of pod.containers ?? []) {
    const cid = `${id} container ${c.name}`;
    for (const [probe, path] of Object.entries(HEALTH)) {
      if (c[probe]?.httpGet?.path !== path) errors.push(`${cid}: ${probe} must be an httpGet on ${path}`);
    }
    for (const kind of ['requests', 'limits']) {
      for (const r of ['cpu', 'memory']) {
        if (c.resources?.[kind]?.[r] === undefined) errors.push(`${cid}: resources.${kind}.${r} is missing`);
      }
    }
    const sc = c.securityContext ?? {};
    if ((sc.runAsNonRoot ?? psc.runAsNonRoot) !== true) errors.push(`${cid}: runAsNonRoot must be true`);
    if ((sc.runAsUser ?? psc.runAsUser) === 0) errors.push(`${cid}: runs as root (uid 0)`);
    if (sc.allowPrivilegeEscalation !== false) errors.push(`${cid}: allowPrivilegeEscalation must be false`);
    if (sc.privileged) errors.push(`${cid}: privileged is not allowed`);
    if (sc.readOnlyRootFilesystem !== true) errors.push(`${cid}: readOnlyRootFilesystem must be true`);
    if (!(sc.capabilities?.drop ?? []).includes('ALL')) errors.push(`${cid}: capabilities must drop ALL`);
    if ((sc.capabilities?.add ?? []).length > 0) errors.push(`${cid}: capabilities must not be added`);
    if ((sc.seccompProfile?.type ?? psc.seccompProfile?.type) !== 'RuntimeDefault') errors.push(`${cid}: seccompProfile must be RuntimeDefault`);
    const tmp = (c.volumeMounts ?? []).find((m) => m.mountPath === '/tmp');
    if (!tmp || !volumes.get(tmp.name)?.emptyDir) errors.push(`${cid}: /tmp must be an emptyDir mount`);
    if (!/:[\w][\w.-]{0,127}$|@sha256:[0-9a-f]{64}$/.test(c.image ?? '') || /:latest$/.test(c.image)) errors.push(`${cid}: image "${c.image}" needs a fixed tag or digest`);
    const fromConfigMap = (c.envFrom ?? []).filter((e) => e.configMapRef);
    if (fromConfigMap.length === 0) errors.push(`${cid}: config must come from a ConfigMap (envFrom)`);
    for (const e of fromConfigMap) {
      if (!refs.configMaps.has(e.configMapRef.name)) errors.push(`${cid}: ConfigMap ${e.configMapRef.name} is not defined`);
    }
    for (const e of c.env ?? []) {
      if (e.value !== undefined && SENSITIVE.test(e.name) && !POINTER.test(e.name)) errors.push(`${cid}: env ${e.name} has a literal value; use secretKeyRef`);
      if (e.valueFrom?.secretKeyRef && e.valueFrom.secretKeyRef.optional) errors.push(`${cid}: env ${e.name} must not be optional`);
    }
  }
  return errors;
}

function realmErrors(id, o) {
  const errors = [];
  const realm = o.spec.realm ?? {};
  const placeholders = o.spec.placeholders ?? {};
  for (const u of realm.users ?? []) {
    if (!u.serviceAccountClientId) errors.push(`${id}: user "${u.username}" is a person; people come from the agency's directory`);
    if (u.credentials) errors.push(`${id}: user "${u.username}" has credentials`);
  }
  for (const c of realm.clients ?? []) {
    if (c.clientId === 'insyn-demo-cli' || c.clientId?.startsWith('demo-')) errors.push(`${id}: demo client "${c.clientId}" must not be imported`);
    if (c.directAccessGrantsEnabled) errors.push(`${id}: client "${c.clientId}" allows the password grant`);
    if (c.secret !== undefined) {
      const m = PLACEHOLDER.exec(c.secret);
      if (!m) errors.push(`${id}: client "${c.clientId}" has a literal secret; use a placeholder`);
      else if (!placeholders[m[1]]) errors.push(`${id}: client "${c.clientId}" uses undeclared placeholder ${m[1]}`);
    }
  }
  return errors;
}

function selects(selector, labels) {
  if (!selector) return false;
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/** The label selector semantics of NetworkPolicy (matchLabels and matchExpressions). */
export function matches(selector, labels) {
  if (!selector) return true;
  if (!Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v)) return false;
  return (selector.matchExpressions ?? []).every(({ key: k, operator, values = [] }) => {
    switch (operator) {
      case 'In': return k in labels && values.includes(labels[k]);
      case 'NotIn': return !(k in labels) || !values.includes(labels[k]);
      case 'Exists': return k in labels;
      case 'DoesNotExist': return !(k in labels);
      default: return false;
    }
  });
}
