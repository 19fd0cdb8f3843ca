/**
 * `kapi import --update`: the additive merge into a types.ts people own, and the built-in groups
 * re-imported from upstream's swagger.json and generated.proto with nothing to add.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { importTypes } from '../../../generators/import/index.js';
import { readGroupFacts, scanPackages } from '../../../generators/import/packages.js';
import { updateTypesFile } from '../../../generators/import/update.js';
import { formatTypeScript } from '../../../generators/render.js';

const ROOT = path.join(import.meta.dirname, '..', '..', '..');
const DEFINITIONS = path.join(ROOT, 'api-definitions');
const UPSTREAM = path.join(ROOT, '..', 'shared', 'reference', 'kubernetes');

const existing = `import type { int32 } from '../../meta/v1/types.js';

/**
 * A widget, with a hand-written note.
 *
 * +kubebuilder:resource:path=widgets,singular=widget,scope=Namespaced,shortName=wd
 */
export interface Widget {
  /** +protobuf=1 */
  size?: int32;
  /** Added by hand. */
  owner?: string;
}

export type Color = 'red' | 'blue';
`;

const fresh = `import type { int32, int64 } from '../../meta/v1/types.js';
import type { ObjectReference } from '../../core/v1/types.js';

/**
 * A widget.
 *
 * +kubebuilder:resource:path=widgets,singular=widget,scope=Namespaced,subresources=status
 */
export interface Widget {
  /**
   * +protobuf=1
   * +optional
   */
  size?: int32;
  /** +protobuf=2 */
  weight?: int64;
  /** +protobuf=3 */
  ref?: ObjectReference;
}

export type Color = 'red' | 'blue' | 'green';

export interface Gadget {
  name: string;
}
`;

describe('updateTypesFile', () => {
  it('leaves a file alone when the import has nothing it lacks', async () => {
    const result = await updateTypesFile(existing, existing);
    assert.equal(result.content, existing);
    assert.deepEqual(result.added, []);
  });

  it('adds fields, declarations, imports, markers, resource keys and union members; keeps hand edits', async () => {
    const result = await updateTypesFile(existing, fresh);
    const expected = await formatTypeScript(`import type { int32, int64 } from '../../meta/v1/types.js';
import type { ObjectReference } from '../../core/v1/types.js';

/**
 * A widget, with a hand-written note.
 *
 * +kubebuilder:resource:path=widgets,singular=widget,scope=Namespaced,shortName=wd,subresources=status
 */
export interface Widget {
  /**
   * +protobuf=1
   * +optional
   */
  size?: int32;
  /** +protobuf=2 */
  weight?: int64;
  /** +protobuf=3 */
  ref?: ObjectReference;
  /** Added by hand. */
  owner?: string;
}

export type Color = 'red' | 'blue' | 'green';

export interface Gadget {
  name: string;
}
`);
    assert.equal(result.content, expected);
    assert.deepEqual(result.added, [
      "+ import int64 from '../../meta/v1/types.js'",
      "+ import from '../../core/v1/types.js'",
      '+ Widget: kubebuilder:resource subresources=status',
      '+ Widget.size: +optional',
      '+ Widget.weight',
      '+ Widget.ref',
      "+ Color: 'green'",
      '+ Gadget',
    ]);
  });

  it('keeps a marker whose value was changed by hand', async () => {
    const mine = 'export interface A {\n  /** +listType=set */\n  x?: string[];\n}\n';
    const theirs = 'export interface A {\n  /** +listType=atomic */\n  x?: string[];\n}\n';
    assert.equal((await updateTypesFile(mine, theirs)).content, mine);
  });
});

/** The built-in groups imported from upstream's document (autoscaling's versions are written by hand). */
function importedGroups(): { dir: string; group: string; packagePath: string }[] {
  return readdirSync(DEFINITIONS)
    .filter((dir) => dir !== 'meta' && dir !== 'autoscaling' && existsSync(path.join(DEFINITIONS, dir, 'v1', 'types.ts')))
    .map((dir) => {
      const doc = readFileSync(path.join(DEFINITIONS, dir, 'doc.ts'), 'utf8');
      const group = /\+groupName=("?)([^"\s]*)\1/.exec(doc)![2]!;
      return { dir, group, packagePath: readGroupFacts(path.join(DEFINITIONS, dir, 'doc.ts'), dir)!.packagePath };
    });
}

describe('re-importing the built-in groups from upstream', { skip: !existsSync(path.join(UPSTREAM, 'swagger.json')) && 'no upstream reference' }, () => {
  const swagger = { text: readFileSync(path.join(UPSTREAM, 'swagger.json'), 'utf8'), name: 'swagger.json' };
  const known = scanPackages(DEFINITIONS);
  for (const { dir, group, packagePath } of importedGroups()) {
    it(`${dir}: --update adds nothing to api-definitions/${dir}/v1/types.ts`, async () => {
      const protoFile = path.join(UPSTREAM, 'proto', packagePath, 'v1', 'generated.proto');
      const result = await importTypes({
        source: swagger,
        group,
        version: 'v1',
        dir,
        ...(existsSync(protoFile) ? { proto: { text: readFileSync(protoFile, 'utf8'), name: 'generated.proto' } } : {}),
        known,
        existingGroup: { packagePath, hasHub: true },
      });
      const file = path.join(DEFINITIONS, dir, 'v1', 'types.ts');
      const current = readFileSync(file, 'utf8');
      const updated = await updateTypesFile(current, result.files[0]!.content);
      assert.deepEqual(updated.added, [], `the import would add to ${dir}/v1/types.ts`);
      assert.equal(updated.content, current);
    });
  }
});
