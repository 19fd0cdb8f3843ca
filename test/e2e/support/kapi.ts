/**
 * `kapi serve` for end-to-end tests: started on a free loopback port with a fresh data dir, on
 * SQLite or on a real etcd started for it, driven by real kubectl binaries (`kubectl.1.NN` beside
 * the default kubectl) with a fresh --cache-dir per command, and by plain HTTPS requests with the
 * admin client certificate; every command, request and watch bounded in time.
 */
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { findEtcd, startEtcd, type EtcdServer } from '../../storage/support/etcd.js';
import { freePort } from '../../support/net.js';

const ROOT = path.join(import.meta.dirname, '..', '..', '..');
const COMMAND_TIMEOUT_MS = 60_000;

function kubectlDir(): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'kubectl');
    if (existsSync(candidate)) return path.dirname(realpathSync(candidate));
  }
  return undefined;
}

export const KUBECTL_DIR = kubectlDir();

/** The kubectl versions on this machine out of `wanted`. */
export function kubectlVersions(wanted: readonly string[] = ['1.27', '1.33']): string[] {
  return wanted.filter((v) => KUBECTL_DIR && existsSync(path.join(KUBECTL_DIR, `kubectl.${v}`)));
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

export interface Result {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A kubectl running in the background. */
export interface Running {
  /** Output so far. */
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Whether it has exited. */
  readonly exited: () => boolean;
  /** Resolves when `predicate(stdout)` holds, or rejects after `ms`; with the milliseconds it took. */
  until(predicate: (stdout: string) => boolean, ms: number): Promise<number>;
  /** Its result once it exits; killed (and rejected) after `ms`. */
  result(ms: number): Promise<Result>;
  /** Stops it (SIGTERM, then SIGKILL) and returns its result. */
  stop(): Promise<Result>;
}

/** Where a server stores: SQLite under its data dir, or a real etcd started for it. */
export type Backend = 'sqlite' | 'etcd';

/** The backends this machine can run: SQLite always, etcd when the binary is installed. */
export function backends(): Backend[] {
  const available: Backend[] = findEtcd() ? ['sqlite', 'etcd'] : ['sqlite'];
  // KAPI_E2E_BACKENDS=sqlite (or etcd) narrows a local run to one of them.
  const wanted = process.env['KAPI_E2E_BACKENDS']?.split(',').map((b) => b.trim());
  return wanted ? available.filter((b) => wanted.includes(b)) : available;
}

export interface StartOptions {
  readonly backend?: Backend;
  readonly flags?: readonly string[];
  /** Reuse this data dir (a restart); a fresh one otherwise. */
  readonly dataDir?: string;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  readonly json: unknown;
}

export interface HttpRequest {
  readonly method?: string;
  readonly body?: string | Buffer;
  readonly contentType?: string;
  readonly headers?: Record<string, string>;
  readonly timeoutMs?: number;
}

export interface Kapi {
  readonly backend: Backend;
  readonly dataDir: string;
  readonly kubeconfig: string;
  /** `https://127.0.0.1:<port>`. */
  readonly url: string;
  /** The CA, admin client certificate and key, for clients other than kubectl. */
  readonly tls: { readonly ca: Buffer; readonly cert: Buffer; readonly key: Buffer };
  /** One HTTPS request as the admin user; the whole body is read, bounded in time. */
  request(path: string, init?: HttpRequest): Promise<HttpResponse>;
  /** Writes a manifest into the data dir and returns its path. */
  file(name: string, content: string): string;
  kubectl(version: string, ...args: string[]): Promise<Result>;
  /** Starts a kubectl in the background (`get -w`, `wait`, `delete` that waits); see Running. */
  start(version: string, ...args: string[]): Running;
  /** Runs a long-lived kubectl (`get -w`) for `ms`, then stops it; its output so far. */
  watch(version: string, ms: number, args: string[], during?: () => Promise<void>): Promise<Result>;
  /** Stops the server with SIGTERM (and its etcd); resolves with its exit code. Removes the data dir. */
  stop(): Promise<number | null>;
  /** Kills the server with SIGKILL, keeping the data dir and etcd for a restart. */
  kill(): Promise<void>;
  log(): string;
}

function httpsRequest(url: string, tls: Kapi['tls'], requestPath: string, init: HttpRequest = {}): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Accept: 'application/json', ...init.headers };
    if (init.contentType) headers['Content-Type'] = init.contentType;
    // Node frames a DELETE body only when told its length.
    if (init.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(init.body));
    const req = https.request(
      `${url}${requestPath}`,
      { method: init.method ?? 'GET', ca: tls.ca, cert: tls.cert, key: tls.key, headers, timeout: init.timeoutMs ?? 30_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(body);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json });
        });
      },
    );
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error(`${init.method ?? 'GET'} ${requestPath} timed out`)));
    req.end(init.body);
  });
}

/** Starts `kapi serve` with these extra flags (the old form), or with backend, flags and data dir. */
export async function startKapi(options: readonly string[] | StartOptions = []): Promise<Kapi> {
  const opts: StartOptions = Array.isArray(options) ? { flags: options as readonly string[] } : (options as StartOptions);
  const backend = opts.backend ?? 'sqlite';
  let etcd: EtcdServer | undefined;
  if (backend === 'etcd') {
    const binary = findEtcd();
    if (!binary) throw new Error('etcd is not installed');
    etcd = await startEtcd(binary);
  }
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'kapi-e2e-verbs-'));
  try {
    return await launch(backend, dataDir, opts.flags ?? [], etcd);
  } catch (error) {
    await etcd?.stop();
    throw error;
  }
}

async function launch(backend: Backend, dataDir: string, extraFlags: readonly string[], etcd: EtcdServer | undefined): Promise<Kapi> {
  const port = await freePort();
  const storageFlags = etcd ? [`--etcd-servers=${etcd.endpoint}`] : [];
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'runtime', 'cmd', 'main.ts'), 'serve', `--secure-port=${port}`, `--data-dir=${dataDir}`, ...storageFlags, ...extraFlags],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let serverLog = '';
  child.stdout!.on('data', (d: Buffer) => (serverLog += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (serverLog += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const kubeconfig = path.join(dataDir, 'admin.kubeconfig');
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${serverLog}`);
    if (existsSync(kubeconfig)) {
      const ready = await readyz(port, readFileSync(path.join(dataDir, 'pki', 'ca.crt'))).catch(() => '');
      if (ready === '200 ok') break;
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not become ready:\n${serverLog}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  const binary = (version: string): string => path.join(KUBECTL_DIR!, `kubectl.${version}`);
  const cacheDir = (): string => mkdtempSync(path.join(os.tmpdir(), 'kapi-kubectl-cache-'));

  const url = `https://127.0.0.1:${port}`;
  const pki = (name: string): Buffer => readFileSync(path.join(dataDir, 'pki', name));
  const tls = { ca: pki('ca.crt'), cert: pki('admin.crt'), key: pki('admin.key') };

  return {
    backend,
    dataDir,
    kubeconfig,
    url,
    tls,
    request: (requestPath, init) => httpsRequest(url, tls, requestPath, init),
    log: () => serverLog,
    file(name, content) {
      const file = path.join(dataDir, name);
      writeFileSync(file, content);
      return file;
    },
    kubectl(version, ...args) {
      const cache = cacheDir();
      return new Promise((resolve) => {
        execFile(
          binary(version),
          [`--kubeconfig=${kubeconfig}`, `--cache-dir=${cache}`, ...args],
          { timeout: COMMAND_TIMEOUT_MS, env: { ...process.env, KUBECONFIG: kubeconfig, HOME: cache } },
          (error, stdout, stderr) => {
            rmSync(cache, { recursive: true, force: true });
            const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
            resolve({ code, stdout, stderr });
          },
        );
      });
    },
    start(version, ...args) {
      const cache = cacheDir();
      const proc = spawn(binary(version), [`--kubeconfig=${kubeconfig}`, `--cache-dir=${cache}`, ...args], {
        env: { ...process.env, KUBECONFIG: kubeconfig, HOME: cache },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const done = new Promise<Result>((resolve) =>
        proc.once('exit', (code, signal) => {
          rmSync(cache, { recursive: true, force: true });
          resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
        }),
      );
      const stop = async (): Promise<Result> => {
        if (proc.exitCode === null && proc.signalCode === null) {
          proc.kill('SIGTERM');
          const ended = await Promise.race([done.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 3000))]);
          if (!ended) proc.kill('SIGKILL');
        }
        return done;
      };
      return {
        stdout: () => stdout,
        stderr: () => stderr,
        exited: () => proc.exitCode !== null || proc.signalCode !== null,
        async until(predicate, ms) {
          const started = Date.now();
          while (!predicate(stdout)) {
            if (Date.now() - started > ms) throw new Error(`kubectl ${args.join(' ')}: not seen within ${ms} ms:\n${stdout}\n${stderr}`);
            await new Promise((r) => setTimeout(r, 50));
          }
          return Date.now() - started;
        },
        async result(ms) {
          const finished = await Promise.race([done, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms))]);
          if (finished !== 'timeout') return finished;
          const killed = await stop();
          throw new Error(`kubectl ${args.join(' ')} did not exit within ${ms} ms:\n${killed.stdout}\n${killed.stderr}`);
        },
        stop,
      };
    },
    async watch(version, ms, args, during) {
      const cache = cacheDir();
      const proc = spawn(binary(version), [`--kubeconfig=${kubeconfig}`, `--cache-dir=${cache}`, ...args], {
        env: { ...process.env, KUBECONFIG: kubeconfig, HOME: cache },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const done = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
      const started = Date.now();
      // Let the list and watch start before acting.
      while (!stdout.includes('\n') && Date.now() - started < ms / 2) await new Promise((r) => setTimeout(r, 100));
      if (during) await during();
      const remaining = Math.max(0, ms - (Date.now() - started));
      const finished = await Promise.race([done, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), remaining))]);
      if (finished === 'timeout') {
        proc.kill('SIGTERM');
        await Promise.race([done, new Promise((r) => setTimeout(r, 2000))]);
        if (proc.exitCode === null) proc.kill('SIGKILL');
      }
      rmSync(cache, { recursive: true, force: true });
      return { code: finished === 'timeout' ? 0 : (finished ?? 1), stdout, stderr };
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) {
        await etcd?.stop();
        return child.exitCode;
      }
      child.kill('SIGTERM');
      const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 15_000))]);
      await etcd?.stop();
      if (code === 'timeout') {
        child.kill('SIGKILL');
        return null;
      }
      rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    },
  };
}

/** Asserts a kubectl command succeeded and returns its stdout. */
export function ok(r: Result): string {
  assert.equal(r.code, 0, `kubectl failed (${r.code}):\n${r.stderr}\n${r.stdout}`);
  return r.stdout;
}

/** Asserts a kubectl command failed and returns its stderr. */
export function fails(r: Result): string {
  assert.notEqual(r.code, 0, `kubectl unexpectedly succeeded:\n${r.stdout}`);
  return r.stderr;
}
