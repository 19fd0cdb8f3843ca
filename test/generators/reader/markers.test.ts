/** Marker parsing and checking: one named row per rule. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkMarkers, parseArgs, parseDefault, splitDoc } from '../../../generators/reader/markers.js';

describe('splitDoc', () => {
  const rows: [string, { given: string; want: { doc: string; markers: [string, string | undefined, number][] } }][] = [
    ['prose only', { given: '/** Just words. */', want: { doc: 'Just words.', markers: [] } }],
    [
      'markers on their own lines, with line numbers',
      {
        given: '/**\n * The size.\n * +optional\n * +default=3\n */',
        want: { doc: 'The size.', markers: [['optional', undefined, 12], ['default', '3', 13]] },
      },
    ],
    [
      'a kubebuilder marker whose first argument is glued to its name',
      {
        given: '/** +kubebuilder:resource:path=widgets,scope=Cluster */',
        want: { doc: '', markers: [['kubebuilder:resource', 'path=widgets,scope=Cluster', 10]] },
      },
    ],
    [
      'a plus sign inside prose is not a marker',
      { given: '/** Adds 1 + 2 together. */', want: { doc: 'Adds 1 + 2 together.', markers: [] } },
    ],
  ];
  for (const [name, { given, want }] of rows) {
    it(name, () => {
      const { doc, markers } = splitDoc(given, 'x.ts', 10);
      assert.equal(doc, want.doc);
      assert.deepEqual(
        markers.map((m) => [m.name, m.value, m.location.line]),
        want.markers,
      );
    });
  }
});

describe('checkMarkers', () => {
  const at = { file: 'x.ts', line: 1 };
  const rows: [string, { site: 'field' | 'type' | 'group'; name: string; value?: string; want: string | undefined }][] = [
    ['an unknown marker', { site: 'field', name: 'frobnicate', want: 'unknown marker +frobnicate' }],
    ['a marker on the wrong site', { site: 'field', name: 'groupName', value: 'x', want: 'marker +groupName is not allowed on a field' }],
    ['a bare marker given a value', { site: 'field', name: 'optional', value: 'yes', want: 'bad value for +optional: takes no value' }],
    ['an enum value outside its set', { site: 'field', name: 'listType', value: 'bag', want: 'bad value for +listType: "bag" is not one of atomic, set, map' }],
    ['an integer marker given words', { site: 'field', name: 'kubebuilder:validation:MaxItems', value: 'many', want: 'bad value for +kubebuilder:validation:MaxItems: "many" is not an integer' }],
    ['an unknown argument key', { site: 'type', name: 'kubebuilder:resource', value: 'paht=x', want: 'bad value for +kubebuilder:resource: unknown key paht (known: path, singular, scope, shortName, categories)' }],
    ['a good default', { site: 'field', name: 'default', value: '{"a":1}', want: undefined }],
    ['a bare-word default', { site: 'field', name: 'default', value: 'Always', want: undefined }],
  ];
  for (const [name, { site, name: marker, value, want }] of rows) {
    it(name, () => {
      const errors = checkMarkers([{ name: marker, value, location: at }], site, 'Subject');
      assert.deepEqual(errors.map((e) => e.detail), want === undefined ? [] : [want]);
    });
  }
});

describe('parseArgs and parseDefault', () => {
  it('reads quoted values with commas and list values with semicolons', () => {
    assert.deepEqual(parseArgs('name="A, B",type=string,shortName=a;b'), { name: 'A, B', type: 'string', shortName: 'a;b' });
  });
  it('rejects text that is not key=value pairs', () => {
    assert.equal(parseArgs('justwords'), undefined);
  });
  it('takes JSON, or a bare word as a string', () => {
    assert.deepEqual(parseDefault('[1,2]'), [1, 2]);
    assert.equal(parseDefault('IfNotPresent'), 'IfNotPresent');
    assert.equal(parseDefault('two words'), undefined);
  });
});
