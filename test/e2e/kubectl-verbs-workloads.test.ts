/**
 * End to end: kubectl 1.27 and 1.33 on the core and apps resources served by the kube tier:
 * namespaces and configmaps (1.33 posts these as protobuf), pods, deployments (apply with
 * strategic merge patch, scale through the scale subresource), NamespaceLifecycle, get all.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fails, kubectlVersions, ok, startKapi, type Kapi } from './support/kapi.js';

const VERSIONS = kubectlVersions();

function deployment(name: string, image: string, replicas = 1): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels: {app: ${name}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers:
      - name: main
        image: ${image}
      - name: side
        image: busybox
`;
}

describe('kubectl verbs on namespaces, configmaps, pods and deployments', { skip: VERSIONS.length === 0 && 'no kubectl.1.NN binaries on this machine' }, () => {
  let kapi: Kapi;
  before(async () => {
    kapi = await startKapi();
  });
  after(async () => {
    const code = await kapi.stop();
    assert.equal(code, 0, `the server did not stop cleanly:\n${kapi.log()}`);
  });

  for (const version of VERSIONS) {
    const ns = `team-${version.replace('.', '')}`;
    describe(`kubectl ${version}`, () => {
      it('create namespace and get it', async () => {
        assert.equal(ok(await kapi.kubectl(version, 'create', 'namespace', ns)), `namespace/${ns} created\n`);
        const out = ok(await kapi.kubectl(version, 'get', 'namespaces'));
        for (const name of ['default', 'kube-system', 'kube-public', ns]) assert.match(out, new RegExp(`^${name}\\s`, 'm'));
      });

      it('create configmap from literals, read it back', async () => {
        assert.equal(ok(await kapi.kubectl(version, 'create', 'configmap', 'settings', '--from-literal=a=b', '-n', ns)), 'configmap/settings created\n');
        assert.equal(ok(await kapi.kubectl(version, 'get', 'cm', 'settings', '-n', ns, '-o', 'jsonpath={.data.a}')), 'b');
        assert.equal(ok(await kapi.kubectl(version, 'label', 'cm', 'settings', 'tier=backend', '-n', ns)), 'configmap/settings labeled\n');
        assert.match(ok(await kapi.kubectl(version, 'get', 'cm', '-n', ns, '-l', 'tier=backend')), /^settings\s/m);
      });

      it('refuses creates in a namespace that does not exist', async () => {
        const err = fails(await kapi.kubectl(version, 'create', 'configmap', 'x', '--from-literal=a=b', '-n', 'nowhere'));
        assert.equal(err, 'error: failed to create configmap: namespaces "nowhere" not found\n');
      });

      it('refuses to delete kube-system', async () => {
        const err = fails(await kapi.kubectl(version, 'delete', 'namespace', 'kube-system'));
        assert.equal(err, 'Error from server (Forbidden): namespaces "kube-system" is forbidden: this namespace may not be deleted\n');
      });

      it('run, get and delete a pod', async () => {
        assert.equal(ok(await kapi.kubectl(version, 'run', 'box', '--image=busybox', '-n', ns)), 'pod/box created\n');
        assert.match(ok(await kapi.kubectl(version, 'get', 'pods', '-n', ns)), /^box\s/m);
        assert.equal(ok(await kapi.kubectl(version, 'delete', 'pod', 'box', '-n', ns)), 'pod "box" deleted\n');
        fails(await kapi.kubectl(version, 'get', 'pod', 'box', '-n', ns));
      });

      it('apply a deployment twice, then scale it', async () => {
        const file = kapi.file(`web-${ns}.yaml`, deployment('web', 'nginx:1'));
        assert.equal(ok(await kapi.kubectl(version, 'apply', '-f', file, '-n', ns)), 'deployment.apps/web created\n');
        kapi.file(`web-${ns}.yaml`, deployment('web', 'nginx:2'));
        assert.equal(ok(await kapi.kubectl(version, 'apply', '-f', file, '-n', ns)), 'deployment.apps/web configured\n');
        const images = ok(await kapi.kubectl(version, 'get', 'deploy', 'web', '-n', ns, '-o', 'jsonpath={.spec.template.spec.containers[*].image} {.metadata.generation}'));
        assert.equal(images, 'nginx:2 busybox 2');
        assert.equal(ok(await kapi.kubectl(version, 'scale', 'deployment', 'web', '--replicas=3', '-n', ns)), 'deployment.apps/web scaled\n');
        assert.equal(ok(await kapi.kubectl(version, 'get', 'deploy', 'web', '-n', ns, '-o', 'jsonpath={.spec.replicas}')), '3');
      });

      it('create deployment and get all', async () => {
        assert.equal(ok(await kapi.kubectl(version, 'create', 'deployment', 'api', '--image=nginx', '-n', ns)), 'deployment.apps/api created\n');
        const out = ok(await kapi.kubectl(version, 'get', 'all', '-n', ns));
        assert.match(out, /deployment\.apps\/api\s/);
        assert.match(out, /deployment\.apps\/web\s/);
      });

      it('delete the namespace', async () => {
        assert.equal(ok(await kapi.kubectl(version, 'delete', 'namespace', ns)), `namespace "${ns}" deleted\n`);
      });
    });
  }
});
