/**
 * The authorizer's view of an access review: the review's resource or non-resource attributes
 * with the subject to ask about (pkg/registry/authorization/util).
 */
import type { UserInfo } from '../../../server/authentication/types.js';
import type { AuthorizationAttributes } from '../../../server/authorization/types.js';
import type { AccessReviewSpec } from './validation.js';

interface ResourceAttributes {
  namespace?: string;
  verb?: string;
  group?: string;
  version?: string;
  resource?: string;
  subresource?: string;
  name?: string;
}

interface NonResourceAttributes {
  path?: string;
  verb?: string;
}

/** The subject a SubjectAccessReview asks about. */
export function subjectOf(spec: AccessReviewSpec): UserInfo {
  return { name: spec.user ?? '', uid: spec.uid, groups: spec.groups ?? [], extra: spec.extra ?? undefined };
}

/** Attributes of a validated spec (exactly one of the two attribute kinds is set). */
export function attributesOf(user: UserInfo, spec: AccessReviewSpec): AuthorizationAttributes {
  if (spec.resourceAttributes) {
    const ra = spec.resourceAttributes as ResourceAttributes;
    return {
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
    };
  }
  const nra = (spec.nonResourceAttributes ?? {}) as NonResourceAttributes;
  return { user, verb: nra.verb ?? '', resourceRequest: false, path: nra.path ?? '', apiGroup: '', apiVersion: '', namespace: '', resource: '', subresource: '', name: '' };
}
