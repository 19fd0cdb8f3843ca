/**
 * `kapi serve` as a child process for benchmarks: its own process (so load generators in the bench
 * process do not share its event loop, and its RSS is its own), on a free loopback port, with a
 * fresh data dir, over etcd or SQLite. Start-up and shutdown are bounded in time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../test/support/net.js';
import { rssBytes } from './rss.js';

const ROOT = path.join(import.meta.dirname, '..', '..');

export interface KapiProcess {
  readonly pid: number;
  /** `https://127.0.0.1:<port>` */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  /** The cluster CA (serving certificate's issuer). */
  readonly ca: Buffer;
  /** The serving certificate and key, for an anchor server that presents the same TLS. */
  readonly cert: Buffer;
  readonly key: Buffer;
  /** A keep-alive agent trusting the CA, unlimited sockets. */
  readonly agent: https.Agent;
  rss(): number;
  log(): string;
  stop(): Promise<void>;
}

export interface KapiStartOptions {
  /** etcd client URLs; SQLite under the data dir when absent. */
  readonly etcdServers?: readonly string[];
  /** Use this data dir (kept afterwards) instead of a fresh one (removed afterwards). */
  readonly dataDir?: string;
  readonly extraFlags?: readonly string[];
  /** Extra node flags, e.g. `--cpu-prof`. */
  readonly nodeFlags?: readonly string[];
  readonly startTimeoutMs?: number;
}

function readyz(port: number, ca: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = https.get({ host: '127.0.0.1', port, path: '/readyz', ca, timeout: 2000 }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve(`${res.statusCode} ${body}`));
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timeout')));
  });
}

function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function startKapi(options: KapiStartOptions = {}): Promise<KapiProcess> {
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'kapi-bench-'));
  const port = await freePort();
  const flags = [`--secure-port=${port}`, `--data-dir=${dataDir}`, ...(options.extraFlags ?? [])];
  if (options.etcdServers?.length) flags.push(`--etcd-servers=${options.etcdServers.join(',')}`);
  // KAPI_BENCH_CPU_PROF=<dir>: every kapi the bench starts writes a V8 CPU profile there on exit.
  const profile = process.env['KAPI_BENCH_CPU_PROF'] ? ['--cpu-prof', `--cpu-prof-dir=${process.env['KAPI_BENCH_CPU_PROF']}`] : [];
  const child = spawn(process.execPath, [...profile, ...(options.nodeFlags ?? []), '--import', 'tsx', path.join(ROOT, 'runtime', 'cmd', 'main.ts'), 'serve', ...flags], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-8000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);

  const stop = async (): Promise<void> => {
    child.kill('SIGTERM');
    if (!(await exited(child, 15_000))) {
      child.kill('SIGKILL');
      await exited(child, 5000);
    }
    if (ownDir) rmSync(dataDir, { recursive: true, force: true });
  };

  const caFile = path.join(dataDir, 'pki', 'ca.crt');
  const deadline = Date.now() + (options.startTimeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`kapi serve exited with ${child.exitCode}:\n${output}`);
    }
    if (existsSync(path.join(dataDir, 'admin.kubeconfig')) && existsSync(caFile)) {
      const ready = await readyz(port, readFileSync(caFile)).catch(() => '');
      if (ready === '200 ok') break;
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`kapi serve did not become ready:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const ca = readFileSync(caFile);
  const agent = new https.Agent({ keepAlive: true, ca, maxSockets: Infinity });
  return {
    pid: child.pid!,
    url: `https://127.0.0.1:${port}`,
    host: '127.0.0.1',
    port,
    dataDir,
    ca,
    cert: readFileSync(path.join(dataDir, 'pki', 'apiserver.crt')),
    key: readFileSync(path.join(dataDir, 'pki', 'apiserver.key')),
    agent,
    rss: () => rssBytes(child.pid!),
    log: () => output,
    async stop() {
      agent.destroy();
      await stop();
    },
  };
}
