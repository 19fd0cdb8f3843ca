/** applyPatch: the PATCH media types and what each needs. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PATCH_TYPES, PatchError, applyPatch } from '../../../runtime/machinery/patch/index.js';
import { deploymentMeta } from './schemas.js';

const original = { metadata: { name: 'web', finalizers: ['a'] } };

describe('applyPatch', () => {
  it('applies a JSON patch', () => {
    const patch = [{ op: 'replace', path: '/metadata/name', value: 'db' }];
    assert.deepEqual(applyPatch(PATCH_TYPES.json, original, patch), { metadata: { name: 'db', finalizers: ['a'] } });
  });

  it('applies a merge patch, replacing lists', () => {
    const patch = { metadata: { finalizers: ['b'] } };
    assert.deepEqual(applyPatch(PATCH_TYPES.merge, original, patch), { metadata: { name: 'web', finalizers: ['b'] } });
  });

  it('applies a strategic merge patch with the kind metadata, merging lists', () => {
    const patch = { metadata: { finalizers: ['b'] } };
    assert.deepEqual(applyPatch(PATCH_TYPES.strategic, original, patch, { meta: deploymentMeta }), {
      metadata: { name: 'web', finalizers: ['b', 'a'] },
    });
  });

  it('rejects a strategic merge patch without metadata as upstream rejects one for an unstructured object', () => {
    assert.throws(
      () => applyPatch(PATCH_TYPES.strategic, original, {}),
      (e: unknown) =>
        e instanceof PatchError && e.code === 400 && e.message === 'strategic merge patch format is not supported',
    );
  });
});
