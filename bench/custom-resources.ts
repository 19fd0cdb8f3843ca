/**
 * custom-resources: custom resources created per second (HTTP POST, autocannon) against
 * ConfigMaps created per second through the same kapi in the same run, on etcd started here on
 * a free loopback port (SQLite under the data dir when etcd is not installed). A custom resource
 * costs what a built-in costs plus its CRD's schema work (pruning, defaulting, OpenAPI value
 * validation, a CEL rule); rounds alternate so load from elsewhere falls on both. Goal: custom
 * resources ≥ 0.8× ConfigMaps.
 */
import { findEtcd, startEtcd, type EtcdServer } from '../test/storage/support/etcd.js';
import { bestOfAlternating, goal, reportRates } from './harness.js';
import { cpuMs } from './support/cpu.js';
import { request, requestJSON } from './support/http.js';
import { startKapi, type KapiProcess } from './support/kapi-process.js';
import { checkLoad, load, type LoadResult } from './support/load.js';

const CONCURRENCY = 32;
const ROUNDS = 3;
const SECONDS = 3;
const MAX_OPS = 100_000;
/** How long the CRD may take to be Established and its resource served. */
const READY_MS = 30_000;

const GROUP = 'bench.example.com';
const PLURAL = 'crontabs';

const CRD = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: `${PLURAL}.${GROUP}` },
  spec: {
    group: GROUP,
    scope: 'Namespaced',
    names: { plural: PLURAL, singular: 'crontab', kind: 'CronTab', listKind: 'CronTabList' },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              spec: {
                type: 'object',
                'x-kubernetes-validations': [{ rule: 'self.replicas <= 100', message: 'at most 100 replicas' }],
                properties: {
                  cronSpec: { type: 'string', pattern: '^(\\d+|\\*)(/\\d+)?(\\s+(\\d+|\\*)(/\\d+)?){4}$' },
                  image: { type: 'string', maxLength: 253 },
                  replicas: { type: 'integer', minimum: 0, default: 1 },
                },
              },
            },
          },
        },
      },
    ],
  },
};

/** A small custom resource and a ConfigMap of about the same size; generateName gives every request its own object. */
const POSTED_CR = JSON.stringify({
  apiVersion: `${GROUP}/v1`,
  kind: 'CronTab',
  metadata: { generateName: 'bench-', namespace: 'default', labels: { app: 'bench' } },
  spec: { cronSpec: '*/5 * * * *', image: 'my-cron-image' },
});
const POSTED_CONFIGMAP = JSON.stringify({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { generateName: 'bench-', namespace: 'default', labels: { app: 'bench' } },
  data: { cronSpec: '*/5 * * * *', image: 'my-cron-image' },
});

/** Creates the CRD and waits, bounded, until a custom resource can be created. */
async function installCRD(kapi: KapiProcess): Promise<void> {
  await requestJSON(kapi, 'POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', CRD);
  const deadline = Date.now() + READY_MS;
  let last = '';
  while (Date.now() < deadline) {
    const res = await request(kapi, 'GET', `/apis/${GROUP}/v1/namespaces/default/${PLURAL}?limit=1`, undefined, 5000);
    if (res.status === 200) return;
    last = `${res.status} ${res.body.toString().slice(0, 200)}`;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the custom resource was not served within ${READY_MS} ms: ${last}`);
}

/** The created custom resources went through the schema: `spec.replicas` was defaulted. */
async function checkDefaulted(kapi: KapiProcess): Promise<void> {
  const list = await requestJSON<{ items: { spec?: { replicas?: number } }[] }>(kapi, 'GET', `/apis/${GROUP}/v1/namespaces/default/${PLURAL}?limit=1`);
  if (list.items[0]?.spec?.replicas !== 1) throw new Error(`a created CronTab was not defaulted: ${JSON.stringify(list.items[0])}`);
}

export async function benchCustomResources(): Promise<void> {
  const binary = findEtcd();
  const etcd: EtcdServer | undefined = binary ? await startEtcd(binary) : undefined;
  try {
    const kapi = await startKapi(etcd ? { etcdServers: [etcd.endpoint] } : {});
    try {
      await installCRD(kapi);
      const configMaps = { url: `${kapi.url}/api/v1/namespaces/default/configmaps`, method: 'POST' as const, body: POSTED_CONFIGMAP, connections: CONCURRENCY };
      const crontabs = { url: `${kapi.url}/apis/${GROUP}/v1/namespaces/default/${PLURAL}`, method: 'POST' as const, body: POSTED_CR, connections: CONCURRENCY };
      await load({ ...configMaps, name: 'warm-up', seconds: 2, maxRequests: 20_000 });
      await load({ ...crontabs, name: 'warm-up', seconds: 2, maxRequests: 20_000 });
      await checkDefaulted(kapi);
      const cpu = { builtin: 0, builtins: 0, custom: 0, customs: 0 };
      const [builtin, custom] = await bestOfAlternating(ROUNDS, [
        async () => {
          const before = cpuMs(kapi.pid);
          const r = await load({ ...configMaps, name: `kapi POST ConfigMap, ${CONCURRENCY} connections`, seconds: SECONDS, maxRequests: MAX_OPS });
          checkLoad(r);
          cpu.builtin += cpuMs(kapi.pid) - before;
          cpu.builtins += r.ops;
          return r;
        },
        async () => {
          const before = cpuMs(kapi.pid);
          const r = await load({ ...crontabs, name: `kapi POST CronTab (custom resource), ${CONCURRENCY} connections`, seconds: SECONDS, maxRequests: MAX_OPS });
          checkLoad(r);
          cpu.custom += cpuMs(kapi.pid) - before;
          cpu.customs += r.ops;
          return r;
        },
      ]);
      const backend = etcd ? 'etcd on loopback' : 'SQLite';
      reportRates(`custom resource creates (${backend}, TLS to kapi, best of ${ROUNDS} alternating ${SECONDS} s rounds)`, builtin!, [custom!]);
      process.stdout.write(`  create latency p99: ConfigMap ${(builtin as LoadResult).p99Ms} ms, CronTab ${(custom as LoadResult).p99Ms} ms\n`);
      process.stdout.write(`  kapi CPU per create: ConfigMap ${(cpu.builtin / cpu.builtins).toFixed(3)} ms, CronTab ${(cpu.custom / cpu.customs).toFixed(3)} ms\n`);
      goal('custom resource creates/s ÷ ConfigMap creates/s', custom!.perSecond / builtin!.perSecond, '≥', 0.8);
    } finally {
      await kapi.stop();
    }
  } finally {
    await etcd?.stop();
  }
}
