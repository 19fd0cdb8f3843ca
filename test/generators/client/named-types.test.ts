import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { docComment, namedTypes } from '../../../generators/client/named-types.js';
import { CodegenError } from '../../../generators/errors.js';
import { ModelIndex } from '../../../generators/model/lookup.js';
import { group, pkg, sampleModel, struct, widgetsV1 } from '../openapi/sample-model.js';

describe('namedTypes', () => {
  const byName = new Map(namedTypes(new ModelIndex(sampleModel), widgetsV1).map((type) => [type.name, type]));
  const rows: [string, string, string][] = [
    [
      'a struct names its component schema',
      'WidgetSpec',
      "components['schemas']['com.example.widgets.v1.WidgetSpec']",
    ],
    ['an enum is a union in declaration order', 'Phase', "'Running' | 'Pending' | 'Failed'"],
    [
      'an alias of a struct takes the struct',
      'PortRef',
      "components['schemas']['com.example.widgets.v1.WidgetPort']",
    ],
  ];
  for (const [name, typeName, want] of rows) it(name, () => assert.equal(byName.get(typeName)?.type, want));

  it('rejects a type named like an openapi-typescript export', () => {
    const model = {
      groups: [group('g', 'g.io', 'g.io', null, [pkg('g', 'v1', [struct('g/v1', 'components', [])])])],
    };
    assert.throws(() => namedTypes(new ModelIndex(model), model.groups[0].versions[0]), CodegenError);
  });
});

describe('docComment', () => {
  const rows: [string, string, string][] = [
    ['empty doc', '  ', ''],
    ['one line', 'A widget.', '/** A widget. */'],
    ['paragraphs', 'A widget.\n\nMore.', '/**\n * A widget.\n *\n * More.\n */'],
    ['a comment end inside', 'a */ b', '/** a *\u200b/ b */'],
  ];
  for (const [name, given, want] of rows) it(name, () => assert.equal(docComment(given), want));
});
