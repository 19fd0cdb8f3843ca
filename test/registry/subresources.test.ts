/** The scale subresource (autoscaling/v1 Scale over the kind's replica paths) and table cells. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { StatusError } from '../../runtime/machinery/errors.js';
import { scaleRest } from '../../runtime/registry/subresources.js';
import { columnTableConvertor, humanDuration, kindTableConvertor } from '../../runtime/registry/table.js';
import { labelSelectorString } from '../../runtime/registry/selection.js';
import { ctx, openFixture, widget, widgetInfo, type Fixture } from './support.js';

type Obj = Record<string, unknown>;

describe('scale subresource', () => {
  let f: Fixture;
  before(() => {
    f = openFixture();
  });
  after(() => f.close());

  it('reads spec and status replicas and the selector as a string', async () => {
    await f.widgets.create(ctx(), widget('s1', { spec: { replicas: 2, selector: { matchLabels: { b: '2', a: '1' } } } }));
    const scale = await scaleRest(f.widgets, widgetInfo)!.getter!.get(ctx(), 's1', {});
    assert.deepEqual(scale['spec'], { replicas: 2 });
    assert.deepEqual(scale['status'], { replicas: 0, selector: 'a=1,b=2' });
    assert.equal((scale['metadata'] as Obj)['name'], 's1');
  });

  it('writes spec replicas through the main strategy (generation bumps)', async () => {
    const rest = scaleRest(f.widgets, widgetInfo)!;
    const current = await rest.getter!.get(ctx(), 's1', {});
    const out = await rest.updater!.update(ctx(), 's1', { updatedObject: (old) => ({ ...old, spec: { replicas: 5 } }) }, {});
    assert.deepEqual(out.object['spec'], { replicas: 5 });
    assert.notEqual((out.object['metadata'] as Obj)['resourceVersion'], (current['metadata'] as Obj)['resourceVersion']);
    const stored = await f.widgets.get(ctx(), 's1');
    assert.equal((stored['spec'] as Obj)['replicas'], 5);
    assert.equal((stored['metadata'] as Obj)['generation'], 2);
  });

  it('refuses negative replicas and stale resourceVersions', async () => {
    const rest = scaleRest(f.widgets, widgetInfo)!;
    await assert.rejects(
      rest.updater!.update(ctx(), 's1', { updatedObject: (old) => ({ ...old, spec: { replicas: -1 } }) }, {}),
      (e: StatusError) => e.code === 422 && /Scale.autoscaling "s1" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0/.test(e.message),
    );
    await assert.rejects(
      rest.updater!.update(ctx(), 's1', { updatedObject: (old) => ({ ...old, metadata: { ...(old['metadata'] as Obj), resourceVersion: '1' }, spec: { replicas: 1 } }) }, {}),
      (e: StatusError) => e.code === 409,
    );
  });
});

describe('table convertor', () => {
  it('puts NAME first and AGE last', () => {
    const t = columnTableConvertor(widgetInfo.printColumns);
    assert.deepEqual(t.columns.map((c) => c.name), ['Name', 'Replicas', 'Age']);
    assert.equal(t.columns[0].format, 'name');
    const now = Date.parse('2024-01-01T00:10:00Z');
    const object = { metadata: { name: 'x', creationTimestamp: '2024-01-01T00:00:00Z' }, spec: { replicas: 3 } };
    assert.deepEqual(t.cells(object, object, now), ['x', 3, '10m']);
  });

  it('uses the kind\'s own table when its hooks supply one', () => {
    const t = kindTableConvertor({
      columns: [{ name: 'Name', type: 'string', format: 'name', description: '', priority: 0 }, { name: 'Phase', type: 'string', format: '', description: '', priority: 0 }],
      cells: (hub) => [(hub['metadata'] as Obj)['name'], (hub['status'] as Obj)['phase']],
    });
    const hub = { metadata: { name: 'p' }, status: { phase: 'Running' } };
    assert.deepEqual(t.cells({}, hub), ['p', 'Running']);
  });

  it('prints ages as kubectl does', () => {
    const cases: [number, string][] = [
      [5_000, '5s'],
      [119_000, '119s'],
      [125_000, '2m5s'],
      [11 * 60_000, '11m'],
      [3 * 3600_000 + 20 * 60_000, '3h20m'],
      [9 * 3600_000, '9h'],
      [3 * 86400_000 + 4 * 3600_000, '3d4h'],
      [40 * 86400_000, '40d'],
      [(2 * 365 + 30) * 86400_000, '2y30d'],
    ];
    for (const [ms, want] of cases) assert.equal(humanDuration(ms), want, `${ms}`);
  });

  it('writes label selectors in their query-string form', () => {
    assert.equal(
      labelSelectorString({ matchLabels: { z: '1' }, matchExpressions: [{ key: 'a', operator: 'In', values: ['y', 'x'] }, { key: 'b', operator: 'DoesNotExist' }] }),
      'a in (x,y),!b,z=1',
    );
  });
});
