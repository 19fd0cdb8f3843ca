/**
 * lists: a LIST of 10,000 ConfigMaps through kapi on etcd, from the watch cache
 * (`resourceVersion=0`) against from etcd (`resourceVersion=""`, a consistent read). Goal: the
 * cached LIST ≥ 20× as many per second. Then kapi's peak RSS above its idle RSS while 1, 4 and
 * 16 cached LISTs run at once: when items are streamed the peak stays flat instead of growing
 * with the number of concurrent LISTs times their size.
 */
import { findEtcd, startEtcd } from '../test/storage/support/etcd.js';
import { openEtcd3Storage } from '../runtime/storage/etcd3/index.js';
import { bestOfAlternating, goal, rate, reportRates, type Rate } from './harness.js';
import { cpuMs } from './support/cpu.js';
import { drainGet } from './support/drain.js';
import { fillConfigMaps } from './support/fill.js';
import { startKapi, type KapiProcess } from './support/kapi-process.js';
import { formatMiB, peakRssDuring } from './support/rss.js';

const OBJECTS = 10_000;
const NAMESPACE = 'default';
const ROUNDS = 3;
const ROUND_MS = 3000;
const MAX_LISTS = 2000;

async function list(kapi: KapiProcess, resourceVersion: string): Promise<number> {
  const path = `/api/v1/namespaces/${NAMESPACE}/configmaps?resourceVersion=${resourceVersion}`;
  const { status, bytes } = await drainGet(kapi, path);
  if (status !== 200) throw new Error(`GET ${path}: ${status}`);
  return bytes;
}

async function concurrentPeaks(kapi: KapiProcess): Promise<void> {
  process.stdout.write(`\nkapi RSS while N cached LISTs of ${OBJECTS} run at once (peak minus RSS just before)\n`);
  const deltas: number[] = [];
  for (const n of [1, 4, 16]) {
    // Let the previous step's garbage go first, bounded.
    await new Promise((r) => setTimeout(r, 1500));
    const before = kapi.rss();
    const { peak, result } = await peakRssDuring(kapi.pid, () => Promise.all(Array.from({ length: n }, () => list(kapi, '0'))));
    deltas.push(peak - before);
    process.stdout.write(`  ${String(n).padStart(2)} at once: idle ${formatMiB(before)}, peak ${formatMiB(peak)}, delta ${formatMiB(peak - before)} (${n} × ${formatMiB(result[0]!)} sent)\n`);
  }
  const [one, , sixteen] = deltas;
  process.stdout.write(`  growth from 1 to 16 concurrent LISTs: ${formatMiB(sixteen! - one!)}\n`);
}

export async function benchLists(): Promise<void> {
  const binary = findEtcd();
  if (!binary) {
    process.stdout.write('\nlists: etcd is not installed; skipped\n');
    return;
  }
  const etcd = await startEtcd(binary);
  try {
    const storage = openEtcd3Storage({ endpoints: [etcd.endpoint], compactIntervalMs: 0 });
    try {
      await fillConfigMaps(storage, NAMESPACE, OBJECTS, 64);
    } finally {
      await storage.close();
    }
    const kapi = await startKapi({ etcdServers: [etcd.endpoint] });
    try {
      // Memory first, on a process that has served one LIST only, so earlier rounds' heap growth
      // does not hide what concurrent LISTs cost.
      const bytes = await list(kapi, '0');
      await concurrentPeaks(kapi);
      await list(kapi, '');
      // kapi's CPU per LIST over all rounds, beside the rates: load from elsewhere disturbs it less.
      const cpu = { etcd: 0, etcdLists: 0, cache: 0, cacheLists: 0 };
      const timed = async (from: 'etcd' | 'cache', name: string, resourceVersion: string): Promise<Rate> => {
        const before = cpuMs(kapi.pid);
        const r = await rate(name, 1, () => list(kapi, resourceVersion), ROUND_MS, MAX_LISTS);
        cpu[from] += cpuMs(kapi.pid) - before;
        cpu[from === 'etcd' ? 'etcdLists' : 'cacheLists'] += r.ops;
        return r;
      };
      const [fromEtcd, fromCache] = await bestOfAlternating(ROUNDS, [
        () => timed('etcd', `LIST rv="" (etcd)`, ''),
        () => timed('cache', `LIST rv=0 (watch cache)`, '0'),
      ]);
      reportRates(`lists of ${OBJECTS} ConfigMaps (${formatMiB(bytes)} each, 1 at a time, best of ${ROUNDS} alternating rounds)`, fromEtcd!, [fromCache!]);
      process.stdout.write(`  kapi CPU per LIST: from etcd ${(cpu.etcd / cpu.etcdLists).toFixed(1)} ms, from the cache ${(cpu.cache / cpu.cacheLists).toFixed(1)} ms\n`);
      goal('cached LISTs/s ÷ etcd LISTs/s', fromCache!.perSecond / fromEtcd!.perSecond, '≥', 20, '×');
    } finally {
      await kapi.stop();
    }
  } finally {
    await etcd.stop();
  }
}
