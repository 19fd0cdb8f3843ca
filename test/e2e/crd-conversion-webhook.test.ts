/**
 * End to end: CRD conversion through a webhook, as the CustomResourceConversionWebhook conformance
 * tests run it (conformance-apiserver.md items 23 and 24), with kubectl 1.27 and 1.33 against
 * `kapi serve` on SQLite and on a real etcd. The webhook is an HTTPS server started by the test
 * on 127.0.0.1 with a serving certificate for `<service>.<namespace>.svc` from a test CA; the
 * CRD names it through a Service and Endpoints pointing at that loopback port, and carries the
 * CA as its caBundle. Group stable.example.com: v1 keeps `spec.hostPort`, v2 splits it into
 * `spec.host` and `spec.port`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { conversionReviewHandler, convertHostPort } from '../apiservers/extensions/conversion/support.js';
import { createTestCA, type TestCA } from '../apiservers/webhook/support/test-ca.js';
import { startWebhookServer, type RunningWebhook } from '../apiservers/webhook/support/webhook-server.js';
import { backends, kubectlVersions, ok, startKapi, type Backend, type Kapi } from './support/kapi.js';

const VERSIONS = kubectlVersions();
const SKIP = VERSIONS.length === 0 && 'no kubectl.1.NN binaries on this machine';
const SERVICE = 'e2e-test-crd-conversion-webhook';

type Obj = Record<string, unknown>;

/** What one kubectl version works with: its own namespace and CRD, so the versions do not meet. */
function names(version: string) {
  const n = version.replace('.', '');
  return { namespace: `conversion-${n}`, plural: `crontabs${n}`, kind: `CronTab${n}`, crd: `crontabs${n}.stable.example.com` };
}

function crdManifest(version: string, ca: TestCA, storage: 'v1' | 'v2'): string {
  const { namespace, plural, kind, crd } = names(version);
  const property = (props: Record<string, string>) =>
    Object.entries(props)
      .map(([name, type]) => `                ${name}:\n                  type: ${type}`)
      .join('\n');
  const versionBlock = (name: string, props: Record<string, string>) => `  - name: ${name}
    served: true
    storage: ${name === storage}
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
${property(props)}`;
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: ${crd}
spec:
  group: stable.example.com
  scope: Namespaced
  names:
    plural: ${plural}
    singular: crontab${version.replace('.', '')}
    kind: ${kind}
    listKind: ${kind}List
  preserveUnknownFields: false
  conversion:
    strategy: Webhook
    webhook:
      conversionReviewVersions: ["v1", "v1beta1"]
      clientConfig:
        caBundle: ${ca.caBundle}
        service:
          namespace: ${namespace}
          name: ${SERVICE}
          path: /crdconvert
          port: 9443
  versions:
${versionBlock('v1', { hostPort: 'string' })}
${versionBlock('v2', { host: 'string', port: 'string' })}
`;
}

/** The Service (9443 → the webhook) and the Endpoints kapi routes to: the webhook's loopback port. */
function serviceManifest(version: string, webhookPort: number): string {
  const { namespace } = names(version);
  return `apiVersion: v1
kind: Service
metadata:
  name: ${SERVICE}
  namespace: ${namespace}
spec:
  ports:
  - protocol: TCP
    port: 9443
    targetPort: 9444
---
apiVersion: v1
kind: Endpoints
metadata:
  name: ${SERVICE}
  namespace: ${namespace}
subsets:
- addresses:
  - ip: 127.0.0.1
  ports:
  - port: ${webhookPort}
    protocol: TCP
`;
}

function crManifest(version: string, name: string, apiVersion: 'v1' | 'v2'): string {
  const { namespace, kind } = names(version);
  const spec = apiVersion === 'v1' ? '  hostPort: localhost:8080' : '  host: localhost\n  port: "8080"';
  return `apiVersion: stable.example.com/${apiVersion}
kind: ${kind}
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
${spec}
`;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `attempt` until it returns a value, for at most `ms`; the last failure otherwise. */
async function eventually<T>(ms: number, attempt: () => Promise<T | undefined>, describe: () => string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await attempt();
    if (value !== undefined) return value;
    if (Date.now() > deadline) assert.fail(`not within ${ms} ms: ${describe()}`);
    await pause(200);
  }
}

function conversionThroughWebhook(backend: Backend): void {
  describe(`CRD conversion webhook through kapi serve on ${backend}`, { skip: SKIP }, () => {
    let kapi: Kapi;
    let ca: TestCA;
    const webhooks = new Map<string, RunningWebhook>();

    before(async () => {
      ca = createTestCA();
      kapi = await startKapi({ backend });
      for (const version of VERSIONS) {
        const { namespace } = names(version);
        webhooks.set(version, await startWebhookServer(ca.serving([`${SERVICE}.${namespace}.svc`]), conversionReviewHandler()));
      }
    });
    after(async () => {
      for (const webhook of webhooks.values()) await webhook.close();
      const code = await kapi.stop();
      assert.equal(code, 0, `the server did not stop cleanly:\n${kapi.log()}`);
    });

    for (const version of VERSIONS) {
      describe(`kubectl ${version}`, () => {
        const n = names(version);
        const webhook = (): RunningWebhook => webhooks.get(version)!;
        const getJSON = async (resource: string, ...args: string[]): Promise<Obj> => JSON.parse(ok(await kapi.kubectl(version, 'get', resource, '-n', n.namespace, '-o', 'json', ...args))) as Obj;

        before(async () => {
          ok(await kapi.kubectl(version, 'create', 'namespace', n.namespace));
          ok(await kapi.kubectl(version, 'apply', '-f', kapi.file(`service-${version}.yaml`, serviceManifest(version, webhook().port))));
          ok(await kapi.kubectl(version, 'apply', '-f', kapi.file(`crd-${version}.yaml`, crdManifest(version, ca, 'v1'))));
          ok(await kapi.kubectl(version, 'wait', '--for', 'condition=established', '--timeout=30s', `crd/${n.crd}`));
        });

        it('converts from CR v1 to CR v2 (conformance 24)', async () => {
          ok(await kapi.kubectl(version, 'apply', '-f', kapi.file(`cr1-${version}.yaml`, crManifest(version, 'cr-instance-1', 'v1'))));
          // As the conformance test does, wait until a read at v2 succeeds (the CRD's versions are being installed).
          const atV2 = await eventually(
            20_000,
            async () => {
              const r = await kapi.kubectl(version, 'get', `${n.plural}.v2.stable.example.com/cr-instance-1`, '-n', n.namespace, '-o', 'json');
              return r.code === 0 ? (JSON.parse(r.stdout) as Obj) : undefined;
            },
            () => kapi.log().slice(-2000),
          );
          assert.equal(atV2['apiVersion'], 'stable.example.com/v2');
          assert.deepEqual(atV2['spec'], { host: 'localhost', port: '8080' });
          const review = webhook().requests.find((r) => ((r.body as Obj)['request'] as Obj | undefined)?.['desiredAPIVersion'] === 'stable.example.com/v2');
          assert.ok(review, 'the webhook was asked for v2');
          assert.equal(review.path, '/crdconvert?timeout=30s');
          assert.equal((review.body as Obj)['apiVersion'], 'apiextensions.k8s.io/v1', 'the first review version the CRD lists');

          // the same object at v1 is what was stored, without asking the webhook
          const atV1 = await getJSON(`${n.plural}.v1.stable.example.com/cr-instance-1`);
          assert.equal(atV1['apiVersion'], 'stable.example.com/v1');
          assert.deepEqual(atV1['spec'], { hostPort: 'localhost:8080' });
        });

        it('converts a non-homogeneous list after the storage version changes (conformance 23)', async () => {
          ok(await kapi.kubectl(version, 'apply', '-f', kapi.file(`crd-${version}-v2.yaml`, crdManifest(version, ca, 'v2'))));
          await eventually(
            20_000,
            async () => {
              const crd = JSON.parse(ok(await kapi.kubectl(version, 'get', `crd/${n.crd}`, '-o', 'json'))) as Obj;
              const stored = ((crd['status'] as Obj | undefined)?.['storedVersions'] ?? []) as string[];
              return stored.includes('v2') ? true : undefined;
            },
            () => 'status.storedVersions never listed v2',
          );
          // As upstream's setAndWaitStorageVersion: probe until a write at v1 is converted to v2 for
          // storage (the webhook sees it), so the server has switched before CR-2 is written.
          let probes = 0;
          await eventually(
            20_000,
            async () => {
              const name = `probe-${++probes}`;
              const created = await kapi.request(`/apis/stable.example.com/v1/namespaces/${n.namespace}/${n.plural}`, {
                method: 'POST',
                contentType: 'application/json',
                body: JSON.stringify({ apiVersion: 'stable.example.com/v1', kind: n.kind, metadata: { name }, spec: { hostPort: 'probe:1' } }),
              });
              assert.equal(created.status, 201, created.body);
              const converted = webhook().requests.some((r) => {
                const request = (r.body as Obj)['request'] as Obj | undefined;
                return request?.['desiredAPIVersion'] === 'stable.example.com/v2' && ((request['objects'] ?? []) as Obj[]).some((o) => (o['metadata'] as Obj)['name'] === name);
              });
              const deleted = await kapi.request(`/apis/stable.example.com/v1/namespaces/${n.namespace}/${n.plural}/${name}`, { method: 'DELETE' });
              assert.equal(deleted.status, 200, deleted.body);
              return converted ? true : undefined;
            },
            () => 'writes at v1 were never converted to the v2 storage version',
          );
          ok(await kapi.kubectl(version, 'apply', '-f', kapi.file(`cr2-${version}.yaml`, crManifest(version, 'cr-instance-2', 'v2'))));

          const v2List = await getJSON(`${n.plural}.v2.stable.example.com`);
          const v2Items = v2List['items'] as Obj[];
          assert.deepEqual(
            v2Items.map((item) => [(item['metadata'] as Obj)['name'], item['apiVersion'], item['spec']]),
            [
              ['cr-instance-1', 'stable.example.com/v2', { host: 'localhost', port: '8080' }],
              ['cr-instance-2', 'stable.example.com/v2', { host: 'localhost', port: '8080' }],
            ],
          );
          const v1List = await getJSON(`${n.plural}.v1.stable.example.com`);
          assert.deepEqual(
            (v1List['items'] as Obj[]).map((item) => [(item['metadata'] as Obj)['name'], item['apiVersion'], item['spec']]),
            [
              ['cr-instance-1', 'stable.example.com/v1', { hostPort: 'localhost:8080' }],
              ['cr-instance-2', 'stable.example.com/v1', { hostPort: 'localhost:8080' }],
            ],
          );
          // CR-2 was stored at v2: the v1 list had the webhook convert it down.
          const down = webhook().requests.some((r) => {
            const request = (r.body as Obj)['request'] as Obj | undefined;
            const objects = (request?.['objects'] ?? []) as Obj[];
            return request?.['desiredAPIVersion'] === 'stable.example.com/v1' && objects.some((o) => (o['metadata'] as Obj)['name'] === 'cr-instance-2' && o['apiVersion'] === 'stable.example.com/v2');
          });
          assert.ok(down, 'cr-instance-2 went to the webhook from v2 to v1');
        });

        it('converts watch events: a watch at v1 sees an object written at v2 with hostPort', async () => {
          const watched = await kapi.watch(
            version,
            8000,
            ['get', `${n.plural}.v1.stable.example.com`, '-n', n.namespace, '-w', '-o', 'json', '--field-selector', 'metadata.name=cr-watch'],
            async () => {
              ok(await kapi.kubectl(version, 'apply', '-f', kapi.file(`cr-watch-${version}.yaml`, crManifest(version, 'cr-watch', 'v2'))));
            },
          );
          const events = watched.stdout
            .split(/\n(?=\{)/)
            .filter((chunk) => chunk.trim() !== '')
            .map((chunk) => JSON.parse(chunk) as Obj);
          assert.ok(events.length >= 1, `no event:\n${watched.stdout}\n${watched.stderr}`);
          for (const event of events) {
            assert.equal(event['apiVersion'], 'stable.example.com/v1');
            assert.deepEqual(event['spec'], { hostPort: 'localhost:8080' });
          }
          const asked = webhook().requests.some((r) => {
            const request = (r.body as Obj)['request'] as Obj | undefined;
            return request?.['desiredAPIVersion'] === 'stable.example.com/v1' && ((request['objects'] ?? []) as Obj[]).some((o) => (o['metadata'] as Obj)['name'] === 'cr-watch');
          });
          assert.ok(asked, 'the watch event went to the webhook from v2 to v1');
        });

        it('answers a failing webhook with a 500 Status naming the conversion webhook (kubectl: Error from server: …), and recovers with it', async () => {
          // stored at v2 (the storage version now) and never read at v1: reading it at v1 needs the webhook
          ok(await kapi.kubectl(version, 'apply', '-f', kapi.file(`cr3-${version}.yaml`, crManifest(version, 'cr-instance-3', 'v2'))));
          const failing = new RegExp(`conversion webhook for stable\\.example\\.com/v2, Kind=${n.kind} failed: the converter is down for maintenance`);
          webhook().handle(
            conversionReviewHandler(convertHostPort, (review) => ({
              ...review,
              response: { ...(review['response'] as Obj), result: { status: 'Failure', message: 'the converter is down for maintenance' } },
            })),
          );
          try {
            const response = await kapi.request(`/apis/stable.example.com/v1/namespaces/${n.namespace}/${n.plural}/cr-instance-3`);
            assert.equal(response.status, 500, response.body);
            const status = response.json as Obj;
            assert.equal(status['kind'], 'Status');
            assert.equal(status['code'], 500);
            // as kube-apiserver answers a stored object it cannot decode: the converter's words, no reason
            assert.equal(status['reason'] ?? '', '');
            assert.match(String(status['message']), new RegExp(`^${failing.source}$`));
            const list = await kapi.kubectl(version, 'get', `${n.plural}.v1.stable.example.com`, '-n', n.namespace);
            assert.notEqual(list.code, 0, list.stdout);
            // a list goes to the webhook as one review, named by the list's kind
            assert.match(list.stderr, new RegExp(`^Error from server: conversion webhook for stable\\.example\\.com/v2, Kind=${n.kind}List failed: the converter is down for maintenance`));
            // a write at v1 must be converted to the v2 storage version: 500 InternalError, as upstream
            const created = await kapi.kubectl(version, 'create', '-f', kapi.file(`cr5-${version}.yaml`, crManifest(version, 'cr-instance-5', 'v1')));
            assert.notEqual(created.code, 0, created.stdout);
            assert.match(
              created.stderr,
              new RegExp(
                `^Error from server \\(InternalError\\): error when creating ".*cr5-${version}\\.yaml": Internal error occurred: conversion webhook for stable\\.example\\.com/v1, Kind=${n.kind} failed: the converter is down for maintenance`,
              ),
            );
          } finally {
            webhook().handle(conversionReviewHandler());
          }
          const healed = await getJSON(`${n.plural}.v1.stable.example.com/cr-instance-3`);
          assert.deepEqual(healed['spec'], { hostPort: 'localhost:8080' });
          // a failed conversion is not remembered: the list that failed now succeeds
          const list = await getJSON(`${n.plural}.v1.stable.example.com`);
          assert.deepEqual(
            (list['items'] as Obj[]).map((item) => [(item['metadata'] as Obj)['name'], item['spec']]),
            ['cr-instance-1', 'cr-instance-2', 'cr-instance-3', 'cr-watch'].map((name) => [name, { hostPort: 'localhost:8080' }]),
          );
        });

        it('answers a webhook whose service has no endpoints with a 500 naming the service', async () => {
          ok(await kapi.kubectl(version, 'apply', '-f', kapi.file(`cr4-${version}.yaml`, crManifest(version, 'cr-instance-4', 'v2'))));
          ok(await kapi.kubectl(version, 'delete', 'endpoints', SERVICE, '-n', n.namespace));
          try {
            const response = await kapi.request(`/apis/stable.example.com/v1/namespaces/${n.namespace}/${n.plural}/cr-instance-4`);
            assert.equal(response.status, 500, response.body);
            assert.match(
              String((response.json as Obj)['message']),
              new RegExp(
                `conversion webhook for stable\\.example\\.com/v2, Kind=${n.kind} failed: Post "https://${SERVICE}\\.${n.namespace}\\.svc:9443/crdconvert\\?timeout=30s": endpoints "${SERVICE}" not found$`,
              ),
            );
          } finally {
            ok(await kapi.kubectl(version, 'apply', '-f', kapi.file(`service-${version}.yaml`, serviceManifest(version, webhook().port))));
          }
          const healed = await getJSON(`${n.plural}.v1.stable.example.com/cr-instance-4`);
          assert.deepEqual(healed['spec'], { hostPort: 'localhost:8080' });
        });
      });
    }
  });
}

for (const backend of backends()) conversionThroughWebhook(backend);
