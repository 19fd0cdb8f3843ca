/** Pruning and defaulting of custom resources, as apiextensions-apiserver's pruning and defaulting packages. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyDefaults } from '../../../../runtime/apiservers/extensions/schema/defaulting.js';
import { prune } from '../../../../runtime/apiservers/extensions/schema/prune.js';
import type { Schema } from '../../../../runtime/apiservers/extensions/schema/schema.js';

const schema: Schema = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      properties: {
        replicas: { type: 'integer', default: 1 },
        mode: { type: 'string', default: 'Fast', nullable: false },
        ports: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, protocol: { type: 'string', default: 'TCP' } } } },
        labels: { type: 'object', additionalProperties: { type: 'object', properties: { v: { type: 'string', default: 'x' } } } },
        free: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        template: {
          type: 'object',
          'x-kubernetes-embedded-resource': true,
          properties: { spec: { type: 'object', properties: { a: { type: 'string' } } } },
        },
        port: { 'x-kubernetes-int-or-string': true },
      },
    },
  },
};

describe('prune', () => {
  const cases: [string, { given: Record<string, unknown>; want: Record<string, unknown>; pruned: string[] }][] = [
    [
      'unknown fields at every level',
      {
        given: { apiVersion: 'a/v1', kind: 'K', spec: { replicas: 2, extra: 1, ports: [{ name: 'a', bogus: true }] }, status: {} },
        want: { apiVersion: 'a/v1', kind: 'K', spec: { replicas: 2, ports: [{ name: 'a' }] } },
        pruned: ['spec.extra', 'spec.ports[0].bogus', 'status'],
      },
    ],
    [
      'root metadata keeps only ObjectMeta fields',
      {
        given: { metadata: { name: 'x', labels: { a: 'b' }, madeUp: 1 } },
        want: { metadata: { name: 'x', labels: { a: 'b' } } },
        pruned: ['metadata.madeUp'],
      },
    ],
    [
      'x-kubernetes-preserve-unknown-fields keeps everything below',
      { given: { spec: { free: { any: { thing: [1] } } } }, want: { spec: { free: { any: { thing: [1] } } } }, pruned: [] },
    ],
    [
      'embedded resources keep apiVersion, kind and metadata',
      {
        given: { spec: { template: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', bogus: 1 }, spec: { a: 'x', b: 'y' } } } },
        want: { spec: { template: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { a: 'x' } } } },
        pruned: ['spec.template.metadata.bogus', 'spec.template.spec.b'],
      },
    ],
    ['int-or-string is a leaf', { given: { spec: { port: 8080 } }, want: { spec: { port: 8080 } }, pruned: [] }],
    [
      'map values pruned through additionalProperties',
      { given: { spec: { labels: { a: { v: 'y', w: 'z' } } } }, want: { spec: { labels: { a: { v: 'y' } } } }, pruned: ['spec.labels.a.w'] },
    ],
  ];
  for (const [name, { given, want, pruned }] of cases) {
    it(name, () => {
      const obj = structuredClone(given);
      assert.deepEqual(prune(obj, schema), pruned);
      assert.deepEqual(obj, want);
    });
  }
});

describe('applyDefaults', () => {
  const cases: [string, { given: Record<string, unknown>; want: Record<string, unknown> }][] = [
    ['absent fields', { given: { spec: {} }, want: { spec: { replicas: 1, mode: 'Fast' } } }],
    ['null where not nullable', { given: { spec: { mode: null } }, want: { spec: { replicas: 1, mode: 'Fast' } } }],
    ['set fields are kept', { given: { spec: { replicas: 5 } }, want: { spec: { replicas: 5, mode: 'Fast' } } }],
    [
      'inside list items',
      { given: { spec: { replicas: 1, ports: [{ name: 'a' }, { name: 'b', protocol: 'UDP' }] } }, want: { spec: { replicas: 1, mode: 'Fast', ports: [{ name: 'a', protocol: 'TCP' }, { name: 'b', protocol: 'UDP' }] } } },
    ],
    ['inside map values', { given: { spec: { labels: { a: {} } } }, want: { spec: { replicas: 1, mode: 'Fast', labels: { a: { v: 'x' } } } } }],
    ['absent parents are not created', { given: {}, want: {} }],
  ];
  for (const [name, { given, want }] of cases) {
    it(name, () => {
      const obj = structuredClone(given);
      applyDefaults(obj, schema);
      assert.deepEqual(obj, want);
    });
  }

  it('copies defaults so objects never share them', () => {
    const s: Schema = { type: 'object', properties: { o: { type: 'object', default: { a: 1 } } } };
    const x: Record<string, { a: number }> = {};
    const y: Record<string, { a: number }> = {};
    applyDefaults(x, s);
    applyDefaults(y, s);
    x['o'].a = 2;
    assert.equal(y['o'].a, 1);
  });
});
