/**
 * The validation every object gets whatever its kind, from machinery/validation: ObjectMeta on
 * create and update, and the name rules a kind may pick.
 */
import type { ObjectMeta as WireObjectMeta } from '../../api-definitions/meta/v1/types.js';
import type { FieldError } from '../machinery/errors.js';
import {
  FINALIZER_DELETE_DEPENDENTS,
  FINALIZER_ORPHAN_DEPENDENTS,
  nameIsDNSLabel,
  nameIsDNSSubdomain,
  nameIsPathSegment,
  validateNamespaceName,
  validateObjectMeta as validateMeta,
  validateObjectMetaUpdate as validateMetaUpdate,
  type ValidateNameFunc,
} from '../machinery/validation/index.js';
import type { ObjectMeta } from './meta.js';

export { FINALIZER_DELETE_DEPENDENTS, FINALIZER_ORPHAN_DEPENDENTS, nameIsDNSLabel, nameIsDNSSubdomain, validateNamespaceName };

/** Checks a name (or, with `prefix`, a generateName); returns the problems, empty when valid. */
export type NameValidator = ValidateNameFunc;

/** path.ValidatePathSegmentName: what every name must satisfy to appear in a URL. */
export const validatePathSegmentName: NameValidator = nameIsPathSegment;

/** ValidateObjectMetaAccessor: name or generateName, namespace by scope, labels, annotations, owners, finalizers. */
export function validateObjectMeta(meta: ObjectMeta, requiresNamespace: boolean, nameFn: NameValidator): FieldError[] {
  return validateMeta(meta as WireObjectMeta, { namespaced: requiresNamespace, nameFn });
}

/** ValidateObjectMetaAccessorUpdate: what an update may not change. */
export function validateObjectMetaUpdate(meta: ObjectMeta, old: ObjectMeta): FieldError[] {
  return validateMetaUpdate(meta as WireObjectMeta, old as WireObjectMeta);
}
