/**
 * The sample aggregated server as its own process (`examples/sample-apiserver/main.ts`), for the
 * end-to-end tests and the aggregator benchmark: started on a loopback port with a data dir and
 * a request-header CA, ready once `/readyz` answers, stopped with SIGTERM (SIGKILL after a bound)
 * and restartable on the same port and data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { call } from './https.js';

const ROOT = path.join(import.meta.dirname, '..', '..', '..');
const READY_WITHIN_MS = 60_000;

export interface SampleProcessOptions {
  readonly port: number;
  readonly dataDir: string;
  readonly requestHeaderCAFile: string;
  readonly allowedNames?: readonly string[];
  /** Names for the self-signed serving certificate (`api.wardle.svc`). */
  readonly dnsNames?: readonly string[];
  /** `--authorization-kubeconfig`: delegate authorization to that server. */
  readonly authorizationKubeconfig?: string;
  /** `-v`: 3 logs every request with its user. */
  readonly verbosity?: number;
}

export interface SampleProcess {
  readonly port: number;
  /** PEM of the CA its serving certificate chains to (an APIService's caBundle). */
  readonly ca: string;
  /** Everything it logged, across restarts. */
  log(): string;
  running(): boolean;
  /** The current process's id (for CPU accounting). */
  pid(): number;
  /** Starts it again after `stop`, on the same port and data dir. */
  start(): Promise<void>;
  /** SIGTERM, then SIGKILL after 10 s; its exit code. */
  stop(): Promise<number | null>;
}

export async function startSampleProcess(options: SampleProcessOptions): Promise<SampleProcess> {
  let child: ChildProcess | undefined;
  let exited: Promise<number | null> = Promise.resolve(null);
  let output = '';
  const caFile = path.join(options.dataDir, 'pki', 'ca.crt');

  const launch = async (): Promise<void> => {
    const args = [
      '--import',
      'tsx',
      path.join(ROOT, 'examples', 'sample-apiserver', 'main.ts'),
      `--secure-port=${options.port}`,
      `--data-dir=${options.dataDir}`,
      `--requestheader-client-ca-file=${options.requestHeaderCAFile}`,
      ...(options.allowedNames ? [`--requestheader-allowed-names=${options.allowedNames.join(',')}`] : []),
      ...(options.dnsNames ? [`--cert-dns-names=${options.dnsNames.join(',')}`] : []),
      ...(options.authorizationKubeconfig ? [`--authorization-kubeconfig=${options.authorizationKubeconfig}`] : []),
      `--v=${options.verbosity ?? 0}`,
    ];
    const proc = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    proc.stdout.on('data', (d: Buffer) => (output += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (output += d.toString()));
    exited = new Promise((resolve) => proc.once('exit', (code) => resolve(code)));
    const deadline = Date.now() + READY_WITHIN_MS;
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`the sample server exited with ${proc.exitCode}:\n${output}`);
      if (existsSync(caFile)) {
        const ready = await call('GET', '/readyz', { port: options.port, ca: readFileSync(caFile, 'utf8'), timeoutMs: 2000 }).catch(() => undefined);
        if (ready?.status === 200) return;
      }
      if (Date.now() > deadline) {
        proc.kill('SIGKILL');
        throw new Error(`the sample server did not become ready:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  await launch();
  return {
    port: options.port,
    ca: readFileSync(caFile, 'utf8'),
    log: () => output,
    running: () => child !== undefined && child.exitCode === null && child.signalCode === null,
    pid: () => child?.pid ?? 0,
    start: launch,
    async stop() {
      const proc = child;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return proc?.exitCode ?? null;
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
