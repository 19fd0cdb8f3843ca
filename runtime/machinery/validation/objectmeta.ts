/**
 * ObjectMeta validation on create and update (apimachinery's api/validation), label and
 * annotation checks, owner references and finalizers, and the generic numeric helpers.
 */
import type { ObjectMeta, OwnerReference } from '../../../api-definitions/meta/v1/types.js';
import type { FieldError } from '../errors.js';
import { isQualifiedName, isValidLabelValue } from './content.js';
import { semanticEqual } from './equality.js';
import { forbidden, goStringSlice, invalid, printedValue, required, tooLong } from './field.js';
import { validateNamespaceName, type ValidateNameFunc } from './names.js';
import type { FieldPath } from './path.js';
import { newPath } from './path.js';
import { quantitySign, tryParseQuantity } from './quantity.js';

export const FIELD_IMMUTABLE_ERROR_MSG = 'field is immutable';
export const IS_NEGATIVE_ERROR_MSG = 'must be greater than or equal to 0';
export const IS_NOT_POSITIVE_ERROR_MSG = 'must be greater than zero';
export const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * (1 << 10);

export const FINALIZER_ORPHAN_DEPENDENTS = 'orphan';
export const FINALIZER_DELETE_DEPENDENTS = 'foregroundDeletion';

/** Kinds that may not own objects (`apiVersion/kind`). */
const BANNED_OWNERS = new Set(['/v1/Event']);

const byteLength = (s: string): number => Buffer.byteLength(s, 'utf8');

/** A label key. */
export function validateLabelName(name: string, path: FieldPath): FieldError[] {
  return isQualifiedName(name).map((msg) => invalid(path, name, msg));
}

/** Label keys and values. */
export function validateLabels(labels: Readonly<Record<string, string>> | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    errs.push(...validateLabelName(k, path));
    for (const msg of isValidLabelValue(v)) errs.push(invalid(path, v, msg));
  }
  return errs;
}

/** Annotation keys (qualified names, case-insensitive) and their total size (256 KiB). */
export function validateAnnotations(annotations: Readonly<Record<string, string>> | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(invalid(path, k, msg));
    total += byteLength(k) + byteLength(v);
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT_B) errs.push(tooLong(path, '', TOTAL_ANNOTATION_SIZE_LIMIT_B));
  return errs;
}

/** `apiVersion` split as schema.ParseGroupVersion does; undefined when it has more than one `/`. */
function parseGroupVersion(apiVersion: string): { group: string; version: string } | undefined {
  if (apiVersion === '') return { group: '', version: '' };
  const parts = apiVersion.split('/');
  if (parts.length === 1) return { group: '', version: parts[0] };
  if (parts.length === 2) return { group: parts[0], version: parts[1] };
  return undefined;
}

function validateOwnerReference(ref: OwnerReference, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const gv = parseGroupVersion(ref.apiVersion ?? '') ?? { group: '', version: '' };
  const kind = ref.kind ?? '';
  if (gv.version === '') errs.push(invalid(path.child('apiVersion'), ref.apiVersion ?? '', 'version must not be empty'));
  if (kind === '') errs.push(invalid(path.child('kind'), kind, 'must not be empty'));
  if (!ref.name) errs.push(invalid(path.child('name'), ref.name ?? '', 'must not be empty'));
  if (!ref.uid) errs.push(invalid(path.child('uid'), ref.uid ?? '', 'must not be empty'));
  if (BANNED_OWNERS.has(`${gv.group}/${gv.version}/${kind}`)) {
    errs.push(invalid(path, ref, `${gv.group}/${gv.version}, Kind=${kind} is disallowed from being an owner`));
  }
  return errs;
}

/** Each reference complete, at most one controller. */
export function validateOwnerReferences(refs: readonly OwnerReference[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = '';
  for (const ref of refs ?? []) {
    errs.push(...validateOwnerReference(ref, path));
    if (ref.controller === true) {
      const current = `${ref.kind}/${ref.name}`;
      if (firstController !== '') {
        errs.push(
          invalid(path, refs, `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`),
        );
      } else {
        firstController = current;
      }
    }
  }
  return errs;
}

/** A finalizer name is a qualified name. */
export function validateFinalizerName(name: string, path: FieldPath): FieldError[] {
  return isQualifiedName(name).map((msg) => invalid(path, name, msg));
}

/** Finalizer names, and not both `orphan` and `foregroundDeletion`. */
export function validateFinalizers(finalizers: readonly string[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let orphan = false;
  let foreground = false;
  for (const f of finalizers ?? []) {
    errs.push(...validateFinalizerName(f, path));
    if (f === FINALIZER_ORPHAN_DEPENDENTS) orphan = true;
    if (f === FINALIZER_DELETE_DEPENDENTS) foreground = true;
  }
  if (orphan && foreground) {
    errs.push(
      invalid(path, printedValue(goStringSlice(finalizers)), `finalizer ${FINALIZER_ORPHAN_DEPENDENTS} and ${FINALIZER_DELETE_DEPENDENTS} cannot be both set`),
    );
  }
  return errs;
}

/** No finalizer may be added to an object that is being deleted. */
export function validateNoNewFinalizers(newer: readonly string[] | undefined, older: readonly string[] | undefined, path: FieldPath): FieldError[] {
  const old = new Set(older ?? []);
  const extra = [...new Set((newer ?? []).filter((f) => !old.has(f)))].sort();
  if (extra.length === 0) return [];
  return [forbidden(path, `no new finalizers can be added if the object is being deleted, found new finalizers ${goStringSlice(extra)}`)];
}

/** `field is immutable` when the values differ semantically. */
export function validateImmutableField(newVal: unknown, oldVal: unknown, path: FieldPath, shown: unknown = newVal): FieldError[] {
  return semanticEqual(oldVal, newVal) ? [] : [invalid(path, shown, FIELD_IMMUTABLE_ERROR_MSG)];
}

/** `must be greater than or equal to 0` */
export function validateNonnegativeField(value: number | undefined, path: FieldPath): FieldError[] {
  return value !== undefined && value < 0 ? [invalid(path, value, IS_NEGATIVE_ERROR_MSG)] : [];
}

/** `must be greater than zero`, as ValidatePositiveField does. */
export function validatePositiveField(value: number | undefined, path: FieldPath): FieldError[] {
  return value !== undefined && value <= 0 ? [invalid(path, value, IS_NOT_POSITIVE_ERROR_MSG)] : [];
}

/** A quantity must not be negative; one that does not parse is invalid with the parse error. */
export function validateNonnegativeQuantity(value: string | undefined, path: FieldPath): FieldError[] {
  if (value === undefined) return [];
  const q = tryParseQuantity(value);
  if (q === undefined) return [invalid(path, value, "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")];
  return quantitySign(q) < 0 ? [invalid(path, value, IS_NEGATIVE_ERROR_MSG)] : [];
}

export interface ObjectMetaOptions {
  /** Whether the kind is namespaced: namespace then required, else forbidden. */
  readonly namespaced: boolean;
  /** The kind's name rule (default: DNS-1123 subdomain). */
  readonly nameFn: ValidateNameFunc;
  /** The path of the metadata (default `metadata`). */
  readonly path?: FieldPath;
}

/** ObjectMeta on create: name or generateName, namespace by scope, labels, annotations, owners, finalizers. */
export function validateObjectMeta(meta: ObjectMeta | undefined, options: ObjectMetaOptions): FieldError[] {
  const m = meta ?? {};
  const path = options.path ?? newPath('metadata');
  const errs: FieldError[] = [];
  if (m.generateName) {
    for (const msg of options.nameFn(m.generateName, true)) errs.push(invalid(path.child('generateName'), m.generateName, msg));
  }
  if (!m.name) {
    errs.push(required(path.child('name'), 'name or generateName is required'));
  } else {
    for (const msg of options.nameFn(m.name, false)) errs.push(invalid(path.child('name'), m.name, msg));
  }
  if (options.namespaced) {
    if (!m.namespace) errs.push(required(path.child('namespace')));
    else for (const msg of validateNamespaceName(m.namespace, false)) errs.push(invalid(path.child('namespace'), m.namespace, msg));
  } else if (m.namespace) {
    errs.push(forbidden(path.child('namespace'), 'not allowed on this type'));
  }
  errs.push(...validateNonnegativeField(m.generation, path.child('generation')));
  errs.push(...validateLabels(m.labels, path.child('labels')));
  errs.push(...validateAnnotations(m.annotations, path.child('annotations')));
  errs.push(...validateOwnerReferences(m.ownerReferences, path.child('ownerReferences')));
  errs.push(...validateFinalizers(m.finalizers, path.child('finalizers')));
  return errs;
}

/** ObjectMeta on update: resourceVersion present, generation not decreasing, identity fields unchanged. */
export function validateObjectMetaUpdate(newMeta: ObjectMeta | undefined, oldMeta: ObjectMeta | undefined, path: FieldPath = newPath('metadata')): FieldError[] {
  const n = newMeta ?? {};
  const o = oldMeta ?? {};
  const errs: FieldError[] = [];
  if (o.deletionTimestamp) errs.push(...validateNoNewFinalizers(n.finalizers, o.finalizers, path.child('finalizers')));
  if (!n.resourceVersion) errs.push(invalid(path.child('resourceVersion'), n.resourceVersion ?? '', 'must be specified for an update'));
  if ((n.generation ?? 0) < (o.generation ?? 0)) errs.push(invalid(path.child('generation'), n.generation ?? 0, 'must not be decremented'));
  errs.push(...validateImmutableField(n.name ?? '', o.name ?? '', path.child('name')));
  errs.push(...validateImmutableField(n.namespace ?? '', o.namespace ?? '', path.child('namespace')));
  errs.push(...validateImmutableField(n.uid ?? '', o.uid ?? '', path.child('uid')));
  errs.push(...validateImmutableField(n.creationTimestamp, o.creationTimestamp, path.child('creationTimestamp')));
  errs.push(...validateImmutableField(n.deletionTimestamp, o.deletionTimestamp, path.child('deletionTimestamp')));
  errs.push(...validateImmutableField(n.deletionGracePeriodSeconds, o.deletionGracePeriodSeconds, path.child('deletionGracePeriodSeconds')));
  errs.push(...validateLabels(n.labels, path.child('labels')));
  errs.push(...validateAnnotations(n.annotations, path.child('annotations')));
  errs.push(...validateOwnerReferences(n.ownerReferences, path.child('ownerReferences')));
  errs.push(...validateFinalizers(n.finalizers, path.child('finalizers')));
  return errs;
}
