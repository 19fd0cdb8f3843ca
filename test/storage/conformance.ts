/**
 * The storage conformance suite: what every Storage (SQLite, etcd3, the watch cache) must do, in
 * apiserver's terms. A backend's test file calls `runStorageConformance` with a way to open the
 * store; every test works under its own key prefix, so one store serves the whole suite.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  AlreadyExistsError,
  ConflictError,
  ExpiredError,
  InvalidArgumentError,
  InvalidObjectError,
  NotFoundError,
  TooLargeResourceVersionError,
} from '../../runtime/storage/errors.js';
import type { Storage, StoredObject, WatchEvent } from '../../runtime/storage/interface.js';
import { WatchReader, eventually } from './support/watch-reader.js';

export interface ConformanceHarness {
  readonly storage: Storage;
  /** Forgets history up to `revision`, so older reads and watches get 410. */
  compact(revision: number): Promise<void>;
  close(): Promise<void>;
}

export interface ConformanceOptions {
  open(): Promise<ConformanceHarness>;
  /** Watches with allowBookmarks get BOOKMARK events (within 5 s). */
  bookmarks?: boolean;
  /** Keys created with a TTL expire. */
  ttl?: boolean;
}

const T = { timeout: 20_000 };

function widget(name: string, extra: Record<string, unknown> = {}): StoredObject {
  return { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name, namespace: 'ns', uid: `uid-${name}` }, spec: { size: 1 }, ...extra };
}

function rv(object: StoredObject | undefined): number {
  const value = object?.metadata?.resourceVersion;
  assert.ok(value && /^\d+$/.test(value), `resourceVersion ${String(value)} is a decimal string`);
  return Number(value);
}

function names(items: readonly StoredObject[]): string[] {
  return items.map((item) => String(item.metadata?.name));
}

/** The object of an event that must not be an ERROR. */
function objectOf(event: WatchEvent): StoredObject {
  assert.notEqual(event.type, 'ERROR', `unexpected ERROR event: ${JSON.stringify(event.object)}`);
  return event.object as StoredObject;
}

function summary(event: WatchEvent): string {
  return `${event.type} ${String(event.object.metadata?.name ?? '')}`;
}

function decodeToken(token: string): { v: string; rv: number; start: string } {
  return JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { v: string; rv: number; start: string };
}

export function runStorageConformance(name: string, options: ConformanceOptions): void {
  describe(`storage conformance: ${name}`, () => {
    let harness: ConformanceHarness;
    let store: Storage;
    const readers: WatchReader[] = [];
    /** A fresh resource prefix for one test. */
    const prefix = (): string => `/registry/example.com/widgets-${randomUUID().slice(0, 8)}/ns`;
    const watch = async (key: string, opts: Parameters<Storage['watch']>[1]): Promise<WatchReader> => {
      const reader = new WatchReader(await store.watch(key, opts));
      readers.push(reader);
      return reader;
    };

    before(async () => {
      harness = await options.open();
      store = harness.storage;
    });
    after(async () => {
      for (const reader of readers) reader.stop();
      await harness?.close();
    });

    describe('create and get', () => {
      it('stores an object and sets its resourceVersion from the store revision', T, async () => {
        const p = prefix();
        const before = await store.currentRevision();
        const created = await store.create(`${p}/a`, widget('a'));
        assert.ok(rv(created) > before);
        assert.deepEqual(created.spec, { size: 1 });
        const got = await store.get(`${p}/a`);
        assert.deepEqual(got, created);
        assert.equal(await store.currentRevision(), rv(created));
      });

      it('refuses a second create of the same key', T, async () => {
        const p = prefix();
        await store.create(`${p}/a`, widget('a'));
        await assert.rejects(store.create(`${p}/a`, widget('a')), AlreadyExistsError);
      });

      it('refuses an object that already has a resourceVersion', T, async () => {
        const p = prefix();
        const object = widget('a');
        object.metadata!.resourceVersion = '5';
        await assert.rejects(store.create(`${p}/a`, object), InvalidObjectError);
      });

      it('does not keep the caller object or hand out shared copies', T, async () => {
        const p = prefix();
        const object = widget('a');
        const created = await store.create(`${p}/a`, object);
        (object.spec as { size: number }).size = 99;
        (created.spec as { size: number }).size = 98;
        const got = await store.get(`${p}/a`);
        assert.deepEqual(got.spec, { size: 1 });
        assert.equal(object.metadata?.resourceVersion, undefined);
      });

      it('reports a missing key as NotFound, or undefined with ignoreNotFound', T, async () => {
        const p = prefix();
        await assert.rejects(store.get(`${p}/missing`), NotFoundError);
        assert.equal(await store.get(`${p}/missing`, { ignoreNotFound: true }), undefined);
      });

      it('fails a get whose minimum resourceVersion the store has not reached', T, async () => {
        const p = prefix();
        const created = await store.create(`${p}/a`, widget('a'));
        assert.deepEqual(await store.get(`${p}/a`, { resourceVersion: String(rv(created)) }), created);
        // "0" accepts any state, so a cache may not have the object yet.
        const any = await store.get(`${p}/a`, { resourceVersion: '0', ignoreNotFound: true });
        if (any !== undefined) assert.deepEqual(any, created);
        await assert.rejects(store.get(`${p}/a`, { resourceVersion: String(rv(created) + 1_000_000) }), TooLargeResourceVersionError);
        await assert.rejects(store.get(`${p}/a`, { resourceVersion: 'abc' }), InvalidArgumentError);
      });
    });

    describe('list', () => {
      it('lists the keys under a prefix in key order, and nothing beside it', T, async () => {
        const p = prefix();
        for (const n of ['c', 'a', 'b']) await store.create(`${p}/${n}`, widget(n));
        await store.create(`${p}x/d`, widget('d'));
        const list = await store.list(p);
        assert.deepEqual(names(list.items), ['a', 'b', 'c']);
        assert.equal(list.continue, undefined);
        assert.equal(list.remainingItemCount, undefined);
        assert.ok(Number(list.resourceVersion) >= Math.max(...list.items.map(rv)));
        assert.deepEqual(names((await store.list(`${p}/`)).items), ['a', 'b', 'c']);
        assert.equal(await store.count(p), 3);
      });

      it('filters with a predicate', T, async () => {
        const p = prefix();
        for (const [n, size] of [['a', 1], ['b', 2], ['c', 3]] as const) await store.create(`${p}/${n}`, widget(n, { spec: { size } }));
        const list = await store.list(p, { predicate: (o) => (o.spec as { size: number }).size >= 2 });
        assert.deepEqual(names(list.items), ['b', 'c']);
      });

      it('reads an exact past revision, and 410 once it is compacted', T, async () => {
        const p = prefix();
        const a = await store.create(`${p}/a`, widget('a'));
        await store.create(`${p}/b`, widget('b'));
        const atA = await store.list(p, { resourceVersion: String(rv(a)), resourceVersionMatch: 'Exact' });
        assert.deepEqual(names(atA.items), ['a']);
        assert.equal(atA.resourceVersion, String(rv(a)));
        // The legacy rule: a resourceVersion with a limit is exact too.
        assert.deepEqual(names((await store.list(p, { resourceVersion: String(rv(a)), limit: 10 })).items), ['a']);
        await store.guaranteedUpdate(`${p}/a`, (o) => ({ ...o, spec: { size: 2 } }));
        const latest = await store.currentRevision();
        await harness.compact(latest);
        await assert.rejects(store.list(p, { resourceVersion: String(rv(a)), resourceVersionMatch: 'Exact' }), (error: unknown) => {
          assert.ok(error instanceof ExpiredError);
          assert.equal(error.httpStatus, 410);
          return true;
        });
        const now = await store.list(p, { resourceVersion: String(latest), resourceVersionMatch: 'Exact' });
        assert.deepEqual(names(now.items), ['a', 'b']);
      });

      it('serves NotOlderThan from the latest state and refuses a future revision', T, async () => {
        const p = prefix();
        const a = await store.create(`${p}/a`, widget('a'));
        const b = await store.create(`${p}/b`, widget('b'));
        const list = await store.list(p, { resourceVersion: String(rv(b)), resourceVersionMatch: 'NotOlderThan' });
        assert.deepEqual(names(list.items), ['a', 'b']);
        assert.ok(Number(list.resourceVersion) >= rv(b));
        const older = await store.list(p, { resourceVersion: String(rv(a)), resourceVersionMatch: 'NotOlderThan' });
        assert.ok(Number(older.resourceVersion) >= rv(a));
        assert.deepEqual(names(older.items), ['a', 'b'].slice(0, older.items.length));
        // "0" accepts any state, in key order.
        const any = names((await store.list(p, { resourceVersion: '0' })).items);
        assert.deepEqual(any, ['a', 'b'].filter((n) => any.includes(n)));
        const future = String((await store.currentRevision()) + 1_000_000);
        await assert.rejects(store.list(p, { resourceVersion: future, resourceVersionMatch: 'NotOlderThan' }), TooLargeResourceVersionError);
      });
    });

    describe('pagination', () => {
      it('pages with continue tokens at one revision, counting what remains', T, async () => {
        const p = prefix();
        for (const n of ['a', 'b', 'c', 'd', 'e']) await store.create(`${p}/${n}`, widget(n));
        const first = await store.list(p, { limit: 2 });
        assert.deepEqual(names(first.items), ['a', 'b']);
        assert.equal(first.remainingItemCount, 3);
        assert.ok(first.continue);
        const token = decodeToken(first.continue);
        assert.equal(token.v, 'meta.k8s.io/v1');
        assert.equal(token.rv, Number(first.resourceVersion));
        assert.equal(token.start, 'b\u0000');

        // Writes after the first page do not show up in later pages.
        await store.create(`${p}/bb`, widget('bb'));
        await store.delete(`${p}/e`);
        const second = await store.list(p, { limit: 2, continue: first.continue });
        assert.deepEqual(names(second.items), ['c', 'd']);
        assert.equal(second.resourceVersion, first.resourceVersion);
        assert.equal(second.remainingItemCount, 1);
        const third = await store.list(p, { limit: 2, continue: second.continue });
        assert.deepEqual(names(third.items), ['e']);
        assert.equal(third.continue, undefined);
        assert.equal(third.remainingItemCount, undefined);
      });

      it('fills a filtered page by reading on, without a remaining count', T, async () => {
        const p = prefix();
        for (let i = 0; i < 12; i++) await store.create(`${p}/n${String(i).padStart(2, '0')}`, widget(`n${i}`, { spec: { size: i % 4 } }));
        const predicate = (o: StoredObject): boolean => (o.spec as { size: number }).size === 0;
        const first = await store.list(p, { limit: 2, predicate });
        assert.deepEqual(names(first.items), ['n0', 'n4']);
        assert.ok(first.continue);
        assert.equal(first.remainingItemCount, undefined);
        const second = await store.list(p, { limit: 2, predicate, continue: first.continue });
        assert.deepEqual(names(second.items), ['n8']);
        assert.equal(second.continue, undefined);
      });

      it('rejects malformed tokens and a resourceVersion beside a token', T, async () => {
        const p = prefix();
        for (const n of ['a', 'b']) await store.create(`${p}/${n}`, widget(n));
        const first = await store.list(p, { limit: 1 });
        await assert.rejects(store.list(p, { limit: 1, continue: 'not a token' }), InvalidArgumentError);
        const climbing = Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: 1, start: '../../x' })).toString('base64url');
        await assert.rejects(store.list(p, { limit: 1, continue: climbing }), InvalidArgumentError);
        const zero = Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: 0, start: 'a' })).toString('base64url');
        await assert.rejects(store.list(p, { limit: 1, continue: zero }), InvalidArgumentError);
        await assert.rejects(store.list(p, { limit: 1, continue: first.continue, resourceVersion: first.resourceVersion }), InvalidArgumentError);
      });

      it('answers a continue token past compaction with 410 and a token for the latest state', T, async () => {
        const p = prefix();
        for (const n of ['a', 'b', 'c']) await store.create(`${p}/${n}`, widget(n));
        const first = await store.list(p, { limit: 1 });
        await store.guaranteedUpdate(`${p}/c`, (o) => ({ ...o, spec: { size: 5 } }));
        await harness.compact(await store.currentRevision());
        let fresh: string | undefined;
        await assert.rejects(store.list(p, { limit: 1, continue: first.continue }), (error: unknown) => {
          assert.ok(error instanceof ExpiredError);
          assert.match(error.message, /continue parameter is too old/);
          fresh = error.continueToken;
          return true;
        });
        assert.ok(fresh);
        assert.equal(decodeToken(fresh).rv, -1);
        const rest = await store.list(p, { continue: fresh });
        assert.deepEqual(names(rest.items), ['b', 'c']);
        assert.deepEqual(rest.items[1].spec, { size: 5 });
      });
    });

    describe('guaranteedUpdate', () => {
      it('writes the result of the update function with a new revision', T, async () => {
        const p = prefix();
        const created = await store.create(`${p}/a`, widget('a'));
        let seen: number | undefined;
        const updated = await store.guaranteedUpdate(`${p}/a`, (current, meta) => {
          seen = meta.resourceVersion;
          assert.equal(current.metadata?.resourceVersion, String(rv(created)));
          (current.spec as { size: number }).size = 2;
          return current;
        });
        assert.equal(seen, rv(created));
        assert.ok(rv(updated) > rv(created));
        assert.deepEqual((await store.get(`${p}/a`)).spec, { size: 2 });
      });

      it('retries racing updates so that none is lost', T, async () => {
        const p = prefix();
        await store.create(`${p}/counter`, widget('counter', { spec: { size: 0 } }));
        const results = await Promise.all(
          Array.from({ length: 10 }, () =>
            store.guaranteedUpdate(`${p}/counter`, async (current) => {
              await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
              return { ...current, spec: { size: (current.spec as { size: number }).size + 1 } };
            }),
          ),
        );
        assert.deepEqual((await store.get(`${p}/counter`)).spec, { size: 10 });
        assert.equal(new Set(results.map(rv)).size, 10);
      });

      it('retries with fresh state when the cached copy is stale', T, async () => {
        const p = prefix();
        const stale = await store.create(`${p}/a`, widget('a', { spec: { size: 1 } }));
        await store.guaranteedUpdate(`${p}/a`, (o) => ({ ...o, spec: { size: 2 } }));
        let calls = 0;
        const updated = await store.guaranteedUpdate(
          `${p}/a`,
          (current) => {
            calls++;
            return { ...current, spec: { size: (current.spec as { size: number }).size * 10 } };
          },
          { cachedExisting: stale },
        );
        assert.equal(calls, 2);
        assert.deepEqual(updated.spec, { size: 20 });
        assert.equal(stale.metadata?.resourceVersion, String(rv(stale)), 'the cached copy is not modified');
      });

      it('writes nothing when the object does not change', T, async () => {
        const p = prefix();
        const created = await store.create(`${p}/a`, widget('a'));
        const before = await store.currentRevision();
        const same = await store.guaranteedUpdate(`${p}/a`, (current) => current);
        assert.equal(rv(same), rv(created));
        assert.equal(await store.currentRevision(), before);
      });

      it('checks uid and resourceVersion preconditions', T, async () => {
        const p = prefix();
        const created = await store.create(`${p}/a`, widget('a'));
        const bump = (o: StoredObject): StoredObject => ({ ...o, spec: { size: 7 } });
        await assert.rejects(store.guaranteedUpdate(`${p}/a`, bump, { preconditions: { uid: 'other' } }), ConflictError);
        await assert.rejects(store.guaranteedUpdate(`${p}/a`, bump, { preconditions: { resourceVersion: '1' } }), ConflictError);
        const ok = await store.guaranteedUpdate(`${p}/a`, bump, {
          preconditions: { uid: 'uid-a', resourceVersion: String(rv(created)) },
        });
        assert.deepEqual(ok.spec, { size: 7 });
      });

      it('fails on a missing key unless ignoreNotFound, which creates it', T, async () => {
        const p = prefix();
        await assert.rejects(store.guaranteedUpdate(`${p}/a`, (o) => o), NotFoundError);
        const created = await store.guaranteedUpdate(
          `${p}/a`,
          (current) => {
            assert.deepEqual(current, {});
            return widget('a');
          },
          { ignoreNotFound: true },
        );
        assert.deepEqual(await store.get(`${p}/a`), created);
      });

      it('passes on an error from the update function', T, async () => {
        const p = prefix();
        await store.create(`${p}/a`, widget('a'));
        await assert.rejects(
          store.guaranteedUpdate(`${p}/a`, () => {
            throw new Error('invalid change');
          }),
          /invalid change/,
        );
      });
    });

    describe('delete', () => {
      it('returns the last state at the deletion revision', T, async () => {
        const p = prefix();
        const created = await store.create(`${p}/a`, widget('a'));
        const deleted = await store.delete(`${p}/a`);
        assert.ok(rv(deleted) > rv(created));
        assert.deepEqual(deleted.spec, { size: 1 });
        await assert.rejects(store.get(`${p}/a`), NotFoundError);
        await assert.rejects(store.delete(`${p}/a`), NotFoundError);
        // The key can be created again.
        const again = await store.create(`${p}/a`, widget('a'));
        assert.ok(rv(again) > rv(deleted));
      });

      it('checks preconditions and validateDeletion', T, async () => {
        const p = prefix();
        const created = await store.create(`${p}/a`, widget('a'));
        await assert.rejects(store.delete(`${p}/a`, { preconditions: { uid: 'other' } }), ConflictError);
        await assert.rejects(store.delete(`${p}/a`, { preconditions: { resourceVersion: '1' } }), ConflictError);
        await assert.rejects(
          store.delete(`${p}/a`, {
            validateDeletion: () => {
              throw new Error('has finalizers');
            },
          }),
          /has finalizers/,
        );
        await store.get(`${p}/a`);
        const deleted = await store.delete(`${p}/a`, { preconditions: { uid: 'uid-a', resourceVersion: String(rv(created)) } });
        assert.equal(deleted.metadata?.name, 'a');
      });

      it('retries with fresh state when the cached copy is stale', T, async () => {
        const p = prefix();
        const stale = await store.create(`${p}/a`, widget('a'));
        await store.guaranteedUpdate(`${p}/a`, (o) => ({ ...o, spec: { size: 3 } }));
        const deleted = await store.delete(`${p}/a`, { cachedExisting: stale });
        assert.deepEqual(deleted.spec, { size: 3 });
      });
    });

    describe('watch', () => {
      it('delivers changes after a resourceVersion, in order, with their revisions', T, async () => {
        const p = prefix();
        const a = await store.create(`${p}/a`, widget('a'));
        const w = await watch(p, { recursive: true, resourceVersion: String(rv(a)) });
        const b = await store.create(`${p}/b`, widget('b'));
        const a2 = await store.guaranteedUpdate(`${p}/a`, (o) => ({ ...o, spec: { size: 2 } }));
        const gone = await store.delete(`${p}/b`);
        const events = await w.events(3);
        assert.deepEqual(events.map(summary), ['ADDED b', 'MODIFIED a', 'DELETED b']);
        assert.deepEqual(events.map((e) => rv(objectOf(e))), [rv(b), rv(a2), rv(gone)]);
        assert.deepEqual(objectOf(events[1]), a2);
        assert.deepEqual(objectOf(events[2]).spec, { size: 1 });
        w.stop();
      });

      it('replays history when started from an older resourceVersion', T, async () => {
        const p = prefix();
        const start = await store.currentRevision();
        await store.create(`${p}/a`, widget('a'));
        await store.guaranteedUpdate(`${p}/a`, (o) => ({ ...o, spec: { size: 2 } }));
        await store.create(`${p}/b`, widget('b'));
        const w = await watch(p, { recursive: true, resourceVersion: String(start) });
        assert.deepEqual((await w.events(3)).map(summary), ['ADDED a', 'MODIFIED a', 'ADDED b']);
        await store.delete(`${p}/a`);
        assert.deepEqual((await w.events(1)).map(summary), ['DELETED a']);
        w.stop();
      });

      it('starts from the current state when resourceVersion is 0', T, async () => {
        const p = prefix();
        await store.create(`${p}/a`, widget('a'));
        await store.create(`${p}/b`, widget('b'));
        const w = await watch(p, { recursive: true, resourceVersion: '0' });
        assert.deepEqual((await w.events(2)).map(summary).sort(), ['ADDED a', 'ADDED b']);
        await store.guaranteedUpdate(`${p}/a`, (o) => ({ ...o, spec: { size: 4 } }));
        assert.deepEqual((await w.events(1)).map(summary), ['MODIFIED a']);
        w.stop();
      });

      it('watches one key without its siblings', T, async () => {
        const p = prefix();
        const a = await store.create(`${p}/a`, widget('a'));
        const w = await watch(`${p}/a`, { resourceVersion: String(rv(a)) });
        await store.create(`${p}/ab`, widget('ab'));
        await store.create(`${p}/b`, widget('b'));
        await store.guaranteedUpdate(`${p}/a`, (o) => ({ ...o, spec: { size: 2 } }));
        assert.deepEqual((await w.events(1)).map(summary), ['MODIFIED a']);
        await w.expectQuiet(200);
        w.stop();
      });

      it('turns changes across a predicate into ADDED and DELETED', T, async () => {
        const p = prefix();
        const start = await store.currentRevision();
        const large = (o: StoredObject): boolean => (o.spec as { size: number }).size >= 10;
        const w = await watch(p, { recursive: true, resourceVersion: String(start), predicate: large });
        await store.create(`${p}/a`, widget('a'));
        const grown = await store.guaranteedUpdate(`${p}/a`, (o) => ({ ...o, spec: { size: 10 } }));
        await store.guaranteedUpdate(`${p}/a`, (o) => ({ ...o, spec: { size: 11 } }));
        const shrunk = await store.guaranteedUpdate(`${p}/a`, (o) => ({ ...o, spec: { size: 1 } }));
        await store.delete(`${p}/a`);
        const events = await w.events(3);
        assert.deepEqual(events.map(summary), ['ADDED a', 'MODIFIED a', 'DELETED a']);
        assert.equal(rv(objectOf(events[0])), rv(grown));
        // The object leaving the filter is shown in its last matching state, at the revision it left.
        assert.deepEqual(objectOf(events[2]).spec, { size: 11 });
        assert.equal(rv(objectOf(events[2])), rv(shrunk));
        await w.expectQuiet(200);
        w.stop();
      });

      it('ends with a 410 ERROR event when the resourceVersion is compacted', T, async () => {
        const p = prefix();
        const a = await store.create(`${p}/a`, widget('a'));
        await store.guaranteedUpdate(`${p}/a`, (o) => ({ ...o, spec: { size: 2 } }));
        await store.guaranteedUpdate(`${p}/a`, (o) => ({ ...o, spec: { size: 3 } }));
        await harness.compact(await store.currentRevision());
        const w = await watch(p, { recursive: true, resourceVersion: String(rv(a)) });
        const event = await w.event();
        assert.equal(event.type, 'ERROR');
        assert.equal(event.object.code, 410);
        assert.equal(event.object.reason, 'Expired');
        assert.equal(event.object.kind, 'Status');
        assert.equal(await w.next(), undefined);
      });

      it('ends when stopped', T, async () => {
        const p = prefix();
        const w = await watch(p, { recursive: true, resourceVersion: String(await store.currentRevision()) });
        w.stop();
        assert.equal(await w.next(), undefined);
        await w.watch.done;
        await store.create(`${p}/a`, widget('a'));
      });

      if (options.bookmarks) {
        it('sends bookmarks when asked', T, async () => {
          const p = prefix();
          const created = await store.create(`${p}/a`, widget('a'));
          const w = await watch(p, { recursive: true, resourceVersion: String(rv(created)), allowBookmarks: true });
          for (;;) {
            const event = await w.event(5000);
            if (event.type !== 'BOOKMARK') continue;
            assert.ok(rv(objectOf(event)) >= rv(created));
            assert.deepEqual(Object.keys(event.object), ['metadata']);
            break;
          }
          w.stop();
        });
      }
    });

    if (options.ttl) {
      it('expires keys created with a TTL', T, async () => {
        const p = prefix();
        const created = await store.create(`${p}/a`, widget('a'), 1);
        const w = await watch(`${p}/a`, { resourceVersion: String(rv(created)) });
        await eventually(async () => (await store.get(`${p}/a`, { ignoreNotFound: true })) === undefined, 10_000, 'expiry');
        assert.deepEqual((await w.events(1)).map(summary), ['DELETED a']);
        w.stop();
      });
    }
  });
}
