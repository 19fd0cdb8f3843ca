import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ModelIndex } from '../../../generators/model/lookup.js';
import type { TypeRef } from '../../../generators/model/types.js';
import { WirePlanError, WirePlanner, type FieldPlan } from '../../../generators/protobuf/wire-plan.js';
import { everyFieldKindModel } from './every-field-kind.js';
import { array, map, named, scalar } from './model-builders.js';

const W = 'widgets/v1';
const model = everyFieldKindModel();
const planner = new WirePlanner(new ModelIndex(model), new Set(['meta/v1', W]));
const message = (name: string, pkg = W) => ({ kind: 'message', type: { pkg, name } }) as const;

describe('WirePlanner.field', () => {
  const rows: { name: string; type: TypeRef; plan: FieldPlan }[] = [
    {
      name: 'a scalar',
      type: scalar('Quantity'),
      plan: { shape: 'single', value: { kind: 'scalar', scalar: 'Quantity' } },
    },
    {
      name: 'an enum',
      type: named(W, 'Phase'),
      plan: { shape: 'single', value: { kind: 'enum', type: { pkg: W, name: 'Phase' } } },
    },
    { name: 'a struct', type: named(W, 'Container'), plan: { shape: 'single', value: message('Container') } },
    {
      name: 'a struct of another package',
      type: named('meta/v1', 'ObjectMeta'),
      plan: { shape: 'single', value: message('ObjectMeta', 'meta/v1') },
    },
    {
      name: 'an alias of a struct, transparently',
      type: named(W, 'Sidecar'),
      plan: { shape: 'single', value: message('Container') },
    },
    {
      name: 'an alias of a map, transparently',
      type: named(W, 'ResourceList'),
      plan: { shape: 'map', value: { kind: 'scalar', scalar: 'Quantity' } },
    },
    {
      name: 'an alias of a list, as its wrapper message',
      type: named(W, 'ExtraValue'),
      plan: { shape: 'single', value: message('ExtraValue') },
    },
    {
      name: 'a list of structs',
      type: array(named(W, 'Container')),
      plan: { shape: 'repeated', value: message('Container') },
    },
    {
      name: 'a list of wrapped lists',
      type: array(named(W, 'ExtraValue')),
      plan: { shape: 'repeated', value: message('ExtraValue') },
    },
    {
      name: 'a map of wrapped lists',
      type: map(named(W, 'ExtraValue')),
      plan: { shape: 'map', value: message('ExtraValue') },
    },
  ];
  for (const row of rows) {
    it(`plans ${row.name}`, () => {
      assert.deepEqual(planner.field(row.type), row.plan);
    });
  }

  const invalid: { name: string; type: TypeRef; message: RegExp }[] = [
    {
      name: 'a list of lists',
      type: array(array(scalar('string'))),
      message: /cannot hold a list directly in a list/,
    },
    {
      name: 'a map of lists',
      type: map(array(scalar('string'))),
      message: /cannot hold a list directly in a map/,
    },
    {
      name: 'a list of maps',
      type: array(map(scalar('string'))),
      message: /cannot hold a map directly in a list/,
    },
    {
      name: 'a list of aliased maps',
      type: array(named(W, 'ResourceList')),
      message: /cannot hold a map directly in a list/,
    },
    {
      name: 'an undeclared type',
      type: named(W, 'Nope'),
      message: /refers to widgets\/v1\.Nope, which is not declared/,
    },
    {
      name: 'TypeMeta',
      type: named('meta/v1', 'TypeMeta'),
      message: /refers to TypeMeta, which has no message/,
    },
  ];
  for (const row of invalid) {
    it(`rejects ${row.name}`, () => {
      assert.throws(
        () => planner.field(row.type),
        (e: unknown) => e instanceof WirePlanError && row.message.test(e.message),
      );
    });
  }

  it('rejects a type of a package without a protobuf codec', () => {
    const metaOnly = new WirePlanner(new ModelIndex(model), new Set(['meta/v1']));
    assert.throws(() => metaOnly.field(named(W, 'Container')), /whose package has no protobuf codec/);
  });
});
