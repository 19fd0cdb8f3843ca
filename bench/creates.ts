/**
 * creates: ConfigMaps created per second through kapi (HTTP POST, autocannon) against raw etcd3
 * client puts per second at the same concurrency on the same etcd, started here on a free
 * loopback port. Goal: kapi ≥ 0.6× the raw puts.
 */
import { Etcd3 } from 'etcd3';
import { findEtcd, startEtcd } from '../test/storage/support/etcd.js';
import { goal, rate, reportRates, type Rate } from './harness.js';
import { cpuMs } from './support/cpu.js';
import { startKapi } from './support/kapi-process.js';
import { checkLoad, load } from './support/load.js';

const CONCURRENCY = 32;
const SECONDS = 5;
const MAX_OPS = 100_000;

/** A small ConfigMap as a client posts it; generateName gives every request its own object. */
const POSTED = JSON.stringify({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { generateName: 'bench-', namespace: 'default', labels: { app: 'bench' } },
  data: { key: 'value' },
});

/** What kapi stores for such a ConfigMap, for the raw puts to write the same bytes. */
const STORED = (i: number): string =>
  JSON.stringify({
    kind: 'ConfigMap',
    apiVersion: 'v1',
    metadata: {
      name: `bench-${i.toString(36).padStart(5, '0')}`,
      namespace: 'default',
      uid: '6b1f0c9e-3a3e-4a57-9c59-0c5a1e2b7d10',
      creationTimestamp: '2026-01-01T00:00:00Z',
      labels: { app: 'bench' },
      managedFields: [],
    },
    data: { key: 'value' },
  });

async function rawPuts(endpoint: string): Promise<Rate> {
  const client = new Etcd3({ hosts: endpoint });
  try {
    await rate('warm-up', CONCURRENCY, (i) => client.put(`/bench-raw/warm${i}`).value(STORED(i)).exec(), 1000, 5000);
    const put = (i: number) => client.put(`/bench-raw/k${i}`).value(STORED(i)).exec();
    const cpuBefore = cpuMs(process.pid);
    const result = await rate(`raw etcd3 client put, ${CONCURRENCY} in flight`, CONCURRENCY, put, SECONDS * 1000, MAX_OPS);
    process.stdout.write(`
  client CPU per raw put: ${((cpuMs(process.pid) - cpuBefore) / result.ops).toFixed(3)} ms\n`);
    return result;
  } finally {
    client.close();
  }
}

export async function benchCreates(): Promise<void> {
  const binary = findEtcd();
  if (!binary) {
    process.stdout.write('\ncreates: etcd is not installed; skipped\n');
    return;
  }
  const etcd = await startEtcd(binary);
  try {
    const raw = await rawPuts(etcd.endpoint);
    const kapi = await startKapi({ etcdServers: [etcd.endpoint] });
    try {
      const url = `${kapi.url}/api/v1/namespaces/default/configmaps`;
      const options = { url, method: 'POST' as const, body: POSTED, connections: CONCURRENCY };
      await load({ ...options, name: 'warm-up', seconds: 2, maxRequests: 20_000 });
      const cpuBefore = cpuMs(kapi.pid);
      const created = await load({ ...options, name: `kapi POST ConfigMap, ${CONCURRENCY} connections`, seconds: SECONDS, maxRequests: MAX_OPS });
      const kapiCpu = (cpuMs(kapi.pid) - cpuBefore) / created.ops;
      checkLoad(created);
      reportRates(`creates (etcd on loopback, TLS to kapi, ${SECONDS} s each)`, raw, [created]);
      process.stdout.write(`  kapi create latency p99 ${created.p99Ms} ms; kapi CPU per create ${kapiCpu.toFixed(2)} ms\n`);
      goal('kapi creates/s ÷ raw etcd puts/s', created.perSecond / raw.perSecond, '≥', 0.6);
    } finally {
      await kapi.stop();
    }
  } finally {
    await etcd.stop();
  }
}
