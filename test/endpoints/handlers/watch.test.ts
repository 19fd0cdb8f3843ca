/** WATCH over HTTP: JSON lines, Table events, protobuf frames, bookmarks, timeouts, expiry and shutdown. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodeEnvelope } from '../../../runtime/machinery/protobuf/envelope.js';
import { hpaBody, request, startHarness, TABLE_ACCEPT, widgetBody, WIDGETS, type Harness } from './support.js';

type Obj = Record<string, unknown>;
const W = `${WIDGETS}/namespaces/default/widgets`;

/** Reads a streamed response chunk by chunk, with a deadline on every read. */
class StreamReader {
  private buffer = Buffer.alloc(0);
  private done = false;
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;

  constructor(readonly response: Response) {
    this.reader = response.body!.getReader();
  }

  private async fill(ms: number): Promise<boolean> {
    if (this.done) return false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
    const r = await Promise.race([this.reader.read(), timeout]);
    clearTimeout(timer);
    if (r === 'timeout') throw new Error(`nothing streamed within ${ms} ms`);
    if (r.done) {
      this.done = true;
      return false;
    }
    this.buffer = Buffer.concat([this.buffer, Buffer.from(r.value)]);
    return true;
  }

  /** The next JSON line, or undefined at the end of the stream. */
  async line(ms = 3000): Promise<Obj | undefined> {
    for (;;) {
      const nl = this.buffer.indexOf(10);
      if (nl >= 0) {
        const text = this.buffer.subarray(0, nl).toString('utf8');
        this.buffer = this.buffer.subarray(nl + 1);
        return JSON.parse(text) as Obj;
      }
      if (!(await this.fill(ms))) return undefined;
    }
  }

  /** The next length-prefixed frame. */
  async frame(ms = 3000): Promise<Buffer | undefined> {
    for (;;) {
      if (this.buffer.length >= 4) {
        const size = this.buffer.readUInt32BE(0);
        if (this.buffer.length >= 4 + size) {
          const frame = this.buffer.subarray(4, 4 + size);
          this.buffer = this.buffer.subarray(4 + size);
          return frame;
        }
      }
      if (!(await this.fill(ms))) return undefined;
    }
  }

  async cancel(): Promise<void> {
    await this.reader.cancel().catch(() => {});
  }
}

async function watch(url: string, headers: Record<string, string> = {}): Promise<StreamReader> {
  const res = await fetch(url, { headers });
  assert.equal(res.status, 200, res.status === 200 ? '' : await res.text());
  return new StreamReader(res);
}

describe('WATCH', () => {
  let h: Harness;
  let listRV: string;
  before(async () => {
    h = await startHarness();
    await request(`${h.url}${W}`, 'POST', widgetBody('first'));
    listRV = String(((await request(`${h.url}${W}`, 'GET')).json()['metadata'] as Obj)['resourceVersion']);
  });
  after(() => h.stop());

  it('streams JSON lines from a resourceVersion', async () => {
    const r = await watch(`${h.url}${W}?watch=true&resourceVersion=${listRV}`);
    assert.equal(r.response.headers.get('content-type'), 'application/json');
    await request(`${h.url}${W}`, 'POST', widgetBody('second'));
    const added = await r.line();
    assert.equal(added?.['type'], 'ADDED');
    const object = added?.['object'] as Obj;
    assert.equal(object['kind'], 'Widget');
    assert.equal(object['apiVersion'], 'example.kapi.dev/v1');
    assert.equal((object['metadata'] as Obj)['name'], 'second');
    await request(`${h.url}${W}/second`, 'DELETE');
    assert.equal((await r.line())?.['type'], 'DELETED');
    await r.cancel();
  });

  it('starts with the current objects without a resourceVersion, and accepts Python-style booleans', async () => {
    const r = await watch(`${h.url}${W}?watch=True&fieldSelector=metadata.name%3Dfirst`);
    const first = await r.line();
    assert.equal(first?.['type'], 'ADDED');
    assert.equal(((first?.['object'] as Obj)['metadata'] as Obj)['name'], 'first');
    await r.cancel();
  });

  it('ends cleanly at timeoutSeconds', async () => {
    const started = Date.now();
    const rv = await h.fixture.storage.currentRevision();
    const r = await watch(`${h.url}${W}?watch=1&resourceVersion=${rv}&timeoutSeconds=1`);
    assert.equal(await r.line(5000), undefined);
    assert.ok(Date.now() - started >= 900);
  });

  it('sends Table events with column definitions only in the first', async () => {
    const rv = await h.fixture.storage.currentRevision();
    const r = await watch(`${h.url}${W}?watch=true&resourceVersion=${rv}`, { Accept: TABLE_ACCEPT });
    await request(`${h.url}${W}`, 'POST', widgetBody('t1'));
    await request(`${h.url}${W}`, 'POST', widgetBody('t2'));
    const one = (await r.line())?.['object'] as Obj;
    const two = (await r.line())?.['object'] as Obj;
    assert.equal(one['kind'], 'Table');
    assert.deepEqual((one['columnDefinitions'] as Obj[]).map((c) => c['name']), ['Name', 'Replicas', 'Age']);
    assert.equal(two['columnDefinitions'], undefined);
    assert.equal(((two['rows'] as Obj[])[0]['cells'] as unknown[])[0], 't2');
    await r.cancel();
  });

  it('ends initial events with an annotated bookmark of the watched kind (sendInitialEvents)', async () => {
    const r = await watch(`${h.url}${W}?watch=true&sendInitialEvents=true&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan`);
    let event = await r.line();
    while (event?.['type'] === 'ADDED') event = await r.line();
    assert.equal(event?.['type'], 'BOOKMARK');
    const object = event?.['object'] as Obj;
    assert.equal(object['kind'], 'Widget');
    assert.equal(object['apiVersion'], 'example.kapi.dev/v1');
    assert.deepEqual(((object['metadata'] as Obj)['annotations'] as Obj)['k8s.io/initial-events-end'], 'true');
    await r.cancel();
  });

  it('refuses sendInitialEvents without resourceVersionMatch=NotOlderThan', async () => {
    const res = await request(`${h.url}${W}?watch=true&sendInitialEvents=true&allowWatchBookmarks=true`, 'GET');
    assert.equal(res.status, 422);
    assert.match(String(res.json()['message']), /sendInitialEvents requires setting resourceVersionMatch to NotOlderThan/);
  });

  it('sends an ERROR event with a 410 Status for a compacted resourceVersion', async () => {
    await request(`${h.url}${W}`, 'POST', widgetBody('c1'));
    const rv = await h.fixture.storage.currentRevision();
    await h.fixture.storage.compact(rv);
    const r = await watch(`${h.url}${W}?watch=true&resourceVersion=${listRV}`);
    const event = await r.line();
    assert.equal(event?.['type'], 'ERROR');
    const status = event?.['object'] as Obj;
    assert.equal(status['code'], 410);
    assert.equal(status['reason'], 'Expired');
    assert.ok(status['message']);
    assert.equal(await r.line(), undefined);
  });

  it('streams protobuf frames whose objects are k8s envelopes', async () => {
    const rv = String(await h.fixture.storage.currentRevision());
    const r = await watch(`${h.url}/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers?watch=true&resourceVersion=${rv}`, {
      Accept: 'application/vnd.kubernetes.protobuf;stream=watch,application/json',
    });
    assert.equal(r.response.headers.get('content-type'), 'application/vnd.kubernetes.protobuf;stream=watch');
    await request(`${h.url}/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers`, 'POST', hpaBody('pb'));
    const frame = (await r.frame())!;
    assert.equal(frame[0], 0x0a);
    assert.equal(frame.subarray(2, 2 + frame[1]).toString(), 'ADDED');
    const rest = frame.subarray(2 + frame[1]);
    assert.equal(rest[0], 0x12);
    const magic = rest.indexOf(Buffer.from('k8s\0'));
    assert.ok(magic > 0);
    const envelope = decodeEnvelope(new Uint8Array(rest.subarray(magic)));
    assert.equal(envelope.kind, 'HorizontalPodAutoscaler');
    await r.cancel();
  });

  it('serves the legacy watch path for one object', async () => {
    const rv = String(await h.fixture.storage.currentRevision());
    const r = await watch(`${h.url}${WIDGETS}/watch/namespaces/default/widgets/first?resourceVersion=${rv}`);
    await request(`${h.url}${W}/t1`, 'PATCH', { spec: { replicas: 3 } }, { 'Content-Type': 'application/merge-patch+json' });
    await request(`${h.url}${W}/first`, 'PATCH', { spec: { replicas: 3 } }, { 'Content-Type': 'application/merge-patch+json' });
    const event = await r.line();
    assert.equal(event?.['type'], 'MODIFIED');
    assert.equal(((event?.['object'] as Obj)['metadata'] as Obj)['name'], 'first');
    await r.cancel();
  });

  it('ends every watch when the server shuts down', async () => {
    const rv = await h.fixture.storage.currentRevision();
    const r = await watch(`${h.url}${W}?watch=true&resourceVersion=${rv}`);
    h.shutdownWatches();
    assert.equal(await r.line(3000), undefined);
  });
});
