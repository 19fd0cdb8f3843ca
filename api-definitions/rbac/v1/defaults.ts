/**
 * Defaults of rbac.authorization.k8s.io/v1: a binding's roleRef and its User and Group subjects
 * belong to this API group; ServiceAccount subjects belong to the core group ('').
 */
import type * as v1 from './types.js';

export const RBAC_GROUP = 'rbac.authorization.k8s.io';

export function SetDefaults_Subject(obj: v1.Subject): void {
  if (obj.apiGroup) return;
  if (obj.kind === 'User' || obj.kind === 'Group') obj.apiGroup = RBAC_GROUP;
  // A ServiceAccount's group is the core group, which the wire form leaves out.
}

export function SetDefaults_RoleBinding(obj: v1.RoleBinding): void {
  if (obj.roleRef && !obj.roleRef.apiGroup) obj.roleRef.apiGroup = RBAC_GROUP;
}

export function SetDefaults_ClusterRoleBinding(obj: v1.ClusterRoleBinding): void {
  if (obj.roleRef && !obj.roleRef.apiGroup) obj.roleRef.apiGroup = RBAC_GROUP;
}
