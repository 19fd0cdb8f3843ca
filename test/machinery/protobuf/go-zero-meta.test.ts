/** Go zero values in ObjectMeta of protobuf-decoded objects, dropped as omitempty drops them. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dropGoZeroMetadata } from '../../../runtime/machinery/protobuf/go-zero-meta.js';
import { Scheme } from '../../../runtime/machinery/scheme.js';
import { groups } from '../../../generated/install.generated.js';

describe('dropGoZeroMetadata', () => {
  const cases: [string, { given: Record<string, unknown>; want: Record<string, unknown> }][] = [
    [
      'zero scalars of the object metadata go, set ones stay',
      {
        given: { metadata: { name: 'x', generateName: '', namespace: '', selfLink: '', uid: '', resourceVersion: '', generation: 0, labels: { a: '' } }, data: { a: '' } },
        want: { metadata: { name: 'x', labels: { a: '' } }, data: { a: '' } },
      },
    ],
    [
      'embedded template metadata, in objects and lists',
      {
        given: { metadata: { generation: 3 }, spec: { template: { metadata: { name: '', labels: { a: 'b' } } }, volumeClaimTemplates: [{ metadata: { name: 'data', uid: '' } }] } },
        want: { metadata: { generation: 3 }, spec: { template: { metadata: { labels: { a: 'b' } } }, volumeClaimTemplates: [{ metadata: { name: 'data' } }] } },
      },
    ],
    [
      'zero values outside metadata are kept (they may be Go pointers)',
      { given: { spec: { replicas: 0, paused: false, name: '' } }, want: { spec: { replicas: 0, paused: false, name: '' } } },
    ],
  ];
  for (const [name, { given, want }] of cases) {
    it(name, () => {
      dropGoZeroMetadata(given);
      assert.deepEqual(given, want);
    });
  }

  it('a ConfigMap as a Go client marshals it reads back as the JSON form', () => {
    const scheme = new Scheme();
    for (const group of groups) group.install(scheme);
    const gvk = { group: '', version: 'v1', kind: 'ConfigMap' };
    const codec = scheme.protobufCodec(gvk)!;
    // What gogo writes for ConfigMap{ObjectMeta{Name: "x"}, Data{"a": "b"}}: every value field of ObjectMeta.
    const goBytes = codec.encode({ metadata: { name: 'x', generateName: '', namespace: '', selfLink: '', uid: '', resourceVersion: '', generation: 0 }, data: { a: 'b' } });
    const fromGo = codec.decode(goBytes);
    assert.equal(fromGo['metadata'] && (fromGo['metadata'] as Record<string, unknown>)['generateName'], '');
    dropGoZeroMetadata(fromGo);
    assert.deepEqual(fromGo, { metadata: { name: 'x' }, data: { a: 'b' } });
  });
});
