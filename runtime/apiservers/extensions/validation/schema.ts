/**
 * A CRD version's `openAPIV3Schema` as CRD validation checks it: the OpenAPI subset CRDs accept
 * (ValidateCustomResourceDefinitionOpenAPISchema), the structural rules, defaults that are
 * pruned and valid, and x-kubernetes-validations rules that compile within their cost budget.
 */
import type { CustomResourceValidation } from '../../../../api-definitions/apiextensions/v1/types.js';
import { forbidden, invalid, notSupported, required, type FieldError } from '../../../machinery/validation/field.js';
import type { FieldPath } from '../../../machinery/validation/path.js';
import { compileSchemaRules } from '../cel/validate.js';
import { prune } from '../schema/prune.js';
import { isObject, itemsOf, MAX_DEPTH, mapValueSchema, type Schema } from '../schema/schema.js';
import { validateStructural } from '../schema/structural.js';
import { validateValue } from '../schema/value-validation.js';
import { goJSONValue, goStrings } from './go-values.js';

const OPENAPI_TYPES = ['array', 'boolean', 'integer', 'number', 'object', 'string'];

/** The errors of `validation` found at `path` (`spec.validation` or `spec.versions[i].schema`). */
export function validateCRDSchema(validation: CustomResourceValidation | undefined, path: FieldPath, statusEnabled: boolean): FieldError[] {
  const schema = validation?.openAPIV3Schema;
  if (!schema) return [];
  const at = path.child('openAPIV3Schema');
  const errs: FieldError[] = [];
  if (statusEnabled && schema.type !== undefined && schema.type !== 'object') {
    errs.push(invalid(path.child('openAPIV3Schema.type'), schema.type, 'only "object" is allowed as the type at the root of the schema if the status subresource is enabled'));
  }
  errs.push(...openAPIRules(schema, at, 0));
  errs.push(...validateStructural(schema, at));
  if (errs.length > 0) return errs;
  errs.push(...defaultErrors(schema, at, true, 0));
  errs.push(...compileSchemaRules(schema, at).errors);
  return errs;
}

/** The keywords and extensions a CRD schema may use, node by node. */
function openAPIRules(s: Schema, path: FieldPath, depth: number): FieldError[] {
  if (depth > MAX_DEPTH) return [forbidden(path, `must not be nested more than ${MAX_DEPTH} levels deep`)];
  const errs: FieldError[] = [];
  if (s.id) errs.push(forbidden(path.child('id'), 'id is not supported'));
  if (s.additionalItems !== undefined) errs.push(forbidden(path.child('additionalItems'), 'additionalItems is not supported'));
  if (s.patternProperties && Object.keys(s.patternProperties).length > 0) errs.push(forbidden(path.child('patternProperties'), 'patternProperties is not supported'));
  if (s.definitions && Object.keys(s.definitions).length > 0) errs.push(forbidden(path.child('definitions'), 'definitions is not supported'));
  if (s.dependencies !== undefined) errs.push(forbidden(path.child('dependencies'), 'dependencies is not supported'));
  if (s.$ref !== undefined) errs.push(forbidden(path.child('$ref'), '$ref is not supported'));
  if (s.type === 'null') errs.push(forbidden(path.child('type'), 'type cannot be set to null, use nullable as an alternative'));
  else if (s.type && !OPENAPI_TYPES.includes(s.type)) errs.push(notSupported(path.child('type'), s.type, OPENAPI_TYPES));
  if (Array.isArray(s.items)) errs.push(forbidden(path.child('items'), 'items must be a schema object and not an array'));
  if (s.uniqueItems === true) errs.push(forbidden(path.child('uniqueItems'), 'uniqueItems cannot be set to true since the runtime complexity becomes quadratic'));
  const ap = s.additionalProperties;
  if (ap !== undefined && Object.keys(s.properties ?? {}).length > 0 && (ap === false || isObject(ap))) {
    errs.push(forbidden(path.child('additionalProperties'), 'additionalProperties and properties are mutual exclusive'));
  }
  if (s['x-kubernetes-preserve-unknown-fields'] === false) errs.push(invalid(path.child('x-kubernetes-preserve-unknown-fields'), false, 'must be true or undefined'));
  errs.push(...listAndMapTypes(s, path));
  const sub = (x: Schema | undefined, at: FieldPath) => {
    if (x) errs.push(...openAPIRules(x, at, depth + 1));
  };
  sub(mapValueSchema(s), path.child('additionalProperties'));
  for (const [k, p] of Object.entries(s.properties ?? {})) sub(p, path.child('properties').key(k));
  sub(s.not, path.child('not'));
  (s.allOf ?? []).forEach((x, i) => sub(x, path.child('allOf').index(i)));
  (s.oneOf ?? []).forEach((x, i) => sub(x, path.child('oneOf').index(i)));
  (s.anyOf ?? []).forEach((x, i) => sub(x, path.child('anyOf').index(i)));
  sub(itemsOf(s), path.child('items'));
  return errs;
}

function listAndMapTypes(s: Schema, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const listType = s['x-kubernetes-list-type'];
  const keys = s['x-kubernetes-list-map-keys'] ?? [];
  if (listType !== undefined) {
    if (!['atomic', 'set', 'map'].includes(listType)) errs.push(notSupported(path.child('x-kubernetes-list-type'), listType, ['atomic', 'set', 'map']));
    if (s.type !== 'array') {
      if (!s.type) errs.push(required(path.child('type'), 'must be array if x-kubernetes-list-type is specified'));
      else errs.push(invalid(path.child('type'), s.type, 'must be array if x-kubernetes-list-type is specified'));
    }
  }
  const items = itemsOf(s);
  if (listType === 'set' && items) {
    if (items.type === 'object' && items['x-kubernetes-map-type'] !== 'atomic') {
      errs.push(invalid(path.child('items').child('x-kubernetes-map-type'), items['x-kubernetes-map-type'] ?? null, 'must be atomic as item of a list with x-kubernetes-list-type=set'));
    }
    if (items.type === 'array' && items['x-kubernetes-list-type'] !== 'atomic') {
      errs.push(invalid(path.child('items').child('x-kubernetes-list-type'), items['x-kubernetes-list-type'] ?? null, 'must be atomic as item of a list with x-kubernetes-list-type=set'));
    }
  }
  if (listType === 'map') {
    if (keys.length === 0) errs.push(required(path.child('x-kubernetes-list-map-keys'), 'must not be empty if x-kubernetes-list-type is map'));
    if (!items) errs.push(required(path.child('items'), 'must have a schema if x-kubernetes-list-type is map'));
    else if (items.type !== 'object') errs.push(invalid(path.child('items').child('type'), items.type ?? '', "must be object if parent array's x-kubernetes-list-type is map"));
    else {
      const seen = new Set<string>();
      for (const k of keys) {
        const p = items.properties?.[k];
        if (!p) errs.push(invalid(path.child('x-kubernetes-list-map-keys'), goStrings(keys), 'entries must all be names of item properties'));
        else if (p.type === 'array' || p.type === 'object') {
          errs.push(invalid(path.child('items').child('properties').key(k).child('type'), p.type, "must be a scalar type if parent array's x-kubernetes-list-type is map"));
        }
        if (seen.has(k)) errs.push(invalid(path.child('x-kubernetes-list-map-keys'), goStrings(keys), 'must not contain duplicate entries'));
        seen.add(k);
      }
    }
  } else if (keys.length > 0) {
    errs.push(forbidden(path.child('x-kubernetes-list-map-keys'), 'must only be used if x-kubernetes-list-type is "map"'));
  }
  const mapType = s['x-kubernetes-map-type'];
  if (mapType !== undefined) {
    if (s.type !== 'object') {
      if (!s.type) errs.push(required(path.child('type'), 'must be object if x-kubernetes-map-type is specified'));
      else errs.push(invalid(path.child('type'), s.type, 'must be object if x-kubernetes-map-type is specified'));
    }
    if (mapType !== 'atomic' && mapType !== 'granular') errs.push(notSupported(path.child('x-kubernetes-map-type'), mapType, ['atomic', 'granular']));
  }
  return errs;
}

/**
 * Defaults must survive pruning unchanged and validate against their own schema, reported at
 * `<path>.default` with kube-openapi's messages for a value at the root of its validator (an
 * empty name: `default: Invalid value: "string":  in body must be of type integer: "string"`).
 * Nothing under the root's metadata may be defaulted, it being ObjectMeta.
 */
function defaultErrors(s: Schema, path: FieldPath, isRoot: boolean, depth: number): FieldError[] {
  if (depth > MAX_DEPTH) return [];
  const errs: FieldError[] = [];
  if (s.default !== undefined) {
    const copy = structuredClone(s.default);
    const pruned = prune(copy, s, s['x-kubernetes-embedded-resource'] === true);
    if (pruned.length > 0) errs.push(invalid(path.child('default'), goJSONValue(s.default), 'must not have unknown fields'));
    const at = path.child('default').toString();
    for (const e of validateValue(s, s.default)) {
      const field = e.field === '<nil>' ? at : `${at}.${e.field}`;
      const detail = e.detail?.startsWith('<nil> in body') ? e.detail.slice('<nil>'.length) : e.detail;
      errs.push({ ...e, field, detail });
    }
  }
  if (isRoot && s.properties?.['metadata']) errs.push(...metadataDefaults(s.properties['metadata'], path.child('properties').key('metadata'), 0));
  for (const [k, p] of Object.entries(s.properties ?? {})) {
    if (isRoot && k === 'metadata') continue;
    errs.push(...defaultErrors(p, path.child('properties').key(k), false, depth + 1));
  }
  const items = itemsOf(s);
  if (items) errs.push(...defaultErrors(items, path.child('items'), false, depth + 1));
  const rest = mapValueSchema(s);
  if (rest) errs.push(...defaultErrors(rest, path.child('additionalProperties'), false, depth + 1));
  return errs;
}

function metadataDefaults(s: Schema, path: FieldPath, depth: number): FieldError[] {
  if (depth > MAX_DEPTH) return [];
  const errs: FieldError[] = [];
  if (s.default !== undefined) errs.push(forbidden(path.child('default'), 'must not be set in top-level metadata'));
  for (const [k, p] of Object.entries(s.properties ?? {})) errs.push(...metadataDefaults(p, path.child('properties').key(k), depth + 1));
  return errs;
}
