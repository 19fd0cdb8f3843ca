/**
 * The strategy of one version of a custom resource (apiextensions-apiserver's
 * customResourceStrategy and statusStrategy), as hooks over the generic strategy:
 *
 * - create: status dropped when the status subresource is on (generic), generation 1;
 * - update: status kept from the stored object (generic, with the subresource); any change
 *   outside metadata bumps the generation; an update must name the resourceVersion it read;
 * - status update: everything but status (and managedFields) is the stored object's;
 * - validation: apiVersion and kind, then the version's compiled schema (value validation,
 *   embedded resources, list types, CEL rules with oldSelf on updates), then the scale
 *   subresource's replica and selector fields;
 * - field selectors: metadata.name, metadata.namespace and the version's selectableFields;
 * - warnings: finalizers a write adds whose names carry no path.
 */
import type { CustomResourceDefinition } from '../../../../api-definitions/apiextensions/v1/types.js';
import { formatApiVersion } from '../../../machinery/scheme.js';
import type { FieldError } from '../../../machinery/validation/field.js';
import { jsonEqual, metaOf, peekMeta, type KObject } from '../../../registry/meta.js';
import type { KindStrategyHooks } from '../../../registry/strategy.js';
import type { CompiledVersionSchema } from '../schema/compile.js';
import { servedNames, versionOf } from './resource-info.js';

const MAX_INT32 = 2 ** 31 - 1;

/** Go's %T of a decoded JSON value, for NestedInt64's accessor error. */
function goType(value: unknown): string {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int64' : 'float64';
  if (Array.isArray(value)) return '[]interface {}';
  return 'map[string]interface {}';
}

function nested(object: KObject, path: string): unknown {
  let value: unknown = object;
  for (const part of path.replace(/^\./, '').split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** ValidateScaleSpec/ValidateScaleStatus: a replicas field, when present, is a non-negative int32. */
function validateReplicas(object: KObject, path: string): FieldError[] {
  const value = nested(object, path);
  if (value === undefined || value === null) return [];
  const jsonPath = `.${path.replace(/^\./, '')}`;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return [{ type: 'Invalid', field: path, badValue: 0, detail: `${jsonPath} accessor error: ${String(value)} is of the type ${goType(value)}, expected int64` }];
  }
  if (value < 0) return [{ type: 'Invalid', field: path, badValue: value, detail: 'should be a non-negative integer' }];
  if (value > MAX_INT32) return [{ type: 'Invalid', field: path, badValue: value, detail: `should be less than or equal to ${MAX_INT32}` }];
  return [];
}

function validateSelector(object: KObject, path: string): FieldError[] {
  const value = nested(object, path);
  if (value === undefined || value === null || typeof value === 'string') return [];
  const jsonPath = `.${path.replace(/^\./, '')}`;
  return [{ type: 'Invalid', field: path, badValue: '', detail: `${jsonPath} accessor error: ${JSON.stringify(value)} is of the type ${goType(value)}, expected string` }];
}

/** The finalizers kube-apiserver itself uses, which need no domain. */
const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

/** generateWarningsFromObj: each finalizer `object` adds over `old` whose name has no `/` path. */
export function finalizerWarnings(object: KObject, old: KObject | undefined): string[] {
  const before = new Set(old ? (peekMeta(old).finalizers ?? []) : []);
  const added = [...new Set(peekMeta(object).finalizers ?? [])].filter((f) => !before.has(f)).sort();
  const warnings: string[] = [];
  for (const name of added) {
    if (name.includes('/') || STANDARD_FINALIZERS.has(name)) continue;
    const advice = name.includes('.') ? 'prefer a domain-qualified finalizer name including a path (/)' : 'prefer a domain-qualified finalizer name';
    warnings.push(`metadata.finalizers: ${JSON.stringify(name)}: ${advice} to avoid accidental conflicts with other finalizer writers`);
  }
  return warnings;
}

/** A selectable field's value as a field selector compares it: scalars as text, anything else empty. */
function selectableValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || (typeof value === 'number' && Number.isInteger(value))) return String(value);
  return '';
}

/** Everything but metadata differs: what bumps a custom resource's generation. */
function contentChanged(object: KObject, old: KObject): boolean {
  const keys = new Set([...Object.keys(object), ...Object.keys(old)].filter((k) => k !== 'metadata'));
  for (const key of keys) if (!jsonEqual(object[key], old[key])) return true;
  return false;
}

export function customResourceStrategyHooks(crd: CustomResourceDefinition, version: string, schema: CompiledVersionSchema | undefined): KindStrategyHooks {
  const names = servedNames(crd);
  const apiVersion = formatApiVersion({ group: crd.spec.group, version });
  const scale = versionOf(crd, version)?.subresources?.scale;
  const selectable = (versionOf(crd, version)?.selectableFields ?? []).map((f) => f.jsonPath.replace(/^\./, ''));

  const typeMeta = (object: KObject): FieldError[] => {
    const errs: FieldError[] = [];
    if (object['kind'] !== names.kind) errs.push({ type: 'Invalid', field: 'kind', badValue: object['kind'] ?? '', detail: `must be ${names.kind}` });
    if (object['apiVersion'] !== apiVersion) errs.push({ type: 'Invalid', field: 'apiVersion', badValue: object['apiVersion'] ?? '', detail: `must be ${apiVersion}` });
    return errs;
  };
  const scaleSpec = (object: KObject): FieldError[] => (scale ? validateReplicas(object, scale.specReplicasPath) : []);
  const scaleStatus = (object: KObject): FieldError[] =>
    scale ? [...validateReplicas(object, scale.statusReplicasPath), ...(scale.labelSelectorPath ? validateSelector(object, scale.labelSelectorPath) : [])] : [];
  const validate = (object: KObject, old: KObject | undefined, withSpec: boolean): FieldError[] => {
    const typeErrs = typeMeta(object);
    if (typeErrs.length > 0) return typeErrs;
    return [...(schema?.validate(object, old) ?? []), ...(withSpec ? scaleSpec(object) : []), ...scaleStatus(object)];
  };

  return {
    trackGeneration: false,
    fieldLabels: selectable,
    selectableFields(object) {
      return Object.fromEntries(selectable.map((label) => [label, selectableValue(nested(object, label))]));
    },
    allowUnconditionalUpdate: false,
    prepareForCreate(_ctx, object) {
      metaOf(object).generation = 1;
    },
    prepareForUpdate(_ctx, object, old) {
      if (contentChanged(object, old)) metaOf(object).generation = (peekMeta(old).generation ?? 0) + 1;
    },
    warningsOnCreate: (_ctx, object) => finalizerWarnings(object, undefined),
    warningsOnUpdate: (_ctx, object, old) => finalizerWarnings(object, old),
    validate: (_ctx, object) => validate(object, undefined, true),
    validateUpdate: (_ctx, object, old) => validate(object, old, true),
    status: {
      prepareForUpdate(_ctx, object, old) {
        const managedFields = peekMeta(object).managedFields;
        const status = object['status'];
        for (const key of Object.keys(object)) delete object[key];
        Object.assign(object, structuredClone(old));
        if (managedFields !== undefined) metaOf(object).managedFields = managedFields;
        if (status === undefined) delete object['status'];
        else object['status'] = status;
      },
      validateUpdate: (_ctx, object, old) => validate(object, old, false),
    },
  };
}
