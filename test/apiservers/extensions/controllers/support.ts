/**
 * A kube tier over SQLite with the CRD controllers running beside it, for tests that drive CRDs
 * over HTTP and watch what the controllers make of them.
 */
import type { CustomResourceDefinition, CustomResourceDefinitionNames } from '../../../../api-definitions/apiextensions/v1/types.js';
import { installAll } from '../../../../generated/install.generated.js';
import { crdControllers, type CRDControllers, type CRDControllersOptions } from '../../../../runtime/apiservers/extensions/controllers/index.js';
import { createKubeAPIServer, type KubeAPIServer } from '../../../../runtime/apiservers/kube/index.js';
import { Scheme } from '../../../../runtime/machinery/scheme.js';
import type { Store } from '../../../../runtime/registry/store.js';
import { openSqliteStorage, type SqliteStorage } from '../../../../runtime/storage/sqlite/index.js';
import { request } from '../../../endpoints/handlers/support.js';
import { startServer, testConfig, type Running } from '../../../server/helpers.js';
import { tempDir } from '../../../storage/support/temp-dir.js';
import { validCRD } from '../validation/support.js';

export type Obj = Record<string, unknown>;
export const CRDS = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';

export interface Harness {
  readonly url: string;
  readonly storage: SqliteStorage;
  readonly crds: Store;
  readonly controllers: CRDControllers;
  close(): Promise<void>;
}

export async function startHarness(options: Partial<CRDControllersOptions> = {}): Promise<Harness> {
  const scheme = new Scheme();
  installAll(scheme);
  const dir = tempDir('crd-controllers');
  const storage = openSqliteStorage({ path: `${dir.dir}/kapi.db`, compactIntervalMs: 0 });
  const kube: KubeAPIServer = await createKubeAPIServer(testConfig().complete(), { scheme, storage, controllers: false });
  const running: Running = await startServer(kube.server);
  const crds = kube.registry.stores.get('apiextensions.k8s.io/customresourcedefinitions')!;
  const controllers = crdControllers({ crds, storage, scheme, finalizer: { pollMs: 20 }, ...options });
  await controllers.start();
  return {
    url: running.url,
    storage,
    crds,
    controllers,
    async close() {
      await controllers.close();
      await running.stop();
      await kube.close();
      await storage.close();
      dir.remove();
    },
  };
}

/** A valid CRD `<plural>.<group>` with the given names. */
export function crdNamed(group: string, names: CustomResourceDefinitionNames, labels?: Record<string, string>): CustomResourceDefinition {
  const crd = validCRD();
  crd.metadata = { name: `${names.plural}.${group}`, ...(labels ? { labels } : {}) };
  crd.spec.group = group;
  crd.spec.names = names;
  delete crd.status;
  return crd;
}

/** Polls `probe` until it returns something, for at most `ms`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export interface Condition {
  readonly type?: string;
  readonly status?: string;
  readonly reason?: string;
  readonly message?: string;
}

export function conditionOf(crd: Obj, type: string): Condition | undefined {
  const conditions = ((crd['status'] as Obj | undefined)?.['conditions'] as Condition[] | undefined) ?? [];
  return conditions.find((c) => c.type === type);
}

/** GETs a CRD; undefined when it is gone. */
export async function getCRD(url: string, name: string): Promise<Obj | undefined> {
  const res = await request(`${url}${CRDS}/${name}`, 'GET');
  if (res.status === 404) return undefined;
  if (res.status !== 200) throw new Error(`GET ${name}: ${res.status} ${res.text}`);
  return res.json();
}

/** Waits until the CRD's condition `type` has `status` (and `reason`, when given); returns the CRD. */
export function waitForCondition(url: string, name: string, type: string, status: string, reason?: string, ms?: number): Promise<Obj> {
  return waitFor(
    `${name} ${type}=${status}${reason ? ` (${reason})` : ''}`,
    async () => {
      const crd = await getCRD(url, name);
      const c = crd ? conditionOf(crd, type) : undefined;
      return c && c.status === status && (reason === undefined || c.reason === reason) ? crd : undefined;
    },
    ms,
  );
}
