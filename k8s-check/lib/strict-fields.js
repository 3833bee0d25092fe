// Strict field validation, as `kubectl apply` (field validation "Strict") and the API server do it:
// a field that the object's type does not define is an error, not silently dropped.
//
// The ajv validators shipped by kubernetes-models check types, formats and required fields but accept
// unknown fields. The same packages ship TypeScript declarations generated from the same OpenAPI
// schemas, one interface per definition; this module reads those declarations to learn which fields
// each type has and walks an object against them.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const nodeModules = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules');
const cache = new Map();

/** Parses one .d.ts file into { fields: Map<name, type> } or null when it declares no interface. */
function loadType(file) {
  if (cache.has(file)) return cache.get(file);
  const text = readFileSync(file, 'utf8');
  const imports = new Map();
  for (const m of text.matchAll(/import \{ (\w+) \} from "([^"]+)";/g)) {
    imports.set(m[1], resolveImport(file, m[2]));
  }
  const body = text.match(/export interface \w+(?: extends [\w, ]+)? \{\n([\s\S]*?)\n\}/);
  let type = null;
  if (body) {
    const fields = new Map();
    const lines = body[1].split('\n');
    for (let i = 0; i < lines.length; i++) {
      const m = lines[i].match(/^ {4}"([^"]+)"\??: (.*)$/);
      if (!m) continue;
      let decl = m[2];
      if (decl === '{') {
        // A map: `{ [key: string]: T; }` over several lines.
        const valueLine = lines[i + 1] ?? '';
        const v = valueLine.match(/\[key: string\]: (.*);$/);
        decl = { map: v ? v[1] : 'unknown' };
      } else {
        decl = decl.replace(/;$/, '');
      }
      fields.set(m[1], decl);
    }
    type = { fields, imports };
  }
  cache.set(file, type);
  return type;
}

function resolveImport(fromFile, spec) {
  const base = spec.startsWith('.') ? resolve(dirname(fromFile), spec) : join(nodeModules, spec);
  return base.replace(/\.js$/, '') + '.d.ts';
}

/** The declaration file of a model class, e.g. ('kubernetes-models', 'apps/v1/Deployment'). */
export function typeFileFor(pkg, modulePath) {
  const file = join(nodeModules, pkg, modulePath + '.d.ts');
  return existsSync(file) ? file : null;
}

/** Returns the paths of fields the type does not define (empty when every field is known). */
export function unknownFields(value, typeFile, path = '') {
  const type = loadType(typeFile);
  if (!type || value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const errors = [];
  for (const [key, child] of Object.entries(value)) {
    const childPath = `${path}/${key}`;
    if (!type.fields.has(key)) {
      errors.push(`${childPath}: unknown field "${key}"`);
      continue;
    }
    errors.push(...walk(child, type.fields.get(key), type.imports, childPath));
  }
  return errors;
}

function walk(value, decl, imports, path) {
  if (value === null || value === undefined) return [];
  if (typeof decl === 'object' && decl.map) {
    const ref = referencedType(decl.map, imports);
    if (!ref || typeof value !== 'object') return [];
    return Object.entries(value).flatMap(([k, v]) => walkRef(v, ref, `${path}/${k}`));
  }
  const array = decl.match(/^Array<(.*)>$/);
  if (array) {
    const ref = referencedType(array[1], imports);
    if (!ref || !Array.isArray(value)) return [];
    return value.flatMap((item, i) => walkRef(item, ref, `${path}/${i}`));
  }
  const ref = referencedType(decl, imports);
  return ref ? walkRef(value, ref, path) : [];
}

function walkRef(value, file, path) {
  return Array.isArray(value) ? [] : unknownFields(value, file, path);
}

function referencedType(decl, imports) {
  const name = decl.trim();
  return imports.get(name) ?? null;
}
