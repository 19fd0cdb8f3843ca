/**
 * The sample aggregated server's API group through codegen and the scheme: `npm run codegen`
 * reads `examples/sample-apiserver/api-definitions/` with the project's meta/v1, writes only under
 * `examples/sample-apiserver/generated/` (the checked-in files are current), and the generated
 * conversions and defaults carry a flunder's reference between v1alpha1's single field and
 * v1beta1's field per type.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { groups as sampleGroups } from '../../examples/sample-apiserver/generated/install.generated.js';
import * as metaGroup from '../../generated/meta/register.generated.js';
import { generators } from '../../generators/all.js';
import { definitionsRoots, generateAll } from '../../generators/codegen.js';
import { readApiModel } from '../../generators/reader/index.js';
import { MEDIA_JSON, Scheme, type WireObject } from '../../runtime/machinery/scheme.js';

const ROOT = path.join(import.meta.dirname, '..', '..');
const DEFINITIONS = 'examples/sample-apiserver/api-definitions';
const GENERATED = 'examples/sample-apiserver/generated';

describe('sample-apiserver codegen', () => {
  it('finds the example as a definitions root after the project own', () => {
    assert.deepEqual(definitionsRoots(ROOT).slice(0, 2), ['api-definitions', DEFINITIONS]);
  });

  it('reads wardle with the shared meta group, versions by priority', () => {
    const model = readApiModel(ROOT, DEFINITIONS);
    assert.deepEqual(
      model.groups.map((g) => g.dir),
      ['meta', 'wardle'],
    );
    const wardle = model.groups.find((g) => g.dir === 'wardle')!;
    assert.equal(wardle.groupName, 'wardle.example.com');
    assert.deepEqual(
      wardle.versions.map((v) => v.version),
      ['v1beta1', 'v1alpha1'],
    );
    assert.equal(wardle.storageVersion, 'v1alpha1');
    const v1alpha1 = wardle.versions.find((v) => v.version === 'v1alpha1')!;
    assert.deepEqual(v1alpha1.handwritten.conversions, [
      'Convert_v1alpha1_FlunderSpec_To_wardle_FlunderSpec',
      'Convert_wardle_FlunderSpec_To_v1alpha1_FlunderSpec',
    ]);
  });

  it('writes only under the example, and the checked-in files are what codegen writes', async () => {
    const files = await generateAll(readApiModel(ROOT, DEFINITIONS), generators, GENERATED);
    assert.ok(files.length > 10);
    for (const file of files) {
      assert.ok(file.path.startsWith(`${GENERATED}/`), file.path);
      assert.equal(readFileSync(path.join(ROOT, file.path), 'utf8'), file.content, `${file.path} is stale: run npm run codegen`);
    }
    assert.ok(files.some((f) => f.path === `${GENERATED}/install.generated.ts`));
  });
});

describe('sample-apiserver scheme', () => {
  const scheme = new Scheme();
  metaGroup.install(scheme);
  for (const group of sampleGroups) group.install(scheme);
  const gvk = (version: string, kind = 'Flunder') => ({ group: 'wardle.example.com', version, kind });
  const flunder = (version: string, spec: Record<string, unknown>): string =>
    JSON.stringify({ apiVersion: `wardle.example.com/${version}`, kind: 'Flunder', metadata: { name: 'f', namespace: 'ns' }, spec });

  const cases: [string, { version: string; spec: Record<string, unknown>; hub: Record<string, unknown>; other: string; want: Record<string, unknown> }][] = [
    [
      'v1alpha1 reference without a type defaults to a flunder reference',
      { version: 'v1alpha1', spec: { reference: 'other' }, hub: { referenceType: 'Flunder', flunderReference: 'other' }, other: 'v1beta1', want: { referenceType: 'Flunder', flunderReference: 'other' } },
    ],
    [
      'v1alpha1 fischer reference',
      { version: 'v1alpha1', spec: { reference: 'fish', referenceType: 'Fischer' }, hub: { referenceType: 'Fischer', fischerReference: 'fish' }, other: 'v1beta1', want: { referenceType: 'Fischer', fischerReference: 'fish' } },
    ],
    [
      'v1beta1 fischer reference reads as v1alpha1 reference',
      { version: 'v1beta1', spec: { fischerReference: 'fish', referenceType: 'Fischer' }, hub: { referenceType: 'Fischer', fischerReference: 'fish' }, other: 'v1alpha1', want: { referenceType: 'Fischer', reference: 'fish' } },
    ],
    [
      'an unknown type survives to the hub, where validation names it',
      { version: 'v1alpha1', spec: { reference: 'x', referenceType: 'Other' }, hub: { referenceType: 'Other' }, other: 'v1beta1', want: { referenceType: 'Other' } },
    ],
  ];
  for (const [name, { version, spec, hub, other, want }] of cases) {
    it(name, () => {
      const decoded = scheme.decode(flunder(version, spec), MEDIA_JSON);
      assert.deepEqual(decoded.gvk, gvk(version));
      assert.deepEqual((decoded.object as WireObject)['spec'], hub);
      const encoded = JSON.parse(scheme.encode(decoded.object, gvk(other), MEDIA_JSON) as string) as WireObject;
      assert.equal(encoded['apiVersion'], `wardle.example.com/${other}`);
      assert.deepEqual(encoded['spec'], want);
    });
  }

  it('serves flunders in both versions and fischers only in v1alpha1', () => {
    assert.deepEqual(
      scheme.resourcesOf({ group: 'wardle.example.com', version: 'v1alpha1' }).map((r) => [r.plural, r.namespaced]),
      [
        ['fischers', false],
        ['flunders', true],
      ],
    );
    assert.deepEqual(
      scheme.resourcesOf({ group: 'wardle.example.com', version: 'v1beta1' }).map((r) => r.plural),
      ['flunders'],
    );
  });
});
