/**
 * The authorizer's view of an access review: the review's resource or non-resource attributes
 * with the subject to ask about (pkg/registry/authorization/util).
 */
import type { UserInfo } from '../../../server/authentication/types.js';
import type { AuthorizationAttributes } from '../../../server/authorization/types.js';
import { fieldSelectorOf, labelSelectorOf, selectorErrors, type SelectorAttributes } from './selectors.js';
import type { AccessReviewSpec } from './validation.js';

interface ResourceAttributes {
  namespace?: string;
  verb?: string;
  group?: string;
  version?: string;
  resource?: string;
  subresource?: string;
  name?: string;
  fieldSelector?: SelectorAttributes | null;
  labelSelector?: SelectorAttributes | null;
}

interface NonResourceAttributes {
  path?: string;
  verb?: string;
}

/** The subject a SubjectAccessReview asks about. */
export function subjectOf(spec: AccessReviewSpec): UserInfo {
  return { name: spec.user ?? '', uid: spec.uid, groups: spec.groups ?? [], extra: spec.extra ?? undefined };
}

/**
 * Attributes of a validated spec (exactly one of the two attribute kinds is set), and what of
 * its selectors could not be parsed (for `evaluationError`).
 */
export function attributesOf(user: UserInfo, spec: AccessReviewSpec): { attributes: AuthorizationAttributes; selectorErrors: string[] } {
  if (spec.resourceAttributes) {
    const ra = spec.resourceAttributes as ResourceAttributes;
    const field = fieldSelectorOf(ra.fieldSelector);
    const label = labelSelectorOf(ra.labelSelector);
    const attributes: AuthorizationAttributes = {
      user,
      verb: ra.verb ?? '',
      resourceRequest: true,
      path: '',
      apiGroup: ra.group ?? '',
      // An unspecified version means every version.
      apiVersion: ra.version ? ra.version : '*',
      namespace: ra.namespace ?? '',
      resource: ra.resource ?? '',
      subresource: ra.subresource ?? '',
      name: ra.name ?? '',
      labelSelector: label.selector,
      fieldSelector: field.selector,
    };
    return { attributes, selectorErrors: selectorErrors(field, label) };
  }
  const nra = (spec.nonResourceAttributes ?? {}) as NonResourceAttributes;
  const attributes: AuthorizationAttributes = {
    user,
    verb: nra.verb ?? '',
    resourceRequest: false,
    path: nra.path ?? '',
    apiGroup: '',
    apiVersion: '',
    namespace: '',
    resource: '',
    subresource: '',
    name: '',
  };
  return { attributes, selectorErrors: [] };
}
