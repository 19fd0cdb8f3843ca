/** Generated imports never clash: names of the same spelling from different packages get aliases. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deepcopyGenerator } from '../../generators/deepcopy/index.js';
import { Imports } from '../../generators/imports.js';
import type { ApiModel, PackageModel, StructModel } from '../../generators/model/types.js';

function pkg(groupDir: string, version: string | null): PackageModel {
  return {
    id: version ? `${groupDir}/${version}` : groupDir,
    groupDir,
    version,
    dir: `api-definitions/${groupDir}${version ? `/${version}` : ''}`,
    types: [],
    handwritten: { conversions: [], defaulters: [] },
  };
}

describe('Imports', () => {
  const alpha = pkg('alpha', 'v1');

  it('aliases an import that would clash with a name the file declares', () => {
    const imports = new Imports('generated/alpha/v1/deepcopy.generated.ts', alpha);
    imports.reserve('deepCopyThing');
    assert.equal(imports.value('generated/beta/v1/deepcopy.generated.ts', 'deepCopyThing'), 'betav1DeepCopyThing');
    assert.equal(imports.value('generated/beta/v1/deepcopy.generated.ts', 'deepCopyThing'), 'betav1DeepCopyThing', 'once aliased, always');
    assert.equal(
      imports.render(),
      "import { deepCopyThing as betav1DeepCopyThing } from '../../beta/v1/deepcopy.generated.js';",
    );
  });

  it('aliases the second of two same-named imports from different files', () => {
    const imports = new Imports('generated/alpha/deepcopy.generated.ts', pkg('alpha', null));
    assert.equal(imports.value('generated/beta/v1/deepcopy.generated.ts', 'deepCopySpec'), 'deepCopySpec');
    assert.equal(imports.value('generated/gamma/v1/deepcopy.generated.ts', 'deepCopySpec'), 'gammav1DeepCopySpec');
  });

  it('gives packages whose namespaces would be spelled alike different namespaces', () => {
    const imports = new Imports('generated/alpha/v1/deepcopy.generated.ts', alpha);
    assert.equal(imports.typeNamespace(pkg('a-b', 'v1')), 'abv1');
    assert.equal(imports.typeNamespace(pkg('ab', 'v1')), 'abv12');
    assert.equal(imports.typeNamespace(pkg('a-b', 'v1')), 'abv1');
  });
});

describe('deepcopy of a type that uses a same-named type of another group', () => {
  const thing = (pkgId: string, fields: StructModel['fields']): StructModel => ({
    kind: 'struct',
    id: { pkg: pkgId, name: 'Thing' },
    doc: '',
    location: { file: `api-definitions/${pkgId}/types.ts`, line: 1 },
    fields,
    isKind: false,
    isList: false,
    noAutoConversion: false,
    noProtobuf: false,
  });
  const field = (name: string, type: StructModel['fields'][number]['type']): StructModel['fields'][number] => ({
    name,
    type,
    optional: true,
    doc: '',
    location: { file: 'x', line: 1 },
    inlined: false,
    validation: {},
    noAutoConversion: false,
  });
  const model: ApiModel = {
    groups: ['alpha', 'beta'].map((dir) => ({
      dir,
      groupName: `${dir}.example.com`,
      packagePath: `${dir}.example.com`,
      internal: null,
      versions: [
        {
          ...pkg(dir, 'v1'),
          types: [
            dir === 'alpha'
              ? thing('alpha/v1', [field('other', { kind: 'named', ref: { pkg: 'beta/v1', name: 'Thing' } })])
              : thing('beta/v1', [field('name', { kind: 'scalar', name: 'string' })]),
          ],
        },
      ],
      location: { file: `api-definitions/${dir}/doc.ts`, line: 1 },
    })),
  };

  it('imports the other deepCopyThing under an alias and calls it', async () => {
    const files = await deepcopyGenerator.generate(model);
    const alpha = files.find((f) => f.path === 'generated/alpha/v1/deepcopy.generated.ts')!.content;
    assert.match(alpha, /import \{ deepCopyThing as betav1DeepCopyThing \} from '\.\.\/\.\.\/beta\/v1\/deepcopy\.generated\.js';/);
    assert.match(alpha, /betav1DeepCopyThing\(input\.other\)/);
    assert.match(alpha, /export function deepCopyThing\(/);
  });
});
