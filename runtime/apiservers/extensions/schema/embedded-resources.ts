/**
 * Embedded resources (`x-kubernetes-embedded-resource: true`) below the root are objects of their
 * own: apiVersion and kind are required and well formed, and metadata is a valid ObjectMeta with
 * path-segment names (apiextensions-apiserver's pkg/apiserver/schema/objectmeta/validation.go).
 */
import type { ObjectMeta } from '../../../../api-definitions/meta/v1/types.js';
import { isDNS1035Label } from '../../../machinery/validation/content.js';
import { invalid, required, type FieldError } from '../../../machinery/validation/field.js';
import { nameIsPathSegment } from '../../../machinery/validation/names.js';
import { validateObjectMeta } from '../../../machinery/validation/objectmeta.js';
import { newPath, type FieldPath } from '../../../machinery/validation/path.js';
import { isObject, itemsOf, MAX_DEPTH, mapValueSchema, type JSONObject, type Schema } from './schema.js';

/** Errors of the embedded resources within `obj` (the resource root itself is the tier's to check). */
export function validateEmbeddedResources(obj: unknown, schema: Schema): FieldError[] {
  const errs: FieldError[] = [];
  const walk = (x: unknown, s: Schema | undefined, path: FieldPath | undefined, depth: number) => {
    if (!s || depth > MAX_DEPTH) return;
    if (Array.isArray(x)) {
      const items = itemsOf(s);
      x.forEach((v, i) => walk(v, items, path ? path.index(i) : undefined, depth + 1));
      return;
    }
    if (!isObject(x)) return;
    if (path && s['x-kubernetes-embedded-resource'] === true) errs.push(...validateEmbedded(path, x));
    const rest = mapValueSchema(s);
    for (const [k, v] of Object.entries(x)) {
      const p = s.properties?.[k];
      if (p) walk(v, p, path ? path.child(k) : newPath(k), depth + 1);
      else if (rest) walk(v, rest, path ? path.key(k) : newPath(k), depth + 1);
    }
  };
  walk(obj, schema, undefined, 0);
  return errs;
}

function parseGroupVersion(gv: string): string | undefined {
  if (gv === '' || gv === '/') return undefined;
  const parts = gv.split('/');
  return parts.length <= 2 ? undefined : `unexpected GroupVersion string: ${gv}`;
}

function validateEmbedded(path: FieldPath, x: JSONObject): FieldError[] {
  const errs: FieldError[] = [];
  if (!('apiVersion' in x)) errs.push(required(path.child('apiVersion'), 'must not be empty'));
  if (!('kind' in x)) errs.push(required(path.child('kind'), 'must not be empty'));
  const apiVersion = x['apiVersion'];
  if ('apiVersion' in x) {
    if (typeof apiVersion !== 'string') errs.push(invalid(path.child('apiVersion'), apiVersion, 'must be a string'));
    else if (apiVersion === '') errs.push(invalid(path.child('apiVersion'), apiVersion, 'must not be empty'));
    else {
      const problem = parseGroupVersion(apiVersion);
      if (problem) errs.push(invalid(path.child('apiVersion'), apiVersion, problem));
    }
  }
  const kind = x['kind'];
  if ('kind' in x) {
    if (typeof kind !== 'string') errs.push(invalid(path.child('kind'), kind, 'must be a string'));
    else if (kind === '') errs.push(invalid(path.child('kind'), kind, 'must not be empty'));
    else {
      const problems = isDNS1035Label(kind.toLowerCase());
      if (problems.length > 0) errs.push(invalid(path.child('kind'), kind, `may have mixed case, but should otherwise match: ${problems.join(',')}`));
    }
  }
  const metadata = x['metadata'];
  if (metadata !== undefined) {
    if (!isObject(metadata)) errs.push(invalid(path.child('metadata'), metadata, 'must be an object'));
    else {
      const meta = { ...(metadata as ObjectMeta) };
      if (!meta.name) meta.name = 'fakename';
      errs.push(...validateObjectMeta(meta, { namespaced: Boolean(meta.namespace), nameFn: nameIsPathSegment, path: path.child('metadata') }));
    }
  }
  return errs;
}
