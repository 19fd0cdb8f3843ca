/** core validation over internal objects: one named row per case, upstream's exact messages. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type * as core from '../../api-definitions/core/types.js';
import {
  validateConfigMap,
  validateConfigMapUpdate,
  validateNamespace,
  validatePersistentVolumeClaim,
  validatePersistentVolumeClaimUpdate,
  validatePod,
  validatePodUpdate,
  validateSecret,
  validateSecretUpdate,
  validateService,
  validateServiceUpdate,
} from '../../api-definitions/core/validation.js';
import { errorStrings } from '../../runtime/machinery/validation/index.js';

const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

const container = (extra: Partial<core.Container> = {}): core.Container => ({
  name: 'web',
  image: 'nginx:1.25',
  imagePullPolicy: 'IfNotPresent',
  terminationMessagePath: '/dev/termination-log',
  terminationMessagePolicy: 'File',
  ...extra,
});
const podSpec = (extra: Partial<core.PodSpec> = {}): core.PodSpec => ({
  containers: [container()],
  restartPolicy: 'Always',
  dnsPolicy: 'ClusterFirst',
  terminationGracePeriodSeconds: 30,
  ...extra,
});
const pod = (spec: core.PodSpec = podSpec(), metadata: core.Pod['metadata'] = { name: 'p', namespace: 'default' }): core.Pod => ({ metadata, spec });

describe('validatePod', () => {
  const rows: [string, core.Pod, string[]][] = [
    ['valid', pod(), []],
    ['bad name', pod(podSpec(), { name: 'P!', namespace: 'default' }), [`metadata.name: Invalid value: "P!": ${SUBDOMAIN_MSG}`]],
    ['no namespace', pod(podSpec(), { name: 'p' }), ['metadata.namespace: Required value']],
    ['no containers', pod(podSpec({ containers: [] })), ['spec.containers: Required value']],
    ['container without name', pod(podSpec({ containers: [container({ name: '' })] })), ['spec.containers[0].name: Required value']],
    ['container name not a label', pod(podSpec({ containers: [container({ name: 'Web' })] })), [`spec.containers[0].name: Invalid value: "Web": ${LABEL_MSG}`]],
    ['duplicate container names', pod(podSpec({ containers: [container(), container()] })), ['spec.containers[1].name: Duplicate value: "web"']],
    ['init container name clashes', pod(podSpec({ initContainers: [container()] })), ['spec.initContainers[0].name: Duplicate value: "web"']],
    ['no image', pod(podSpec({ containers: [container({ image: '' })] })), ['spec.containers[0].image: Required value']],
    ['image with spaces', pod(podSpec({ containers: [container({ image: ' nginx' })] })), ['spec.containers[0].image: Invalid value: " nginx": must not have leading or trailing whitespace']],
    [
      'bad restart policy',
      pod(podSpec({ restartPolicy: 'Sometimes' })),
      ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'],
    ],
    [
      'bad dns policy',
      pod(podSpec({ dnsPolicy: 'Google' })),
      ['spec.dnsPolicy: Unsupported value: "Google": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"'],
    ],
    [
      'bad pull policy',
      pod(podSpec({ containers: [container({ imagePullPolicy: 'Maybe' })] })),
      ['spec.containers[0].imagePullPolicy: Unsupported value: "Maybe": supported values: "Always", "IfNotPresent", "Never"'],
    ],
    ['port out of range', pod(podSpec({ containers: [container({ ports: [{ containerPort: 70000, protocol: 'TCP' }] })] })), ['spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive']],
    ['port missing', pod(podSpec({ containers: [container({ ports: [{ containerPort: 0, protocol: 'TCP' }] })] })), ['spec.containers[0].ports[0].containerPort: Required value']],
    [
      'bad protocol',
      pod(podSpec({ containers: [container({ ports: [{ containerPort: 80, protocol: 'HTTP' }] })] })),
      ['spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"'],
    ],
    [
      'duplicate port names',
      pod(podSpec({ containers: [container({ ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }, { name: 'http', containerPort: 81, protocol: 'TCP' }] })] })),
      ['spec.containers[0].ports[1].name: Duplicate value: "http"'],
    ],
    [
      'bad port name',
      pod(podSpec({ containers: [container({ ports: [{ name: 'HTTP', containerPort: 80, protocol: 'TCP' }] })] })),
      [
        'spec.containers[0].ports[0].name: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        'spec.containers[0].ports[0].name: Invalid value: "HTTP": must contain at least one letter (a-z)',
      ],
    ],
    [
      'negative cpu request',
      pod(podSpec({ containers: [container({ resources: { requests: { cpu: '-1' } } })] })),
      ['spec.containers[0].resources.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0'],
    ],
    [
      'request above limit',
      pod(podSpec({ containers: [container({ resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } })] })),
      ['spec.containers[0].resources.requests[cpu]: Invalid value: "2": must be less than or equal to cpu limit of 1'],
    ],
    ['unknown volume mount', pod(podSpec({ containers: [container({ volumeMounts: [{ name: 'data', mountPath: '/data' }] })] })), ['spec.containers[0].volumeMounts[0].name: Not found: "data"']],
    ['volume without source', pod(podSpec({ volumes: [{ name: 'data' }] })), ['spec.volumes[0]: Required value: must specify a volume type']],
    ['duplicate volumes', pod(podSpec({ volumes: [{ name: 'a', emptyDir: {} }, { name: 'a', emptyDir: {} }] })), ['spec.volumes[1].name: Duplicate value: "a"']],
    ['bad env name', pod(podSpec({ containers: [container({ env: [{ name: '1X' }] })] })), [
      "spec.containers[0].env[0].name: Invalid value: \"1X\": a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')",
    ]],
    ['probe without handler', pod(podSpec({ containers: [container({ livenessProbe: { periodSeconds: 10 } })] })), ['spec.containers[0].livenessProbe: Required value: must specify a handler type']],
    [
      'liveness success threshold',
      pod(podSpec({ containers: [container({ livenessProbe: { tcpSocket: { port: 80 }, successThreshold: 2 } })] })),
      ['spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1'],
    ],
    ['bad active deadline', pod(podSpec({ activeDeadlineSeconds: 0 })), ['spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive']],
  ];
  for (const [name, obj, want] of rows) it(name, () => assert.deepEqual(errorStrings(validatePod(obj)), want));
});

describe('validatePodUpdate', () => {
  const old = pod(podSpec(), { name: 'p', namespace: 'default', resourceVersion: '1' });
  const rows: [string, core.Pod, string[]][] = [
    ['image change', pod(podSpec({ containers: [container({ image: 'nginx:1.26' })] }), old.metadata), []],
    [
      'other spec change',
      pod(podSpec({ restartPolicy: 'Never' }), old.metadata),
      [
        'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
      ],
    ],
  ];
  for (const [name, obj, want] of rows) it(name, () => assert.deepEqual(errorStrings(validatePodUpdate(obj, old)), want));
});

const svc = (spec: core.ServiceSpec, name = 'web'): core.Service => ({ metadata: { name, namespace: 'default', resourceVersion: '1' }, spec });
const svcSpec = (extra: Partial<core.ServiceSpec> = {}): core.ServiceSpec => ({
  type: 'ClusterIP',
  sessionAffinity: 'None',
  ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }],
  ...extra,
});

describe('validateService', () => {
  const rows: [string, core.Service, string[]][] = [
    ['valid', svc(svcSpec()), []],
    ['name must be a DNS-1035 label', svc(svcSpec(), '1web'), [`metadata.name: Invalid value: "1web": ${DNS1035_MSG}`]],
    ['no ports', svc(svcSpec({ ports: [] })), ['spec.ports: Required value']],
    [
      'unnamed ports when several',
      svc(svcSpec({ ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }, { port: 443, protocol: 'TCP', targetPort: 443 }] })),
      ['spec.ports[0].name: Required value', 'spec.ports[1].name: Required value'],
    ],
    ['port zero', svc(svcSpec({ ports: [{ port: 0, protocol: 'TCP', targetPort: 80 }] })), ['spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive']],
    ['bad target port', svc(svcSpec({ ports: [{ port: 80, protocol: 'TCP', targetPort: 'HTTP' }] })), [
      'spec.ports[0].targetPort: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'spec.ports[0].targetPort: Invalid value: "HTTP": must contain at least one letter (a-z)',
    ]],
    ['bad type', svc(svcSpec({ type: 'Magic' })), ['spec.type: Unsupported value: "Magic": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"']],
    ['bad affinity', svc(svcSpec({ sessionAffinity: 'Sticky' })), ['spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"']],
    ['nodePort on ClusterIP', svc(svcSpec({ ports: [{ port: 80, protocol: 'TCP', targetPort: 80, nodePort: 30080 }] })), ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"]],
    ['ExternalName without name', svc({ type: 'ExternalName', sessionAffinity: 'None' }), ['spec.externalName: Required value']],
    ['bad selector', svc(svcSpec({ selector: { 'a b': 'c' } })), [
      "spec.selector: Invalid value: \"a b\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ]],
  ];
  for (const [name, obj, want] of rows) it(name, () => assert.deepEqual(errorStrings(validateService(obj)), want));

  it('clusterIP may not change', () =>
    assert.deepEqual(errorStrings(validateServiceUpdate(svc(svcSpec({ clusterIP: '10.0.0.2', clusterIPs: ['10.0.0.2'] })), svc(svcSpec({ clusterIP: '10.0.0.1', clusterIPs: ['10.0.0.1'] })))), [
      'spec.clusterIPs[0]: Invalid value: []string{"10.0.0.2"}: may not change once set',
    ]));
  it('clusterIP unchanged', () =>
    assert.deepEqual(errorStrings(validateServiceUpdate(svc(svcSpec({ clusterIP: '10.0.0.1' })), svc(svcSpec({ clusterIP: '10.0.0.1' })))), []));
});

describe('ConfigMaps and Secrets', () => {
  const meta = { name: 'c', namespace: 'default', resourceVersion: '1' };
  const cmRows: [string, core.ConfigMap, string[]][] = [
    ['valid', { metadata: meta, data: { 'app.properties': 'x' } }, []],
    ['bad key', { metadata: meta, data: { 'a/b': 'x' } }, [
      "data[a/b]: Invalid value: \"a/b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    ]],
    ['key in both', { metadata: meta, data: { a: 'x' }, binaryData: { a: 'eA==' } }, [
      'data[a]: Invalid value: "a": duplicate of key present in binaryData',
      'binaryData[a]: Invalid value: "a": duplicate of key present in data',
    ]],
    ['too large', { metadata: meta, data: { a: 'x'.repeat(1024 * 1024 + 1) } }, [': Too long: must have at most 1048576 bytes']],
  ];
  for (const [name, obj, want] of cmRows) it(`ConfigMap: ${name}`, () => assert.deepEqual(errorStrings(validateConfigMap(obj)), want));

  it('immutable ConfigMap data may not change', () =>
    assert.deepEqual(errorStrings(validateConfigMapUpdate({ metadata: meta, immutable: true, data: { a: 'y' } }, { metadata: meta, immutable: true, data: { a: 'x' } })), [
      'data: Forbidden: field is immutable when `immutable` is set',
    ]));
  it('immutable ConfigMap may not become mutable', () =>
    assert.deepEqual(errorStrings(validateConfigMapUpdate({ metadata: meta, immutable: false }, { metadata: meta, immutable: true })), [
      'immutable: Forbidden: field is immutable when `immutable` is set',
    ]));
  it('mutable ConfigMap data may change', () => assert.deepEqual(errorStrings(validateConfigMapUpdate({ metadata: meta, data: { a: 'y' } }, { metadata: meta, data: { a: 'x' } })), []));

  const secretRows: [string, core.Secret, string[]][] = [
    ['valid opaque', { metadata: meta, type: 'Opaque', data: { a: 'eA==' } }, []],
    ['tls without keys', { metadata: meta, type: 'kubernetes.io/tls', data: {} }, ['data[tls.crt]: Required value', 'data[tls.key]: Required value']],
    ['service account token without annotation', { metadata: meta, type: 'kubernetes.io/service-account-token' }, [
      'metadata.annotations[kubernetes.io/service-account.name]: Required value',
    ]],
    ['basic auth without credentials', { metadata: meta, type: 'kubernetes.io/basic-auth', data: {} }, ['data[username]: Required value', 'data[password]: Required value']],
  ];
  for (const [name, obj, want] of secretRows) it(`Secret: ${name}`, () => assert.deepEqual(errorStrings(validateSecret(obj)), want));
  it('Secret type is immutable', () =>
    assert.deepEqual(errorStrings(validateSecretUpdate({ metadata: meta, type: 'kubernetes.io/ssh-auth', data: { 'ssh-privatekey': 'eA==' } }, { metadata: meta, type: 'Opaque' })), [
      'type: Invalid value: "kubernetes.io/ssh-auth": field is immutable',
    ]));
});

describe('Namespaces and PersistentVolumeClaims', () => {
  const nsRows: [string, core.Namespace, string[]][] = [
    ['valid', { metadata: { name: 'team-a' }, spec: { finalizers: ['kubernetes'] } }, []],
    ['dotted name', { metadata: { name: 'team.a' } }, ['metadata.name: Invalid value: "team.a": must not contain dots']],
    ['namespace set', { metadata: { name: 'a', namespace: 'b' } }, ['metadata.namespace: Forbidden: not allowed on this type']],
    ['non-standard finalizer', { metadata: { name: 'a' }, spec: { finalizers: ['custom'] } }, [
      'spec.finalizers: Invalid value: "custom": name is neither a standard finalizer name nor is it fully qualified',
    ]],
  ];
  for (const [name, obj, want] of nsRows) it(`Namespace: ${name}`, () => assert.deepEqual(errorStrings(validateNamespace(obj)), want));

  const meta = { name: 'data', namespace: 'default', resourceVersion: '1' };
  const pvcSpec = (extra: Partial<core.PersistentVolumeClaimSpec> = {}): core.PersistentVolumeClaimSpec => ({
    accessModes: ['ReadWriteOnce'],
    resources: { requests: { storage: '1Gi' } },
    volumeMode: 'Filesystem',
    ...extra,
  });
  const pvcRows: [string, core.PersistentVolumeClaim, string[]][] = [
    ['valid', { metadata: meta, spec: pvcSpec() }, []],
    ['no access modes', { metadata: meta, spec: pvcSpec({ accessModes: [] }) }, ['spec.accessModes: Required value: at least 1 access mode is required']],
    ['bad access mode', { metadata: meta, spec: pvcSpec({ accessModes: ['ReadSometimes'] }) }, [
      'spec.accessModes: Unsupported value: "ReadSometimes": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"',
    ]],
    ['no storage', { metadata: meta, spec: pvcSpec({ resources: {} }) }, ['spec.resources[storage]: Required value']],
    ['zero storage', { metadata: meta, spec: pvcSpec({ resources: { requests: { storage: '0' } } }) }, ['spec.resources[storage]: Invalid value: "0": must be greater than zero']],
    ['bad volume mode', { metadata: meta, spec: pvcSpec({ volumeMode: 'Disk' }) }, ['spec.volumeMode: Unsupported value: "Disk": supported values: "Block", "Filesystem"']],
  ];
  for (const [name, obj, want] of pvcRows) it(`PVC: ${name}`, () => assert.deepEqual(errorStrings(validatePersistentVolumeClaim(obj)), want));

  it('PVC storage may grow', () =>
    assert.deepEqual(errorStrings(validatePersistentVolumeClaimUpdate({ metadata: meta, spec: pvcSpec({ resources: { requests: { storage: '2Gi' } } }) }, { metadata: meta, spec: pvcSpec() })), []));
  it('PVC storage may not shrink', () =>
    assert.deepEqual(errorStrings(validatePersistentVolumeClaimUpdate({ metadata: meta, spec: pvcSpec({ resources: { requests: { storage: '512Mi' } } }) }, { metadata: meta, spec: pvcSpec() })), [
      'spec.resources.requests.storage: Forbidden: field can not be less than previous value',
    ]));
  it('PVC access modes are immutable', () =>
    assert.deepEqual(errorStrings(validatePersistentVolumeClaimUpdate({ metadata: meta, spec: pvcSpec({ accessModes: ['ReadWriteMany'] }) }, { metadata: meta, spec: pvcSpec() })), [
      'spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
    ]));
});
