// All checks of one set of objects: what the API server would reject, then Insyn's policy.
import { schemaErrors } from './schemas.js';
import { workloadErrors } from './policy.js';
import { coverageErrors } from './network.js';
import { databaseErrors } from './databases.js';
import { alertErrors } from './metrics.js';

export async function allErrors(docs) {
  const errors = [];
  for (const o of docs) errors.push(...(await schemaErrors(o)));
  errors.push(...workloadErrors(docs));
  errors.push(...databaseErrors(docs));
  errors.push(...alertErrors(docs));
  errors.push(...coverageErrors(docs));
  errors.push(...externalSecretErrors(docs));
  return errors;
}

/** An ExternalSecret must write a Secret the overlay uses: a misspelt target leaves the pods without it. */
function externalSecretErrors(docs) {
  const used = new Set(referencedSecrets(docs));
  return docs
    .filter((o) => o.kind === 'ExternalSecret' && !used.has(o.spec.target?.name ?? o.metadata.name))
    .map((o) => `ExternalSecret ${o.metadata.name}: target Secret ${o.spec.target?.name ?? o.metadata.name} is not used by any object`);
}

/** Names of the Secrets a set of objects references (by secretKeyRef, volume or CR field). */
export function referencedSecrets(docs) {
  const names = new Set();
  const visit = (v, parentKey) => {
    if (Array.isArray(v)) return v.forEach((x) => visit(x, parentKey));
    if (v === null || typeof v !== 'object') return;
    for (const [k, child] of Object.entries(v)) {
      if ((['secretKeyRef', 'usernameSecret', 'passwordSecret', 'accessKeyId', 'secretAccessKey'].includes(k) || (k === 'secret' && parentKey === 'placeholder')) && child?.name) names.add(child.name);
      if (k === 'secret' && child?.secretName) names.add(child.secretName);
      if (k === 'tlsSecret' && typeof child === 'string') names.add(child);
      visit(child, k === 'placeholders' ? 'placeholders' : parentKey === 'placeholders' ? 'placeholder' : k);
    }
  };
  docs.forEach((d) => visit(d, ''));
  return [...names].sort();
}
