/**
 * gets: GETs per second of one ConfigMap through kapi, served from the watch cache
 * (`?resourceVersion=0`), against a bare `node:https` server in its own process answering the
 * same status, headers and bytes. Both TLS with kapi's serving certificate: kapi serves only
 * HTTPS, so the anchor does too. Same autocannon load on both. Goal: kapi ≥ 0.45× the anchor.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { findEtcd, startEtcd, type EtcdServer } from '../test/storage/support/etcd.js';
import { bestOfAlternating, goal, reportRates } from './harness.js';
import { request, requestJSON } from './support/http.js';
import { cpuMs } from './support/cpu.js';
import { startKapi, type KapiProcess } from './support/kapi-process.js';
import { checkLoad, load } from './support/load.js';
import type { StaticServerConfig } from './support/static-server.js';

const CONNECTIONS = 16;
const ROUNDS = 3;
const SECONDS = 2;

/** Starts the anchor server with kapi's TLS material and the given answer; its port and a stop. */
async function startStaticServer(kapi: KapiProcess, status: number, headers: Record<string, string>, body: Buffer): Promise<{ port: number; pid: number; stop: () => void }> {
  const bodyFile = path.join(kapi.dataDir, 'bench-get-body');
  writeFileSync(bodyFile, body);
  const config: StaticServerConfig = {
    certFile: path.join(kapi.dataDir, 'pki', 'apiserver.crt'),
    keyFile: path.join(kapi.dataDir, 'pki', 'apiserver.key'),
    caFile: path.join(kapi.dataDir, 'pki', 'ca.crt'),
    bodyFile,
    status,
    headers,
  };
  const configFile = path.join(kapi.dataDir, 'bench-static-server.json');
  writeFileSync(configFile, JSON.stringify(config));
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'support', 'static-server.ts'), configFile], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const timeout = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const [line] = (await once(lines, 'line')) as [string];
  clearTimeout(timeout);
  const port = Number(/^listening (\d+)$/.exec(line)?.[1]);
  if (!port) throw new Error(`static server: unexpected output ${line}`);
  return { port, pid: child.pid!, stop: () => child.kill('SIGTERM') };
}

/** The headers a client sees from kapi, minus those that differ per response. */
function answerHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(name) || value === undefined) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

export async function benchGets(): Promise<void> {
  const binary = findEtcd();
  let etcd: EtcdServer | undefined;
  if (binary) etcd = await startEtcd(binary);
  const kapi = await startKapi(etcd ? { etcdServers: [etcd.endpoint] } : {});
  try {
    await requestJSON(kapi, 'POST', '/api/v1/namespaces/default/configmaps', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'bench-get', namespace: 'default', labels: { app: 'bench' } },
      data: { key: 'value' },
    });
    const objectPath = '/api/v1/namespaces/default/configmaps/bench-get?resourceVersion=0';
    const answer = await request(kapi, 'GET', objectPath);
    if (answer.status !== 200) throw new Error(`GET ${objectPath}: ${answer.status} ${answer.body.toString()}`);
    const anchorServer = await startStaticServer(kapi, answer.status, answerHeaders(answer.headers), answer.body);
    try {
      const kapiURL = `${kapi.url}${objectPath}`;
      const anchorURL = `https://127.0.0.1:${anchorServer.port}${objectPath}`;
      await load({ name: 'warm-up', url: kapiURL, connections: CONNECTIONS, seconds: 1 });
      await load({ name: 'warm-up', url: anchorURL, connections: CONNECTIONS, seconds: 1 });
      // CPU per request of each server process, over all rounds: a figure load elsewhere disturbs less.
      const cpu = { anchor: 0, kapi: 0, anchorOps: 0, kapiOps: 0 };
      const [anchor, served] = await bestOfAlternating(ROUNDS, [
        async () => {
          const before = cpuMs(anchorServer.pid);
          const r = await load({ name: `bare node:https, same ${answer.body.length} bytes`, url: anchorURL, connections: CONNECTIONS, seconds: SECONDS });
          cpu.anchor += cpuMs(anchorServer.pid) - before;
          cpu.anchorOps += r.ops;
          return r;
        },
        async () => {
          const before = cpuMs(kapi.pid);
          const r = await load({ name: 'kapi GET ConfigMap ?resourceVersion=0', url: kapiURL, connections: CONNECTIONS, seconds: SECONDS });
          cpu.kapi += cpuMs(kapi.pid) - before;
          cpu.kapiOps += r.ops;
          return r;
        },
      ]);
      checkLoad(anchor!);
      checkLoad(served!);
      reportRates(`gets (HTTPS both, ${CONNECTIONS} connections, best of ${ROUNDS} alternating ${SECONDS} s rounds, kapi on ${etcd ? 'etcd' : 'SQLite'})`, anchor!, [served!]);
      process.stdout.write(`  latency p99: anchor ${anchor!.p99Ms} ms, kapi ${served!.p99Ms} ms\n`);
      process.stdout.write(`  server CPU per GET: anchor ${(cpu.anchor / cpu.anchorOps).toFixed(3)} ms, kapi ${(cpu.kapi / cpu.kapiOps).toFixed(3)} ms\n`);
      goal('kapi GETs/s ÷ bare node:https GETs/s', served!.perSecond / anchor!.perSecond, '≥', 0.45);
    } finally {
      anchorServer.stop();
    }
  } finally {
    await kapi.stop();
    await etcd?.stop();
  }
}
