/**
 * The structural-schema rules of apiextensions-apiserver (pkg/apiserver/schema/validation.go and
 * completeness.go): every specified field has a type, logic junctors (allOf/anyOf/oneOf/not) only
 * add value validation to fields the structural part already declares, metadata may only restrict
 * name and generateName, and the Kubernetes extensions are used consistently.
 */
import { semanticEqual } from '../../../machinery/validation/equality.js';
import { forbidden, invalid, required, type FieldError } from '../../../machinery/validation/field.js';
import type { FieldPath } from '../../../machinery/validation/path.js';
import { fieldErrorString } from '../../../machinery/errors.js';
import { compileRegexp } from './regexp.js';
import { additionalPropertiesOf, itemsOf, MAX_DEPTH, mapValueSchema, type Schema } from './schema.js';

type Level = 'root' | 'item' | 'field';

const INT_OR_STRING_ANY_OF: readonly Schema[] = [{ type: 'integer' }, { type: 'string' }];

const isIntOrStringAnyOf = (anyOf: readonly Schema[] | undefined): boolean =>
  anyOf !== undefined && anyOf.length === 2 && semanticEqual(anyOf, INT_OR_STRING_ANY_OF);

/** Every structural error of a schema, sorted by their text as upstream sorts them. */
export function validateStructural(schema: Schema, path: FieldPath): FieldError[] {
  const errs = [...invariants(schema, 'root', path, 0), ...completeness(schema, schema, path, path, 0)];
  return errs
    .map((e) => [fieldErrorString(e), e] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([, e]) => e);
}

function invariants(s: Schema | undefined, lvl: Level, path: FieldPath, depth: number): FieldError[] {
  if (!s) return [];
  if (depth > MAX_DEPTH) return [forbidden(path, `must not be nested more than ${MAX_DEPTH} levels deep`)];
  const errs: FieldError[] = [];
  const type = s.type ?? '';
  const items = itemsOf(s);
  if (type === 'array' && !items) errs.push(required(path.child('items'), 'must be specified'));
  errs.push(...invariants(items, 'item', path.child('items'), depth + 1));
  for (const [k, v] of Object.entries(s.properties ?? {})) errs.push(...invariants(v, 'field', path.child('properties').key(k), depth + 1));
  if (additionalPropertiesOf(s) !== undefined) {
    if (lvl === 'root') errs.push(forbidden(path.child('additionalProperties'), 'must not be used at the root'));
    errs.push(...invariants(mapValueSchema(s), 'field', path.child('additionalProperties'), depth + 1));
  }
  const xIntOrString = s['x-kubernetes-int-or-string'] === true;
  const xPreserve = s['x-kubernetes-preserve-unknown-fields'] === true;
  const xEmbedded = s['x-kubernetes-embedded-resource'] === true;
  if (xIntOrString && xPreserve) {
    errs.push(invalid(path.child('x-kubernetes-preserve-unknown-fields'), true, 'must be false if x-kubernetes-int-or-string is true'));
  }
  if (xIntOrString && xEmbedded) {
    errs.push(invalid(path.child('x-kubernetes-embedded-resource'), true, 'must be false if x-kubernetes-int-or-string is true'));
  }
  const skipAnyOf = isIntOrStringAnyOf(s.anyOf);
  const skipFirstAllOfAnyOf = (s.allOf?.length ?? 0) >= 1 && isIntOrStringAnyOf(s.allOf![0].anyOf);
  errs.push(...junctors(s, skipAnyOf, skipFirstAllOfAnyOf, lvl, path, true, depth));

  const checkMetadata = lvl === 'root' || xEmbedded;
  if (xEmbedded && type !== 'object') {
    if (type === '') errs.push(required(path.child('type'), 'must be object if x-kubernetes-embedded-resource is true'));
    else errs.push(invalid(path.child('type'), type, 'must be object if x-kubernetes-embedded-resource is true'));
  } else if (type === '' && !xIntOrString && !xPreserve) {
    const where = { root: 'at the root', item: 'for specified array items', field: 'for specified object fields' }[lvl];
    errs.push(required(path.child('type'), `must not be empty ${where}`));
  }
  if (xEmbedded && additionalPropertiesOf(s) !== undefined) {
    errs.push(forbidden(path.child('additionalProperties'), 'must not be used if x-kubernetes-embedded-resource is set'));
  }
  if (lvl === 'root' && type !== '' && type !== 'object') errs.push(invalid(path.child('type'), type, 'must be object at the root'));
  const props = s.properties ?? {};
  for (const name of ['kind', 'apiVersion']) {
    if (checkMetadata && props[name] && props[name].type !== 'string') {
      errs.push(invalid(path.child('properties').key(name).child('type'), props[name].type ?? '', 'must be string'));
    }
  }
  if (props['metadata']) errs.push(...metadataInvariants(props['metadata'], checkMetadata, lvl, path.child('properties').key('metadata')));
  if (xEmbedded && !xPreserve && Object.keys(props).length === 0) {
    errs.push(required(path.child('properties'), 'must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields'));
  }
  return errs;
}

/** The metadata of a resource is ObjectMeta: a schema may only say something about name and generateName. */
function metadataInvariants(m: Schema, checkMetadata: boolean, lvl: Level, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (checkMetadata && m.type !== 'object') errs.push(invalid(path.child('type'), m.type ?? '', 'must be object'));
  if (lvl === 'root') {
    const rest: Record<string, unknown> = { ...m };
    delete rest['type'];
    delete rest['default'];
    const names = Object.keys(m.properties ?? {});
    const onlyNames = names.length > 0 && names.every((n) => n === 'name' || n === 'generateName');
    if (onlyNames) delete rest['properties'];
    if (Object.keys(rest).length > 0) {
      errs.push(forbidden(path, 'must not specify anything other than name and generateName, but metadata is implicitly specified'));
    }
  }
  return errs;
}

/** allOf/anyOf/oneOf/not of a schema (only allOf may carry CEL rules), and a valid `pattern`. */
function junctors(s: Schema, skipAnyOf: boolean, skipFirstAllOfAnyOf: boolean, lvl: Level, path: FieldPath, _top: boolean, depth: number): FieldError[] {
  const errs: FieldError[] = [];
  if (!skipAnyOf) (s.anyOf ?? []).forEach((v, i) => errs.push(...nested(v, false, lvl, path.child('anyOf').index(i), false, depth + 1)));
  (s.allOf ?? []).forEach((v, i) => errs.push(...nested(v, skipFirstAllOfAnyOf && i === 0, lvl, path.child('allOf').index(i), true, depth + 1)));
  (s.oneOf ?? []).forEach((v, i) => errs.push(...nested(v, false, lvl, path.child('oneOf').index(i), false, depth + 1)));
  if (s.not) errs.push(...nested(s.not, false, lvl, path.child('not'), false, depth + 1));
  if (s.pattern !== undefined && s.pattern !== '') {
    const re = compileRegexp(s.pattern);
    if (re instanceof Error) errs.push(invalid(path.child('pattern'), s.pattern, `must be a valid regular expression, but isn't: ${re.message}`));
  }
  return errs;
}

/** A schema under a logic junctor: value validation only, no generic or extension fields. */
function nested(v: Schema, skipAnyOf: boolean, lvl: Level, path: FieldPath, allowCEL: boolean, depth: number): FieldError[] {
  if (depth > MAX_DEPTH) return [forbidden(path, `must not be nested more than ${MAX_DEPTH} levels deep`)];
  const errs: FieldError[] = [...junctors(v, skipAnyOf, false, lvl, path, false, depth)];
  const items = itemsOf(v);
  if (items) errs.push(...nested(items, false, lvl, path.child('items'), allowCEL, depth + 1));
  for (const [k, f] of Object.entries(v.properties ?? {})) errs.push(...nested(f, false, 'field', path.child('properties').key(k), allowCEL, depth + 1));
  const ap = mapValueSchema(v);
  if (ap) errs.push(...nested(ap, false, lvl, path.child('additionalProperties'), allowCEL, depth + 1));
  if (v.type) errs.push(forbidden(path.child('type'), 'must be empty to be structural'));
  if (v.default !== undefined) errs.push(forbidden(path.child('default'), 'must be undefined to be structural'));
  if (v.title) errs.push(forbidden(path.child('title'), 'must be empty to be structural'));
  if (v.description) errs.push(forbidden(path.child('description'), 'must be empty to be structural'));
  if (v.nullable) errs.push(forbidden(path.child('nullable'), 'must be false to be structural'));
  if (v.externalDocs) errs.push(forbidden(path.child('externalDocs'), 'must be undefined to be structural'));
  if (v['x-kubernetes-preserve-unknown-fields']) errs.push(forbidden(path.child('x-kubernetes-preserve-unknown-fields'), 'must be false to be structural'));
  if (v['x-kubernetes-embedded-resource']) errs.push(forbidden(path.child('x-kubernetes-embedded-resource'), 'must be false to be structural'));
  if (v['x-kubernetes-int-or-string']) errs.push(forbidden(path.child('x-kubernetes-int-or-string'), 'must be false to be structural'));
  if ((v['x-kubernetes-list-map-keys'] ?? []).length > 0) errs.push(forbidden(path.child('x-kubernetes-list-map-keys'), 'must be empty to be structural'));
  if (v['x-kubernetes-list-type'] !== undefined) errs.push(forbidden(path.child('x-kubernetes-list-type'), 'must be undefined to be structural'));
  if (v['x-kubernetes-map-type'] !== undefined) errs.push(forbidden(path.child('x-kubernetes-map-type'), 'must be undefined to be structural'));
  if ((v['x-kubernetes-validations'] ?? []).length > 0 && !allowCEL) errs.push(forbidden(path.child('x-kubernetes-validations'), 'must be empty to be structural'));
  if (v.properties?.['metadata']) errs.push(forbidden(path.child('properties').key('metadata'), 'must not be specified in a nested context'));
  return errs;
}

/**
 * Completeness: a field a junctor speaks of must exist in the structural part, so that pruning
 * and defaulting, which only read the structural part, agree with validation.
 */
function completeness(v: Schema, s: Schema | undefined, sPath: FieldPath, vPath: FieldPath, depth: number): FieldError[] {
  if (depth > MAX_DEPTH) return [];
  const errs: FieldError[] = [];
  const each = (list: Schema[] | undefined, name: string) =>
    (list ?? []).forEach((n, i) => errs.push(...nestedCompleteness(n, s, sPath, vPath.child(name).index(i), depth + 1)));
  if (v.not) errs.push(...nestedCompleteness(v.not, s, sPath, vPath.child('not'), depth + 1));
  each(v.allOf, 'allOf');
  each(v.anyOf, 'anyOf');
  each(v.oneOf, 'oneOf');
  return errs;
}

function nestedCompleteness(v: Schema, s: Schema | undefined, sPath: FieldPath, vPath: FieldPath, depth: number): FieldError[] {
  if (!s) return [required(sPath, `because it is defined in ${vPath.toString()}`)];
  if (depth > MAX_DEPTH) return [];
  const errs: FieldError[] = [...completeness(v, s, sPath, vPath, depth)];
  const vItems = itemsOf(v);
  if (vItems) errs.push(...nestedCompleteness(vItems, itemsOf(s), sPath.child('items'), vPath.child('items'), depth + 1));
  for (const [k, f] of Object.entries(v.properties ?? {})) {
    const sf = s.properties?.[k];
    if (!sf) errs.push(required(sPath.child('properties').key(k), `because it is defined in ${vPath.child('properties').key(k).toString()}`));
    else errs.push(...nestedCompleteness(f, sf, sPath.child('properties').key(k), vPath.child('properties').key(k), depth + 1));
  }
  const vAp = mapValueSchema(v);
  if (vAp) errs.push(...nestedCompleteness(vAp, mapValueSchema(s), sPath.child('additionalProperties'), vPath.child('additionalProperties'), depth + 1));
  return errs;
}
