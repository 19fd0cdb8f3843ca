/**
 * Large LISTs served from a watch cache: streamed in chunks, each item encoded in the version the
 * request asked for, and an object's new state (not a remembered encoding) after it changes.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { definitions as hpaV1 } from '../../../generated/autoscaling/v1/openapi.generated.js';
import { definitions as hpaV2 } from '../../../generated/autoscaling/v2/openapi.generated.js';
import { resources as autoscalingResources, groupInfo as autoscalingGroup } from '../../../generated/autoscaling/register.generated.js';
import { OpenAPIFieldChecker } from '../../../runtime/endpoints/handlers/fields.js';
import { RestAPIInstaller } from '../../../runtime/endpoints/installer.js';
import type { RestStorage } from '../../../runtime/registry/rest.js';
import { Store } from '../../../runtime/registry/store.js';
import { newStrategy } from '../../../runtime/registry/strategy.js';
import { resourceRest } from '../../../runtime/registry/subresources.js';
import { Cacher } from '../../../runtime/storage/cacher/cacher.js';
import { startServer, testConfig } from '../../server/helpers.js';
import { openFixture } from '../../registry/support.js';
import { hpaBody, request, testPatcher } from './support.js';

type Obj = Record<string, unknown>;
const COUNT = 200;
const HPAS = '/apis/autoscaling/{v}/namespaces/a/horizontalpodautoscalers';

describe('LIST from the watch cache', () => {
  let url = '';
  let stop: () => Promise<void> = async () => {};
  const path = (version: string): string => HPAS.replace('{v}', version);
  const list = async (version: string): Promise<{ text: string; items: Obj[] }> => {
    const res = await request(`${url}${path(version)}?resourceVersion=0`, 'GET');
    assert.equal(res.status, 200, res.text);
    return { text: res.text, items: res.json()['items'] as Obj[] };
  };

  before(async () => {
    const fixture = openFixture();
    const info = autoscalingResources['v2']![0]!;
    const cacher = new Cacher(fixture.storage, { prefix: '/registry/autoscaling/horizontalpodautoscalers' });
    const hpas = new Store({ scheme: fixture.scheme, storage: cacher, group: 'autoscaling', info, storageVersion: autoscalingGroup.storageVersion, strategy: newStrategy(info) });
    const rest = new Map<string, RestStorage>([['horizontalpodautoscalers', resourceRest(hpas, info)]]);
    const installer = new RestAPIInstaller({
      scheme: fixture.scheme,
      storages: (gv) => (gv.group === 'autoscaling' ? rest : undefined),
      patcher: testPatcher,
      fieldChecker: new OpenAPIFieldChecker({ ...hpaV1, ...hpaV2 }),
      minRequestTimeoutSeconds: 5,
    });
    const server = testConfig().complete().new('streamed-list');
    server.installAPIGroup({ name: 'autoscaling', versions: ['v1', 'v2'].map((version) => ({ version, resources: autoscalingResources[version] ?? [] })) }, installer);
    const running = await startServer(server);
    url = running.url;
    stop = async () => {
      await running.stop();
      await cacher.close();
      await fixture.close();
    };
    await cacher.waitUntilReady(10_000);
    for (let i = 0; i < COUNT; i++) {
      const res = await request(`${url}${path('v2')}`, 'POST', hpaBody(`h${String(i).padStart(3, '0')}`));
      assert.equal(res.status, 201, res.text);
    }
  });
  after(() => stop());

  it('streams every item, the same on a second LIST', async () => {
    const deadline = Date.now() + 10_000;
    let first = await list('v2');
    while (first.items.length < COUNT && Date.now() < deadline) first = await list('v2');
    assert.equal(first.items.length, COUNT);
    assert.ok(first.text.length > 64 * 1024, 'the list spans several chunks');
    assert.deepEqual(
      first.items.map((item) => (item['metadata'] as Obj)['name']),
      Array.from({ length: COUNT }, (_, i) => `h${String(i).padStart(3, '0')}`),
    );
    assert.equal((await list('v2')).text, first.text);
  });

  it('encodes items in the version of each request', async () => {
    const v1 = (await list('v1')).items[0]!;
    const v2 = (await list('v2')).items[0]!;
    assert.equal((v1['spec'] as Obj)['targetCPUUtilizationPercentage'], 80);
    assert.equal((v1['spec'] as Obj)['metrics'], undefined);
    assert.ok(Array.isArray((v2['spec'] as Obj)['metrics']));
    assert.equal((v2['spec'] as Obj)['targetCPUUtilizationPercentage'], undefined);
  });

  it('lists an object\'s new state after it changes', async () => {
    const before = (await list('v2')).items.find((item) => (item['metadata'] as Obj)['name'] === 'h007')!;
    const updated = { ...before, apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', spec: { ...(before['spec'] as Obj), maxReplicas: 7 } };
    const res = await request(`${url}${path('v2')}/h007`, 'PUT', updated);
    assert.equal(res.status, 200, res.text);
    const deadline = Date.now() + 10_000;
    let max: unknown;
    while (Date.now() < deadline) {
      const item = (await list('v2')).items.find((i) => (i['metadata'] as Obj)['name'] === 'h007')!;
      max = (item['spec'] as Obj)['maxReplicas'];
      if (max === 7) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(max, 7);
  });
});
