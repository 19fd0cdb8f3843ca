/**
 * Pruning (apiextensions-apiserver's pkg/apiserver/schema/pruning): fields a structural schema
 * does not declare are dropped, except under `x-kubernetes-preserve-unknown-fields`. apiVersion,
 * kind and metadata of the resource root and of embedded resources are not the schema's to prune;
 * metadata keeps only ObjectMeta's fields, as decoding into ObjectMeta would.
 */
import { isObject, itemsOf, MAX_DEPTH, mapValueSchema, type JSONObject, type Schema } from './schema.js';

/** ObjectMeta's JSON fields: anything else under a resource's metadata is dropped. */
export const OBJECT_META_FIELDS: ReadonlySet<string> = new Set([
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
]);

const child = (name: string, k: string): string => (name === '' ? k : `${name}.${k}`);

/**
 * Removes, in place, the fields `schema` does not declare and returns their paths
 * (`spec.foo`, `spec.list[0].bar`), which the tier reports as unknown-field warnings.
 */
export function prune(obj: unknown, schema: Schema, isResourceRoot = true): string[] {
  const pruned: string[] = [];
  pruneValue(obj, schema, isResourceRoot, '', pruned, 0);
  return pruned;
}

function pruneValue(x: unknown, s: Schema | undefined, resource: boolean, name: string, pruned: string[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(x)) {
    const items = s ? itemsOf(s) : undefined;
    if (!items) return;
    x.forEach((v, i) => pruneValue(v, items, items['x-kubernetes-embedded-resource'] === true, `${name}[${i}]`, pruned, depth + 1));
    return;
  }
  if (!isObject(x) || !s) return;
  const preserve = s['x-kubernetes-preserve-unknown-fields'] === true;
  const props = s.properties ?? {};
  const rest = mapValueSchema(s);
  for (const k of Object.keys(x)) {
    if (resource && (k === 'apiVersion' || k === 'kind')) continue;
    if (resource && k === 'metadata') {
      pruneObjectMeta(x[k], child(name, k), pruned);
      continue;
    }
    const p = props[k] ?? rest;
    if (p) pruneValue(x[k], p, p['x-kubernetes-embedded-resource'] === true, child(name, k), pruned, depth + 1);
    else if (!preserve && s.additionalProperties !== true) {
      delete x[k];
      pruned.push(child(name, k));
    }
  }
}

function pruneObjectMeta(meta: unknown, name: string, pruned: string[]): void {
  if (!isObject(meta)) return;
  for (const k of Object.keys(meta)) {
    if (!OBJECT_META_FIELDS.has(k)) {
      delete (meta as JSONObject)[k];
      pruned.push(child(name, k));
    }
  }
}
