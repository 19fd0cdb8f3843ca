/**
 * Strategic merge patch rules one by one, kubectl's client-side apply patches on a Deployment,
 * and the errors malformed patches get.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PatchError } from '../../../runtime/machinery/patch/errors.js';
import type { JsonObject, PatchErrorReason } from '../../../runtime/machinery/patch/errors.js';
import { PatchMetaError } from '../../../runtime/machinery/patch/meta.js';
import type { KindPatchMeta } from '../../../runtime/machinery/patch/meta.js';
import { applyStrategicMergePatch } from '../../../runtime/machinery/patch/strategic.js';
import { deploymentMeta, mergeItemMeta } from './schemas.js';

interface Case {
  readonly name: string;
  readonly meta?: KindPatchMeta;
  readonly original: JsonObject;
  readonly patch: unknown;
  readonly want: JsonObject;
}

function podTemplate(spec: JsonObject): JsonObject {
  return { spec: { template: { spec } } };
}

const rules: Case[] = [
  {
    name: 'maps merge key by key and null deletes',
    meta: deploymentMeta,
    original: { metadata: { labels: { a: '1', b: '2' }, annotations: { x: 'y' } } },
    patch: { metadata: { labels: { b: null, c: '3' }, annotations: null } },
    want: { metadata: { labels: { a: '1', c: '3' } } },
  },
  {
    name: 'a list without a patch strategy is replaced',
    meta: deploymentMeta,
    original: podTemplate({ tolerations: [{ key: 'a' }, { key: 'b' }] }),
    patch: podTemplate({ tolerations: [{ key: 'c' }] }),
    want: podTemplate({ tolerations: [{ key: 'c' }] }),
  },
  {
    name: 'a merging list of structs merges by merge key, new elements first',
    meta: deploymentMeta,
    original: podTemplate({ containers: [{ name: 'a', image: 'a:1' }] }),
    patch: podTemplate({
      containers: [
        { name: 'b', image: 'b:1' },
        { name: 'a', image: 'a:2' },
      ],
    }),
    want: podTemplate({
      containers: [
        { name: 'b', image: 'b:1' },
        { name: 'a', image: 'a:2' },
      ],
    }),
  },
  {
    name: 'a merging list of scalars takes the union, in the patch order ahead of values only the server has',
    meta: deploymentMeta,
    original: { metadata: { finalizers: ['a', 'b'] } },
    patch: { metadata: { finalizers: ['c', 'a'] } },
    want: { metadata: { finalizers: ['c', 'a', 'b'] } },
  },
  {
    name: '$deleteFromPrimitiveList removes values from a list of scalars',
    meta: deploymentMeta,
    original: { metadata: { finalizers: ['a', 'b', 'c'] } },
    patch: { metadata: { '$deleteFromPrimitiveList/finalizers': ['b', 'z'] } },
    want: { metadata: { finalizers: ['a', 'c'] } },
  },
  {
    name: 'ownerReferences merge by uid',
    meta: deploymentMeta,
    original: { metadata: { ownerReferences: [{ uid: '1', kind: 'A', name: 'a' }] } },
    patch: { metadata: { ownerReferences: [{ uid: '2', kind: 'B', name: 'b' }] } },
    want: {
      metadata: {
        ownerReferences: [
          { uid: '2', kind: 'B', name: 'b' },
          { uid: '1', kind: 'A', name: 'a' },
        ],
      },
    },
  },
  {
    name: '$patch: replace on a map replaces it with the rest of the patch map',
    meta: deploymentMeta,
    original: { metadata: { labels: { a: '1', b: '2' } } },
    patch: { metadata: { labels: { $patch: 'replace', c: '3' } } },
    want: { metadata: { labels: { c: '3' } } },
  },
  {
    name: '$patch: delete on a map empties it',
    meta: deploymentMeta,
    original: { metadata: { labels: { a: '1' } } },
    patch: { metadata: { labels: { $patch: 'delete' } } },
    want: { metadata: { labels: {} } },
  },
  {
    name: '$patch: replace in a merging list replaces the list',
    meta: deploymentMeta,
    original: podTemplate({ containers: [{ name: 'a' }, { name: 'b' }] }),
    patch: podTemplate({ containers: [{ name: 'c' }, { $patch: 'replace' }] }),
    want: podTemplate({ containers: [{ name: 'c' }] }),
  },
  {
    name: 'a value of a new type replaces the old one',
    meta: mergeItemMeta,
    original: { simpleMap: { a: 'b' } },
    patch: { simpleMap: 'flat' },
    want: { simpleMap: 'flat' },
  },
  {
    name: 'new values lose their nulls and $patch maps',
    meta: deploymentMeta,
    original: {},
    patch: { metadata: { labels: { a: '1', b: null } }, spec: { replicas: 1, strategy: { $patch: 'delete' } } },
    want: { metadata: { labels: { a: '1' } }, spec: { replicas: 1 } },
  },
  {
    name: 'fields the metadata does not list merge as JSON merge patch',
    meta: mergeItemMeta,
    original: { extra: { nested: true, list: [1, 2], keep: 'x' } },
    patch: { extra: { nested: false, list: [3] } },
    want: { extra: { nested: false, list: [3], keep: 'x' } },
  },
  {
    name: 'directives still apply inside free-form values',
    meta: mergeItemMeta,
    original: { extra: { a: { x: 1, y: 2 } } },
    patch: { extra: { a: { $patch: 'replace', z: 3 } } },
    want: { extra: { a: { z: 3 } } },
  },
  {
    name: 'a null patch changes nothing',
    meta: mergeItemMeta,
    original: { name: 'a' },
    patch: null,
    want: { name: 'a' },
  },
];

/** What kubectl 1.27–1.33 sends for `kubectl apply` of a changed Deployment (3-way diff). */
const kubectlApply: Case[] = [
  {
    name: 'apply: a new image keeps a server-side sidecar after the applied container',
    original: podTemplate({
      containers: [
        { name: 'web', image: 'nginx:1' },
        { name: 'mesh', image: 'proxy:1' },
      ],
    }),
    patch: podTemplate({
      '$setElementOrder/containers': [{ name: 'web' }],
      containers: [{ image: 'nginx:2', name: 'web' }],
    }),
    want: podTemplate({
      containers: [
        { name: 'web', image: 'nginx:2' },
        { name: 'mesh', image: 'proxy:1' },
      ],
    }),
  },
  {
    name: 'apply: an env var and a port added inside a container, ordered by the nested directives',
    original: podTemplate({
      containers: [
        {
          name: 'web',
          image: 'nginx:1',
          env: [{ name: 'A', value: '1' }],
          ports: [{ containerPort: 80, name: 'http', protocol: 'TCP' }],
        },
      ],
    }),
    patch: podTemplate({
      '$setElementOrder/containers': [{ name: 'web' }],
      containers: [
        {
          '$setElementOrder/env': [{ name: 'B' }, { name: 'A' }],
          '$setElementOrder/ports': [{ containerPort: 80 }, { containerPort: 443 }],
          env: [{ name: 'B', value: '2' }],
          name: 'web',
          ports: [{ containerPort: 443, name: 'https' }],
        },
      ],
    }),
    want: podTemplate({
      containers: [
        {
          name: 'web',
          image: 'nginx:1',
          env: [
            { name: 'B', value: '2' },
            { name: 'A', value: '1' },
          ],
          ports: [
            { containerPort: 80, name: 'http', protocol: 'TCP' },
            { containerPort: 443, name: 'https' },
          ],
        },
      ],
    }),
  },
  {
    name: 'apply: a removed container is deleted by merge key',
    original: podTemplate({ containers: [{ name: 'a' }, { name: 'b' }] }),
    patch: podTemplate({
      '$setElementOrder/containers': [{ name: 'a' }],
      containers: [{ $patch: 'delete', name: 'b' }],
    }),
    want: podTemplate({ containers: [{ name: 'a' }] }),
  },
  {
    name: 'apply: strategy RollingUpdate → Recreate clears rollingUpdate through $retainKeys',
    original: {
      spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } } },
    },
    patch: { spec: { strategy: { $retainKeys: ['type'], rollingUpdate: null, type: 'Recreate' } } },
    want: { spec: { strategy: { type: 'Recreate' } } },
  },
  {
    name: 'apply: a volume switched from emptyDir to configMap drops the old source ($retainKeys in a list)',
    original: podTemplate({
      volumes: [
        { name: 'data', emptyDir: {} },
        { name: 'cache', emptyDir: {} },
      ],
    }),
    patch: podTemplate({
      '$setElementOrder/volumes': [{ name: 'data' }, { name: 'cache' }],
      volumes: [{ $retainKeys: ['configMap', 'name'], configMap: { name: 'cfg' }, emptyDir: null, name: 'data' }],
    }),
    want: podTemplate({
      volumes: [
        { name: 'data', configMap: { name: 'cfg' } },
        { name: 'cache', emptyDir: {} },
      ],
    }),
  },
  {
    name: 'apply: the last-applied annotation and a replica count',
    original: {
      metadata: { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}', other: 'x' } },
      spec: { replicas: 1 },
    },
    patch: {
      metadata: { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"spec":{"replicas":3}}' } },
      spec: { replicas: 3 },
    },
    want: {
      metadata: {
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"spec":{"replicas":3}}', other: 'x' },
      },
      spec: { replicas: 3 },
    },
  },
];

describe('applyStrategicMergePatch', () => {
  for (const c of rules) {
    it(c.name, () => assert.deepEqual(applyStrategicMergePatch(c.original, c.patch, c.meta ?? mergeItemMeta), c.want));
  }
  for (const c of kubectlApply) {
    it(c.name, () => assert.deepEqual(applyStrategicMergePatch(c.original, c.patch, deploymentMeta), c.want));
  }

  it('leaves its inputs untouched', () => {
    const original = podTemplate({ containers: [{ name: 'a', env: [{ name: 'X' }] }] });
    const patch = podTemplate({
      containers: [
        { name: 'a', env: [{ name: 'Y' }] },
        { name: 'b', x: null },
      ],
    });
    const before = JSON.stringify([original, patch]);
    const result = applyStrategicMergePatch(original, patch, deploymentMeta);
    assert.equal(JSON.stringify([original, patch]), before);
    assert.notEqual(result, original);
  });

  it('throws PatchMetaError when the table lacks a referenced struct', () => {
    const broken: KindPatchMeta = { types: { 'x/v1.A': { fields: { b: { type: 'x/v1.B' } } } }, type: 'x/v1.A' };
    assert.throws(() => applyStrategicMergePatch({}, {}, broken), PatchMetaError);
  });
});

describe('applyStrategicMergePatch errors', () => {
  const errors: { name: string; original?: JsonObject; patch: unknown; reason: PatchErrorReason; message: string }[] = [
    {
      name: 'an array body',
      patch: [1],
      reason: 'BadRequest',
      message: 'json: cannot unmarshal array into Go value of type map[string]interface {}',
    },
    {
      name: 'a string body',
      patch: 'x',
      reason: 'BadRequest',
      message: 'json: cannot unmarshal string into Go value of type map[string]interface {}',
    },
    {
      name: 'a number body',
      patch: 5,
      reason: 'BadRequest',
      message: 'json: cannot unmarshal number into Go value of type map[string]interface {}',
    },
    {
      name: 'a boolean body',
      patch: true,
      reason: 'BadRequest',
      message: 'json: cannot unmarshal bool into Go value of type map[string]interface {}',
    },
    {
      name: 'an unknown $patch directive in a map',
      original: { simpleMap: { a: '1' } },
      patch: { simpleMap: { $patch: 'foo', b: '2' } },
      reason: 'BadRequest',
      message: 'unknown patch type: foo in map: map[$patch:foo b:2]',
    },
    {
      name: '$patch: merge in a merging list',
      original: { mergingList: [{ name: 'a' }] },
      patch: { mergingList: [{ $patch: 'merge' }] },
      reason: 'BadRequest',
      message: 'merging lists cannot yet be specified in the patch',
    },
    {
      name: '$patch: delete without the merge key',
      original: { mergingList: [{ name: 'a' }] },
      patch: { mergingList: [{ $patch: 'delete' }] },
      reason: 'BadRequest',
      message: 'map: map[$patch:delete] does not contain declared merge key: name',
    },
    {
      name: '$retainKeys that is not a list',
      original: { retainKeysMap: { name: 'a' } },
      patch: { retainKeysMap: { $retainKeys: 'name' } },
      reason: 'BadRequest',
      message: 'invalid patch format of retainKeys',
    },
    {
      name: 'a field set outside $retainKeys',
      original: { retainKeysMap: { name: 'a' } },
      patch: { retainKeysMap: { $retainKeys: ['name'], value: 'b' } },
      reason: 'BadRequest',
      message: 'invalid patch format of retainKeys',
    },
    {
      name: '$deleteFromPrimitiveList without a list name',
      original: { mergingIntList: [1] },
      patch: { $deleteFromPrimitiveListmergingIntList: [1] },
      reason: 'BadRequest',
      message: 'invalid patch format of primitive list',
    },
    {
      name: '$setElementOrder without a list name',
      original: { mergingIntList: [1] },
      patch: { $setElementOrder: [1] },
      reason: 'BadRequest',
      message: 'invalid patch format of setElementOrder list',
    },
    {
      name: '$setElementOrder that is not a list',
      original: { mergingIntList: [1] },
      patch: { '$setElementOrder/mergingIntList': 'x' },
      reason: 'BadRequest',
      message: 'expected a []interface {}, but received a string',
    },
    {
      name: 'merging a list of lists',
      original: { mergingIntList: [[1]] },
      patch: { mergingIntList: [[2]] },
      reason: 'Invalid',
      message: 'lists of lists are not supported',
    },
    {
      name: 'merging lists whose element types differ',
      original: { mergingIntList: [1] },
      patch: { mergingIntList: ['a'] },
      reason: 'BadRequest',
      message: 'list element types are not identical: [[1] [a]]',
    },
    {
      name: 'merging a list element that is not a map into a list of maps',
      original: { mergingList: [{ name: 'a' }] },
      patch: { '$setElementOrder/mergingList': ['a'], mergingList: [{ name: 'b' }] },
      reason: 'BadRequest',
      message: 'expected a map[string]interface {}, but received a string',
    },
  ];
  for (const c of errors) {
    it(c.name, () => {
      assert.throws(
        () => applyStrategicMergePatch(c.original ?? {}, c.patch, mergeItemMeta),
        (e: unknown) => e instanceof PatchError && e.reason === c.reason && e.message === c.message,
      );
    });
  }

  it('classifies list-of-list merges as 422 and malformed patches as 400', () => {
    assert.equal(new PatchError('Invalid', 'x').code, 422);
    assert.equal(new PatchError('BadRequest', 'x').code, 400);
    assert.equal(new PatchError('RequestEntityTooLarge', 'x').code, 413);
  });
});
