/** networking.k8s.io validation over internal objects: one named row per case, upstream's exact messages. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type * as networking from '../../api-definitions/networking/types.js';
import { validateIngress, validateIngressClass, validateIngressClassUpdate, validateNetworkPolicy } from '../../api-definitions/networking/validation.js';
import { errorStrings } from '../../runtime/machinery/validation/index.js';

const meta = { name: 'x', namespace: 'default', resourceVersion: '1' };
const backend = { service: { name: 'svc1', port: { number: 8080 } } };
const ingress = (spec: networking.IngressSpec): networking.Ingress => ({ metadata: meta, spec });
const rule = (paths: networking.HTTPIngressPath[], host = 'foo.com'): networking.IngressRule => ({ host, http: { paths } });

describe('validateIngress', () => {
  const rows: [string, networking.Ingress, string[]][] = [
    ['valid (kubectl create ingress)', ingress({ rules: [rule([{ path: '/bar', pathType: 'Exact', backend }])] }), []],
    ['nothing to route', ingress({}), ['spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified']],
    ['pathType missing', ingress({ rules: [rule([{ path: '/', pathType: '', backend }])] }), ['spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified']],
    [
      'unknown pathType',
      ingress({ rules: [rule([{ path: '/', pathType: 'Regex', backend }])] }),
      ['spec.rules[0].http.paths[0].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"'],
    ],
    ['relative path', ingress({ rules: [rule([{ path: 'bar', pathType: 'Prefix', backend }])] }), ['spec.rules[0].http.paths[0].path: Invalid value: "bar": must be an absolute path']],
    ['dot segments', ingress({ rules: [rule([{ path: '/a/../b', pathType: 'Prefix', backend }])] }), ['spec.rules[0].http.paths[0].path: Invalid value: "/a/../b": must not contain \'/../\'']],
    ['no backend', ingress({ rules: [rule([{ path: '/', pathType: 'Prefix', backend: {} }])] }), ['spec.rules[0].http.paths[0].backend: Invalid value: "": resource or service backend is required']],
    [
      'both backends',
      ingress({ rules: [rule([{ path: '/', pathType: 'Prefix', backend: { ...backend, resource: { kind: 'Bucket', name: 'b' } } }])] }),
      ['spec.rules[0].http.paths[0].backend: Invalid value: "": cannot set both resource and service backends'],
    ],
    [
      'service backend without a port',
      ingress({ rules: [rule([{ path: '/', pathType: 'Prefix', backend: { service: { name: 'svc1' } } }])] }),
      ['spec.rules[0].http.paths[0].backend: Required value: port name or number is required'],
    ],
    ['a resource backend', ingress({ defaultBackend: { resource: { apiGroup: 'k8s.example.com', kind: 'Bucket', name: 'static' } } }), []],
    ['an IP as host', ingress({ rules: [rule([{ path: '/', pathType: 'Prefix', backend }], '10.0.0.1')] }), ['spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address']],
    ['a wildcard host', ingress({ rules: [rule([{ path: '/', pathType: 'Prefix', backend }], '*.foo.com')] }), []],
  ];
  for (const [name, obj, want] of rows) it(name, () => assert.deepEqual(errorStrings(validateIngress(obj)), want));
});

describe('validateIngressClass', () => {
  const ic = (controller: string): networking.IngressClass => ({ metadata: { name: 'c', resourceVersion: '1' }, spec: { controller } });
  it('valid', () => assert.deepEqual(errorStrings(validateIngressClass(ic('k8s.io/ingress-nginx'))), []));
  it('controller must be domain-prefixed', () =>
    assert.deepEqual(errorStrings(validateIngressClass(ic('nginx'))), ['spec.controller: Invalid value: "nginx": must be a domain-prefixed path (such as "acme.io/foo")']));
  it('controller never changes', () =>
    assert.deepEqual(errorStrings(validateIngressClassUpdate(ic('example.com/b'), ic('example.com/a'))), ['spec.controller: Invalid value: "example.com/b": field is immutable']));
});

describe('validateNetworkPolicy', () => {
  const np = (spec: networking.NetworkPolicySpec): networking.NetworkPolicy => ({ metadata: meta, spec });
  const rows: [string, networking.NetworkPolicy, string[]][] = [
    ['valid', np({ podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }], ports: [{ protocol: 'TCP', port: 80, endPort: 90 }] }], policyTypes: ['Ingress'] }), []],
    ['empty peer', np({ ingress: [{ from: [{}] }] }), ['spec.ingress[0].from[0]: Required value: must specify a peer']],
    ['ipBlock and selector', np({ egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8' }, podSelector: {} }] }] }), ['spec.egress[0].to[0]: Forbidden: may not specify both ipBlock and another peer']],
    ['bad CIDR', np({ ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0' } }] }] }), ['spec.ingress[0].from[0].ipBlock.cidr: Invalid value: "10.0.0.0": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)']],
    ['except outside the block', np({ ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/16', except: ['192.168.0.0/24'] } }] }] }), ['spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "192.168.0.0/24": must be a strict subset of `cidr`']],
    ['unknown protocol', np({ ingress: [{ ports: [{ protocol: 'ICMP' }] }] }), ['spec.ingress[0].ports[0].protocol: Unsupported value: "ICMP": supported values: "TCP", "UDP", "SCTP"']],
    ['endPort below port', np({ ingress: [{ ports: [{ port: 90, endPort: 80 }] }] }), ['spec.ingress[0].ports[0].endPort: Invalid value: 90: must be greater than or equal to `port`']],
    ['endPort with a named port', np({ ingress: [{ ports: [{ port: 'http', endPort: 80 }] }] }), ['spec.ingress[0].ports[0].endPort: Invalid value: 80: may not be specified when `port` is non-numeric']],
    ['unknown policy type', np({ policyTypes: ['Sideways'] }), ['spec.policyTypes[0]: Unsupported value: "Sideways": supported values: "Ingress", "Egress"']],
  ];
  for (const [name, obj, want] of rows) it(name, () => assert.deepEqual(errorStrings(validateNetworkPolicy(obj)), want));
});
