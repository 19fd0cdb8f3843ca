/**
 * Validation of RBAC objects over the internal types, with kube-apiserver's messages: rules
 * name verbs and either resources (with API groups) or non-resource URLs; bindings refer to a
 * role of this API group and never change that reference; subjects are users, groups or
 * service accounts.
 */
import {
  invalid,
  nameIsDNSSubdomain,
  nameIsPathSegment,
  newPath,
  notSupported,
  printedValue,
  required,
  validateLabelSelector,
  validateObjectMeta,
  validateObjectMetaUpdate,
  type FieldError,
  type FieldPath,
} from '../../runtime/machinery/validation/index.js';
import type * as rbac from './types.js';

export const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** Role and binding names only need to be usable in a URL. */
export const validateRBACName = nameIsPathSegment;

const goStrings = (list: readonly string[]): object => printedValue(`[]string{${list.map((s) => JSON.stringify(s)).join(', ')}}`);

/** ValidatePolicyRule: verbs always; resource rules name API groups and resources; URL rules only URLs. */
export function validatePolicyRule(rule: rbac.PolicyRule, namespaced: boolean, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if ((rule.verbs ?? []).length === 0) errs.push(required(path.child('verbs'), 'verbs must contain at least one value'));
  const urls = rule.nonResourceURLs ?? [];
  if (urls.length > 0) {
    if (namespaced) errs.push(invalid(path.child('nonResourceURLs'), goStrings(urls), 'namespaced rules cannot apply to non-resource URLs'));
    if ((rule.apiGroups ?? []).length > 0 || (rule.resources ?? []).length > 0 || (rule.resourceNames ?? []).length > 0) {
      errs.push(invalid(path.child('nonResourceURLs'), goStrings(urls), 'rules cannot apply to both regular resources and non-resource URLs'));
    }
    return errs;
  }
  if ((rule.apiGroups ?? []).length === 0) errs.push(required(path.child('apiGroups'), 'resource rules must supply at least one api group'));
  if ((rule.resources ?? []).length === 0) errs.push(required(path.child('resources'), 'resource rules must supply at least one resource'));
  return errs;
}

function validateRules(rules: readonly rbac.PolicyRule[] | undefined, namespaced: boolean): FieldError[] {
  return (rules ?? []).flatMap((rule, i) => validatePolicyRule(rule, namespaced, newPath('rules').index(i)));
}

/** ValidateRoleBindingSubject. */
export function validateSubject(subject: rbac.Subject, namespaced: boolean, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (!subject.name) errs.push(required(path.child('name')));
  switch (subject.kind) {
    case 'ServiceAccount':
      if (subject.name) for (const msg of nameIsDNSSubdomain(subject.name, false)) errs.push(invalid(path.child('name'), subject.name, msg));
      if (subject.apiGroup) errs.push(notSupported(path.child('apiGroup'), subject.apiGroup, ['']));
      if (!namespaced && !subject.namespace) errs.push(required(path.child('namespace')));
      break;
    case 'User':
    case 'Group':
      if (subject.apiGroup !== RBAC_GROUP) errs.push(notSupported(path.child('apiGroup'), subject.apiGroup ?? '', [RBAC_GROUP]));
      break;
    default:
      errs.push(notSupported(path.child('kind'), subject.kind ?? '', ['ServiceAccount', 'User', 'Group']));
  }
  return errs;
}

function validateRoleRef(ref: rbac.RoleRef | undefined, kinds: readonly string[]): FieldError[] {
  const errs: FieldError[] = [];
  const path = newPath('roleRef');
  if ((ref?.apiGroup ?? '') !== RBAC_GROUP) errs.push(notSupported(path.child('apiGroup'), ref?.apiGroup ?? '', [RBAC_GROUP]));
  if (!kinds.includes(ref?.kind ?? '')) errs.push(notSupported(path.child('kind'), ref?.kind ?? '', kinds));
  const name = ref?.name ?? '';
  if (!name) errs.push(required(path.child('name')));
  else for (const msg of validateRBACName(name, false)) errs.push(invalid(path.child('name'), name, msg));
  return errs;
}

interface Binding {
  metadata?: rbac.RoleBinding['metadata'];
  roleRef?: rbac.RoleRef;
  subjects?: rbac.Subject[];
}

function validateBinding(binding: Binding, namespaced: boolean, kinds: readonly string[]): FieldError[] {
  const errs = validateObjectMeta(binding.metadata, { namespaced, nameFn: validateRBACName });
  errs.push(...validateRoleRef(binding.roleRef, kinds));
  (binding.subjects ?? []).forEach((s, i) => errs.push(...validateSubject(s, namespaced, newPath('subjects').index(i))));
  return errs;
}

/** `rbac.RoleRef{APIGroup:"…", Kind:"…", Name:"…"}`, as the immutability error prints the new reference. */
function roleRefValue(ref: rbac.RoleRef | undefined): object {
  return printedValue(`rbac.RoleRef{APIGroup:${JSON.stringify(ref?.apiGroup ?? '')}, Kind:${JSON.stringify(ref?.kind ?? '')}, Name:${JSON.stringify(ref?.name ?? '')}}`);
}

function roleRefUnchanged(binding: Binding, old: Binding): FieldError[] {
  const a = binding.roleRef;
  const b = old.roleRef;
  const same = (a?.apiGroup ?? '') === (b?.apiGroup ?? '') && (a?.kind ?? '') === (b?.kind ?? '') && (a?.name ?? '') === (b?.name ?? '');
  return same ? [] : [invalid(newPath('roleRef'), roleRefValue(a), 'cannot change roleRef')];
}

export function validateRole(role: rbac.Role): FieldError[] {
  return [...validateObjectMeta(role.metadata, { namespaced: true, nameFn: validateRBACName }), ...validateRules(role.rules, true)];
}

export function validateRoleUpdate(role: rbac.Role, old: rbac.Role): FieldError[] {
  return [...validateRole(role), ...validateObjectMetaUpdate(role.metadata, old.metadata)];
}

export function validateClusterRole(role: rbac.ClusterRole): FieldError[] {
  const errs = [...validateObjectMeta(role.metadata, { namespaced: false, nameFn: validateRBACName }), ...validateRules(role.rules, false)];
  const aggregation = role.aggregationRule;
  if (aggregation) {
    const path = newPath('aggregationRule', 'clusterRoleSelectors');
    const selectors = aggregation.clusterRoleSelectors ?? [];
    if (selectors.length === 0) errs.push(required(path, 'at least one clusterRoleSelector required if aggregationRule is non-nil'));
    selectors.forEach((s, i) => errs.push(...validateLabelSelector(s, {}, path.index(i))));
  }
  return errs;
}

export function validateClusterRoleUpdate(role: rbac.ClusterRole, old: rbac.ClusterRole): FieldError[] {
  return [...validateClusterRole(role), ...validateObjectMetaUpdate(role.metadata, old.metadata)];
}

export function validateRoleBinding(binding: rbac.RoleBinding): FieldError[] {
  return validateBinding(binding, true, ['Role', 'ClusterRole']);
}

export function validateRoleBindingUpdate(binding: rbac.RoleBinding, old: rbac.RoleBinding): FieldError[] {
  return [...validateRoleBinding(binding), ...validateObjectMetaUpdate(binding.metadata, old.metadata), ...roleRefUnchanged(binding, old)];
}

export function validateClusterRoleBinding(binding: rbac.ClusterRoleBinding): FieldError[] {
  return validateBinding(binding, false, ['ClusterRole']);
}

export function validateClusterRoleBindingUpdate(binding: rbac.ClusterRoleBinding, old: rbac.ClusterRoleBinding): FieldError[] {
  return [...validateClusterRoleBinding(binding), ...validateObjectMetaUpdate(binding.metadata, old.metadata), ...roleRefUnchanged(binding, old)];
}
