/**
 * Validation of access reviews, with upstream's fields and words
 * (pkg/apis/authorization/validation): exactly one of resourceAttributes and
 * nonResourceAttributes, a user or a group for SubjectAccessReview, empty metadata, and a
 * LocalSubjectAccessReview's namespace matching its resource attributes.
 */
import type { FieldError } from '../../../machinery/errors.js';
import type { KObject } from '../../../registry/meta.js';

/** The spec fields every access review shares. */
export interface AccessReviewSpec {
  resourceAttributes?: Record<string, unknown> | null;
  nonResourceAttributes?: Record<string, unknown> | null;
  user?: string;
  groups?: string[] | null;
  uid?: string;
  extra?: Record<string, string[]> | null;
}

export function specOf(object: KObject): AccessReviewSpec {
  const spec = object['spec'];
  return spec !== null && typeof spec === 'object' ? (spec as AccessReviewSpec) : {};
}

const present = (value: unknown): boolean => value !== undefined && value !== null;

/** ValidateSelfSubjectAccessReviewSpec. */
export function validateSelfSpec(spec: AccessReviewSpec): FieldError[] {
  const errs: FieldError[] = [];
  if (present(spec.resourceAttributes) && present(spec.nonResourceAttributes)) {
    errs.push({ type: 'Invalid', field: 'spec.nonResourceAttributes', badValue: spec.nonResourceAttributes, detail: 'cannot be specified in combination with resourceAttributes' });
  }
  if (!present(spec.resourceAttributes) && !present(spec.nonResourceAttributes)) {
    errs.push({ type: 'Invalid', field: 'spec.resourceAttributes', badValue: null, detail: 'exactly one of nonResourceAttributes or resourceAttributes must be specified' });
  }
  return errs;
}

/** ValidateSubjectAccessReviewSpec: the self checks plus a subject to ask about. */
export function validateSubjectSpec(spec: AccessReviewSpec): FieldError[] {
  const errs = validateSelfSpec(spec);
  if ((spec.user ?? '') === '' && (spec.groups ?? []).length === 0) {
    errs.push({ type: 'Invalid', field: 'spec.user', badValue: spec.user ?? '', detail: 'at least one of user or group must be specified' });
  }
  return errs;
}

/** Whether a value is its type's zero value, as a semantic deep-equal against an empty ObjectMeta sees it. */
function isZero(value: unknown): boolean {
  if (value === undefined || value === null || value === '' || value === 0 || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value as object).every(isZero);
  return false;
}

/** Metadata that must be empty but for `except` (and managedFields, which upstream ignores). */
export function validateEmptyMetadata(object: KObject, except: readonly string[] = []): FieldError[] {
  const meta = (object['metadata'] ?? {}) as Record<string, unknown>;
  const ignored = new Set(['managedFields', ...except]);
  const set = Object.entries(meta).some(([key, value]) => !ignored.has(key) && !isZero(value));
  if (!set) return [];
  return [{ type: 'Invalid', field: 'metadata', badValue: meta, detail: except.length === 0 ? 'must be empty' : `must be empty except for ${except.join(', ')}` }];
}

/** ValidateLocalSubjectAccessReview. */
export function validateLocalReview(object: KObject): FieldError[] {
  const spec = specOf(object);
  const errs = validateSubjectSpec(spec);
  errs.push(...validateEmptyMetadata(object, ['namespace']));
  const namespace = ((object['metadata'] ?? {}) as { namespace?: string }).namespace ?? '';
  if (present(spec.resourceAttributes)) {
    const wanted = (spec.resourceAttributes as { namespace?: string }).namespace ?? '';
    if (wanted !== namespace) {
      errs.push({ type: 'Invalid', field: 'spec.resourceAttributes.namespace', badValue: wanted, detail: 'must match metadata.namespace' });
    }
  }
  if (present(spec.nonResourceAttributes)) {
    errs.push({ type: 'Invalid', field: 'spec.nonResourceAttributes', badValue: spec.nonResourceAttributes, detail: 'disallowed on this kind of request' });
  }
  return errs;
}
