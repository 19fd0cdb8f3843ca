/** The installer's routing: path shapes per scope, unknown resources and verbs, errors as Status. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { request, startHarness, widgetBody, WIDGETS, type Harness } from './support.js';

describe('RestAPIInstaller routing', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    await request(`${h.url}${WIDGETS}/namespaces/default/widgets`, 'POST', widgetBody('r1'));
  });
  after(() => h.stop());

  const cases: [string, { method: string; path: string; status: number; message?: string }][] = [
    ['unknown resource', { method: 'GET', path: `${WIDGETS}/namespaces/default/sprockets`, status: 404, message: 'the server could not find the requested resource' }],
    ['unknown subresource', { method: 'GET', path: `${WIDGETS}/namespaces/default/widgets/r1/exec`, status: 404 }],
    ['namespaced object without a namespace', { method: 'GET', path: `${WIDGETS}/widgets/r1`, status: 404 }],
    ['create at the all-namespaces path', { method: 'POST', path: `${WIDGETS}/widgets`, status: 405, message: 'the server does not allow this method on the requested resource' }],
    ['cluster-scoped resource inside a namespace', { method: 'GET', path: `${WIDGETS}/namespaces/default/gadgets`, status: 404 }],
    ['cluster-scoped list', { method: 'GET', path: `${WIDGETS}/gadgets`, status: 200 }],
    ['subresource without a name', { method: 'GET', path: `${WIDGETS}/namespaces/default/widgets/status`, status: 404 }],
    ['PUT to a collection', { method: 'PUT', path: `${WIDGETS}/namespaces/default/widgets`, status: 405 }],
    ['POST to an object', { method: 'POST', path: `${WIDGETS}/namespaces/default/widgets/r1`, status: 405 }],
    ['not acceptable', { method: 'GET', path: `${WIDGETS}/namespaces/default/widgets/r1`, status: 200 }],
  ];
  for (const [name, { method, path, status, message }] of cases) {
    it(name, async () => {
      const res = await request(`${h.url}${path}`, method, method === 'POST' ? widgetBody('x') : undefined);
      assert.equal(res.status, status, res.text);
      if (message) {
        assert.equal(res.json()['kind'], 'Status');
        assert.equal(res.json()['message'], message);
      }
    });
  }

  it('answers an Accept it cannot produce with 406', async () => {
    const res = await request(`${h.url}${WIDGETS}/namespaces/default/widgets/r1`, 'GET', undefined, { Accept: 'text/html' });
    assert.equal(res.status, 406);
    assert.equal(res.json()['reason'], 'NotAcceptable');
  });

  it('does not offer protobuf for kinds without a protobuf encoding', async () => {
    const res = await request(`${h.url}${WIDGETS}/namespaces/default/widgets/r1`, 'GET', undefined, { Accept: 'application/vnd.kubernetes.protobuf,application/json' });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/json');
  });

  it('refuses bodies larger than the limit with 413', async () => {
    const big = JSON.stringify(widgetBody('big', { metadata: { annotations: { a: 'x'.repeat(4 * 1024 * 1024) } } }));
    const res = await request(`${h.url}${WIDGETS}/namespaces/default/widgets`, 'POST', big);
    assert.equal(res.status, 413);
    assert.equal(res.json()['reason'], 'RequestEntityTooLarge');
  });
});
