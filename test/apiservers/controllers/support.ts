/**
 * An in-process kube tier with its controllers, on SQLite or a throwaway etcd, reached over
 * HTTP; and `eventually`, which polls the API until a condition holds or a deadline passes.
 */
import assert from 'node:assert/strict';
import { installAll } from '../../../generated/install.generated.js';
import { createKubeAPIServer, type KubeAPIServer } from '../../../runtime/apiservers/kube/index.js';
import { Scheme } from '../../../runtime/machinery/scheme.js';
import { openEtcd3Storage } from '../../../runtime/storage/etcd3/index.js';
import type { Storage } from '../../../runtime/storage/interface.js';
import { openSqliteStorage } from '../../../runtime/storage/sqlite/index.js';
import { request } from '../../endpoints/handlers/support.js';
import { startServer, testConfig, type Running } from '../../server/helpers.js';
import { findEtcd, startEtcd, type EtcdServer } from '../../storage/support/etcd.js';
import { tempDir } from '../../storage/support/temp-dir.js';

export type Obj = Record<string, unknown>;

export const TEST_ROOT_CA = '-----BEGIN CERTIFICATE-----\nMIIBfakeRootCAForControllerTests\n-----END CERTIFICATE-----\n';

/** A storage the tier can be restarted on. */
export interface Backend {
  open(): Storage;
  close(): Promise<void>;
}

export function sqliteBackend(): Backend {
  const dir = tempDir('controllers');
  return {
    open: () => openSqliteStorage({ path: `${dir.dir}/kapi.db`, compactIntervalMs: 0 }),
    close: async () => dir.remove(),
  };
}

/** A real etcd on free loopback ports, or undefined when no etcd binary is installed. */
export async function etcdBackend(): Promise<Backend | undefined> {
  const binary = findEtcd();
  if (!binary) return undefined;
  const server: EtcdServer = await startEtcd(binary);
  return {
    open: () => openEtcd3Storage({ endpoints: [server.endpoint], requestTimeoutMs: 5000, compactIntervalMs: 0 }),
    close: () => server.stop(),
  };
}

export interface Tier {
  readonly url: string;
  readonly kube: KubeAPIServer;
  readonly storage: Storage;
  get(path: string): Promise<{ status: number; body: Obj }>;
  send(method: string, path: string, body?: unknown, contentType?: string): Promise<{ status: number; body: Obj }>;
  /** Stops the server and the tier; the storage is closed too. */
  stop(): Promise<void>;
}

const scheme = new Scheme();
installAll(scheme);

/** Starts the kube tier with its controllers; resolves once /readyz passes (the controllers have listed). */
export async function startTier(backend: Backend, options: { rootCA?: string } = {}): Promise<Tier> {
  const storage = backend.open();
  const kube = await createKubeAPIServer(testConfig().complete(), { scheme, storage, rootCA: options.rootCA ?? TEST_ROOT_CA });
  const running: Running = await startServer(kube.server);
  const send = async (method: string, path: string, body?: unknown, contentType?: string): Promise<{ status: number; body: Obj }> => {
    const res = await request(`${running.url}${path}`, method, body, contentType ? { 'Content-Type': contentType } : {});
    return { status: res.status, body: res.text ? res.json() : {} };
  };
  const tier: Tier = {
    url: running.url,
    kube,
    storage,
    get: (path) => send('GET', path),
    send,
    async stop() {
      await running.stop();
      await kube.close();
      await storage.close();
    },
  };
  await eventually('readyz passes', async () => (await fetch(`${running.url}/readyz`)).status === 200);
  return tier;
}

/** Polls `check` every 50 ms until it returns true; fails with `what` after `timeoutMs`. */
export async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function metadata(object: Obj): Obj {
  return (object['metadata'] ?? {}) as Obj;
}

/** An ownerReference to `owner` (a created object). */
export function ownerRef(owner: Obj, extra: Obj = {}): Obj {
  const meta = metadata(owner);
  return { apiVersion: owner['apiVersion'], kind: owner['kind'], name: meta['name'], uid: meta['uid'], ...extra };
}

export function configMap(name: string, owners: Obj[] = [], extra: Obj = {}): Obj {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, ownerReferences: owners.length > 0 ? owners : undefined, ...extra }, data: { k: 'v' } };
}

/** Creates an object and returns the stored one; fails the test on anything but 201. */
export async function create(tier: Tier, path: string, body: Obj): Promise<Obj> {
  const res = await tier.send('POST', path, body);
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

export async function exists(tier: Tier, path: string): Promise<boolean> {
  const res = await tier.get(path);
  if (res.status === 404) return false;
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return true;
}

export async function createNamespace(tier: Tier, name: string): Promise<void> {
  await create(tier, '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
}
