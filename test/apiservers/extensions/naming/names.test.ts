/** The naming and establishing controllers' decisions, and the strategy's stored-versions bookkeeping. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CustomResourceDefinition, CustomResourceDefinitionNames } from '../../../../api-definitions/apiextensions/v1/types.js';
import { calculateNamesAndConditions, establish, reconcileNames, type BuiltinResource } from '../../../../runtime/apiservers/extensions/naming/names.js';
import { prepareForCreate, prepareForUpdate } from '../../../../runtime/apiservers/extensions/naming/stored-versions.js';
import { validCRD } from '../validation/support.js';

function crd(name: string, names: CustomResourceDefinitionNames, accepted?: CustomResourceDefinitionNames, group = 'example.com'): CustomResourceDefinition {
  const c = validCRD();
  c.metadata = { name };
  c.spec.group = group;
  c.spec.names = names;
  c.status = { storedVersions: ['v1'], ...(accepted ? { acceptedNames: accepted } : {}) };
  return c;
}

const widgets: CustomResourceDefinitionNames = { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList', shortNames: ['wd'] };
const existing = crd('widgets.example.com', widgets, widgets);

const cases: [string, { names: CustomResourceDefinitionNames; group?: string; reason: string; message: string; accepted: CustomResourceDefinitionNames }][] = [
  [
    'no conflicts',
    {
      names: { plural: 'gadgets', singular: 'gadget', kind: 'Gadget', listKind: 'GadgetList' },
      reason: 'NoConflicts',
      message: 'no conflicts found',
      accepted: { plural: 'gadgets', singular: 'gadget', kind: 'Gadget', listKind: 'GadgetList' },
    },
  ],
  [
    'plural taken',
    {
      names: { plural: 'wd', singular: 'gadget', kind: 'Gadget', listKind: 'GadgetList' },
      reason: 'PluralConflict',
      message: '"wd" is already in use',
      accepted: { plural: '', singular: 'gadget', kind: 'Gadget', listKind: 'GadgetList' },
    },
  ],
  [
    'singular taken by a short name',
    {
      names: { plural: 'gadgets', singular: 'wd', kind: 'Gadget', listKind: 'GadgetList' },
      reason: 'SingularConflict',
      message: '"wd" is already in use',
      accepted: { plural: 'gadgets', kind: 'Gadget', listKind: 'GadgetList' },
    },
  ],
  [
    'short names taken',
    {
      names: { plural: 'gadgets', singular: 'gadget', kind: 'Gadget', listKind: 'GadgetList', shortNames: ['widget', 'wd', 'gd'] },
      reason: 'ShortNamesConflict',
      message: '["widget" is already in use, "wd" is already in use]',
      accepted: { plural: 'gadgets', singular: 'gadget', kind: 'Gadget', listKind: 'GadgetList' },
    },
  ],
  [
    'kind taken',
    {
      names: { plural: 'gadgets', singular: 'gadget', kind: 'Widget', listKind: 'GadgetList' },
      reason: 'KindConflict',
      message: '"Widget" is already in use',
      accepted: { plural: 'gadgets', singular: 'gadget', kind: '', listKind: 'GadgetList' },
    },
  ],
  [
    'listKind taken',
    {
      names: { plural: 'gadgets', singular: 'gadget', kind: 'Gadget', listKind: 'WidgetList' },
      reason: 'ListKindConflict',
      message: '"WidgetList" is already in use',
      accepted: { plural: 'gadgets', singular: 'gadget', kind: 'Gadget' },
    },
  ],
  [
    'same names in another group',
    { names: widgets, group: 'example.org', reason: 'NoConflicts', message: 'no conflicts found', accepted: widgets },
  ],
  [
    'a built-in resource of the group',
    {
      names: { plural: 'pods', singular: 'pod', kind: 'Thing', listKind: 'ThingList' },
      group: 'core.example.com',
      reason: 'SingularConflict',
      message: '"pod" is already in use',
      accepted: { plural: 'pods', kind: 'Thing', listKind: 'ThingList' },
    },
  ],
];

const builtins: BuiltinResource[] = [{ group: 'core.example.com', plural: 'pods-x', singular: 'pod', kind: 'Pod' }];

describe('calculateNamesAndConditions', () => {
  for (const [name, { names, group, reason, message, accepted }] of cases) {
    it(name, () => {
      const c = crd(`${names.plural}.${group ?? 'example.com'}`, names, undefined, group);
      const r = calculateNamesAndConditions(c, [existing, c], builtins);
      assert.equal(r.namesAccepted.reason, reason);
      assert.equal(r.namesAccepted.message, message);
      assert.equal(r.namesAccepted.status, reason === 'NoConflicts' ? 'True' : 'False');
      assert.deepEqual(r.acceptedNames, accepted.plural === '' ? { ...accepted, plural: '' } : accepted);
      assert.deepEqual(
        r.established,
        reason === 'NoConflicts'
          ? { type: 'Established', status: 'False', reason: 'Installing', message: 'the initial names have been accepted' }
          : { type: 'Established', status: 'False', reason: 'NotAccepted', message: 'not all names are accepted' },
      );
    });
  }

  it('keeps names a CRD already holds even if another CRD asks for them', () => {
    const mine = crd('widgets.example.com', widgets, widgets);
    const r = calculateNamesAndConditions(mine, [mine, crd('others.example.com', widgets, undefined)]);
    assert.equal(r.namesAccepted.reason, 'NoConflicts');
  });
});

describe('reconcileNames and establish', () => {
  it('accepts, then establishes, keeping transition times of unchanged conditions', () => {
    const c = crd('gadgets.example.com', { plural: 'gadgets', singular: 'gadget', kind: 'Gadget', listKind: 'GadgetList' });
    c.status = reconcileNames(c, [existing, c], [], '2026-01-01T00:00:00Z');
    assert.deepEqual(c.status?.conditions, [
      { type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found', lastTransitionTime: '2026-01-01T00:00:00Z' },
      { type: 'Established', status: 'False', reason: 'Installing', message: 'the initial names have been accepted', lastTransitionTime: '2026-01-01T00:00:00Z' },
    ]);
    c.status = establish(c, '2026-01-01T00:00:05Z');
    assert.deepEqual(c.status?.conditions?.[1], {
      type: 'Established',
      status: 'True',
      reason: 'InitialNamesAccepted',
      message: 'the initial names have been accepted',
      lastTransitionTime: '2026-01-01T00:00:05Z',
    });
    c.status = reconcileNames(c, [existing, c], [], '2026-01-01T00:01:00Z');
    assert.equal(c.status?.conditions?.[0].lastTransitionTime, '2026-01-01T00:00:00Z');
    assert.equal(c.status?.conditions?.[1].status, 'True');
  });

  it('does not establish a CRD whose names conflict', () => {
    const c = crd('wd.example.com', { plural: 'wd', singular: 'dupe', kind: 'Dupe', listKind: 'DupeList' });
    c.status = reconcileNames(c, [existing, c], [], '2026-01-01T00:00:00Z');
    assert.equal(establish(c, '2026-01-01T00:00:01Z'), c.status);
    assert.equal(c.status?.conditions?.find((x) => x.type === 'Established')?.status, 'False');
  });
});

describe('stored versions', () => {
  it('a new CRD stores its storage version', () => {
    const c = validCRD();
    c.status = { storedVersions: ['bogus'], conditions: [{ type: 'Established', status: 'True' }] };
    prepareForCreate(c);
    assert.deepEqual(c.status, { storedVersions: ['v1'] });
    assert.equal(c.metadata?.generation, 1);
  });

  it('moving storage to a new version records it and bumps the generation', () => {
    const old = validCRD();
    old.metadata!.generation = 3;
    const c = structuredClone(old);
    c.spec.versions[0].storage = false;
    c.spec.versions.push({ ...structuredClone(c.spec.versions[0]), name: 'v2', storage: true });
    prepareForUpdate(c, old);
    assert.deepEqual(c.status?.storedVersions, ['v1', 'v2']);
    assert.equal(c.metadata?.generation, 4);
  });

  it('an update without spec changes keeps the generation', () => {
    const old = validCRD();
    old.metadata!.generation = 2;
    const c = structuredClone(old);
    c.metadata!.labels = { a: 'b' };
    prepareForUpdate(c, old);
    assert.equal(c.metadata?.generation, 2);
  });
});
