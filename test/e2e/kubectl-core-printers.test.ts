/**
 * End to end: what `kubectl get` prints for core kinds served by `kapi serve`, with real
 * kubectl 1.27 and 1.33 — pods (default and wide), services, secrets, and events narrowed by a
 * field selector — from the Tables the server computes as kube-apiserver's printers do.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fails, kubectlVersions, ok, startKapi, type Kapi } from './support/kapi.js';

const VERSIONS = kubectlVersions();

/** The output's lines split into columns on runs of two or more spaces. */
function columns(out: string): string[][] {
  return out
    .trimEnd()
    .split('\n')
    .map((line) => line.trim().split(/\s{2,}/));
}

function manifests(ns: string): string {
  return `apiVersion: v1
kind: Namespace
metadata: {name: ${ns}}
---
apiVersion: v1
kind: Pod
metadata: {name: app, namespace: ${ns}}
spec:
  containers: [{name: app, image: busybox}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: ${ns}}
spec:
  clusterIP: 10.96.0.50
  selector: {app: web}
  ports: [{port: 80}]
---
apiVersion: v1
kind: Event
metadata: {name: x.1, namespace: ${ns}}
involvedObject: {kind: Pod, name: x, namespace: ${ns}}
reason: Scheduled
type: Normal
message: Successfully assigned x
source: {component: default-scheduler}
---
apiVersion: v1
kind: Event
metadata: {name: other.1, namespace: ${ns}}
involvedObject: {kind: Pod, name: other, namespace: ${ns}}
reason: BackOff
type: Warning
message: Back-off pulling image
source: {component: kubelet}
`;
}

describe('kubectl get on core kinds', { skip: VERSIONS.length === 0 && 'no kubectl.1.NN binaries on this machine' }, () => {
  let kapi: Kapi;
  before(async () => {
    kapi = await startKapi();
  });
  after(async () => {
    const code = await kapi.stop();
    assert.equal(code, 0, `the server did not stop cleanly:\n${kapi.log()}`);
  });

  for (const version of VERSIONS) {
    const ns = `core-${version.replace('.', '')}`;
    describe(`kubectl ${version}`, () => {
      before(async () => {
        ok(await kapi.kubectl(version, 'create', '-f', kapi.file(`${ns}.yaml`, manifests(ns))));
        ok(await kapi.kubectl(version, 'create', 'secret', 'generic', 'creds', '-n', ns, '--from-literal=user=admin', '--from-literal=pass=x'));
      });

      it('get pods: a new pod is Pending with nothing ready', async () => {
        const [header, ...rows] = columns(ok(await kapi.kubectl(version, 'get', 'pods', '-n', ns)));
        assert.deepEqual(header, ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
        assert.equal(rows.length, 1);
        assert.deepEqual(rows[0]!.slice(0, 4), ['app', '0/1', 'Pending', '0']);
        assert.match(rows[0]![4]!, /^\d+s$/);
      });

      it('get pods -o wide adds IP, node, nominated node and readiness gates', async () => {
        const [header, row] = columns(ok(await kapi.kubectl(version, 'get', 'pods', '-n', ns, '-o', 'wide')));
        assert.deepEqual(header, ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']);
        assert.deepEqual([...row!.slice(0, 4), ...row!.slice(5)], ['app', '0/1', 'Pending', '0', '<none>', '<none>', '<none>', '<none>']);
      });

      it('get svc prints type, cluster IP, external IP and ports', async () => {
        const [header, row] = columns(ok(await kapi.kubectl(version, 'get', 'svc', '-n', ns)));
        assert.deepEqual(header, ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE']);
        assert.deepEqual(row!.slice(0, 5), ['web', 'ClusterIP', '10.96.0.50', '<none>', '80/TCP']);
        const [wideHeader, wideRow] = columns(ok(await kapi.kubectl(version, 'get', 'svc', 'web', '-n', ns, '-o', 'wide')));
        assert.equal(wideHeader!.at(-1), 'SELECTOR');
        assert.equal(wideRow!.at(-1), 'app=web');
      });

      it('get secrets prints type and data count', async () => {
        const [header, row] = columns(ok(await kapi.kubectl(version, 'get', 'secrets', '-n', ns)));
        assert.deepEqual(header, ['NAME', 'TYPE', 'DATA', 'AGE']);
        assert.deepEqual(row!.slice(0, 3), ['creds', 'Opaque', '2']);
      });

      it('get events --field-selector involvedObject.name=x prints only its events', async () => {
        const [header, ...rows] = columns(ok(await kapi.kubectl(version, 'get', 'events', '-n', ns, '--field-selector', 'involvedObject.name=x')));
        assert.deepEqual(header, ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']);
        assert.equal(rows.length, 1, JSON.stringify(rows));
        assert.deepEqual(rows[0]!.slice(1), ['Normal', 'Scheduled', 'pod/x', 'Successfully assigned x']);
        const warnings = columns(ok(await kapi.kubectl(version, 'get', 'events', '-n', ns, '--field-selector', 'type=Warning')));
        assert.deepEqual(warnings.slice(1).map((r) => r[3]), ['pod/other']);
      });

      it('get with an unsupported field label fails with the server\'s message', async () => {
        const err = fails(await kapi.kubectl(version, 'get', 'pods', '-n', ns, '--field-selector', 'spec.priority=1'));
        assert.match(err, /Error from server \(BadRequest\): .*field label not supported: spec\.priority/);
      });
    });
  }
});
