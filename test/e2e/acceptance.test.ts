/**
 * End to end: the acceptance list of kubectl-wire.md §10 with real kubectl 1.27 and 1.33 (fresh
 * --cache-dir per command) against `kapi serve` on SQLite and on a real etcd, one server per
 * backend: the pods Table, watch, create, client-side apply, the three patch types, deletion
 * that waits, wait for a condition, api-resources, explain, access reviews, readyz and version,
 * protobuf bodies from 1.33, and legacy discovery (aggregated discovery switched off by its
 * feature gate).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { backends, fails, kubectlVersions, ok, startKapi, type Backend, type Kapi } from './support/kapi.js';

const VERSIONS = kubectlVersions();
const SKIP = VERSIONS.length === 0 && 'no kubectl.1.NN binaries on this machine';

function pod(name: string, image = 'nginx:1', extra = ''): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
${extra}spec:
  containers:
  - name: c
    image: ${image}
  - name: d
    image: busybox
`;
}

/** Rows of a kubectl table output that start with `name`. */
function rowsOf(out: string, name: string): string[] {
  return out.split('\n').filter((line) => line.split(/\s+/)[0] === name);
}

/** Whether kubectl's -v=6 log shows a GET of `path` (1.27 and 1.33 word the line differently). */
function requested(log: string, path: string): boolean {
  return log.split('\n').some((line) => line.includes('GET') && line.includes(`127.0.0.1:`) && line.includes(`${path}`) && !line.includes(`/openapi${path}`));
}

async function setReady(kapi: Kapi, name: string, status: 'True' | 'False'): Promise<void> {
  const response = await kapi.request(`/api/v1/namespaces/default/pods/${name}/status`, {
    method: 'PATCH',
    contentType: 'application/merge-patch+json',
    body: JSON.stringify({ status: { conditions: [{ type: 'Ready', status }] } }),
  });
  assert.equal(response.status, 200, response.body);
}

function acceptance(backend: Backend): void {
  describe(`kubectl acceptance on ${backend}`, { skip: SKIP }, () => {
    let kapi: Kapi;
    before(async () => {
      kapi = await startKapi({ backend });
    });
    after(async () => {
      const code = await kapi.stop();
      assert.equal(code, 0, `the server did not stop cleanly:\n${kapi.log()}`);
    });

    for (const version of VERSIONS) {
      const v = version.replace('.', '');
      describe(`kubectl ${version}`, () => {
        it('create -f: created, then AlreadyExists', async () => {
          const file = kapi.file(`web-${v}.yaml`, pod(`web-${v}`));
          assert.equal(ok(await kapi.kubectl(version, 'create', '-f', file)), `pod/web-${v} created\n`);
          const second = await kapi.kubectl(version, 'create', '-f', file);
          assert.equal(second.code, 1);
          assert.equal(second.stderr, `Error from server (AlreadyExists): error when creating "${file}": pods "web-${v}" already exists\n`);
        });

        it('get pods prints the pods Table asked for with the Table Accept', async () => {
          const result = await kapi.kubectl(version, 'get', 'pods', '-v=8');
          const [header, ...rows] = ok(result).trim().split('\n');
          assert.match(header, /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
          assert.ok(rows.some((r) => new RegExp(`^web-${v}\\s+0/2\\s`).test(r)), rows.join('\n'));
          assert.match(result.stderr, /Accept: application\/json;as=Table;v=v1;g=meta\.k8s\.io/);
        });

        it('auth can-i, can-i --list and whoami (1.32+ send protobuf)', async () => {
          const canI = await kapi.kubectl(version, 'auth', 'can-i', 'create', 'pods', '-v=8');
          assert.equal(ok(canI), 'yes\n');
          assert.equal(/Content-Type: application\/vnd\.kubernetes\.protobuf/.test(canI.stderr), version >= '1.32');
          assert.match(ok(await kapi.kubectl(version, 'auth', 'can-i', '--list')), /^Resources\s+Non-Resource URLs\s+Resource Names\s+Verbs$/m);
          // whoami asks authentication.k8s.io/v1 from 1.28 on; 1.27 knows only the alpha and beta versions.
          if (version >= '1.28') assert.match(ok(await kapi.kubectl(version, 'auth', 'whoami')), /^Username\s+kubernetes-admin$/m);
        });

        it('get -w shows a change within 2 s; -A shows NAMESPACE', async () => {
          const watch = kapi.start(version, 'get', 'pods', `web-${v}`, '-w');
          try {
            await watch.until((out) => rowsOf(out, `web-${v}`).length >= 1, 15_000);
            // Give the watch request time to be established after the first row.
            await new Promise((r) => setTimeout(r, 500));
            ok(await kapi.kubectl(version, 'label', 'pod', `web-${v}`, 'seen=yes'));
            await watch.until((out) => rowsOf(out, `web-${v}`).length >= 2, 2000);
          } finally {
            await watch.stop();
          }
          const all = ok(await kapi.kubectl(version, 'get', 'pods', '-A'));
          assert.match(all.split('\n')[0], /^NAMESPACE\s+NAME\s/);
          assert.match(all, new RegExp(`^default\\s+web-${v}\\s`, 'm'));
        });

        it('apply twice: created, then configured with a $setElementOrder strategic merge patch', async () => {
          const file = kapi.file(`applied-${v}.yaml`, pod(`applied-${v}`));
          assert.equal(ok(await kapi.kubectl(version, 'apply', '-f', file)), `pod/applied-${v} created\n`);
          kapi.file(`applied-${v}.yaml`, pod(`applied-${v}`, 'nginx:2'));
          const second = await kapi.kubectl(version, 'apply', '-f', file, '-v=8');
          assert.equal(ok(second), `pod/applied-${v} configured\n`);
          assert.match(second.stderr, /Content-Type: application\/strategic-merge-patch\+json/);
          assert.ok(second.stderr.includes('$setElementOrder/containers'), 'the PATCH body has no $setElementOrder/containers');
          const images = ok(await kapi.kubectl(version, 'get', 'pod', `applied-${v}`, '-o', 'jsonpath={.spec.containers[*].image}'));
          assert.equal(images, 'nginx:2 busybox');
        });

        it('patch: strategic (containers merged by name), merge and json', async () => {
          const name = `web-${v}`;
          assert.equal(ok(await kapi.kubectl(version, 'patch', 'pod', name, '-p', '{"spec":{"containers":[{"name":"d","image":"busybox:2"}]}}')), `pod/${name} patched\n`);
          assert.equal(ok(await kapi.kubectl(version, 'patch', 'pod', name, '--type=merge', '-p', '{"metadata":{"labels":{"tier":"front"}}}')), `pod/${name} patched\n`);
          assert.equal(
            ok(await kapi.kubectl(version, 'patch', 'pod', name, '--type=json', '-p', '[{"op":"replace","path":"/spec/containers/0/image","value":"nginx:3"}]')),
            `pod/${name} patched\n`,
          );
          const out = ok(await kapi.kubectl(version, 'get', 'pod', name, '-o', 'jsonpath={.spec.containers[*].name} {.spec.containers[*].image} {.metadata.labels.tier}'));
          assert.equal(out, 'c d nginx:3 busybox:2 front');
        });

        it('delete with a grace period: a pod on no node goes at once; one held by a finalizer is waited for until DELETED', async () => {
          const name = `web-${v}`;
          assert.equal(ok(await kapi.kubectl(version, 'delete', 'pod', name, '--grace-period=5')), `pod "${name}" deleted\n`);
          assert.match(fails(await kapi.kubectl(version, 'get', 'pod', name)), /\(NotFound\)/);

          const held = `held-${v}`;
          ok(await kapi.kubectl(version, 'create', '-f', kapi.file(`${held}.yaml`, pod(held, 'nginx:1', '  finalizers: [example.com/hold]\n'))));
          const deleting = kapi.start(version, 'delete', 'pod', held, '--grace-period=5');
          await new Promise((r) => setTimeout(r, 1500));
          assert.equal(deleting.exited(), false, `delete did not wait:\n${deleting.stdout()}${deleting.stderr()}`);
          const object = await kapi.request(`/api/v1/namespaces/default/pods/${held}`);
          assert.match(String((object.json as { metadata: { deletionTimestamp?: string } }).metadata.deletionTimestamp), /^\d{4}-/);
          const released = await kapi.request(`/api/v1/namespaces/default/pods/${held}`, {
            method: 'PATCH',
            contentType: 'application/json-patch+json',
            body: '[{"op":"remove","path":"/metadata/finalizers"}]',
          });
          assert.equal(released.status, 200, released.body);
          const result = await deleting.result(15_000);
          assert.equal(result.code, 0, result.stderr);
          assert.match(result.stdout, new RegExp(`pod "${held}" deleted`));
        });

        it('wait --for=condition=Ready: met at once, met later through a status update, and a timeout', async () => {
          const name = `ready-${v}`;
          ok(await kapi.kubectl(version, 'create', '-f', kapi.file(`${name}.yaml`, pod(name))));
          await setReady(kapi, name, 'True');
          assert.equal(ok(await kapi.kubectl(version, 'wait', '--for=condition=Ready', `pod/${name}`, '--timeout=20s')), `pod/${name} condition met\n`);

          await setReady(kapi, name, 'False');
          const timedOut = await kapi.kubectl(version, 'wait', '--for=condition=Ready', `pod/${name}`, '--timeout=2s');
          assert.equal(timedOut.code, 1);
          assert.equal(timedOut.stderr, `error: timed out waiting for the condition on pods/${name}\n`);

          const waiting = kapi.start(version, 'wait', '--for=condition=Ready', `pod/${name}`, '--timeout=30s');
          await new Promise((r) => setTimeout(r, 1500));
          assert.equal(waiting.exited(), false, `wait ended before the condition was met:\n${waiting.stdout()}${waiting.stderr()}`);
          await setReady(kapi, name, 'True');
          const met = await waiting.result(15_000);
          assert.equal(met.code, 0, met.stderr);
          assert.equal(met.stdout, `pod/${name} condition met\n`);
        });

        it('api-resources (-o wide) and api-versions', async () => {
          const out = ok(await kapi.kubectl(version, 'api-resources'));
          assert.match(out.split('\n')[0], /^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND$/);
          assert.match(out, /^pods\s+po\s+v1\s+true\s+Pod$/m);
          assert.match(out, /^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/m);
          const wide = ok(await kapi.kubectl(version, 'api-resources', '-o', 'wide'));
          assert.match(wide.split('\n')[0], /\sVERBS\s+CATEGORIES$/);
          assert.match(wide, /^pods\s+po\s+v1\s+true\s+Pod\s+create,delete,deletecollection,get,list,patch,update,watch\s+all$/m);
          const versions = ok(await kapi.kubectl(version, 'api-versions')).split('\n');
          for (const gv of ['v1', 'apps/v1', 'autoscaling/v2', 'rbac.authorization.k8s.io/v1']) assert.ok(versions.includes(gv), `${gv} missing from api-versions`);
        });

        it('explain pods.spec.containers', async () => {
          const out = ok(await kapi.kubectl(version, 'explain', 'pods.spec.containers'));
          assert.match(out, /^KIND:\s+Pod$/m);
          assert.match(out, /^FIELD:\s+containers <\[\]Container>$/m);
        });

        it('get --raw /readyz and version', async () => {
          assert.equal(ok(await kapi.kubectl(version, 'get', '--raw', '/readyz')), 'ok');
          const out = ok(await kapi.kubectl(version, 'version'));
          assert.match(out, /Server Version: (v1\.\d+\.\d+\S*|version\.Info\{Major:"1", Minor:"\d+", GitVersion:"v1\.\d+\.\d+)/);
        });

        it('create configmap --from-literal, then get -o jsonpath (1.33 sends protobuf)', async () => {
          const name = `literal-${v}`;
          const created = await kapi.kubectl(version, 'create', 'configmap', name, '--from-literal=a=b', '-v=8');
          assert.equal(ok(created), `configmap/${name} created\n`);
          const protobuf = /Content-Type: application\/vnd\.kubernetes\.protobuf/.test(created.stderr);
          assert.equal(protobuf, version >= '1.32', `request body type: ${protobuf ? 'protobuf' : 'JSON'}`);
          assert.equal(ok(await kapi.kubectl(version, 'get', 'cm', name, '-o', 'jsonpath={.data.a}')), 'b');
        });
      });
    }

    it('a configmap created from protobuf reads back as one created from JSON', async () => {
      const names = VERSIONS.map((version) => `literal-${version.replace('.', '')}`);
      const metadata = await Promise.all(
        names.map(async (name) => {
          const response = await kapi.request(`/api/v1/namespaces/default/configmaps/${name}`);
          assert.equal(response.status, 200, response.body);
          return (response.json as { metadata: Record<string, unknown> }).metadata;
        }),
      );
      for (const meta of metadata) {
        for (const zero of ['generateName', 'selfLink', 'generation']) assert.equal(meta[zero], undefined, `${zero} kept: ${JSON.stringify(meta)}`);
        assert.deepEqual(Object.keys(meta).sort(), Object.keys(metadata[0]).sort());
      }
    });
  });
}

for (const backend of backends()) acceptance(backend);

describe('kubectl with aggregated discovery switched off (legacy discovery)', { skip: SKIP }, () => {
  let kapi: Kapi;
  before(async () => {
    kapi = await startKapi({ flags: ['--feature-gates=AggregatedDiscoveryEndpoint=false'] });
  });
  after(async () => {
    assert.equal(await kapi.stop(), 0);
  });

  for (const version of VERSIONS) {
    it(`kubectl ${version}: get pods, create and api-resources discover group-version by group-version`, async () => {
      const v = version.replace('.', '');
      const created = await kapi.kubectl(version, 'create', '-f', kapi.file(`legacy-${v}.yaml`, pod(`legacy-${v}`)), '-v=6');
      assert.equal(ok(created), `pod/legacy-${v} created\n`);
      // Legacy discovery reads each group-version's APIResourceList.
      assert.ok(requested(created.stderr, '/api/v1?timeout=32s'), created.stderr);
      assert.ok(requested(created.stderr, '/apis/apps/v1?timeout=32s'), created.stderr);
      const out = ok(await kapi.kubectl(version, 'get', 'pods'));
      assert.match(out, new RegExp(`^legacy-${v}\\s`, 'm'));
      assert.match(ok(await kapi.kubectl(version, 'api-resources')), /^pods\s+po\s+v1\s+true\s+Pod$/m);
      const discovery = await kapi.request('/apis', { headers: { Accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json' } });
      assert.equal((discovery.json as { kind: string }).kind, 'APIGroupList');
    });
  }
});
