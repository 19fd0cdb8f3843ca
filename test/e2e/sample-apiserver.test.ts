/**
 * End to end: the sample aggregated server (examples/sample-apiserver, its own process) behind
 * `kapi serve`, registered as users do it — a Service, its Endpoints on the sample's loopback port
 * and the APIService `v1alpha1.wardle.example.com` with the sample's CA as caBundle, applied with
 * kubectl — then kubectl 1.27 and 1.33 creating, listing, reading and deleting flunders through
 * kapi, the BanFlunder rule answering through the proxy, the caller's identity reaching the sample
 * through the front-proxy headers, the sample asking kapi whether that caller may
 * (SubjectAccessReview, seen in kapi's audit log), and
 * (upstream's Aggregator conformance flow) stopping the
 * sample: the APIService turns unavailable and its requests 503 while built-ins keep serving,
 * until it is back with its data.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { freePort } from '../support/net.js';
import { call } from '../examples/support/https.js';
import { startSampleProcess, type SampleProcess } from '../examples/support/sample-process.js';
import { backends, fails, kubectlVersions, ok, startKapi, type Kapi } from './support/kapi.js';

const VERSIONS = kubectlVersions();
const APISERVICE = 'v1alpha1.wardle.example.com';
const BASE = '/apis/wardle.example.com/v1alpha1';

interface Condition {
  type: string;
  status: string;
  reason?: string;
}

async function until<T>(what: string, ms: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function registration(sample: SampleProcess): string {
  return `apiVersion: v1
kind: Namespace
metadata:
  name: wardle
---
apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: wardle
spec:
  ports:
  - port: 443
    targetPort: ${sample.port}
---
apiVersion: v1
kind: Endpoints
metadata:
  name: api
  namespace: wardle
subsets:
- addresses:
  - ip: 127.0.0.1
  ports:
  - port: ${sample.port}
---
apiVersion: apiregistration.k8s.io/v1
kind: APIService
metadata:
  name: ${APISERVICE}
spec:
  group: wardle.example.com
  version: v1alpha1
  groupPriorityMinimum: 2000
  versionPriority: 200
  caBundle: ${Buffer.from(sample.ca).toString('base64')}
  service:
    namespace: wardle
    name: api
    port: 443
`;
}

const flunder = (name: string, reference?: string): string => `apiVersion: wardle.example.com/v1alpha1
kind: Flunder
metadata:
  name: ${name}
  namespace: default
${reference ? `spec:\n  reference: ${reference}\n` : ''}`;

/** The users the sample server logged (-v=3) for requests to `uri`. */
function usersSeen(sample: SampleProcess, uri: string): string[] {
  return sample
    .log()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { msg?: string; URI?: string; user?: string })
    .filter((entry) => entry.msg === 'HTTP' && entry.URI?.split('?')[0] === uri)
    .map((entry) => entry.user ?? '');
}

for (const backend of backends()) {
  describe(`sample-apiserver through kapi serve (${backend})`, () => {
    let kapi: Kapi;
    let sample: SampleProcess;
    let sampleDir: string;
    let auditDir: string;
    let auditLog: string;

    before(async () => {
      auditDir = mkdtempSync(path.join(os.tmpdir(), 'sample-apiserver-audit-'));
      auditLog = path.join(auditDir, 'audit.log');
      kapi = await startKapi({ backend, flags: [`--audit-log-path=${auditLog}`] });
      sampleDir = mkdtempSync(path.join(os.tmpdir(), 'sample-apiserver-e2e-'));
      sample = await startSampleProcess({
        port: await freePort(),
        dataDir: sampleDir,
        requestHeaderCAFile: path.join(kapi.dataDir, 'pki', 'front-proxy-ca.crt'),
        allowedNames: ['front-proxy-client'],
        dnsNames: ['api.wardle.svc'],
        authorizationKubeconfig: kapi.kubeconfig,
        verbosity: 3,
      });
    });
    after(async () => {
      const sampleCode = await sample?.stop();
      const code = await kapi?.stop();
      if (sampleDir) rmSync(sampleDir, { recursive: true, force: true });
      if (auditDir) rmSync(auditDir, { recursive: true, force: true });
      assert.equal(sampleCode, 0, `the sample server did not stop cleanly:\n${sample?.log()}`);
      assert.equal(code, 0, `kapi did not stop cleanly:\n${kapi?.log()}`);
    });

    it('registers with kubectl apply of a Service, Endpoints and APIService, and becomes Available', async () => {
      const version = VERSIONS.at(-1)!;
      ok(await kapi.kubectl(version, 'apply', '-f', kapi.file('wardle.yaml', registration(sample))));
      ok(await kapi.kubectl(version, 'wait', '--for=condition=Available', `apiservice/${APISERVICE}`, '--timeout=60s'));
      const table = ok(await kapi.kubectl(version, 'get', 'apiservice', APISERVICE));
      assert.match(table, /^v1alpha1\.wardle\.example\.com\s+wardle\/api\s+True\s+/m);
    });

    it('serves the conformance flow over REST: empty list, create, list of one, delete', async () => {
      const empty = await until('the flunders list through the proxy', 30_000, async () => {
        const reply = await kapi.request(`${BASE}/namespaces/default/flunders`);
        return reply.status === 200 ? reply : undefined;
      });
      assert.deepEqual((empty.json as { items: unknown[] }).items, []);
      const created = await kapi.request(`${BASE}/namespaces/default/flunders`, {
        method: 'POST',
        contentType: 'application/json',
        body: JSON.stringify({ apiVersion: 'wardle.example.com/v1alpha1', kind: 'Flunder', metadata: { name: 'rest-flunder' }, spec: { reference: 'other' } }),
      });
      assert.equal(created.status, 201, created.body);
      assert.deepEqual((created.json as { spec: unknown }).spec, { reference: 'other', referenceType: 'Flunder' });
      const list = await kapi.request(`${BASE}/namespaces/default/flunders`);
      assert.deepEqual((list.json as { items: { metadata: { name: string } }[] }).items.map((i) => i.metadata.name), ['rest-flunder']);
      const deleted = await kapi.request(`${BASE}/namespaces/default/flunders/rest-flunder`, { method: 'DELETE' });
      assert.equal(deleted.status, 200, deleted.body);
      assert.equal((await kapi.request(`${BASE}/namespaces/default/flunders/rest-flunder`)).status, 404);
    });

    for (const version of VERSIONS) {
      it(`kubectl ${version} creates, lists, reads and deletes flunders through kapi`, async () => {
        const name = `flunder-${version.replace('.', '-')}`;
        ok(await kapi.kubectl(version, 'create', '-f', kapi.file(`${name}.yaml`, flunder(name, 'other'))));
        const table = ok(await kapi.kubectl(version, 'get', 'flunders', '-n', 'default'));
        assert.match(table, /^NAME\s+CREATED AT$/m);
        assert.match(table, new RegExp(`^${name}\\s+\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$`, 'm'));
        const object = JSON.parse(ok(await kapi.kubectl(version, 'get', 'flunder', name, '-n', 'default', '-o', 'json'))) as { apiVersion: string; spec: unknown };
        assert.equal(object.apiVersion, 'wardle.example.com/v1alpha1');
        assert.deepEqual(object.spec, { reference: 'other', referenceType: 'Flunder' });
        const deleted = ok(await kapi.kubectl(version, 'delete', 'flunder', name, '-n', 'default'));
        assert.match(deleted, new RegExp(`flunder\\.wardle\\.example\\.com "${name}" deleted`));
      });
    }

    it('answers through kapi with the sample server’s own rules: BanFlunder and validation', async () => {
      const version = VERSIONS.at(-1)!;
      ok(await kapi.kubectl(version, 'apply', '-f', kapi.file('fischer.yaml', 'apiVersion: wardle.example.com/v1alpha1\nkind: Fischer\nmetadata:\n  name: strict\ndisallowedFlunders:\n- banned\n')));
      const banned = fails(await kapi.kubectl(version, 'create', '-f', kapi.file('banned.yaml', flunder('banned'))));
      assert.match(banned, /flunders\.wardle\.example\.com "banned" is forbidden: this name may not be used, please change the resource name/);
      const invalid = fails(await kapi.kubectl(version, 'create', '-f', kapi.file('invalid.yaml', `${flunder('invalid', 'x')}  referenceType: Other\n`)));
      assert.match(invalid, /spec\.referenceType: Invalid value: "Other": must be Flunder or Fischer/);
    });

    it('tells the sample server who the caller is', async () => {
      const version = VERSIONS.at(-1)!;
      ok(await kapi.kubectl(version, 'get', 'flunders', '-n', 'default'));
      ok(await kapi.kubectl(version, 'get', 'flunders', '-n', 'default', '--as=alice', '--as-group=system:masters'));
      await until('the request log', 5000, async () => (usersSeen(sample, `${BASE}/namespaces/default/flunders`).includes('alice') ? true : undefined));
      const users = new Set(usersSeen(sample, `${BASE}/namespaces/default/flunders`));
      assert.ok(users.has('kubernetes-admin'), [...users].join(','));
      assert.ok(users.has('alice'), [...users].join(','));
      assert.ok(!users.has('system:anonymous') && !users.has('front-proxy-client'), [...users].join(','));
    });

    it('asks kapi whether the caller may (a SubjectAccessReview in kapi’s audit log), except for system:masters', async () => {
      const frontProxy = { ca: sample.ca, cert: readFileSync(path.join(kapi.dataDir, 'pki', 'front-proxy-client.crt'), 'utf8'), key: readFileSync(path.join(kapi.dataDir, 'pki', 'front-proxy-client.key'), 'utf8') };
      const asUser = (user: string, groups: string[]) =>
        call('GET', `${BASE}/namespaces/default/flunders?limit=7`, { port: sample.port, ...frontProxy, headers: { 'X-Remote-User': user, 'X-Remote-Group': groups } });
      const reviews = (): number =>
        readFileSync(auditLog, 'utf8')
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as { verb: string; userAgent?: string; objectRef?: { resource?: string }; user: { username: string } })
          .filter((e) => e.verb === 'create' && e.objectRef?.resource === 'subjectaccessreviews' && e.userAgent === 'sample-apiserver/delegated-authorization')
          .map((e) => e.user.username)
          .filter((u) => u === 'kubernetes-admin').length;
      const before = reviews();
      const carol = await asUser('carol', ['system:masters']);
      assert.equal(carol.status, 200, carol.text);
      assert.equal(reviews(), before, 'system:masters is allowed without asking');
      const bob = await asUser('bob', ['dev']);
      assert.equal(bob.status, 200, bob.text);
      await until('the review in the audit log', 5000, async () => (reviews() > before ? true : undefined));
      // the answer is kept: asking again within 10 s does not review again
      await asUser('bob', ['dev']);
      assert.equal(reviews(), before + 1);
    });

    it('publishes the sample’s own OpenAPI through kapi: kubectl explain and the merged /openapi/v2', async () => {
      const definition = await until('the sample’s Flunder in kapi’s /openapi/v2', 30_000, async () => {
        const doc = (await kapi.request('/openapi/v2')).json as { definitions?: Record<string, { properties?: Record<string, unknown> }> };
        return doc.definitions?.['io.k8s.sample-apiserver.pkg.apis.wardle.v1alpha1.FlunderSpec'];
      });
      assert.deepEqual(Object.keys(definition.properties ?? {}).sort(), ['reference', 'referenceType']);
      const explained = ok(await kapi.kubectl(VERSIONS.at(-1)!, 'explain', 'flunders.spec'));
      assert.match(explained, /reference\s+<string>/);
      assert.match(explained, /referenceType\s+<string>/);
    });

    it('serves v1beta1 too once its APIService is registered: a flunder converted on the wire through kapi', async () => {
      const newest = VERSIONS.at(-1)!;
      const v1beta1 = registration(sample)
        .split('---\n')
        .at(-1)!
        .replaceAll('v1alpha1', 'v1beta1')
        .replace('versionPriority: 200', 'versionPriority: 300');
      ok(await kapi.kubectl(newest, 'apply', '-f', kapi.file('v1beta1.yaml', v1beta1)));
      ok(await kapi.kubectl(newest, 'wait', '--for=condition=Available', 'apiservice/v1beta1.wardle.example.com', '--timeout=60s'));
      ok(await kapi.kubectl(newest, 'create', '-f', kapi.file('fish.yaml', `${flunder('fishy', 'nemo')}  referenceType: Fischer\n`)));
      for (const version of VERSIONS) {
        const beta = JSON.parse(ok(await kapi.kubectl(version, 'get', 'flunders.v1beta1.wardle.example.com', 'fishy', '-n', 'default', '-o', 'json'))) as { apiVersion: string; spec: unknown };
        assert.equal(beta.apiVersion, 'wardle.example.com/v1beta1');
        assert.deepEqual(beta.spec, { fischerReference: 'nemo', referenceType: 'Fischer' });
        const alpha = JSON.parse(ok(await kapi.kubectl(version, 'get', 'flunders.v1alpha1.wardle.example.com', 'fishy', '-n', 'default', '-o', 'json'))) as { spec: unknown };
        assert.deepEqual(alpha.spec, { reference: 'nemo', referenceType: 'Fischer' });
      }
    });

    it('turns unavailable and 503 when the sample stops, while built-ins serve, and comes back with its data', async () => {
      const version = VERSIONS.at(-1)!;
      ok(await kapi.kubectl(version, 'create', '-f', kapi.file('kept.yaml', flunder('kept'))));
      assert.equal(await sample.stop(), 0, sample.log());
      await until('Available=False', 30_000, async () => {
        const reply = await kapi.request(`/apis/apiregistration.k8s.io/v1/apiservices/${APISERVICE}`);
        const condition = (reply.json as { status?: { conditions?: Condition[] } }).status?.conditions?.find((c) => c.type === 'Available');
        return condition?.status === 'False' ? condition : undefined;
      });
      const down = await kapi.request(`${BASE}/namespaces/default/flunders`);
      assert.equal(down.status, 503, down.body);
      assert.equal((down.json as { reason: string }).reason, 'ServiceUnavailable');
      for (const v of VERSIONS) {
        assert.match(ok(await kapi.kubectl(v, 'get', 'namespace', 'default')), /^default\s+Active\s+/m);
        const table = ok(await kapi.kubectl(v, 'get', 'apiservice', APISERVICE));
        assert.match(table, /wardle\/api\s+False \(FailedDiscoveryCheck\)/);
        // Aggregated discovery marks the group-version Stale, so kubectl no longer maps the
        // resource (as against kube-apiserver); a direct read of it gets the proxy's 503.
        const failed = fails(await kapi.kubectl(v, 'get', 'flunders', '-n', 'default'));
        assert.match(failed, /the server doesn't have a resource type "flunders"|ServiceUnavailable/);
        const raw = fails(await kapi.kubectl(v, 'get', '--raw', `${BASE}/namespaces/default/flunders`));
        assert.match(raw, /ServiceUnavailable|the server is currently unable to handle the request/);
      }

      await sample.start();
      ok(await kapi.kubectl(version, 'wait', '--for=condition=Available', `apiservice/${APISERVICE}`, '--timeout=60s'));
      const back = await until('flunders served again', 30_000, async () => {
        const reply = await kapi.request(`${BASE}/namespaces/default/flunders`);
        return reply.status === 200 ? reply : undefined;
      });
      assert.ok((back.json as { items: { metadata: { name: string } }[] }).items.some((i) => i.metadata.name === 'kept'));
    });
  });
}
