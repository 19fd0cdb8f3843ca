/** The patch generator end to end: goldens, what it selects, and the markers it rejects. */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CodegenErrors } from '../../../generators/errors.js';
import type { GeneratedFile } from '../../../generators/generator.js';
import type { FieldModel } from '../../../generators/model/types.js';
import { patchGenerator } from '../../../generators/patch/index.js';
import { array, field, map, named, sampleModel, scalar, withSpecFields } from './model.js';

const CASE_DIR = fileURLToPath(new URL('./testdata/sample/', import.meta.url));

function assertGoldens(files: readonly GeneratedFile[]): void {
  for (const file of files) {
    const golden = path.join(CASE_DIR, file.path);
    if (process.env['UPDATE_GOLDENS'] === '1') {
      mkdirSync(path.dirname(golden), { recursive: true });
      writeFileSync(golden, file.content);
      continue;
    }
    assert.ok(existsSync(golden), `missing golden ${golden} (UPDATE_GOLDENS=1 writes it)`);
    assert.equal(
      file.content,
      readFileSync(golden, 'utf8'),
      `${file.path} differs from its golden (UPDATE_GOLDENS=1 rewrites it)`,
    );
  }
}

async function errorsOf(fields: (fs: readonly FieldModel[]) => FieldModel[]): Promise<string[]> {
  try {
    await patchGenerator.generate(withSpecFields(fields));
  } catch (error) {
    assert.ok(error instanceof CodegenErrors, `expected CodegenErrors, got ${String(error)}`);
    return error.errors.map((e) => e.message);
  }
  return [];
}

describe('patchGenerator', () => {
  it('generates the goldens of the sample model, one file per versioned package', async () => {
    const files = await patchGenerator.generate(sampleModel());
    assert.deepEqual(
      files.map((f) => f.path),
      ['generated/meta/v1/patch.generated.ts', 'generated/widgets/v1/patch.generated.ts'],
    );
    assertGoldens(files);
  });

  it('is deterministic', async () => {
    assert.deepEqual(await patchGenerator.generate(sampleModel()), await patchGenerator.generate(sampleModel()));
  });

  const at = 'api-definitions/widgets/v1/types.ts:10: WidgetSpec';
  const rejected: { name: string; fields: FieldModel[]; want: string[] }[] = [
    {
      name: 'merge on a list of structs without a merge key',
      fields: [field('items', array(named('widgets/v1', 'Port')), { patchStrategy: 'merge' })],
      want: [
        `${at}.items: +patchStrategy=merge on a list of structs needs +patchMergeKey=<field> to match elements by`,
      ],
    },
    {
      name: 'merge on a list of lists',
      fields: [field('grid', array(array(scalar('string'))), { patchStrategy: 'merge' })],
      want: [`${at}.grid: +patchStrategy=merge on a list of lists: strategic merge patch cannot merge lists of lists`],
    },
    {
      name: 'a merge key on a list of scalars',
      fields: [field('names', array(scalar('string')), { patchStrategy: 'merge', patchMergeKey: 'name' })],
      want: [`${at}.names: +patchMergeKey=name on a field that is not a list of structs`],
    },
    {
      name: 'a merge key on a map',
      fields: [field('byName', map(named('widgets/v1', 'Port')), { patchMergeKey: 'port' })],
      want: [`${at}.byName: +patchMergeKey=port on a field that is not a list of structs`],
    },
    {
      name: 'a merge key the element lacks',
      fields: [field('items', array(named('widgets/v1', 'Port')), { patchStrategy: 'merge', patchMergeKey: 'name' })],
      want: [`${at}.items: +patchMergeKey=name: Port has no field name`],
    },
    {
      name: 'a patch strategy on a scalar',
      fields: [field('count', scalar('int32'), { patchStrategy: 'replace' })],
      want: [
        `${at}.count: +patchStrategy=replace on a scalar field: only lists, maps and structs are patched by strategy`,
      ],
    },
  ];
  for (const c of rejected) {
    it(`rejects ${c.name}`, async () => {
      assert.deepEqual(await errorsOf(() => c.fields), c.want);
    });
  }

  it('accepts a merge key without a strategy, as upstream types have none such but tolerate it', async () => {
    const fields = [field('items', array(named('widgets/v1', 'Port')), { patchMergeKey: 'port' })];
    assert.deepEqual(await errorsOf(() => fields), []);
  });

  it('reports every offending field at once', async () => {
    const errors = await errorsOf(() => [
      field('a', scalar('string'), { patchStrategy: 'merge' }),
      field('b', array(named('widgets/v1', 'Port')), { patchStrategy: 'merge' }),
    ]);
    assert.equal(errors.length, 2);
  });
});

describe('patchGenerator package cycles', () => {
  it('rejects packages whose structs reach each other', async () => {
    const model = sampleModel();
    const metaGroup = model.groups[0]!;
    const meta = metaGroup.versions[0]!;
    const looped = {
      groups: [
        {
          ...metaGroup,
          versions: [
            {
              ...meta,
              types: meta.types.map((t) =>
                t.kind === 'struct' && t.id.name === 'ListMeta'
                  ? { ...t, fields: [...t.fields, field('back', named('widgets/v1', 'Port'))] }
                  : t,
              ),
            },
          ],
        },
        model.groups[1]!,
      ],
    };
    await assert.rejects(
      () => Promise.resolve(patchGenerator.generate(looped)),
      (e: unknown) =>
        e instanceof CodegenErrors &&
        e.errors.map((x) => x.message).join('\n') ===
          'api-definitions/meta/doc.ts:1: package meta/v1: its types reach each other across packages: meta/v1 → widgets/v1 → meta/v1',
    );
  });
});
