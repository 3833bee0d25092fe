// A small evaluator of NetworkPolicy semantics over a rendered overlay, to prove coverage (every pod is
// isolated for ingress and egress) and the named flows (who may talk to whom, on which port).
// Peers in other namespaces are modelled by their namespace's kubernetes.io/metadata.name label;
// ipBlock peers are treated as outside the cluster.
import { matches } from './policy.js';
import { podSpecOf } from './schemas.js';

/** Every kind of pod the overlay creates, directly or through an operator, with its labels. */
export function podsOf(docs) {
  const pods = [];
  for (const o of docs) {
    const ns = o.metadata?.namespace;
    const spec = podSpecOf(o);
    if (spec) {
      const labels = (o.kind === 'CronJob' ? o.spec.jobTemplate.spec.template.metadata?.labels : o.spec.template.metadata?.labels) ?? {};
      const ports = spec.containers.flatMap((c) => c.ports ?? []);
      pods.push({ name: `${o.kind} ${o.metadata.name}`, ns, labels, ports });
    }
    // Labels the CloudNativePG operator puts on instance pods.
    if (o.kind === 'Cluster' && o.apiVersion.startsWith('postgresql.cnpg.io/')) {
      pods.push({ name: `Cluster ${o.metadata.name}`, ns, labels: { 'cnpg.io/cluster': o.metadata.name, 'cnpg.io/podRole': 'instance' }, ports: [] });
    }
    // Labels the Keycloak operator puts on server pods.
    if (o.kind === 'Keycloak' && o.apiVersion.startsWith('k8s.keycloak.org/')) {
      pods.push({
        name: `Keycloak ${o.metadata.name}`,
        ns,
        labels: { app: 'keycloak', 'app.kubernetes.io/managed-by': 'keycloak-operator', 'app.kubernetes.io/instance': o.metadata.name },
        ports: [],
      });
      // The operator itself is installed in the same namespace (it only watches its own namespace).
      pods.push({ name: 'Keycloak operator', ns, labels: { 'app.kubernetes.io/name': 'keycloak-operator' }, ports: [] });
    }
  }
  return pods;
}

function policies(docs, pod, type) {
  return docs.filter(
    (o) => o.kind === 'NetworkPolicy' && (o.metadata.namespace ?? pod.ns) === pod.ns && matches(o.spec.podSelector, pod.labels) && (o.spec.policyTypes ?? ['Ingress']).includes(type),
  );
}

function peerMatches(peer, target, policyNs) {
  if (peer.ipBlock) return target.external === true;
  if (target.external) return false;
  const nsLabels = { 'kubernetes.io/metadata.name': target.ns };
  if (peer.namespaceSelector) {
    if (!matches(peer.namespaceSelector, nsLabels)) return false;
  } else if (target.ns !== policyNs) {
    return false;
  }
  return peer.podSelector ? matches(peer.podSelector, target.labels ?? {}) : true;
}

function portMatches(rulePorts, port, protocol) {
  if (!rulePorts || rulePorts.length === 0) return true;
  return rulePorts.some((p) => (p.protocol ?? 'TCP') === protocol && (p.port === undefined || p.port === port || (p.endPort !== undefined && port >= p.port && port <= p.endPort)));
}

function direction(docs, pod, type, other, port, protocol) {
  const selecting = policies(docs, pod, type);
  if (selecting.length === 0) return true; // not isolated
  const rulesKey = type === 'Ingress' ? 'ingress' : 'egress';
  const peerKey = type === 'Ingress' ? 'from' : 'to';
  return selecting.some((np) =>
    (np.spec[rulesKey] ?? []).some((rule) => {
      const peers = rule[peerKey];
      const peerOk = !peers || peers.length === 0 || peers.some((p) => peerMatches(p, other, np.metadata.namespace ?? pod.ns));
      return peerOk && portMatches(rule.ports, port, protocol);
    }),
  );
}

/**
 * Whether traffic from `from` to `to` on a port is allowed. A side is a pod from podsOf, a pod in
 * another namespace ({ ns, labels }), or an address outside the cluster ({ external: true }).
 */
export function allowed(docs, from, to, port, protocol = 'TCP') {
  // Only pods of the overlay (those with a name) are governed by its policies.
  const egressOk = from.name ? direction(docs, from, 'Egress', to, port, protocol) : true;
  const ingressOk = to.name ? direction(docs, to, 'Ingress', from, port, protocol) : true;
  return egressOk && ingressOk;
}

/** Pods not isolated for ingress or egress (no NetworkPolicy of that type selects them). */
export function coverageErrors(docs) {
  const errors = [];
  const defaultDeny = docs.some(
    (o) => o.kind === 'NetworkPolicy' && Object.keys(o.spec.podSelector ?? {}).length === 0 && ['Ingress', 'Egress'].every((t) => (o.spec.policyTypes ?? []).includes(t)) && !o.spec.ingress?.length && !o.spec.egress?.length,
  );
  if (!defaultDeny) errors.push('no default-deny NetworkPolicy (empty podSelector, policyTypes Ingress and Egress, no rules)');
  for (const pod of podsOf(docs)) {
    for (const type of ['Ingress', 'Egress']) {
      if (policies(docs, pod, type).length === 0) errors.push(`${pod.name}: no NetworkPolicy isolates it for ${type}`);
    }
  }
  // Every pod selector in a NetworkPolicy (target or same-namespace peer) must match some pod: a stale
  // label silently allows nothing or, worse, protects nothing.
  const pods = podsOf(docs);
  for (const np of docs.filter((o) => o.kind === 'NetworkPolicy')) {
    const sel = np.spec.podSelector;
    if (Object.keys(sel ?? {}).length > 0 && !pods.some((p) => matches(sel, p.labels))) errors.push(`NetworkPolicy ${np.metadata.name}: podSelector matches no pod`);
    for (const rule of [...(np.spec.ingress ?? []).flatMap((r) => r.from ?? []), ...(np.spec.egress ?? []).flatMap((r) => r.to ?? [])]) {
      if (rule.podSelector && !rule.namespaceSelector && !pods.some((p) => matches(rule.podSelector, p.labels))) {
        errors.push(`NetworkPolicy ${np.metadata.name}: peer ${JSON.stringify(rule.podSelector)} matches no pod`);
      }
    }
  }
  return errors;
}

export function podNamed(docs, name) {
  const pod = podsOf(docs).find((p) => p.name === name);
  if (!pod) throw new Error(`no pod ${name}`);
  return pod;
}

