/** RBAC validation over internal objects: one named row per case, upstream's exact messages. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type * as rbac from '../../api-definitions/rbac/types.js';
import {
  validateClusterRole,
  validateClusterRoleBinding,
  validateRole,
  validateRoleBinding,
  validateRoleBindingUpdate,
} from '../../api-definitions/rbac/validation.js';
import { errorStrings } from '../../runtime/machinery/validation/index.js';

const meta = { name: 'r', namespace: 'default', resourceVersion: '1' };
const G = 'rbac.authorization.k8s.io';
const role = (rules: rbac.PolicyRule[]): rbac.Role => ({ metadata: meta, rules });
const binding = (subjects: rbac.Subject[], roleRef: rbac.RoleRef = { apiGroup: G, kind: 'Role', name: 'reader' }): rbac.RoleBinding => ({ metadata: meta, roleRef, subjects });

describe('validateRole', () => {
  const rows: [string, rbac.Role, string[]][] = [
    ['valid', role([{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }]), []],
    ['no verbs', role([{ verbs: [], apiGroups: [''], resources: ['pods'] }]), ['rules[0].verbs: Required value: verbs must contain at least one value']],
    [
      'no groups or resources',
      role([{ verbs: ['get'] }]),
      ['rules[0].apiGroups: Required value: resource rules must supply at least one api group', 'rules[0].resources: Required value: resource rules must supply at least one resource'],
    ],
    ['URLs in a namespaced role', role([{ verbs: ['get'], nonResourceURLs: ['/healthz'] }]), ['rules[0].nonResourceURLs: Invalid value: []string{"/healthz"}: namespaced rules cannot apply to non-resource URLs']],
    ['a name that cannot be in a URL', { metadata: { ...meta, name: 'a/b' }, rules: [] }, ['metadata.name: Invalid value: "a/b": may not contain \'/\'']],
  ];
  for (const [name, obj, want] of rows) it(name, () => assert.deepEqual(errorStrings(validateRole(obj)), want));
});

describe('validateClusterRole', () => {
  const rows: [string, rbac.ClusterRole, string[]][] = [
    ['URL rules are fine cluster-wide', { metadata: { name: 'c' }, rules: [{ verbs: ['get'], nonResourceURLs: ['/healthz'] }] }, []],
    [
      'URL and resource rules mixed',
      { metadata: { name: 'c' }, rules: [{ verbs: ['get'], nonResourceURLs: ['/healthz'], resources: ['pods'] }] },
      ['rules[0].nonResourceURLs: Invalid value: []string{"/healthz"}: rules cannot apply to both regular resources and non-resource URLs'],
    ],
    [
      'empty aggregation rule',
      { metadata: { name: 'c' }, aggregationRule: { clusterRoleSelectors: [] } },
      ['aggregationRule.clusterRoleSelectors: Required value: at least one clusterRoleSelector required if aggregationRule is non-nil'],
    ],
  ];
  for (const [name, obj, want] of rows) it(name, () => assert.deepEqual(errorStrings(validateClusterRole(obj)), want));
});

describe('validateRoleBinding', () => {
  const rows: [string, rbac.RoleBinding, string[]][] = [
    ['valid', binding([{ kind: 'User', name: 'alice', apiGroup: G }, { kind: 'ServiceAccount', name: 'sa', namespace: 'ns' }]), []],
    ['subject without a name', binding([{ kind: 'User', name: '', apiGroup: G }]), ['subjects[0].name: Required value']],
    ['unknown subject kind', binding([{ kind: 'Robot', name: 'r2' }]), ['subjects[0].kind: Unsupported value: "Robot": supported values: "ServiceAccount", "User", "Group"']],
    ['user outside the RBAC group', binding([{ kind: 'User', name: 'alice' }]), ['subjects[0].apiGroup: Unsupported value: "": supported values: "rbac.authorization.k8s.io"']],
    ['service account with a group', binding([{ kind: 'ServiceAccount', name: 'sa', apiGroup: G }]), ['subjects[0].apiGroup: Unsupported value: "rbac.authorization.k8s.io": supported values: ""']],
    [
      'roleRef of another kind and group',
      binding([], { apiGroup: 'example.com', kind: 'Pod', name: 'x' }),
      ['roleRef.apiGroup: Unsupported value: "example.com": supported values: "rbac.authorization.k8s.io"', 'roleRef.kind: Unsupported value: "Pod": supported values: "Role", "ClusterRole"'],
    ],
    ['roleRef without a name', binding([], { apiGroup: G, kind: 'Role', name: '' }), ['roleRef.name: Required value']],
  ];
  for (const [name, obj, want] of rows) it(name, () => assert.deepEqual(errorStrings(validateRoleBinding(obj)), want));

  it('ClusterRoleBindings refer to ClusterRoles and name service account namespaces', () => {
    const crb: rbac.ClusterRoleBinding = { metadata: { name: 'b' }, roleRef: { apiGroup: G, kind: 'Role', name: 'r' }, subjects: [{ kind: 'ServiceAccount', name: 'sa' }] };
    assert.deepEqual(errorStrings(validateClusterRoleBinding(crb)), [
      'roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"',
      'subjects[0].namespace: Required value',
    ]);
  });

  it('roleRef never changes', () => {
    const old = binding([]);
    const changed = binding([], { apiGroup: G, kind: 'ClusterRole', name: 'admin' });
    assert.deepEqual(errorStrings(validateRoleBindingUpdate(changed, old)), [
      'roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", Name:"admin"}: cannot change roleRef',
    ]);
    assert.deepEqual(errorStrings(validateRoleBindingUpdate(binding([{ kind: 'Group', name: 'g', apiGroup: G }]), old)), []);
  });
});
