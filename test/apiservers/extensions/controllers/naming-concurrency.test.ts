/**
 * Many CRDs of one group created at once, asking for the same short name and, in pairs, the same
 * kind: however the requests interleave, each name is accepted for exactly one CRD and every other
 * CRD asking for it says why in NamesAccepted.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { request } from '../../../endpoints/handlers/support.js';
import { conditionOf, crdNamed, CRDS, startHarness, waitFor, type Harness, type Obj } from './support.js';

const GROUP = 'dup.example.com';
const COUNT = 20;

describe('CRD naming under concurrent creates', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h.close();
  });

  it('accepts each contested name for exactly one CRD', async () => {
    const created = await Promise.all(
      Array.from({ length: COUNT }, (_, i) =>
        request(`${h.url}${CRDS}`, 'POST', crdNamed(GROUP, { plural: `things${i}`, singular: `thing${i}`, kind: `Thing${Math.floor(i / 2)}`, listKind: `Thing${i}List`, shortNames: ['dup'] })),
      ),
    );
    for (const res of created) assert.equal(res.status, 201, res.text);

    // settled: every CRD has a NamesAccepted condition and nothing changes for a while
    const settled = await waitFor('every CRD decided', async () => {
      const list = await request(`${h.url}${CRDS}`, 'GET');
      const items = (list.json()['items'] as Obj[]).filter((c) => ((c['spec'] as Obj)['group'] as string) === GROUP);
      return items.length === COUNT && items.every((c) => conditionOf(c, 'NamesAccepted')) ? items : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const items = (((await request(`${h.url}${CRDS}`, 'GET')).json()['items'] as Obj[]) ?? []).filter((c) => ((c['spec'] as Obj)['group'] as string) === GROUP);
    assert.equal(items.length, settled.length);

    const accepted = items.map((c) => (c['status'] as Obj)['acceptedNames'] as { shortNames?: string[]; kind?: string });
    assert.equal(accepted.filter((a) => a.shortNames?.includes('dup')).length, 1, 'one CRD holds the short name');
    const kinds = accepted.map((a) => a.kind).filter((k) => k);
    assert.equal(new Set(kinds).size, kinds.length, 'no kind accepted twice');
    assert.equal(kinds.length, COUNT / 2, 'each contested kind went to one CRD of its pair');

    for (const crd of items) {
      const names = conditionOf(crd, 'NamesAccepted')!;
      const a = (crd['status'] as Obj)['acceptedNames'] as { shortNames?: string[]; kind?: string };
      if (a.shortNames?.includes('dup') && a.kind) {
        assert.deepEqual([names.status, names.reason], ['True', 'NoConflicts']);
        assert.equal(conditionOf(crd, 'Established')?.status, 'True');
      } else {
        assert.equal(names.status, 'False');
        assert.ok(['ShortNamesConflict', 'KindConflict'].includes(names.reason ?? ''), names.reason);
        assert.match(names.message ?? '', /^"(dup|Thing\d+)" is already in use$/);
        assert.equal(conditionOf(crd, 'Established')?.status, 'False');
      }
    }
  });
});
