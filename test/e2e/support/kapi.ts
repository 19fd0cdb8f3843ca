/**
 * `kapi serve` for end-to-end tests: started on a free loopback port with a fresh data dir,
 * driven by real kubectl binaries (`kubectl.1.NN` beside the default kubectl) with a fresh
 * --cache-dir per command, every command and watch bounded in time.
 */
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
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

export interface Kapi {
  readonly dataDir: string;
  readonly kubeconfig: string;
  /** Writes a manifest into the data dir and returns its path. */
  file(name: string, content: string): string;
  kubectl(version: string, ...args: string[]): Promise<Result>;
  /** Runs a long-lived kubectl (`get -w`) for `ms`, then stops it; its output so far. */
  watch(version: string, ms: number, args: string[], during?: () => Promise<void>): Promise<Result>;
  /** Stops the server with SIGTERM; resolves with its exit code. */
  stop(): Promise<number | null>;
  log(): string;
}

export async function startKapi(extraFlags: readonly string[] = []): Promise<Kapi> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kapi-e2e-verbs-'));
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'runtime', 'cmd', 'main.ts'), 'serve', `--secure-port=${port}`, `--data-dir=${dataDir}`, ...extraFlags],
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

  return {
    dataDir,
    kubeconfig,
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
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 15_000))]);
      if (code === 'timeout') {
        child.kill('SIGKILL');
        return null;
      }
      rmSync(dataDir, { recursive: true, force: true });
      return code;
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
