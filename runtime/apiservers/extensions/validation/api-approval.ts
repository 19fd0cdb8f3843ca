/**
 * CRDs in the Kubernetes community's own groups (`k8s.io`, `kubernetes.io` and their subdomains)
 * need the `api-approved.kubernetes.io` annotation: a URL of the approving review, or a reason
 * starting with "unapproved". An update that leaves the approval state as it was is not held to
 * it, so CRDs created before the rule keep working (upstream's validateAPIApproval).
 */
import type { CustomResourceDefinition } from '../../../../api-definitions/apiextensions/v1/types.js';
import { invalid, required, type FieldError } from '../../../machinery/validation/field.js';
import { newPath } from '../../../machinery/validation/path.js';

export const API_APPROVED_ANNOTATION = 'api-approved.kubernetes.io';
const SEE = 'see https://github.com/kubernetes/enhancements/pull/1111';

type ApprovalState = 'approved' | 'bypassed' | 'missing' | 'invalid';

export function isProtectedCommunityGroup(group: string): boolean {
  return group === 'k8s.io' || group.endsWith('.k8s.io') || group === 'kubernetes.io' || group.endsWith('.kubernetes.io');
}

function approvalState(crd: CustomResourceDefinition): ApprovalState {
  const value = crd.metadata?.annotations?.[API_APPROVED_ANNOTATION];
  if (value === undefined) return 'missing';
  if (value.startsWith('unapproved')) return 'bypassed';
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:' ? 'approved' : 'invalid';
  } catch {
    return 'invalid';
  }
}

export function validateAPIApproval(crd: CustomResourceDefinition, old?: CustomResourceDefinition): FieldError[] {
  if (!isProtectedCommunityGroup(crd.spec?.group ?? '')) return [];
  const state = approvalState(crd);
  if (old && isProtectedCommunityGroup(old.spec?.group ?? '') && approvalState(old) === state) return [];
  const at = newPath('metadata', 'annotations').key(API_APPROVED_ANNOTATION);
  if (state === 'missing') return [required(at, `protected groups must have approval annotation "${API_APPROVED_ANNOTATION}", ${SEE}`)];
  if (state === 'invalid') {
    return [
      invalid(at, crd.metadata?.annotations?.[API_APPROVED_ANNOTATION] ?? '', `protected groups must have approval annotation "${API_APPROVED_ANNOTATION}" with either a URL or a reason starting with "unapproved", ${SEE}`),
    ];
  }
  return [];
}
