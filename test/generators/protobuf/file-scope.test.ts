import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ModelIndex } from '../../../generators/model/lookup.js';
import { FileScope } from '../../../generators/protobuf/file-scope.js';
import { everyFieldKindModel } from './every-field-kind.js';

const model = everyFieldKindModel();
const index = new ModelIndex(model);
const widgets = index.pkg('widgets/v1');
const FILE = 'generated/widgets/v1/protobuf.generated.ts';
const here = { file: 'x.ts', line: 1 };

describe('FileScope', () => {
  it('imports runtime values under their own names', () => {
    const scope = new FileScope(FILE, widgets, index);
    assert.equal(scope.runtime('encodeTime'), 'encodeTime');
    assert.match(
      scope.renderImports(),
      /import \{ encodeTime \} from '\.\.\/\.\.\/\.\.\/runtime\/machinery\/protobuf\/index\.js';/,
    );
  });

  it('aliases a runtime value that a declaration of the file would shadow', () => {
    const scope = new FileScope(FILE, widgets, index);
    scope.declare('encodeTime', 'Time', here);
    assert.equal(scope.runtime('encodeTime'), 'runtimeEncodeTime');
    assert.match(scope.renderImports(), /encodeTime as runtimeEncodeTime/);
  });

  it('imports another package’s codecs from its generated file', () => {
    const scope = new FileScope(FILE, widgets, index);
    assert.deepEqual(scope.messageFunctions({ pkg: 'meta/v1', name: 'ObjectMeta' }), {
      encode: 'encodeObjectMeta',
      decode: 'decodeObjectMeta',
    });
    assert.match(scope.renderImports(), /from '\.\.\/\.\.\/meta\/v1\/protobuf\.generated\.js'/);
  });

  it('aliases another package’s codec with its group and version when a local one has the name', () => {
    const scope = new FileScope(FILE, widgets, index);
    scope.declare('encodeObjectMeta', 'ObjectMeta', here);
    assert.equal(
      scope.messageFunctions({ pkg: 'meta/v1', name: 'ObjectMeta' }).encode,
      'metav1EncodeObjectMeta',
    );
  });

  it('uses the package’s own codecs without importing', () => {
    const scope = new FileScope(FILE, widgets, index);
    assert.deepEqual(scope.messageFunctions({ pkg: 'widgets/v1', name: 'Container' }), {
      encode: 'encodeContainer',
      decode: 'decodeContainer',
    });
    assert.equal(scope.renderImports(), '');
  });

  it('reports a name declared twice, naming both owners', () => {
    const scope = new FileScope(FILE, widgets, index);
    assert.equal(scope.declare('encodeWidgetMessage', 'WidgetMessage', here), undefined);
    assert.equal(
      scope.declare('encodeWidgetMessage', 'Widget', here)?.message,
      'x.ts:1: Widget: its protobuf codec `encodeWidgetMessage` clashes with the one of WidgetMessage',
    );
  });

  const typeImports = [
    { name: 'only as types', asValue: false, expected: /import type \{ Reader, Writer \}/ },
    { name: 'also as values', asValue: true, expected: /import \{ Reader, Writer \}/ },
  ];
  for (const row of typeImports) {
    it(`imports Reader and Writer used ${row.name}`, () => {
      const scope = new FileScope(FILE, widgets, index);
      scope.runtimeType('Reader');
      scope.runtimeType('Writer');
      if (row.asValue) {
        scope.runtime('Reader');
        scope.runtime('Writer');
      }
      const imports = scope.renderImports();
      assert.match(imports, row.expected);
      assert.equal(imports.split('\n').length, 1, imports);
    });
  }
});
