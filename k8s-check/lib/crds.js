// Validation of custom resources against the operators' own CustomResourceDefinitions (k8s-check/crds/,
// copied unmodified from upstream; see crds/README.md), the way the API server validates them:
// - the openAPIV3Schema of the served version, structural: types, enums, required fields, patterns,
//   bounds, formats;
// - strict on unknown fields, as `kubectl apply` (field validation "Strict") is: an object schema with
//   `properties` accepts no other field unless it says x-kubernetes-preserve-unknown-fields;
// - a version with `served: false` is not accepted at all.
// Not evaluated offline: the CEL rules (x-kubernetes-validations), list-map key uniqueness, defaults.
// Where a CRD in crds/ is older than the operator a field needs, crds-overlays/ adds that field (each
// overlay says which upstream release the field comes from); the CRD files stay byte-for-byte upstream.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parseAllDocuments } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// CRD patterns are Go (RE2) regular expressions; the one construct JavaScript lacks is an inline flag
// group at the start, such as ^(?i), which becomes a RegExp flag.
function goRegExp(pattern, flags) {
  const inline = /^(\^?)\(\?([ims]+)\)/.exec(pattern);
  return inline ? new RegExp(inline[1] + pattern.slice(inline[0].length), flags + inline[2]) : new RegExp(pattern, flags);
}
goRegExp.code = 'goRegExp';

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, unicodeRegExp: false, code: { regExp: goRegExp } });
addFormats(ajv, ['date-time', 'ipv4', 'ipv6', 'byte']);
ajv.addFormat('int32', { type: 'number', validate: (n) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
ajv.addFormat('int64', { type: 'number', validate: (n) => Number.isInteger(n) });

// The OpenAPI keywords that become JSON-schema keywords unchanged; anything else that is not handled
// below fails loudly, so that a new upstream CRD with a new keyword cannot be half-checked in silence.
const KEPT = ['type', 'enum', 'required', 'pattern', 'minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties', 'uniqueItems', 'format', 'multipleOf'];
const DROPPED = ['description', 'default', 'example', 'x-kubernetes-validations', 'x-kubernetes-list-type', 'x-kubernetes-list-map-keys', 'x-kubernetes-map-type', 'x-kubernetes-int-or-string', 'x-kubernetes-preserve-unknown-fields', 'nullable', 'exclusiveMinimum', 'exclusiveMaximum'];

/** An OpenAPI v3 structural schema as a JSON schema (draft-07) that ajv validates strictly. */
export function toJsonSchema(s, path = '#') {
  const out = {};
  for (const [k, v] of Object.entries(s)) {
    if (KEPT.includes(k)) out[k] = v;
    else if (k === 'properties') out.properties = Object.fromEntries(Object.entries(v).map(([p, c]) => [p, toJsonSchema(c, `${path}/${p}`)]));
    else if (k === 'items') out.items = toJsonSchema(v, `${path}/items`);
    else if (k === 'additionalProperties') out.additionalProperties = typeof v === 'boolean' ? v : toJsonSchema(v, `${path}/*`);
    else if (['anyOf', 'allOf', 'oneOf'].includes(k)) out[k] = v.map((c, i) => toJsonSchema(c, `${path}/${k}${i}`));
    else if (k === 'not') out.not = toJsonSchema(v, `${path}/not`);
    else if (!DROPPED.includes(k)) throw new Error(`${path}: unsupported schema keyword "${k}"`);
  }
  // OpenAPI 3.0 has boolean exclusive bounds; JSON schema has numeric ones.
  if (s.exclusiveMinimum === true) [out.exclusiveMinimum, out.minimum] = [s.minimum, undefined];
  if (s.exclusiveMaximum === true) [out.exclusiveMaximum, out.maximum] = [s.maximum, undefined];
  if (out.minimum === undefined) delete out.minimum;
  if (out.maximum === undefined) delete out.maximum;
  if (s['x-kubernetes-int-or-string']) {
    // String keywords (a quantity's pattern) apply to the string form only, as in the API server.
    const str = { type: 'string' };
    for (const k of ['pattern', 'minLength', 'maxLength', 'format']) {
      if (out[k] !== undefined) str[k] = out[k];
      delete out[k];
    }
    delete out.type;
    out.anyOf = [{ type: 'integer' }, str];
  }
  if (s.nullable && out.type) out.type = [out.type, 'null'];
  const preserve = s['x-kubernetes-preserve-unknown-fields'] === true;
  // An object schema without x-kubernetes-preserve-unknown-fields keeps only the fields it declares (the API
  // server prunes, or with strict field validation refuses, the rest), even when it declares none.
  if (out.type === 'object' || out.properties) {
    if (out.additionalProperties === undefined && !preserve) out.additionalProperties = false;
  }
  // ajv's strict mode wants the type of a keyword's subject stated; the API server implies "object".
  if ((out.properties || out.additionalProperties !== undefined || out.required) && out.type === undefined && !out.anyOf) out.type = 'object';
  return out;
}

function readYamlObjects(file) {
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map((d) => d.toJS())
    .filter((o) => o && o.kind === 'CustomResourceDefinition');
}

/** Every version of every CRD in a directory of project folders: `${group}/${version}/${kind}` -> entry. */
export function loadCrds(dir = join(root, 'crds')) {
  const byKey = new Map();
  for (const project of readdirSync(dir)) {
    const p = join(dir, project);
    if (!statSync(p).isDirectory()) continue;
    for (const file of readdirSync(p)) {
      for (const crd of readYamlObjects(join(p, file))) {
        for (const v of crd.spec.versions) {
          const key = `${crd.spec.group}/${v.name}/${crd.spec.names.kind}`;
          byKey.set(key, { crd: crd.metadata.name, file: `${project}/${file}`, served: v.served === true, schema: v.schema.openAPIV3Schema });
        }
      }
    }
  }
  return byKey;
}

/** Overlays: { group, version, kind, pointer, properties, source } add properties at a JSON pointer of a schema. */
export function applyOverlays(byKey, dir = join(root, 'crds-overlays')) {
  if (!existsSync(dir)) return;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const o = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const entry = byKey.get(`${o.group}/${o.version}/${o.kind}`);
    if (!entry) throw new Error(`crds-overlays/${file}: no CRD for ${o.group}/${o.version} ${o.kind}`);
    let node = entry.schema;
    for (const part of o.pointer.split('/').slice(1)) node = node?.[part];
    if (!node?.properties) throw new Error(`crds-overlays/${file}: ${o.pointer} is not an object schema with properties`);
    for (const [name, schema] of Object.entries(o.properties)) {
      if (node.properties[name]) throw new Error(`crds-overlays/${file}: ${o.pointer}/${name} exists upstream; remove the overlay`);
      node.properties[name] = schema;
    }
  }
}

const crds = loadCrds();
applyOverlays(crds);
const compiled = new Map();

/** A validator of whole resources from a CRD version's openAPIV3Schema. */
export function compileResource(openApiSchema) {
  const schema = toJsonSchema(openApiSchema);
  // The API server gives every custom resource apiVersion, kind and metadata whether or not the CRD
  // lists them (Fabric8-generated CRDs such as Keycloak's do not); metadata is checked as ObjectMeta
  // elsewhere.
  schema.properties = { ...schema.properties, apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' } };
  return ajv.compile(schema);
}

/** The CRD that defines an apiVersion/kind, or undefined. */
export function crdFor(apiVersion, kind) {
  return crds.get(`${apiVersion}/${kind}`);
}

/** Errors of one custom resource against its CRD (without metadata, which is ObjectMeta for every kind). */
export function crdErrors(obj) {
  const key = `${obj.apiVersion}/${obj.kind}`;
  const entry = crds.get(key);
  if (!entry.served) return [`${obj.apiVersion} is not served by ${entry.crd} (served: false)`];
  if (!compiled.has(key)) compiled.set(key, compileResource(entry.schema));
  const validate = compiled.get(key);
  if (validate(obj)) return [];
  return validate.errors.map((e) => {
    if (e.keyword === 'additionalProperties') return `${e.instancePath}/${e.params.additionalProperty}: unknown field "${e.params.additionalProperty}" (${entry.file})`;
    return `${e.instancePath || '/'} ${e.message}${e.params?.allowedValues ? ` (${e.params.allowedValues.join(', ')})` : ''} (${entry.file})`;
  });
}
