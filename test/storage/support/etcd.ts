/**
 * A throwaway etcd for tests: the installed `etcd` binary on free loopback ports with a temporary
 * data folder, stopped and removed afterwards. Startup and shutdown are bounded.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { tempDir } from './temp-dir.js';
import { freePort } from '../../support/net.js';

export interface EtcdServer {
  readonly endpoint: string;
  stop(): Promise<void>;
}

/** The etcd binary, or undefined when it is not installed. */
export function findEtcd(): string | undefined {
  for (const candidate of ['/usr/bin/etcd', '/usr/local/bin/etcd']) {
    if (spawnSync(candidate, ['--version'], { timeout: 5000 }).status === 0) return candidate;
  }
  const which = spawnSync('sh', ['-c', 'command -v etcd'], { encoding: 'utf8', timeout: 5000 });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : undefined;
}

async function healthy(endpoint: string): Promise<boolean> {
  try {
    const response = await fetch(`${endpoint}/health`, { signal: AbortSignal.timeout(1000) });
    return response.ok && ((await response.json()) as { health?: string }).health === 'true';
  } catch {
    return false;
  }
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

export async function startEtcd(binary: string, startTimeoutMs = 20_000): Promise<EtcdServer> {
  const temp = tempDir('etcd');
  const [clientPort, peerPort] = [await freePort(), await freePort()];
  const endpoint = `http://127.0.0.1:${clientPort}`;
  const peer = `http://127.0.0.1:${peerPort}`;
  let output = '';
  const child = spawn(
    binary,
    [
      '--name=kapi-test',
      `--data-dir=${temp.dir}`,
      `--listen-client-urls=${endpoint}`,
      `--advertise-client-urls=${endpoint}`,
      `--listen-peer-urls=${peer}`,
      `--initial-advertise-peer-urls=${peer}`,
      `--initial-cluster=kapi-test=${peer}`,
      '--initial-cluster-state=new',
      '--log-level=error',
      '--logger=zap',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const stop = async (): Promise<void> => {
    child.kill('SIGTERM');
    if (!(await exited(child, 5000))) {
      child.kill('SIGKILL');
      await exited(child, 5000);
    }
    temp.remove();
  };

  const until = Date.now() + startTimeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) break;
    if (await healthy(endpoint)) return { endpoint, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`etcd did not become healthy on ${endpoint} within ${startTimeoutMs} ms:\n${output}`);
}
