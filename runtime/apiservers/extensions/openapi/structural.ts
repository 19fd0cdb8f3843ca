/**
 * A CRD version's schema as apiextensions-apiserver publishes it: only what a structural schema
 * holds (pkg/apiserver/schema's `Structural` and `ToKubeOpenAPI`), with
 * `x-kubernetes-int-or-string` unfolded into the `anyOf` it stands for.
 *
 * A structural schema keeps the generic keywords (type, description, title, default, nullable,
 * properties, items, additionalProperties), the Kubernetes extensions and the value validations;
 * it has nowhere to put `example`, `externalDocs`, `id`, `$schema`, `$ref`, `definitions`,
 * `dependencies`, `patternProperties` or `additionalItems`, so they never reach the documents.
 */
import { isObject, MAX_DEPTH, type Schema } from '../schema/schema.js';

/** One published schema object, as JSON. */
export type PublishedSchema = Record<string, unknown>;

/** The value validations (kube-openapi's ValueValidation), which junctors may also carry. */
const VALUE_VALIDATION = [
  'format',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'multipleOf',
  'enum',
  'maxProperties',
  'minProperties',
  'required',
] as const;

const JUNCTORS = ['allOf', 'oneOf', 'anyOf'] as const;

const INT_OR_STRING_ANY_OF: readonly PublishedSchema[] = [{ type: 'integer' }, { type: 'string' }];

const isIntOrStringAnyOf = (anyOf: unknown): boolean =>
  Array.isArray(anyOf) && anyOf.length === 2 && isObject(anyOf[0]) && isObject(anyOf[1]) && anyOf[0]['type'] === 'integer' && anyOf[1]['type'] === 'string' && Object.keys(anyOf[0]).length === 1 && Object.keys(anyOf[1]).length === 1;

/** The published form of `schema`: the structural part, extensions and value validations, int-or-string unfolded. */
export function toPublishedSchema(schema: Schema): PublishedSchema {
  return structural(schema, 0);
}

function structural(s: Schema, depth: number): PublishedSchema {
  if (depth > MAX_DEPTH) return {};
  const out: PublishedSchema = {};
  if (s.description) out['description'] = s.description;
  if (s.type) out['type'] = s.type;
  if (s.title) out['title'] = s.title;
  if (s.default !== undefined) out['default'] = s.default;
  if (s.nullable) out['nullable'] = true;
  if (s.properties) {
    out['properties'] = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, structural(v, depth + 1)]));
  }
  if (isObject(s.items)) out['items'] = structural(s.items as Schema, depth + 1);
  if (typeof s.additionalProperties === 'boolean') out['additionalProperties'] = s.additionalProperties;
  else if (isObject(s.additionalProperties)) out['additionalProperties'] = structural(s.additionalProperties as Schema, depth + 1);
  Object.assign(out, valueValidation(s, depth));
  if (s['x-kubernetes-preserve-unknown-fields']) out['x-kubernetes-preserve-unknown-fields'] = true;
  if (s['x-kubernetes-embedded-resource']) out['x-kubernetes-embedded-resource'] = true;
  if (s['x-kubernetes-int-or-string']) out['x-kubernetes-int-or-string'] = true;
  if ((s['x-kubernetes-list-map-keys'] ?? []).length > 0) out['x-kubernetes-list-map-keys'] = [...s['x-kubernetes-list-map-keys']!];
  if (s['x-kubernetes-list-type'] !== undefined) out['x-kubernetes-list-type'] = s['x-kubernetes-list-type'];
  if (s['x-kubernetes-map-type'] !== undefined) out['x-kubernetes-map-type'] = s['x-kubernetes-map-type'];
  if ((s['x-kubernetes-validations'] ?? []).length > 0) out['x-kubernetes-validations'] = s['x-kubernetes-validations']!.map((r) => ({ ...r }));
  if (s['x-kubernetes-int-or-string']) unfoldIntOrString(out);
  return out;
}

/**
 * The value validations of a node, junctors included. A schema under a junctor is published with
 * whatever it says (upstream keeps even the generic keywords structural validation forbids there,
 * such as the `type`s of the int-or-string `anyOf`).
 */
function valueValidation(s: Schema, depth: number): PublishedSchema {
  const out: PublishedSchema = {};
  for (const key of VALUE_VALIDATION) {
    const v = (s as Record<string, unknown>)[key];
    if (v === undefined || v === false || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[key] = Array.isArray(v) ? [...v] : v;
  }
  for (const key of JUNCTORS) {
    const list = s[key];
    if (list && list.length > 0) out[key] = list.map((n) => structural(n, depth + 1));
  }
  if (s.not) out['not'] = structural(s.not, depth + 1);
  return out;
}

/**
 * `x-kubernetes-int-or-string` says "an integer or a string"; clients that do not know the
 * extension read it from `anyOf: [{type: integer}, {type: string}]`, added unless the schema
 * already says so (as `anyOf`, or as the first `allOf`'s `anyOf`). An existing `anyOf` is kept
 * and the pair goes first in `allOf`.
 */
function unfoldIntOrString(out: PublishedSchema): void {
  const allOf = out['allOf'] as PublishedSchema[] | undefined;
  if (isIntOrStringAnyOf(out['anyOf']) || (allOf && allOf.length > 0 && isIntOrStringAnyOf(allOf[0]['anyOf']))) return;
  const pair = INT_OR_STRING_ANY_OF.map((s) => ({ ...s }));
  if (out['anyOf'] === undefined) out['anyOf'] = pair;
  else out['allOf'] = [{ anyOf: pair }, ...(allOf ?? [])];
}
