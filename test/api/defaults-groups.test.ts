/**
 * Defaults of rbac, networking, storage, scheduling, discovery and admissionregistration v1
 * through the scheme, with the values kube-apiserver sets: one named row per case.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decoded } from './defaults-support.js';

type Row = [name: string, body: object, pick: (o: Record<string, unknown>) => unknown, want: unknown];

const rbac = 'rbac.authorization.k8s.io/v1';
const binding = (subjects: object[], roleRef: object = { kind: 'Role', name: 'r' }): object => ({ apiVersion: rbac, kind: 'RoleBinding', metadata: { name: 'b' }, roleRef, subjects });
const webhook = { name: 'w.example.com', clientConfig: { service: { namespace: 'ns', name: 'svc' } }, rules: [{ operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'], resources: ['pods'] }], sideEffects: 'None', admissionReviewVersions: ['v1'] };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

const rows: Row[] = [
  [
    'rbac: User and Group subjects belong to the RBAC group, ServiceAccounts to none',
    binding([{ kind: 'User', name: 'alice' }, { kind: 'Group', name: 'devs' }, { kind: 'ServiceAccount', name: 'sa', namespace: 'ns' }]),
    (o: Any) => o.subjects.map((s: Any) => s.apiGroup),
    ['rbac.authorization.k8s.io', 'rbac.authorization.k8s.io', undefined],
  ],
  ['rbac: a given subject group is kept', binding([{ kind: 'User', name: 'alice', apiGroup: 'example.com' }]), (o: Any) => o.subjects[0].apiGroup, 'example.com'],
  ['rbac: RoleBinding roleRef group', binding([]), (o: Any) => o.roleRef.apiGroup, 'rbac.authorization.k8s.io'],
  [
    'rbac: ClusterRoleBinding roleRef group',
    { apiVersion: rbac, kind: 'ClusterRoleBinding', metadata: { name: 'b' }, roleRef: { kind: 'ClusterRole', name: 'view' } },
    (o: Any) => o.roleRef.apiGroup,
    'rbac.authorization.k8s.io',
  ],
  [
    'networking: a NetworkPolicy without policyTypes is an Ingress policy',
    { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'n' }, spec: { podSelector: {} } },
    (o: Any) => o.spec.policyTypes,
    ['Ingress'],
  ],
  [
    'networking: and an Egress policy when it has egress rules; ports are TCP',
    { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'n' }, spec: { podSelector: {}, egress: [{ ports: [{ port: 53 }] }] } },
    (o: Any) => [o.spec.policyTypes, o.spec.egress[0].ports[0].protocol],
    [['Ingress', 'Egress'], 'TCP'],
  ],
  [
    'networking: given policyTypes are kept',
    { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'n' }, spec: { podSelector: {}, policyTypes: ['Egress'] } },
    (o: Any) => o.spec.policyTypes,
    ['Egress'],
  ],
  [
    'networking: IngressClass parameters are cluster-scoped',
    { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'c' }, spec: { controller: 'example.com/c', parameters: { kind: 'P', name: 'p' } } },
    (o: Any) => o.spec.parameters.scope,
    'Cluster',
  ],
  [
    'storage: StorageClass deletes and binds immediately',
    { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 's' }, provisioner: 'example.com/p' },
    (o: Any) => [o.reclaimPolicy, o.volumeBindingMode],
    ['Delete', 'Immediate'],
  ],
  [
    'storage: given reclaimPolicy and volumeBindingMode are kept',
    { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 's' }, provisioner: 'p', reclaimPolicy: 'Retain', volumeBindingMode: 'WaitForFirstConsumer' },
    (o: Any) => [o.reclaimPolicy, o.volumeBindingMode],
    ['Retain', 'WaitForFirstConsumer'],
  ],
  [
    'storage: CSIDriver',
    { apiVersion: 'storage.k8s.io/v1', kind: 'CSIDriver', metadata: { name: 'd' }, spec: {} },
    (o: Any) => o.spec,
    { attachRequired: true, podInfoOnMount: false, storageCapacity: false, fsGroupPolicy: 'ReadWriteOnceWithFSType', volumeLifecycleModes: ['Persistent'], requiresRepublish: false, seLinuxMount: false },
  ],
  [
    'scheduling: PriorityClass preempts lower priorities',
    { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'p' }, value: 5 },
    (o: Any) => o.preemptionPolicy,
    'PreemptLowerPriority',
  ],
  [
    'discovery: EndpointSlice ports are unnamed and TCP',
    { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'e' }, addressType: 'IPv4', ports: [{ port: 80 }] },
    (o: Any) => o.ports[0],
    { name: '', protocol: 'TCP', port: 80 },
  ],
  [
    'admissionregistration: ValidatingWebhook',
    { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingWebhookConfiguration', metadata: { name: 'v' }, webhooks: [webhook] },
    (o: Any) => {
      const w = o.webhooks[0];
      return [w.failurePolicy, w.matchPolicy, w.namespaceSelector, w.objectSelector, w.timeoutSeconds, w.rules[0].scope, w.clientConfig.service.port, w.reinvocationPolicy];
    },
    ['Fail', 'Equivalent', {}, {}, 10, '*', 443, undefined],
  ],
  [
    'admissionregistration: MutatingWebhook is never reinvoked',
    { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'MutatingWebhookConfiguration', metadata: { name: 'm' }, webhooks: [{ ...webhook, timeoutSeconds: 3, failurePolicy: 'Ignore' }] },
    (o: Any) => [o.webhooks[0].reinvocationPolicy, o.webhooks[0].timeoutSeconds, o.webhooks[0].failurePolicy],
    ['Never', 3, 'Ignore'],
  ],
  [
    'admissionregistration: ValidatingAdmissionPolicy fails closed and matches equivalent requests',
    { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingAdmissionPolicy', metadata: { name: 'p' }, spec: { matchConstraints: {}, validations: [{ expression: 'true' }] } },
    (o: Any) => [o.spec.failurePolicy, o.spec.matchConstraints],
    ['Fail', { matchPolicy: 'Equivalent', namespaceSelector: {}, objectSelector: {} }],
  ],
  [
    'admissionregistration: a binding denies when its parameter is missing',
    { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingAdmissionPolicyBinding', metadata: { name: 'b' }, spec: { policyName: 'p', paramRef: { name: 'x' }, validationActions: ['Deny'] } },
    (o: Any) => o.spec.paramRef.parameterNotFoundAction,
    'Deny',
  ],
];

describe('built-in group defaults', () => {
  for (const [name, body, pick, want] of rows) {
    it(name, () => assert.deepEqual(pick(decoded(body)), want));
  }
});
