/** CRDSchemaSource: Established CRDs only, rebuilt per resourceVersion, versions renamed, unserved or deleted. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CustomResourceDefinition } from '../../../../api-definitions/apiextensions/v1/types.js';
import { CRDSchemaSource } from '../../../../runtime/apiservers/extensions/openapi/schema-source.js';
import { sampleCRD } from './fixtures.js';

class FakeLister {
  crds: CustomResourceDefinition[] = [];
  changes = 0;
  list(): readonly CustomResourceDefinition[] {
    return this.crds;
  }
  generation(): number {
    return this.changes;
  }
  set(...crds: CustomResourceDefinition[]): void {
    this.crds = crds;
    this.changes++;
  }
}

describe('CRDSchemaSource', () => {
  it('publishes Established CRDs in v2 and v3 and names them custom resources', () => {
    const lister = new FakeLister();
    const source = new CRDSchemaSource(lister);
    lister.set(sampleCRD(), sampleCRD({ group: 'other.example.com', kind: 'Waldo', established: false }));
    assert.deepEqual(Object.keys(source.definitions()).sort(), ['com.example.stable.v1.Foo', 'com.example.stable.v1.FooList']);
    assert.deepEqual(Object.keys(source.schemas()).sort(), ['com.example.stable.v1.Foo', 'com.example.stable.v1.FooList']);
    assert.equal(source.isCustomResource({ group: 'stable.example.com', version: 'v1', kind: 'Foo' }), true);
    assert.equal(source.isCustomResource({ group: 'stable.example.com', version: 'v1', kind: 'FooList' }), true);
    assert.equal(source.isCustomResource({ group: 'other.example.com', version: 'v1', kind: 'Waldo' }), false);
    assert.equal(source.isCustomResource({ group: 'apps', version: 'v1', kind: 'Deployment' }), false);
  });

  it('keeps its generation and maps until a CRD changes resourceVersion', () => {
    const lister = new FakeLister();
    const source = new CRDSchemaSource(lister);
    lister.set(sampleCRD({ resourceVersion: '5' }));
    const before = source.generation();
    const defs = source.definitions();
    lister.set(sampleCRD({ resourceVersion: '5' }));
    assert.equal(source.generation(), before);
    assert.equal(source.definitions()['com.example.stable.v1.Foo'], defs['com.example.stable.v1.Foo'], 'not rebuilt for the same resourceVersion');
    lister.set(sampleCRD({ resourceVersion: '6' }));
    assert.notEqual(source.generation(), before);
  });

  it('follows a renamed version, an unserved version and a deleted CRD', () => {
    const lister = new FakeLister();
    const source = new CRDSchemaSource(lister);
    lister.set(sampleCRD({ versions: [{ name: 'v2' }, { name: 'v3' }], resourceVersion: '1' }));
    assert.deepEqual(Object.keys(source.definitions()).filter((n) => !n.endsWith('List')).sort(), ['com.example.stable.v2.Foo', 'com.example.stable.v3.Foo']);
    lister.set(sampleCRD({ versions: [{ name: 'v2' }, { name: 'v4' }], resourceVersion: '2' }));
    assert.deepEqual(Object.keys(source.definitions()).filter((n) => !n.endsWith('List')).sort(), ['com.example.stable.v2.Foo', 'com.example.stable.v4.Foo']);
    lister.set(sampleCRD({ versions: [{ name: 'v2' }, { name: 'v4', served: false }], resourceVersion: '3' }));
    assert.deepEqual(Object.keys(source.schemas()).filter((n) => !n.endsWith('List')), ['com.example.stable.v2.Foo']);
    assert.equal(source.isCustomResource({ group: 'stable.example.com', version: 'v4', kind: 'Foo' }), false);
    lister.set();
    assert.deepEqual(source.definitions(), {});
    assert.equal(source.generation(), '');
  });
});
