/**
 * aggregator: GETs per second of one flunder through kapi's aggregator proxy (client → kapi →
 * the sample aggregated server, examples/sample-apiserver, in its own process) against GETs per
 * second straight to the sample server, as the aggregator itself calls it (front-proxy client
 * certificate and X-Remote-* headers). Both HTTPS, same autocannon load, `?resourceVersion=0`
 * (the sample's watch cache). Goal: proxied ≥ 0.6× direct.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startSampleProcess, type SampleProcess } from '../test/examples/support/sample-process.js';
import { freePort } from '../test/support/net.js';
import { bestOfAlternating, goal, reportRates } from './harness.js';
import { cpuMs } from './support/cpu.js';
import { request, requestJSON, type Target } from './support/http.js';
import { startKapi, type KapiProcess } from './support/kapi-process.js';
import { checkLoad, type LoadResult } from './support/load.js';

const CONNECTIONS = 16;
const ROUNDS = 3;
const SECONDS = 2;
const APISERVICE = 'v1alpha1.wardle.example.com';
const OBJECT_PATH = '/apis/wardle.example.com/v1alpha1/namespaces/default/flunders/bench?resourceVersion=0';

interface ClientTLS {
  readonly ca: Buffer | string;
  readonly cert: Buffer;
  readonly key: Buffer;
}

/** autocannon with a client certificate, bounded by a duration and a request cap; only 2xx count. */
async function loadWithCertificate(name: string, url: string, tls: ClientTLS, headers: Record<string, string> = {}): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    maxOverallRequests: 1_000_000,
    headers: { accept: 'application/json', ...headers },
    tlsOptions: { ca: tls.ca, cert: tls.cert, key: tls.key },
    timeout: 30,
  });
  const ok = result['2xx'];
  return { name, ops: ok, perSecond: ok / result.duration, non2xx: result.non2xx, errors: result.errors, p99Ms: result.latency.p99 };
}

/** Registers the sample with kapi (Namespace, Service, Endpoints, APIService) and waits until it is Available. */
async function register(admin: Target, sample: SampleProcess): Promise<void> {
  await requestJSON(admin, 'POST', '/api/v1/namespaces', { metadata: { name: 'wardle' } });
  await requestJSON(admin, 'POST', '/api/v1/namespaces/wardle/services', { metadata: { name: 'api' }, spec: { ports: [{ port: 443, targetPort: sample.port }] } });
  await requestJSON(admin, 'POST', '/api/v1/namespaces/wardle/endpoints', { metadata: { name: 'api' }, subsets: [{ addresses: [{ ip: '127.0.0.1' }], ports: [{ port: sample.port }] }] });
  await requestJSON(admin, 'POST', '/apis/apiregistration.k8s.io/v1/apiservices', {
    apiVersion: 'apiregistration.k8s.io/v1',
    kind: 'APIService',
    metadata: { name: APISERVICE },
    spec: { group: 'wardle.example.com', version: 'v1alpha1', groupPriorityMinimum: 2000, versionPriority: 200, caBundle: Buffer.from(sample.ca).toString('base64'), service: { namespace: 'wardle', name: 'api', port: 443 } },
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const reply = await request(admin, 'GET', `/apis/apiregistration.k8s.io/v1/apiservices/${APISERVICE}`);
    const conditions = (JSON.parse(reply.body.toString()) as { status?: { conditions?: { type: string; status: string }[] } }).status?.conditions ?? [];
    if (conditions.some((c) => c.type === 'Available' && c.status === 'True')) return;
    if (Date.now() > deadline) throw new Error(`${APISERVICE} did not become Available: ${reply.body.toString()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function benchAggregator(): Promise<void> {
  const kapi: KapiProcess = await startKapi();
  const sampleDir = mkdtempSync(path.join(os.tmpdir(), 'kapi-bench-sample-'));
  let sample: SampleProcess | undefined;
  const pki = (name: string): Buffer => readFileSync(path.join(kapi.dataDir, 'pki', name));
  const adminTLS: ClientTLS = { ca: kapi.ca, cert: pki('admin.crt'), key: pki('admin.key') };
  const admin: Target = { host: kapi.host, port: kapi.port, agent: new https.Agent({ keepAlive: true, ...adminTLS }) };
  try {
    sample = await startSampleProcess({
      port: await freePort(),
      dataDir: sampleDir,
      requestHeaderCAFile: path.join(kapi.dataDir, 'pki', 'front-proxy-ca.crt'),
      allowedNames: ['front-proxy-client'],
      dnsNames: ['api.wardle.svc'],
    });
    await register(admin, sample);
    await requestJSON(admin, 'POST', '/apis/wardle.example.com/v1alpha1/namespaces/default/flunders', {
      apiVersion: 'wardle.example.com/v1alpha1',
      kind: 'Flunder',
      metadata: { name: 'bench' },
      spec: { reference: 'other' },
    });
    const proxiedURL = `${kapi.url}${OBJECT_PATH}`;
    const directURL = `https://127.0.0.1:${sample.port}${OBJECT_PATH}`;
    // The direct calls carry what the aggregator sends: its front-proxy certificate and the caller's identity.
    const frontProxyTLS: ClientTLS = { ca: sample.ca, cert: pki('front-proxy-client.crt'), key: pki('front-proxy-client.key') };
    const identity = { 'X-Remote-User': 'kubernetes-admin', 'X-Remote-Group': 'system:masters' };
    await loadWithCertificate('warm-up', directURL, frontProxyTLS, identity);
    await loadWithCertificate('warm-up', proxiedURL, adminTLS);

    const samplePid = sample.pid();
    const cpu = { direct: 0, directOps: 0, proxiedKapi: 0, proxiedSample: 0, proxiedOps: 0 };
    const [direct, proxied] = await bestOfAlternating(ROUNDS, [
      async () => {
        const before = cpuMs(samplePid);
        const r = await loadWithCertificate('sample server directly (front-proxy certificate)', directURL, frontProxyTLS, identity);
        cpu.direct += cpuMs(samplePid) - before;
        cpu.directOps += r.ops;
        return r;
      },
      async () => {
        const before = { kapi: cpuMs(kapi.pid), sample: cpuMs(samplePid) };
        const r = await loadWithCertificate('through kapi’s aggregator proxy', proxiedURL, adminTLS);
        cpu.proxiedKapi += cpuMs(kapi.pid) - before.kapi;
        cpu.proxiedSample += cpuMs(samplePid) - before.sample;
        cpu.proxiedOps += r.ops;
        return r;
      },
    ]);
    checkLoad(direct!);
    checkLoad(proxied!);
    reportRates(`aggregator (GET one flunder, HTTPS both, ${CONNECTIONS} connections, best of ${ROUNDS} alternating ${SECONDS} s rounds)`, direct!, [proxied!]);
    process.stdout.write(`  latency p99: direct ${direct!.p99Ms} ms, proxied ${proxied!.p99Ms} ms\n`);
    process.stdout.write(
      `  CPU per GET: direct ${(cpu.direct / cpu.directOps).toFixed(3)} ms (sample); proxied ${(cpu.proxiedKapi / cpu.proxiedOps).toFixed(3)} ms (kapi) + ${(cpu.proxiedSample / cpu.proxiedOps).toFixed(3)} ms (sample)\n`,
    );
    goal('proxied GETs/s ÷ direct GETs/s (aggregator)', proxied!.perSecond / direct!.perSecond, '≥', 0.6);
  } finally {
    admin.agent.destroy();
    await sample?.stop();
    await kapi.stop();
    rmSync(sampleDir, { recursive: true, force: true });
  }
}
