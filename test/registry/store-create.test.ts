/** Store.create and Store.get over SQLite: system fields, names, namespaces, validation, dry run. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isAlreadyExists, isInvalid, StatusError } from '../../runtime/machinery/errors.js';
import { ctx, openFixture, widget, type Fixture } from './support.js';

describe('Store.create', () => {
  let f: Fixture;
  before(() => {
    f = openFixture();
  });
  after(() => f.close());

  it('fills uid, creationTimestamp, resourceVersion, namespace and generation 1, and clears status', async () => {
    const out = await f.widgets.create(ctx(), widget('a', { status: { replicas: 9 } }));
    const meta = out['metadata'] as Record<string, unknown>;
    assert.match(String(meta['uid']), /^[0-9a-f-]{36}$/);
    assert.match(String(meta['creationTimestamp']), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.match(String(meta['resourceVersion']), /^\d+$/);
    assert.equal(meta['namespace'], 'default');
    assert.equal(meta['generation'], 1);
    assert.equal(out['status'], undefined);
  });

  it('stores the storage version under /registry/<group>/<resource>/<ns>/<name>', async () => {
    await f.widgets.create(ctx('ns1'), widget('keyed'));
    const stored = await f.storage.get('/registry/example.kapi.dev/widgets/ns1/keyed');
    assert.equal(stored['apiVersion'], 'example.kapi.dev/v1');
    assert.equal(stored['kind'], 'Widget');
  });

  it('reads back what it wrote, with defaults', async () => {
    const created = await f.widgets.create(ctx(), { metadata: { name: 'defaults' }, spec: {} });
    const got = await f.widgets.get(ctx(), 'defaults');
    assert.deepEqual((got['spec'] as Record<string, unknown>)['replicas'], 1);
    assert.equal((got['metadata'] as Record<string, unknown>)['resourceVersion'], (created['metadata'] as Record<string, unknown>)['resourceVersion']);
  });

  it('answers a duplicate name with AlreadyExists', async () => {
    await f.widgets.create(ctx(), widget('dup'));
    await assert.rejects(f.widgets.create(ctx(), widget('dup')), (e: StatusError) => {
      assert.equal(e.code, 409);
      assert.equal(e.message, 'widgets.example.kapi.dev "dup" already exists');
      return true;
    });
  });

  it('generates names from generateName with five random characters', async () => {
    const out = await f.widgets.create(ctx(), { metadata: { generateName: 'gen-' }, spec: {} });
    assert.match(String((out['metadata'] as Record<string, unknown>)['name']), /^gen-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('rejects a namespace in the body that differs from the URL', async () => {
    await assert.rejects(f.widgets.create(ctx('a'), widget('x', { metadata: { namespace: 'b' } })), (e: StatusError) => {
      assert.equal(e.code, 400);
      assert.equal(e.message, 'the namespace of the provided object does not match the namespace sent on the request');
      return true;
    });
  });

  it('clears the namespace of cluster-scoped objects', async () => {
    const out = await f.gadgets.create(ctx(''), { metadata: { name: 'g1', namespace: 'x' } });
    assert.equal((out['metadata'] as Record<string, unknown>)['namespace'], undefined);
    await f.gadgets.get(ctx(''), 'g1');
  });

  it('validates metadata with upstream messages', async () => {
    await assert.rejects(f.widgets.create(ctx(), widget('Bad_Name')), (e: StatusError) => {
      assert.ok(isInvalid(e));
      assert.equal(
        e.message,
        `Widget.example.kapi.dev "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      );
      return true;
    });
    await assert.rejects(f.widgets.create(ctx(), { metadata: {}, spec: {} }), /metadata.name: Required value: name or generateName is required/);
  });

  it('refuses a resourceVersion on create as upstream does (500, no reason)', async () => {
    await assert.rejects(f.widgets.create(ctx(), widget('rv', { metadata: { resourceVersion: '5' } })), (e: StatusError) => {
      assert.equal(e.code, 500);
      assert.equal(e.message, 'resourceVersion should not be set on objects to be created');
      return true;
    });
  });

  it('runs validating admission on a copy after the strategy, and aborts on its error', async () => {
    let seen: Record<string, unknown> | undefined;
    await assert.rejects(
      f.widgets.create(ctx(), widget('admit'), {
        validate: (o) => {
          seen = o;
          throw new Error('denied');
        },
      }),
      /denied/,
    );
    assert.equal((seen?.['metadata'] as Record<string, unknown>)['generation'], 1);
    await assert.rejects(f.widgets.get(ctx(), 'admit'), /not found/);
  });

  it('writes nothing on a dry run but still checks for duplicates', async () => {
    const out = await f.widgets.create(ctx(), widget('dry'), { dryRun: true });
    assert.equal((out['metadata'] as Record<string, unknown>)['name'], 'dry');
    await assert.rejects(f.widgets.get(ctx(), 'dry'), (e: StatusError) => e.code === 404 && e.message === 'widgets.example.kapi.dev "dry" not found');
    await f.widgets.create(ctx(), widget('dry'));
    await assert.rejects(f.widgets.create(ctx(), widget('dry'), { dryRun: true }), (e) => isAlreadyExists(e));
  });

  it('refuses names that cannot be a path segment', async () => {
    await assert.rejects(f.widgets.get(ctx(), 'a/b'), (e: StatusError) => e.code === 400 && e.message === 'Name parameter invalid: "a/b": may not contain \'/\'');
    await assert.rejects(f.widgets.get(ctx(''), 'x'), (e: StatusError) => e.code === 400 && e.message === 'Namespace parameter required.');
  });
});
