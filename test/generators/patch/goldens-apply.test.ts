/**
 * The golden output is usable as it stands: strategic merge patches applied through the
 * generated widgets/v1 metadata merge, replace and retain keys as the markers say.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyStrategicMergePatch } from '../../../runtime/machinery/patch/strategic.js';
import { patchMetaByKind } from './testdata/sample/generated/widgets/v1/patch.generated.js';

const meta = patchMetaByKind['Widget']!;

describe('generated patch metadata (golden widgets/v1)', () => {
  it('merges ports by port, through an alias of the element type', () => {
    const original = { spec: { ports: [{ port: 80, protocol: 'TCP' }] } };
    const patch = { spec: { ports: [{ port: 443, protocol: 'TCP' }] } };
    assert.deepEqual(applyStrategicMergePatch(original, patch, meta), {
      spec: {
        ports: [
          { port: 443, protocol: 'TCP' },
          { port: 80, protocol: 'TCP' },
        ],
      },
    });
  });

  it('replaces the selector and retains the strategy keys listed', () => {
    const original = { spec: { selector: { matchLabels: { a: '1' } }, strategy: { type: 'Rolling', rolling: {} } } };
    const patch = {
      spec: { selector: { matchLabels: { b: '2' } }, strategy: { $retainKeys: ['type'], type: 'Recreate' } },
    };
    assert.deepEqual(applyStrategicMergePatch(original, patch, meta), {
      spec: { selector: { matchLabels: { b: '2' } }, strategy: { type: 'Recreate' } },
    });
  });

  it('merges a recursive type at every depth', () => {
    const original = { spec: { tree: { name: 'root', children: [{ name: 'a', children: [{ name: 'x' }] }] } } };
    const patch = { spec: { tree: { children: [{ name: 'a', children: [{ name: 'y' }] }] } } };
    assert.deepEqual(applyStrategicMergePatch(original, patch, meta), {
      spec: { tree: { name: 'root', children: [{ name: 'a', children: [{ name: 'y' }, { name: 'x' }] }] } },
    });
  });

  it('merges ObjectMeta through the table of meta/v1', () => {
    const original = { metadata: { finalizers: ['a'], ownerReferences: [{ uid: '1' }] } };
    const patch = { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'], ownerReferences: [{ uid: '2' }] } };
    assert.deepEqual(applyStrategicMergePatch(original, patch, meta), {
      metadata: { finalizers: [], ownerReferences: [{ uid: '2' }, { uid: '1' }] },
    });
  });

  it('replaces lists without a strategy and lists of lists', () => {
    const original = { spec: { tags: ['a'], matrix: [[1]], portsByZone: { z: [{ port: 1 }] } } };
    const patch = { spec: { tags: ['b'], matrix: [[2]], portsByZone: { z: [{ port: 2 }] } } };
    assert.deepEqual(applyStrategicMergePatch(original, patch, meta), {
      spec: { tags: ['b'], matrix: [[2]], portsByZone: { z: [{ port: 2 }] } },
    });
  });
});
