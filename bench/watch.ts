/**
 * watch: latency from a write to its event arriving at each of 1,000 HTTP watches on kapi
 * (etcd when installed, else SQLite). Measured from just before the write is sent to the moment
 * the bench process has read the event's line off each watch, over 20 writes a quarter second
 * apart after 3 unmeasured warm-up writes; the write's own answer time is printed beside it.
 * Goal: p99 ≤ 50 ms.
 */
import https from 'node:https';
import { findEtcd, startEtcd, type EtcdServer } from '../test/storage/support/etcd.js';
import { goal } from './harness.js';
import { request, requestJSON } from './support/http.js';
import { cpuMs } from './support/cpu.js';
import { startKapi, type KapiProcess } from './support/kapi-process.js';

const WATCHERS = 1000;
const WRITES = 20;
/** Writes before the measured ones, so the fan-out path is compiled when measuring starts. */
const WARM_UP_WRITES = 3;
const OPEN_BATCH = 50;
const EVENT_TIMEOUT_MS = 5000;
const NAME = 'bench-watch';
const COLLECTION = '/api/v1/namespaces/default/configmaps';

interface Watcher {
  /** arrival[i]: when write i's event was read (performance.now()). */
  readonly arrival: number[];
  close(): void;
}

/** Opens one watch and resolves once its response headers arrived. */
function openWatch(kapi: KapiProcess, resourceVersion: string, onEvent: () => void): Promise<Watcher> {
  const path = `${COLLECTION}?watch=1&fieldSelector=metadata.name%3D${NAME}&resourceVersion=${resourceVersion}&timeoutSeconds=900`;
  return new Promise((resolve, reject) => {
    const arrival: number[] = [];
    const req = https.get({ host: kapi.host, port: kapi.port, agent: kapi.agent, path, timeout: 30_000, headers: { accept: 'application/json' } }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`watch: ${res.statusCode}`));
        res.resume();
        return;
      }
      req.setTimeout(0);
      let pending = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        const now = performance.now();
        pending += chunk;
        for (let newline = pending.indexOf('\n'); newline >= 0; newline = pending.indexOf('\n')) {
          const line = pending.slice(0, newline);
          pending = pending.slice(newline + 1);
          const event = JSON.parse(line) as { type: string; object: { data?: { n?: string } } };
          const n = Number(event.object.data?.n);
          if (event.type === 'MODIFIED' && Number.isInteger(n) && arrival[n] === undefined) {
            arrival[n] = now;
            onEvent();
          }
        }
      });
      res.on('error', () => {});
      resolve({ arrival, close: () => req.destroy() });
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('watch: no response headers within 30 s')));
  });
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function benchWatch(): Promise<void> {
  const binary = findEtcd();
  let etcd: EtcdServer | undefined;
  if (binary) etcd = await startEtcd(binary);
  const kapi = await startKapi(etcd ? { etcdServers: [etcd.endpoint] } : {});
  const watchers: Watcher[] = [];
  try {
    const created = await requestJSON<{ metadata: { resourceVersion: string } }>(kapi, 'POST', COLLECTION, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: NAME, namespace: 'default' },
      data: { n: '-1' },
    });
    let received = 0;
    let waiting: (() => void) | undefined;
    const onEvent = (): void => {
      received++;
      waiting?.();
    };
    const openStart = performance.now();
    for (let opened = 0; opened < WATCHERS; opened += OPEN_BATCH) {
      const batch = Array.from({ length: Math.min(OPEN_BATCH, WATCHERS - opened) }, () => openWatch(kapi, created.metadata.resourceVersion, onEvent));
      watchers.push(...(await Promise.all(batch)));
    }
    process.stdout.write(`\nwatch: ${WATCHERS} HTTPS watches open in ${((performance.now() - openStart) / 1000).toFixed(1)} s, kapi RSS ${(kapi.rss() / 2 ** 20).toFixed(0)} MiB\n`);
    await new Promise((r) => setTimeout(r, 500));

    const sent: number[] = [];
    const answered: number[] = [];
    let cpuBefore = { kapi: 0, bench: 0 };
    for (let i = 0; i < WARM_UP_WRITES + WRITES; i++) {
      if (i === WARM_UP_WRITES) cpuBefore = { kapi: cpuMs(kapi.pid), bench: cpuMs(process.pid) };
      const target = received + WATCHERS;
      const all = new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, EVENT_TIMEOUT_MS);
        waiting = () => {
          if (received >= target) {
            clearTimeout(timer);
            resolve();
          }
        };
      });
      const body = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: NAME, namespace: 'default' }, data: { n: String(i) } };
      sent[i] = performance.now();
      const response = await request(kapi, 'PUT', `${COLLECTION}/${NAME}`, body);
      answered[i] = performance.now() - sent[i]!;
      if (response.status !== 200) throw new Error(`PUT: ${response.status} ${response.body.toString()}`);
      await all;
      waiting = undefined;
      await new Promise((r) => setTimeout(r, 250));
    }

    // CPU of each side per write, over the write phase (pauses included): how much of the latency
    // is kapi sending 1,000 events and how much this process reading them.
    const cpu = { kapi: (cpuMs(kapi.pid) - cpuBefore.kapi) / WRITES, bench: (cpuMs(process.pid) - cpuBefore.bench) / WRITES };
    const latencies: number[] = [];
    let missing = 0;
    for (const watcher of watchers) {
      for (let i = WARM_UP_WRITES; i < WARM_UP_WRITES + WRITES; i++) {
        const at = watcher.arrival[i];
        if (at === undefined) missing++;
        else latencies.push(at - sent[i]!);
      }
    }
    latencies.sort((a, b) => a - b);
    const answers = [...answered].sort((a, b) => a - b);
    process.stdout.write(`watch latency, write sent → event read, ${WATCHERS} watches × ${WRITES} writes (kapi on ${etcd ? 'etcd' : 'SQLite'})\n`);
    process.stdout.write(
      `  p50 ${percentile(latencies, 50).toFixed(1)} ms, p90 ${percentile(latencies, 90).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms; ${missing} events missing\n`,
    );
    process.stdout.write(`  the write's own answer: p50 ${percentile(answers, 50).toFixed(1)} ms, max ${answers.at(-1)!.toFixed(1)} ms\n`);
    process.stdout.write(`  CPU per write and its ${WATCHERS} events: kapi ${cpu.kapi.toFixed(1)} ms, the watching bench process ${cpu.bench.toFixed(1)} ms\n`);
    if (missing > 0) throw new Error(`${missing} of ${WATCHERS * WRITES} measured events did not arrive within ${EVENT_TIMEOUT_MS} ms`);
    goal('p99 write → event at 1,000 watches', percentile(latencies, 99), '≤', 50, ' ms');
  } finally {
    for (const watcher of watchers) watcher.close();
    await kapi.stop();
    await etcd?.stop();
  }
}
