// Insyn's rules for the CloudNativePG databases and the workloads that use them (k8s/README.md,
// "Backup and restore", "Durability", "Capacity"):
// - every Cluster archives WAL through the Barman Cloud plugin to an ObjectStore of the overlay and has a
//   ScheduledBackup through the same plugin;
// - audit-db and recording-db replicate synchronously (quorum of one standby, durability required) once
//   they have standbys, and no Cluster requires more synchronous standbys than it has;
// - the connection pools at their maximum replica count fit the database's max_connections;
// - a Deployment an HPA scales has no spec.replicas (the two would fight on every apply).
const BARMAN = 'barman-cloud.cloudnative-pg.io';
// The databases whose acknowledged writes a failover must not lose: the audit log (a published checkpoint
// must never point past the end of the log) and the recordings' keys (a destroyed key must stay destroyed).
const SYNCHRONOUS = ['audit-db', 'recording-db'];
// PostgreSQL's defaults when a Cluster does not set them.
const PG_DEFAULTS = { max_connections: 100, superuser_reserved_connections: 3, reserved_connections: 0 };
// Connections kept free beyond PostgreSQL's reserved slots: the operator's and the exporter's sessions,
// an operator's psql, a migration running next to the old pods.
const ADMIN_HEADROOM = 10;
// Quarkus's and Keycloak's pool sizes when nothing sets them.
const QUARKUS_POOL_DEFAULT = 20;
const KEYCLOAK_POOL_DEFAULT = 100;

const isCluster = (o) => o.kind === 'Cluster' && o.apiVersion?.startsWith('postgresql.cnpg.io/');

export function databaseErrors(docs) {
  return [...backupErrors(docs), ...durabilityErrors(docs), ...capacityErrors(docs), ...replicaErrors(docs)];
}

function backupErrors(docs) {
  const errors = [];
  const stores = new Set(docs.filter((o) => o.kind === 'ObjectStore').map((o) => o.metadata.name));
  for (const c of docs.filter(isCluster)) {
    const id = `Cluster ${c.metadata.name}`;
    const archiver = (c.spec.plugins ?? []).find((p) => p.name === BARMAN && p.isWALArchiver === true && p.enabled !== false);
    if (!archiver) errors.push(`${id}: no WAL archiving (a plugin ${BARMAN} with isWALArchiver: true)`);
    else if (!stores.has(archiver.parameters?.barmanObjectName)) errors.push(`${id}: WAL archive ObjectStore "${archiver.parameters?.barmanObjectName}" is not defined`);
    if (c.spec.backup) errors.push(`${id}: spec.backup (in-tree Barman) is replaced by the Barman Cloud plugin`);
    const scheduled = docs.some((o) => o.kind === 'ScheduledBackup' && o.spec.cluster?.name === c.metadata.name && o.spec.method === 'plugin' && o.spec.pluginConfiguration?.name === BARMAN && o.spec.suspend !== true);
    if (!scheduled) errors.push(`${id}: no ScheduledBackup through ${BARMAN}`);
  }
  for (const s of docs.filter((o) => o.kind === 'ScheduledBackup')) {
    if (!docs.some((o) => isCluster(o) && o.metadata.name === s.spec.cluster?.name)) errors.push(`ScheduledBackup ${s.metadata.name}: cluster ${s.spec.cluster?.name} is not defined`);
  }
  return errors;
}

function durabilityErrors(docs) {
  const errors = [];
  for (const c of docs.filter(isCluster)) {
    const id = `Cluster ${c.metadata.name}`;
    const sync = c.spec.postgresql?.synchronous;
    const instances = c.spec.instances ?? 1;
    if (sync && sync.dataDurability !== 'preferred' && instances <= sync.number) {
      errors.push(`${id}: ${sync.number} synchronous standby(s) required but only ${instances - 1} standby(s): every write would block`);
    }
    if (SYNCHRONOUS.includes(c.metadata.name) && instances > 1) {
      if (!(sync?.method === 'any' && sync.number >= 1 && sync.dataDurability === 'required')) {
        errors.push(`${id}: must replicate synchronously (postgresql.synchronous: method any, number 1, dataDurability required)`);
      }
      if (instances < 3) errors.push(`${id}: synchronous replication needs 3+ instances so that losing one standby does not stop writes`);
    }
  }
  return errors;
}

/** Every database's connection budget and what may use it, for the check and for the README's table. */
export function connectionBudget(docs) {
  const rows = [];
  for (const c of docs.filter(isCluster)) {
    const p = { ...PG_DEFAULTS, ...Object.fromEntries(Object.entries(c.spec.postgresql?.parameters ?? {}).map(([k, v]) => [k, Number(v)])) };
    const budget = p.max_connections - p.superuser_reserved_connections - p.reserved_connections - ADMIN_HEADROOM;
    const users = [];
    for (const d of docs.filter((o) => o.kind === 'Deployment')) {
      const config = Object.assign({}, ...(d.spec.template.spec.containers ?? []).flatMap((ct) => (ct.envFrom ?? []).map((e) => docs.find((o) => o.kind === 'ConfigMap' && o.metadata.name === e.configMapRef?.name)?.data ?? {})));
      const host = /^jdbc:postgresql:\/\/([^:/]+)/.exec(config.QUARKUS_DATASOURCE_JDBC_URL ?? '')?.[1];
      if (host?.replace(/-(rw|ro|r)$/, '') !== c.metadata.name) continue;
      const hpa = docs.find((o) => o.kind === 'HorizontalPodAutoscaler' && o.spec.scaleTargetRef?.kind === 'Deployment' && o.spec.scaleTargetRef.name === d.metadata.name);
      const replicas = hpa?.spec.maxReplicas ?? d.spec.replicas ?? 1;
      const surge = d.spec.strategy?.type === 'Recreate' ? 0 : Number(d.spec.strategy?.rollingUpdate?.maxSurge ?? 1);
      const pool = Number(config.QUARKUS_DATASOURCE_JDBC_MAX_SIZE ?? QUARKUS_POOL_DEFAULT);
      users.push({ name: `Deployment ${d.metadata.name}`, pods: replicas + surge, pool, explicit: config.QUARKUS_DATASOURCE_JDBC_MAX_SIZE !== undefined });
    }
    for (const k of docs.filter((o) => o.kind === 'Keycloak' && o.spec.db?.host?.replace(/-(rw|ro|r)$/, '') === c.metadata.name)) {
      users.push({ name: `Keycloak ${k.metadata.name}`, pods: k.spec.instances ?? 1, pool: k.spec.db.poolMaxSize ?? KEYCLOAK_POOL_DEFAULT, explicit: k.spec.db.poolMaxSize !== undefined });
    }
    rows.push({ cluster: c.metadata.name, maxConnections: p.max_connections, budget, users, used: users.reduce((n, u) => n + u.pods * u.pool, 0) });
  }
  return rows;
}

function capacityErrors(docs) {
  const errors = [];
  for (const row of connectionBudget(docs)) {
    for (const u of row.users.filter((x) => !x.explicit)) errors.push(`${u.name}: pool size of ${row.cluster} not set (QUARKUS_DATASOURCE_JDBC_MAX_SIZE / spec.db.poolMaxSize); the default may not fit`);
    if (row.used > row.budget) {
      const sum = row.users.map((u) => `${u.name} ${u.pods} pods x ${u.pool}`).join(' + ');
      errors.push(`Cluster ${row.cluster}: pools need ${row.used} connections (${sum}) but max_connections ${row.maxConnections} leaves ${row.budget} after reserved slots and headroom`);
    }
  }
  return errors;
}

function replicaErrors(docs) {
  return docs
    .filter((d) => d.kind === 'Deployment' && d.spec.replicas !== undefined)
    .filter((d) => docs.some((o) => o.kind === 'HorizontalPodAutoscaler' && o.spec.scaleTargetRef?.kind === 'Deployment' && o.spec.scaleTargetRef.name === d.metadata.name))
    .map((d) => `Deployment ${d.metadata.name}: spec.replicas is set but an HPA owns the replica count; remove it`);
}
