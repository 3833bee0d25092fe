// The insyn_* metrics the services export, read from their sources (the Micrometer meters they register),
// so that an alert can only be written over a metric that exists: Prometheus evaluates an expression over
// a missing series as empty, and an alert on a name nobody exports never fires.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function javaFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? javaFiles(join(dir, e.name)) : e.name.endsWith('.java') ? [join(dir, e.name)] : []));
}

// Micrometer's Prometheus naming: dots become underscores; counters get _total; timers are in seconds.
const SUFFIXES = { counter: ['_total'], gauge: [''], timer: ['_seconds_count', '_seconds_sum', '_seconds_max', '_seconds_bucket'] };
const REGISTRATIONS = [
  [/\.(counter|gauge|timer)\(\s*"(insyn\.[a-z0-9.]+)"/g, (m) => [m[1], m[2]]],
  [/\b(Counter|Gauge|Timer)\.builder\(\s*"(insyn\.[a-z0-9.]+)"/g, (m) => [m[1].toLowerCase(), m[2]]],
  [/@(Counted|Timed)\(\s*(?:value\s*=\s*)?"(insyn\.[a-z0-9.]+)"/g, (m) => [m[1] === 'Counted' ? 'counter' : 'timer', m[2]]],
];

/** Prometheus names of every insyn.* meter registered in a module's src/main. */
export function exportedMetrics() {
  const names = new Set();
  const modules = readdirSync(repo, { withFileTypes: true }).filter((e) => e.isDirectory());
  for (const m of modules) {
    for (const file of javaFiles(join(repo, m.name, 'src', 'main', 'java'))) {
      const text = readFileSync(file, 'utf8');
      for (const [re, parse] of REGISTRATIONS) {
        for (const match of text.matchAll(re)) {
          const [type, name] = parse(match);
          for (const suffix of SUFFIXES[type]) names.add(name.replaceAll('.', '_') + suffix);
        }
      }
    }
  }
  return names;
}

/** Alerts over insyn_* series that no service exports. */
export function alertErrors(docs, exported = exportedMetrics()) {
  const errors = [];
  for (const r of docs.filter((o) => o.kind === 'PrometheusRule')) {
    for (const rule of (r.spec.groups ?? []).flatMap((g) => g.rules ?? [])) {
      for (const [name] of String(rule.expr).matchAll(/\binsyn_[a-z0-9_]+/g)) {
        if (!exported.has(name)) errors.push(`PrometheusRule ${r.metadata.name}: ${rule.alert ?? rule.record} uses ${name}, which no service exports`);
      }
    }
  }
  return errors;
}
