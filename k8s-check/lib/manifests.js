// Rendering with the Kustomize built into kubectl (a real Kustomize implementation) and YAML parsing.
import { execFileSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';

export function parseYaml(text) {
  return parseAllDocuments(text)
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(doc.errors.map((e) => e.message).join('; '));
      return doc.toJS();
    })
    .filter((o) => o !== null && o !== undefined);
}

/** Renders a Kustomize directory; throws with kustomize's message when it does not build. */
export function render(dir) {
  const out = execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return parseYaml(out);
}
