/**
 * Pod scheduling fields (tolerations, host ports) and Service port and policy rules, through
 * validatePod and validateService: one named row per case, upstream's exact messages.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type * as core from '../../api-definitions/core/types.js';
import { validatePod, validateService } from '../../api-definitions/core/validation.js';
import { errorStrings } from '../../runtime/machinery/validation/index.js';

const container = (extra: Partial<core.Container> = {}): core.Container => ({
  name: 'web',
  image: 'nginx:1.25',
  imagePullPolicy: 'IfNotPresent',
  terminationMessagePath: '/dev/termination-log',
  terminationMessagePolicy: 'File',
  ...extra,
});
const pod = (extra: Partial<core.PodSpec>): core.Pod => ({
  metadata: { name: 'p', namespace: 'default' },
  spec: { containers: [container()], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', terminationGracePeriodSeconds: 30, ...extra },
});

describe('pod tolerations and host ports', () => {
  const rows: [string, core.Pod, string[]][] = [
    ['a toleration of one taint', pod({ tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }] }), []],
    ['tolerating everything', pod({ tolerations: [{ operator: 'Exists' }] }), []],
    ['an eviction delay', pod({ tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }] }), []],
    ['a bad key', pod({ tolerations: [{ key: 'a b', operator: 'Exists' }] }), [
      "spec.tolerations[0].key: Invalid value: \"a b\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ]],
    ['no key without Exists', pod({ tolerations: [{ operator: 'Equal', value: 'x' }] }), [
      'spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
    ]],
    ['seconds without NoExecute', pod({ tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 10 }] }), [
      "spec.tolerations[0].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set",
    ]],
    ['a value with Exists', pod({ tolerations: [{ key: 'k', operator: 'Exists', value: 'v' }] }), [
      'spec.tolerations[0].operator: Invalid value: core.Toleration{Key:"k", Operator:"Exists", Value:"v", Effect:"", TolerationSeconds:(*int64)(nil)}: value must be empty when `operator` is \'Exists\'',
    ]],
    ['an unknown operator', pod({ tolerations: [{ key: 'k', operator: 'In' }] }), ['spec.tolerations[0].operator: Unsupported value: "In": supported values: "Equal", "Exists"']],
    ['an unknown effect', pod({ tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoRun' }] }), [
      'spec.tolerations[0].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    ]],
    ['a bad value', pod({ tolerations: [{ key: 'k', operator: 'Equal', value: 'a b' }] }), [
      "spec.tolerations[0].operator: Invalid value: \"a b\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ]],
    [
      'the same host port twice',
      pod({
        containers: [
          container({ ports: [{ containerPort: 80, hostPort: 8080, protocol: 'TCP' }] }),
          container({ name: 'side', ports: [{ containerPort: 81, hostPort: 8080, protocol: 'TCP' }] }),
        ],
      }),
      ['spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"'],
    ],
    [
      'one host port on two protocols',
      pod({ containers: [container({ ports: [{ containerPort: 53, hostPort: 53, protocol: 'TCP' }, { containerPort: 53, hostPort: 53, protocol: 'UDP' }] })] }),
      [],
    ],
    [
      'one host port on two host IPs',
      pod({ containers: [container({ ports: [{ containerPort: 80, hostPort: 80, protocol: 'TCP', hostIP: '10.0.0.1' }, { containerPort: 81, hostPort: 80, protocol: 'TCP', hostIP: '10.0.0.2' }] })] }),
      [],
    ],
  ];
  for (const [name, obj, want] of rows) it(name, () => assert.deepEqual(errorStrings(validatePod(obj)), want));
});

const svc = (extra: Partial<core.ServiceSpec>): core.Service => ({
  metadata: { name: 'web', namespace: 'default' },
  spec: { type: 'ClusterIP', sessionAffinity: 'None', ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }], ...extra },
});
const nodePort = (extra: Partial<core.ServiceSpec> = {}): Partial<core.ServiceSpec> => ({ type: 'NodePort', externalTrafficPolicy: 'Cluster', ...extra });

describe('service ports and policies', () => {
  const rows: [string, core.Service, string[]][] = [
    [
      'the same port and protocol twice',
      svc({ ports: [{ name: 'a', port: 80, protocol: 'TCP', targetPort: 80 }, { name: 'b', port: 80, protocol: 'TCP', targetPort: 81 }] }),
      ['spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}'],
    ],
    ['one port on two protocols', svc({ ports: [{ name: 'a', port: 53, protocol: 'TCP', targetPort: 53 }, { name: 'b', port: 53, protocol: 'UDP', targetPort: 53 }] }), []],
    [
      'the same node port twice',
      svc(nodePort({ ports: [{ name: 'a', port: 80, protocol: 'TCP', targetPort: 80, nodePort: 30080 }, { name: 'b', port: 81, protocol: 'TCP', targetPort: 81, nodePort: 30080 }] })),
      ['spec.ports[1].nodePort: Duplicate value: 30080'],
    ],
    ['externalTrafficPolicy on an internal service', svc({ externalTrafficPolicy: 'Local' }), ['spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services']],
    ['externalTrafficPolicy missing on a NodePort service', svc({ type: 'NodePort' }), ['spec.externalTrafficPolicy: Required value']],
    ['an unknown externalTrafficPolicy', svc(nodePort({ externalTrafficPolicy: 'Nearest' })), ['spec.externalTrafficPolicy: Unsupported value: "Nearest": supported values: "Cluster", "Local"']],
    ['externalTrafficPolicy with external IPs', svc({ externalIPs: ['192.0.2.1'], externalTrafficPolicy: 'Local' }), []],
    [
      'healthCheckNodePort off a Local load balancer',
      svc(nodePort({ healthCheckNodePort: 31000 })),
      ["spec.healthCheckNodePort: Invalid value: 31000: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"],
    ],
    ['an unknown internalTrafficPolicy', svc({ internalTrafficPolicy: 'Nearby' }), ['spec.internalTrafficPolicy: Unsupported value: "Nearby": supported values: "Cluster", "Local"']],
    ['ClientIP affinity for an hour', svc({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 3600 } } }), []],
    [
      'ClientIP affinity of zero seconds',
      svc({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 0 } } }),
      ['spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 0: must be greater than 0 and less than 86400'],
    ],
    [
      'ClientIP affinity longer than a day',
      svc({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 86401 } } }),
      ['spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 86401: must be greater than 0 and less than 86400'],
    ],
    ['ClientIP affinity without config', svc({ sessionAffinity: 'ClientIP' }), ['spec.sessionAffinityConfig: Required value: when session affinity type is ClientIP']],
    [
      'affinity config without affinity',
      svc({ sessionAffinityConfig: { clientIP: { timeoutSeconds: 10 } } }),
      ['spec.sessionAffinityConfig: Forbidden: must not be set when session affinity is None'],
    ],
    ['a headless NodePort service', svc(nodePort({ clusterIP: 'None', clusterIPs: ['None'] })), ["spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for NodePort services"]],
    ['a headless ClusterIP service', svc({ clusterIP: 'None', clusterIPs: ['None'] }), []],
    ['source ranges off a load balancer', svc({ loadBalancerSourceRanges: ['10.0.0.0/8'] }), ["spec.loadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'"]],
    ['source ranges on a load balancer', svc({ type: 'LoadBalancer', externalTrafficPolicy: 'Cluster', loadBalancerSourceRanges: ['10.0.0.0/8'] }), []],
  ];
  for (const [name, obj, want] of rows) it(name, () => assert.deepEqual(errorStrings(validateService(obj)), want));
});
