/**
 * End to end: `kapi serve` on a free loopback port with a fresh data dir, driven by real kubectl
 * 1.27 and 1.33 through the admin.kubeconfig it writes (each command with a fresh --cache-dir).
 */
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { freePort } from '../support/net.js';

const ROOT = path.join(import.meta.dirname, '..', '..');
const COMMAND_TIMEOUT_MS = 60_000;

function kubectlDir(): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'kubectl');
    if (existsSync(candidate)) return path.dirname(realpathSync(candidate));
  }
  return undefined;
}

const KUBECTL_DIR = kubectlDir();
const VERSIONS = ['1.27', '1.33'].filter((v) => KUBECTL_DIR && existsSync(path.join(KUBECTL_DIR, `kubectl.${v}`)));

function getReadyz(port: number, ca: Buffer): Promise<string> {
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

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

describe('kubectl against kapi serve', { skip: VERSIONS.length === 0 && 'no kubectl.1.NN binaries on this machine' }, () => {
  let dataDir: string;
  let child: ChildProcess;
  let exited: Promise<number | null>;
  let kubeconfig: string;
  let serverLog = '';

  before(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'kapi-e2e-'));
    const port = await freePort();
    child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'runtime', 'cmd', 'main.ts'), 'serve', `--secure-port=${port}`, `--data-dir=${dataDir}`], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d: Buffer) => (serverLog += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (serverLog += d.toString()));
    exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    kubeconfig = path.join(dataDir, 'admin.kubeconfig');
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`kapi serve exited with ${child.exitCode}:\n${serverLog}`);
      if (existsSync(kubeconfig)) {
        const ready = await getReadyz(port, readFileSync(path.join(dataDir, 'pki', 'ca.crt'))).catch(() => '');
        if (ready === '200 ok') break;
      }
      if (Date.now() > deadline) throw new Error(`kapi serve did not become ready:\n${serverLog}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  });

  after(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 15_000))]);
      if (code === 'timeout') child.kill('SIGKILL');
      assert.equal(code, 0, `kapi serve did not stop cleanly on SIGTERM:\n${serverLog}`);
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  function kubectl(version: string, ...args: string[]): Promise<Result> {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'kapi-kubectl-cache-'));
    return new Promise((resolve) => {
      execFile(
        path.join(KUBECTL_DIR!, `kubectl.${version}`),
        [`--kubeconfig=${kubeconfig}`, `--cache-dir=${cacheDir}`, ...args],
        { timeout: COMMAND_TIMEOUT_MS, env: { ...process.env, KUBECONFIG: kubeconfig, HOME: cacheDir } },
        (error, stdout, stderr) => {
          rmSync(cacheDir, { recursive: true, force: true });
          const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
          resolve({ code, stdout, stderr });
        },
      );
    });
  }

  function ok(r: Result): string {
    assert.equal(r.code, 0, `kubectl failed:\n${r.stderr}\n${r.stdout}`);
    return r.stdout;
  }

  for (const version of VERSIONS) {
    describe(`kubectl ${version}`, () => {
      it('version', async () => {
        assert.match(ok(await kubectl(version, 'version')), /v1\.33\.0\+kapi/);
      });
      it('api-resources', async () => {
        const out = ok(await kubectl(version, 'api-resources'));
        assert.match(out, /^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND/);
        assert.match(out, /^horizontalpodautoscalers\s+hpa\s+autoscaling\/v2\s+true\s+HorizontalPodAutoscaler$/m);
      });
      it('api-versions', async () => {
        const out = ok(await kubectl(version, 'api-versions')).split('\n');
        for (const gv of ['autoscaling/v1', 'autoscaling/v2', 'autoscaling/v2beta1', 'autoscaling/v2beta2']) assert.ok(out.includes(gv), gv);
      });
      it('get --raw /readyz?verbose', async () => {
        const out = ok(await kubectl(version, 'get', '--raw', '/readyz?verbose'));
        assert.match(out, /^\[\+\]ping ok\n\[\+\]log ok\n\[\+\]etcd ok\n/);
        assert.match(out, /\[\+\]shutdown ok\nreadyz check passed\n$/);
      });
      it('explain horizontalpodautoscalers.spec', async () => {
        const out = ok(await kubectl(version, 'explain', 'horizontalpodautoscalers.spec'));
        assert.match(out, /KIND:\s+HorizontalPodAutoscaler/);
        assert.match(out, /FIELD: spec <HorizontalPodAutoscalerSpec>/);
        assert.match(out, /scaleTargetRef\s+<CrossVersionObjectReference> -required-/);
      });
    });
  }
});
