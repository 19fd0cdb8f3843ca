/**
 * creates: ConfigMaps created per second through kapi (HTTP POST, autocannon) against raw etcd3
 * client puts per second at the same concurrency on the same etcd, started here on a free
 * loopback port; rounds alternate so load from elsewhere falls on both. Goal: kapi ≥ 0.6× the
 * raw puts.
 */
import { Etcd3 } from 'etcd3';
import { findEtcd, startEtcd } from '../test/storage/support/etcd.js';
import { bestOfAlternating, goal, rate, reportRates } from './harness.js';
import { cpuMs } from './support/cpu.js';
import { startKapi } from './support/kapi-process.js';
import { checkLoad, load, type LoadResult } from './support/load.js';

const CONCURRENCY = 32;
const ROUNDS = 3;
const SECONDS = 3;
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

export async function benchCreates(): Promise<void> {
  const binary = findEtcd();
  if (!binary) {
    process.stdout.write('\ncreates: etcd is not installed; skipped\n');
    return;
  }
  const etcd = await startEtcd(binary);
  const client = new Etcd3({ hosts: etcd.endpoint });
  try {
    const kapi = await startKapi({ etcdServers: [etcd.endpoint] });
    try {
      const url = `${kapi.url}/api/v1/namespaces/default/configmaps`;
      const options = { url, method: 'POST' as const, body: POSTED, connections: CONCURRENCY };
      let next = 0;
      const put = () => client.put(`/bench-raw/k${next++}`).value(STORED(next)).exec();
      await rate('warm-up', CONCURRENCY, put, 1000, 5000);
      await load({ ...options, name: 'warm-up', seconds: 2, maxRequests: 20_000 });
      // CPU per operation over all rounds: of this process for raw puts (the etcd client's
      // work), of kapi for creates.
      const cpu = { client: 0, puts: 0, kapi: 0, creates: 0 };
      const [raw, created] = await bestOfAlternating(ROUNDS, [
        async () => {
          const before = cpuMs(process.pid);
          const r = await rate(`raw etcd3 client put, ${CONCURRENCY} in flight`, CONCURRENCY, put, SECONDS * 1000, MAX_OPS);
          cpu.client += cpuMs(process.pid) - before;
          cpu.puts += r.ops;
          return r;
        },
        async () => {
          const before = cpuMs(kapi.pid);
          const r = await load({ ...options, name: `kapi POST ConfigMap, ${CONCURRENCY} connections`, seconds: SECONDS, maxRequests: MAX_OPS });
          checkLoad(r);
          cpu.kapi += cpuMs(kapi.pid) - before;
          cpu.creates += r.ops;
          return r;
        },
      ]);
      reportRates(`creates (etcd on loopback, TLS to kapi, best of ${ROUNDS} alternating ${SECONDS} s rounds)`, raw!, [created!]);
      process.stdout.write(`  kapi create latency p99 ${(created as LoadResult).p99Ms} ms\n`);
      process.stdout.write(`  CPU per write: etcd3 client ${(cpu.client / cpu.puts).toFixed(3)} ms per raw put, kapi ${(cpu.kapi / cpu.creates).toFixed(3)} ms per create\n`);
      goal('kapi creates/s ÷ raw etcd puts/s', created!.perSecond / raw!.perSecond, '≥', 0.6);
    } finally {
      await kapi.stop();
    }
  } finally {
    client.close();
    await etcd.stop();
  }
}
