/** JSON patch with evanphx/json-patch v4's semantics and messages, as kube-apiserver applies it. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PatchError } from '../../../runtime/machinery/patch/errors.js';
import type { JsonValue, PatchErrorReason } from '../../../runtime/machinery/patch/errors.js';
import { applyJsonPatch } from '../../../runtime/machinery/patch/json-patch.js';
import type { JsonPatchOptions } from '../../../runtime/machinery/patch/json-patch.js';

const doc = (): JsonValue => ({ metadata: { name: 'web', labels: { a: '1' } }, spec: { list: [1, 2, 3], nil: null } });

const applies: { name: string; patch: unknown; want: JsonValue }[] = [
  {
    name: "kubectl patch --type=json's label add",
    patch: [{ op: 'add', path: '/metadata/labels/z', value: '1' }],
    want: { metadata: { name: 'web', labels: { a: '1', z: '1' } }, spec: { list: [1, 2, 3], nil: null } },
  },
  {
    name: 'add replaces an existing member',
    patch: [{ op: 'add', path: '/metadata/name', value: 'db' }],
    want: { metadata: { name: 'db', labels: { a: '1' } }, spec: { list: [1, 2, 3], nil: null } },
  },
  { name: 'add inserts at an index', patch: [{ op: 'add', path: '/spec/list/1', value: 9 }], want: list([1, 9, 2, 3]) },
  {
    name: 'add at the length appends',
    patch: [{ op: 'add', path: '/spec/list/3', value: 9 }],
    want: list([1, 2, 3, 9]),
  },
  { name: 'add at - appends', patch: [{ op: 'add', path: '/spec/list/-', value: 9 }], want: list([1, 2, 3, 9]) },
  {
    name: 'add at -1 appends (negative indices count from the end)',
    patch: [{ op: 'add', path: '/spec/list/-1', value: 9 }],
    want: list([1, 2, 3, 9]),
  },
  { name: 'add at -4 prepends', patch: [{ op: 'add', path: '/spec/list/-4', value: 9 }], want: list([9, 1, 2, 3]) },
  { name: 'add without a value adds null', patch: [{ op: 'add', path: '/spec/list/0' }], want: list([null, 1, 2, 3]) },
  { name: 'remove an element', patch: [{ op: 'remove', path: '/spec/list/0' }], want: list([2, 3]) },
  { name: 'remove the last element by -1', patch: [{ op: 'remove', path: '/spec/list/-1' }], want: list([1, 2]) },
  {
    name: 'remove a member whose value is null',
    patch: [{ op: 'remove', path: '/spec/nil' }],
    want: { metadata: { name: 'web', labels: { a: '1' } }, spec: { list: [1, 2, 3] } },
  },
  { name: 'replace an element', patch: [{ op: 'replace', path: '/spec/list/2', value: 7 }], want: list([1, 2, 7]) },
  {
    name: 'replace of an absent member adds it',
    patch: [{ op: 'replace', path: '/metadata/uid', value: 'u' }],
    want: { metadata: { name: 'web', labels: { a: '1' }, uid: 'u' }, spec: { list: [1, 2, 3], nil: null } },
  },
  {
    name: 'replace of the whole document with an object',
    patch: [{ op: 'replace', path: '', value: { x: 1 } }],
    want: { x: 1 },
  },
  {
    name: 'replace of the whole document with a scalar does nothing',
    patch: [{ op: 'replace', path: '', value: 5 }],
    want: doc(),
  },
  {
    name: 'move an element',
    patch: [{ op: 'move', from: '/spec/list/0', path: '/spec/list/-' }],
    want: list([2, 3, 1]),
  },
  {
    name: 'move a member',
    patch: [{ op: 'move', from: '/metadata/name', path: '/metadata/labels/name' }],
    want: { metadata: { labels: { a: '1', name: 'web' } }, spec: { list: [1, 2, 3], nil: null } },
  },
  {
    name: 'copy is deep: changing the copy leaves the source',
    patch: [
      { op: 'copy', from: '/metadata/labels', path: '/spec/labels' },
      { op: 'add', path: '/spec/labels/b', value: '2' },
    ],
    want: {
      metadata: { name: 'web', labels: { a: '1' } },
      spec: { list: [1, 2, 3], nil: null, labels: { a: '1', b: '2' } },
    },
  },
  {
    name: 'copy from an absent member adds null',
    patch: [{ op: 'copy', from: '/metadata/zzz', path: '/metadata/copy' }],
    want: { metadata: { name: 'web', labels: { a: '1' }, copy: null }, spec: { list: [1, 2, 3], nil: null } },
  },
  {
    name: 'test of an equal value passes',
    patch: [{ op: 'test', path: '/metadata/labels', value: { a: '1' } }],
    want: doc(),
  },
  {
    name: 'test of an absent member against null passes',
    patch: [{ op: 'test', path: '/metadata/zzz', value: null }],
    want: doc(),
  },
  { name: 'test of the whole document', patch: [{ op: 'test', path: '', value: doc() }], want: doc() },
  {
    name: 'RFC 6901 escapes: ~1 is / and ~0 is ~',
    patch: [{ op: 'add', path: '/metadata/labels/example.com~1a~0b', value: 'x' }],
    want: {
      metadata: { name: 'web', labels: { a: '1', 'example.com/a~b': 'x' } },
      spec: { list: [1, 2, 3], nil: null },
    },
  },
  {
    name: 'a path without a leading slash addresses a member of the root',
    patch: [{ op: 'add', path: 'ignored/extra', value: true }],
    want: { metadata: { name: 'web', labels: { a: '1' } }, spec: { list: [1, 2, 3], nil: null }, extra: true },
  },
  { name: 'a null patch has no operations', patch: null, want: doc() },
  { name: 'an empty patch has no operations', patch: [], want: doc() },
];

function list(values: JsonValue[]): JsonValue {
  return { metadata: { name: 'web', labels: { a: '1' } }, spec: { list: values, nil: null } };
}

const failures: {
  name: string;
  patch: unknown;
  options?: JsonPatchOptions;
  reason: PatchErrorReason;
  message: string;
}[] = [
  {
    name: 'a body that is an object, as client-node sends by default (strict decoding)',
    patch: { metadata: { labels: { a: 'b' } } },
    reason: 'BadRequest',
    message: 'error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp',
  },
  {
    name: 'a body that is an object, fieldValidation=Ignore',
    patch: { metadata: {} },
    options: { strict: false },
    reason: 'BadRequest',
    message: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch',
  },
  {
    name: 'an operation that is not an object (strict decoding)',
    patch: [5],
    reason: 'BadRequest',
    message: 'error decoding patch: json: cannot unmarshal number into Go value of type handlers.jsonPatchOp',
  },
  {
    name: 'an operation that is not an object, fieldValidation=Ignore',
    patch: ['x'],
    options: { strict: false },
    reason: 'BadRequest',
    message: 'json: cannot unmarshal string into Go value of type jsonpatch.Operation',
  },
  {
    name: 'an op that is not a string (strict decoding)',
    patch: [{ op: 1, path: '/a' }],
    reason: 'BadRequest',
    message: 'error decoding patch: json: cannot unmarshal number into Go struct field jsonPatchOp.op of type string',
  },
  {
    name: 'more than 10000 operations',
    patch: Array.from({ length: 10001 }, () => ({ op: 'test', path: '/metadata/name', value: 'web' })),
    reason: 'RequestEntityTooLarge',
    message: 'The allowed maximum operations in a JSON patch is 10000, got 10001',
  },
  {
    name: 'an unknown op',
    patch: [{ op: 'frobnicate', path: '/a' }],
    reason: 'Invalid',
    message: 'Unexpected kind: frobnicate',
  },
  { name: 'a missing op', patch: [{ path: '/a' }], reason: 'Invalid', message: 'Unexpected kind: unknown' },
  {
    name: 'an op that is not a string, fieldValidation=Ignore',
    patch: [{ op: 7, path: '/a' }],
    options: { strict: false },
    reason: 'Invalid',
    message: 'Unexpected kind: unknown',
  },
  {
    name: 'add under a missing parent',
    patch: [{ op: 'add', path: '/x/y', value: 1 }],
    reason: 'Invalid',
    message: 'add operation does not apply: doc is missing path: "/x/y": missing value',
  },
  {
    name: 'add of the whole document',
    patch: [{ op: 'add', path: '', value: {} }],
    reason: 'Invalid',
    message: 'add operation does not apply: doc is missing path: "": missing value',
  },
  {
    name: 'add past the end',
    patch: [{ op: 'add', path: '/spec/list/5', value: 1 }],
    reason: 'Invalid',
    message: "error in add for path: '/spec/list/5': Unable to access invalid index: 5: invalid index referenced",
  },
  {
    name: 'add at a non-numeric index',
    patch: [{ op: 'add', path: '/spec/list/x', value: 1 }],
    reason: 'Invalid',
    message: `error in add for path: '/spec/list/x': value was not a proper array index: 'x': strconv.Atoi: parsing "x": invalid syntax`,
  },
  {
    name: 'add without a path',
    patch: [{ op: 'add', value: 1 }],
    reason: 'Invalid',
    message: 'add operation failed to decode path: missing value',
  },
  {
    name: 'remove of an absent member',
    patch: [{ op: 'remove', path: '/metadata/zzz' }],
    reason: 'Invalid',
    message: "error in remove for path: '/metadata/zzz': Unable to remove nonexistent key: zzz: missing value",
  },
  {
    name: 'remove past the end',
    patch: [{ op: 'remove', path: '/spec/list/3' }],
    reason: 'Invalid',
    message: "error in remove for path: '/spec/list/3': Unable to access invalid index: 3: invalid index referenced",
  },
  {
    name: 'remove at a non-numeric index',
    patch: [{ op: 'remove', path: '/spec/list/a' }],
    reason: 'Invalid',
    message: `error in remove for path: '/spec/list/a': strconv.Atoi: parsing "a": invalid syntax`,
  },
  {
    name: 'replace past the end',
    patch: [{ op: 'replace', path: '/spec/list/9', value: 1 }],
    reason: 'Invalid',
    message: 'replace operation does not apply: doc is missing key: /spec/list/9: missing value',
  },
  {
    name: 'replace under a missing parent',
    patch: [{ op: 'replace', path: '/x/y', value: 1 }],
    reason: 'Invalid',
    message: 'replace operation does not apply: doc is missing path: /x/y: missing value',
  },
  {
    name: 'replace without a path',
    patch: [{ op: 'replace', value: 1 }],
    reason: 'Invalid',
    message: 'replace operation failed to decode path: operation missing path field: missing value',
  },
  {
    name: 'replace with a path that is not a string, fieldValidation=Ignore',
    patch: [{ op: 'replace', path: 3, value: 1 }],
    options: { strict: false },
    reason: 'Invalid',
    message: 'replace operation failed to decode path: json: cannot unmarshal number into Go value of type string',
  },
  {
    name: 'a failing test',
    patch: [{ op: 'test', path: '/metadata/name', value: 'db' }],
    reason: 'Invalid',
    message: 'testing value /metadata/name failed: test failed',
  },
  {
    name: 'a test of an absent member against a value',
    patch: [{ op: 'test', path: '/metadata/zzz', value: 'x' }],
    reason: 'Invalid',
    message: 'testing value /metadata/zzz failed: test failed',
  },
  {
    name: 'a test under a missing parent',
    patch: [{ op: 'test', path: '/x/y', value: 1 }],
    reason: 'Invalid',
    message: 'test operation does not apply: is missing path: /x/y: missing value',
  },
  {
    name: 'move from an absent member',
    patch: [{ op: 'move', from: '/metadata/zzz', path: '/metadata/x' }],
    reason: 'Invalid',
    message: "error in move for path: 'zzz': Unable to remove nonexistent key: zzz: missing value",
  },
  {
    name: 'move without from',
    patch: [{ op: 'move', path: '/metadata/x' }],
    reason: 'Invalid',
    message: 'move operation failed to decode from: operation, missing from field: missing value',
  },
  {
    name: 'move to a missing parent',
    patch: [{ op: 'move', from: '/metadata/name', path: '/x/y' }],
    reason: 'Invalid',
    message: 'move operation does not apply: doc is missing destination path: /x/y: missing value',
  },
  {
    name: 'copy from under a missing parent',
    patch: [{ op: 'copy', from: '/x/y', path: '/metadata/x' }],
    reason: 'Invalid',
    message: 'copy operation does not apply: doc is missing from path: /x/y: missing value',
  },
  {
    name: 'copies past the size limit',
    patch: [
      { op: 'copy', from: '/metadata', path: '/a' },
      { op: 'copy', from: '/metadata', path: '/b' },
    ],
    options: { maxCopyBytes: 60 },
    reason: 'Invalid',
    message: 'Unable to complete the copy, the accumulated size increase of copy is 66, exceeding the limit 60',
  },
  {
    name: 'the first failing operation aborts the patch',
    patch: [
      { op: 'add', path: '/metadata/x', value: 1 },
      { op: 'test', path: '/metadata/x', value: 2 },
    ],
    reason: 'Invalid',
    message: 'testing value /metadata/x failed: test failed',
  },
];

describe('applyJsonPatch', () => {
  for (const c of applies) it(c.name, () => assert.deepEqual(applyJsonPatch(doc(), c.patch), c.want));

  for (const c of failures) {
    it(`rejects ${c.name}`, () => {
      assert.throws(
        () => applyJsonPatch(doc(), c.patch, c.options),
        (e: unknown) => e instanceof PatchError && e.reason === c.reason && e.message === c.message,
      );
    });
  }

  it('leaves the original and the patch untouched', () => {
    const original = doc();
    const patch = [
      { op: 'add', path: '/spec/obj', value: { k: [1] } },
      { op: 'add', path: '/spec/obj/k/-', value: 2 },
    ];
    const before = JSON.stringify([original, patch]);
    applyJsonPatch(original, patch);
    assert.equal(JSON.stringify([original, patch]), before);
  });
});
