/**
 * End to end: the controllers `kapi serve` runs in its own process, seen through kubectl 1.27
 * and 1.33: a new namespace gets its `default` ServiceAccount and its `kube-root-ca.crt`
 * ConfigMap (holding the CA under --data-dir), and `kubectl delete deploy --cascade=foreground`
 * returns once the Deployment's ReplicaSet and Pod are gone and the Deployment after them.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { kubectlVersions, ok, startKapi, type Kapi } from './support/kapi.js';

const VERSIONS = kubectlVersions();

/** Runs `check` every 100 ms until it returns true, failing after `timeoutMs`. */
async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function deployment(name: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: 1
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec: {containers: [{name: main, image: busybox}]}
`;
}

/** The ReplicaSet and Pod the workload controllers would create under a Deployment, written by hand. */
function dependents(name: string, deploymentUID: string): string {
  return `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: ${name}-rs
  labels: {app: ${name}}
  ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: ${name}, uid: ${deploymentUID}, controller: true, blockOwnerDeletion: true}]
spec:
  replicas: 1
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec: {containers: [{name: main, image: busybox}]}
`;
}

function pod(name: string, replicaSetUID: string): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}-pod
  labels: {app: ${name}}
  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: ${name}-rs, uid: ${replicaSetUID}, controller: true, blockOwnerDeletion: true}]
spec: {containers: [{name: main, image: busybox}]}
`;
}

describe('kubectl and the in-process controllers', { skip: VERSIONS.length === 0 && 'no kubectl.1.NN binaries on this machine' }, () => {
  let kapi: Kapi;
  before(async () => {
    kapi = await startKapi();
  });
  after(async () => {
    const code = await kapi.stop();
    assert.equal(code, 0, `the server did not stop cleanly:\n${kapi.log()}`);
  });

  it('reports the controllers\' post-start hooks in /readyz', async () => {
    const res = await kapi.request('/readyz?verbose');
    assert.equal(res.status, 200, res.body);
    for (const hook of ['start-kapi-garbage-collector', 'start-kapi-serviceaccounts-controller', 'start-kapi-root-ca-cert-publisher']) {
      assert.match(res.body, new RegExp(`^\\[\\+\\]poststarthook/${hook} ok$`, 'm'));
    }
  });

  for (const version of VERSIONS) {
    const ns = `ctl-${version.replace('.', '')}`;
    describe(`kubectl ${version}`, () => {
      it('create ns: get sa shows default, get cm shows kube-root-ca.crt with the cluster CA', async () => {
        ok(await kapi.kubectl(version, 'create', 'ns', ns));
        await eventually('the default ServiceAccount is listed', async () => /^default\s/m.test((await kapi.kubectl(version, 'get', 'sa', '-n', ns)).stdout));
        await eventually('kube-root-ca.crt is listed', async () => (await kapi.kubectl(version, 'get', 'cm', 'kube-root-ca.crt', '-n', ns)).code === 0);
        const ca = ok(await kapi.kubectl(version, 'get', 'cm', 'kube-root-ca.crt', '-n', ns, '-o', 'jsonpath={.data.ca\\.crt}'));
        assert.equal(ca, readFileSync(path.join(kapi.dataDir, 'pki', 'ca.crt'), 'utf8'));
      });

      it('delete deploy --cascade=foreground returns once the dependents and the Deployment are gone', async () => {
        ok(await kapi.kubectl(version, 'apply', '-n', ns, '-f', kapi.file(`d-${ns}.yaml`, deployment('d'))));
        const uid = ok(await kapi.kubectl(version, 'get', 'deploy', 'd', '-n', ns, '-o', 'jsonpath={.metadata.uid}'));
        ok(await kapi.kubectl(version, 'apply', '-n', ns, '-f', kapi.file(`rs-${ns}.yaml`, dependents('d', uid))));
        const rsUID = ok(await kapi.kubectl(version, 'get', 'rs', 'd-rs', '-n', ns, '-o', 'jsonpath={.metadata.uid}'));
        ok(await kapi.kubectl(version, 'apply', '-n', ns, '-f', kapi.file(`pod-${ns}.yaml`, pod('d', rsUID))));
        const out = ok(await kapi.kubectl(version, 'delete', 'deploy', 'd', '-n', ns, '--cascade=foreground', '--timeout=30s'));
        assert.equal(out, 'deployment.apps "d" deleted\n');
        assert.equal(ok(await kapi.kubectl(version, 'get', 'deploy,rs,pods', '-n', ns, '-o', 'name')), '');
      });

      it('delete deploy (background) leaves no ReplicaSet behind; --cascade=orphan keeps it without its owner', async () => {
        ok(await kapi.kubectl(version, 'apply', '-n', ns, '-f', kapi.file(`bg-${ns}.yaml`, deployment('bg'))));
        let uid = ok(await kapi.kubectl(version, 'get', 'deploy', 'bg', '-n', ns, '-o', 'jsonpath={.metadata.uid}'));
        ok(await kapi.kubectl(version, 'apply', '-n', ns, '-f', kapi.file(`bg-rs-${ns}.yaml`, dependents('bg', uid))));
        ok(await kapi.kubectl(version, 'delete', 'deploy', 'bg', '-n', ns));
        await eventually('the ReplicaSet follows its Deployment', async () => (await kapi.kubectl(version, 'get', 'rs', 'bg-rs', '-n', ns)).code !== 0);

        ok(await kapi.kubectl(version, 'apply', '-n', ns, '-f', kapi.file(`or-${ns}.yaml`, deployment('or'))));
        uid = ok(await kapi.kubectl(version, 'get', 'deploy', 'or', '-n', ns, '-o', 'jsonpath={.metadata.uid}'));
        ok(await kapi.kubectl(version, 'apply', '-n', ns, '-f', kapi.file(`or-rs-${ns}.yaml`, dependents('or', uid))));
        ok(await kapi.kubectl(version, 'delete', 'deploy', 'or', '-n', ns, '--cascade=orphan'));
        await eventually('the Deployment is gone', async () => (await kapi.kubectl(version, 'get', 'deploy', 'or', '-n', ns)).code !== 0);
        await eventually('the ReplicaSet lost its owner', async () => ok(await kapi.kubectl(version, 'get', 'rs', 'or-rs', '-n', ns, '-o', 'jsonpath={.metadata.ownerReferences}')) === '');
      });
    });
  }
});
