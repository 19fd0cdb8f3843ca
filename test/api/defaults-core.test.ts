/** core/v1 defaults through the scheme, with the values kube-apiserver sets. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { imageTag } from '../../api-definitions/core/v1/defaults.js';
import { decoded } from './defaults-support.js';

const pod = (spec: object, extra: object = {}): object => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec, ...extra });

describe('core/v1 Pod defaults', () => {
  it('pod spec fields', () => {
    const spec = decoded(pod({ containers: [{ name: 'c', image: 'nginx:1.25' }] })).spec;
    assert.equal(spec.restartPolicy, 'Always');
    assert.equal(spec.dnsPolicy, 'ClusterFirst');
    assert.equal(spec.terminationGracePeriodSeconds, 30);
    assert.equal(spec.schedulerName, 'default-scheduler');
    assert.deepEqual(spec.securityContext, {});
    assert.equal(spec.enableServiceLinks, true);
  });

  it('set values are kept', () => {
    const spec = decoded(
      pod({ containers: [{ name: 'c', image: 'x' }], restartPolicy: 'Never', dnsPolicy: 'Default', terminationGracePeriodSeconds: 0, schedulerName: 's' }),
    ).spec;
    assert.deepEqual([spec.restartPolicy, spec.dnsPolicy, spec.terminationGracePeriodSeconds, spec.schedulerName], ['Never', 'Default', 0, 's']);
  });

  it('container fields', () => {
    const c = decoded(pod({ containers: [{ name: 'c', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }] })).spec.containers[0];
    assert.equal(c.terminationMessagePath, '/dev/termination-log');
    assert.equal(c.terminationMessagePolicy, 'File');
    assert.equal(c.imagePullPolicy, 'IfNotPresent');
    assert.equal(c.ports[0].protocol, 'TCP');
  });

  const pullPolicies: [string, string, string][] = [
    ['no tag', 'nginx', 'Always'],
    ['latest tag', 'nginx:latest', 'Always'],
    ['a version tag', 'nginx:1.25', 'IfNotPresent'],
    ['a registry port without tag', 'localhost:5000/app', 'Always'],
    ['a registry port with tag', 'localhost:5000/app:v1', 'IfNotPresent'],
    ['a digest', 'nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'IfNotPresent'],
  ];
  for (const [name, image, policy] of pullPolicies) {
    it(`imagePullPolicy for ${name}`, () => assert.equal(decoded(pod({ containers: [{ name: 'c', image }] })).spec.containers[0].imagePullPolicy, policy));
  }
  it('image tag of an empty reference', () => assert.equal(imageTag(''), ''));

  it('init containers are defaulted too', () => {
    const c = decoded(pod({ containers: [{ name: 'c', image: 'x' }], initContainers: [{ name: 'i', image: 'y:1' }] })).spec.initContainers[0];
    assert.deepEqual([c.imagePullPolicy, c.terminationMessagePolicy], ['IfNotPresent', 'File']);
  });

  it('probes', () => {
    const c = decoded(pod({ containers: [{ name: 'c', image: 'x', livenessProbe: { httpGet: { port: 8080 } }, readinessProbe: { exec: { command: ['true'] }, periodSeconds: 5 } }] }))
      .spec.containers[0];
    assert.deepEqual(c.livenessProbe, { httpGet: { port: 8080, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    assert.equal(c.readinessProbe.periodSeconds, 5);
    assert.equal(c.readinessProbe.failureThreshold, 3);
  });

  it('requests default to limits', () => {
    const c = decoded(pod({ containers: [{ name: 'c', image: 'x', resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m' } } }] })).spec
      .containers[0];
    assert.deepEqual(c.resources.requests, { cpu: '500m', memory: '1Gi' });
  });

  it('host networking copies container ports to host ports', () => {
    const c = decoded(pod({ hostNetwork: true, containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 8080 }] }] })).spec.containers[0];
    assert.equal(c.ports[0].hostPort, 8080);
  });

  it('volumes', () => {
    const spec = decoded(
      pod({
        containers: [{ name: 'c', image: 'x' }],
        volumes: [{ name: 'scratch' }, { name: 'cm', configMap: { name: 'cfg' } }, { name: 's', secret: { secretName: 's' } }],
      }),
    ).spec;
    assert.deepEqual(spec.volumes[0], { name: 'scratch', emptyDir: {} });
    assert.equal(spec.volumes[1].configMap.defaultMode, 0o644);
    assert.equal(spec.volumes[2].secret.defaultMode, 420);
  });

  it('env field references default apiVersion v1', () => {
    const c = decoded(pod({ containers: [{ name: 'c', image: 'x', env: [{ name: 'N', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }] }] })).spec
      .containers[0];
    assert.equal(c.env[0].valueFrom.fieldRef.apiVersion, 'v1');
  });
});

describe('core/v1 Service defaults', () => {
  const svc = (spec: object): object => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'default' }, spec });

  it('ClusterIP with ports targeting themselves', () => {
    const spec = decoded(svc({ ports: [{ port: 80 }, { port: 443, targetPort: 'https' }] })).spec;
    assert.equal(spec.type, 'ClusterIP');
    assert.equal(spec.sessionAffinity, 'None');
    assert.equal(spec.internalTrafficPolicy, 'Cluster');
    assert.equal(spec.externalTrafficPolicy, undefined);
    assert.deepEqual(spec.ports[0], { port: 80, protocol: 'TCP', targetPort: 80 });
    assert.equal(spec.ports[1].targetPort, 'https');
  });

  it('NodePort gets an external traffic policy', () => {
    const spec = decoded(svc({ type: 'NodePort', ports: [{ port: 80 }] })).spec;
    assert.deepEqual([spec.externalTrafficPolicy, spec.internalTrafficPolicy], ['Cluster', 'Cluster']);
  });

  it('LoadBalancer allocates node ports', () => {
    const spec = decoded(svc({ type: 'LoadBalancer', ports: [{ port: 80 }] })).spec;
    assert.equal(spec.allocateLoadBalancerNodePorts, true);
  });

  it('ExternalName gets no traffic policies', () => {
    const spec = decoded(svc({ type: 'ExternalName', externalName: 'example.com' })).spec;
    assert.deepEqual([spec.externalTrafficPolicy, spec.internalTrafficPolicy], [undefined, undefined]);
  });

  it('ClientIP affinity gets a 3 hour timeout', () => {
    const spec = decoded(svc({ sessionAffinity: 'ClientIP', ports: [{ port: 80 }] })).spec;
    assert.deepEqual(spec.sessionAffinityConfig, { clientIP: { timeoutSeconds: 10800 } });
  });
});

describe('core/v1 other kinds', () => {
  it('Secret is Opaque', () => {
    assert.equal(decoded({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'd' } }).type, 'Opaque');
  });
  it('Secret type is kept', () => {
    assert.equal(decoded({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'd' }, type: 'kubernetes.io/tls' }).type, 'kubernetes.io/tls');
  });
  it('PVC mounts a filesystem and starts Pending', () => {
    const pvc = decoded({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c', namespace: 'd' }, spec: { accessModes: ['ReadWriteOnce'] } });
    assert.equal(pvc.spec.volumeMode, 'Filesystem');
    assert.equal(pvc.status.phase, 'Pending');
  });
  it('Namespace carries its name label and is Active', () => {
    const ns = decoded({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } });
    assert.deepEqual(ns.metadata.labels, { 'kubernetes.io/metadata.name': 'team-a' });
    assert.equal(ns.status.phase, 'Active');
  });
  it('ConfigMap gets nothing', () => {
    const cm = decoded({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'd' }, data: { a: 'b' } });
    assert.deepEqual(cm, { metadata: { name: 'c', namespace: 'd' }, data: { a: 'b' } });
  });
});

describe('core/v1 volumes, nodes, endpoints and limit ranges', () => {
  const pv = (spec: object, status: object = {}): object => ({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'v' }, spec, status });

  it('PersistentVolume starts Pending, is retained, and mounts a filesystem', () => {
    const out = decoded(pv({ capacity: { storage: '1Gi' }, hostPath: { path: '/d' } }));
    assert.deepEqual([out.status.phase, out.spec.persistentVolumeReclaimPolicy, out.spec.volumeMode], ['Pending', 'Retain', 'Filesystem']);
  });
  it('PersistentVolume keeps what it says', () => {
    const out = decoded(pv({ persistentVolumeReclaimPolicy: 'Delete', volumeMode: 'Block' }, { phase: 'Bound' }));
    assert.deepEqual([out.status.phase, out.spec.persistentVolumeReclaimPolicy, out.spec.volumeMode], ['Bound', 'Delete', 'Block']);
  });

  const sources: Array<[string, object, object]> = [
    ['iscsi', { iscsi: { targetPortal: 'p', iqn: 'q', lun: 0 } }, { iscsiInterface: 'default' }],
    ['azureDisk', { azureDisk: { diskName: 'd', diskURI: 'u' } }, { cachingMode: 'ReadWrite', kind: 'Shared', fsType: 'ext4', readOnly: false }],
    ['scaleIO', { scaleIO: { gateway: 'g', system: 's', secretRef: { name: 'x' } } }, { storageMode: 'ThinProvisioned', fsType: 'xfs' }],
    ['rbd', { rbd: { monitors: ['m'], image: 'i' } }, { pool: 'rbd', user: 'admin', keyring: '/etc/ceph/keyring' }],
  ];
  for (const [name, source, want] of sources) {
    it(`${name} volume source of a pod`, () => {
      const volume = decoded(pod({ containers: [{ name: 'c', image: 'x' }], volumes: [{ name: 'v', ...source }] })).spec.volumes[0][name];
      for (const [key, value] of Object.entries(want)) assert.equal(volume[key], value, key);
    });
    it(`${name} source of a persistent volume`, () => {
      const volume = decoded(pv(source)).spec[name];
      for (const [key, value] of Object.entries(want)) assert.equal(volume[key], value, key);
    });
  }

  it('Node allocatable defaults to capacity', () => {
    const node = decoded({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' }, status: { capacity: { cpu: '4', memory: '8Gi' } } });
    assert.deepEqual(node.status.allocatable, { cpu: '4', memory: '8Gi' });
    const set = decoded({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' }, status: { capacity: { cpu: '4' }, allocatable: { cpu: '3' } } });
    assert.deepEqual(set.status.allocatable, { cpu: '3' });
  });

  it('Endpoints ports are TCP', () => {
    const ep = decoded({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'e', namespace: 'd' }, subsets: [{ addresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80 }, { port: 53, protocol: 'UDP' }] }] });
    assert.deepEqual(ep.subsets[0].ports.map((p: { protocol: string }) => p.protocol), ['TCP', 'UDP']);
  });

  const limitRanges: Array<[string, object, object, object]> = [
    ['default limit from max', { max: { cpu: '2' } }, { cpu: '2' }, { cpu: '2' }],
    ['default request from the default limit', { default: { memory: '1Gi' } }, { memory: '1Gi' }, { memory: '1Gi' }],
    ['default request from min when nothing else', { min: { cpu: '100m' } }, {}, { cpu: '100m' }],
    ['set defaults kept', { max: { cpu: '2' }, default: { cpu: '1' }, defaultRequest: { cpu: '500m' } }, { cpu: '1' }, { cpu: '500m' }],
  ];
  for (const [name, item, wantDefault, wantRequest] of limitRanges) {
    it(`LimitRange container item: ${name}`, () => {
      const lr = decoded({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'l', namespace: 'd' }, spec: { limits: [{ type: 'Container', ...item }] } });
      assert.deepEqual(lr.spec.limits[0].default, wantDefault);
      assert.deepEqual(lr.spec.limits[0].defaultRequest, wantRequest);
    });
  }
  it('LimitRange pod items get no defaults', () => {
    const lr = decoded({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'l', namespace: 'd' }, spec: { limits: [{ type: 'Pod', max: { cpu: '2' } }] } });
    assert.equal(lr.spec.limits[0].default, undefined);
  });
});
