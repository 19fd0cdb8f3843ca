/** CustomResourceDefinition validation on update: what may not change, and when. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CustomResourceDefinition } from '../../../../api-definitions/apiextensions/v1/types.js';
import {
  validateCustomResourceDefinitionStatusUpdate,
  validateCustomResourceDefinitionUpdate,
} from '../../../../runtime/apiservers/extensions/validation/crd.js';
import { errorStrings } from '../../../../runtime/machinery/validation/field.js';
import { validCRD } from './support.js';

const established = (crd: CustomResourceDefinition): CustomResourceDefinition => {
  crd.status = { ...crd.status, conditions: [{ type: 'Established', status: 'True', reason: 'InitialNamesAccepted', message: 'the initial names have been accepted' }] };
  return crd;
};

const cases: [string, { old: () => CustomResourceDefinition; mutate: (c: CustomResourceDefinition) => void; want: string[] }][] = [
  ['no change', { old: validCRD, mutate: () => {}, want: [] }],
  ['scope may change before the CRD is established', { old: validCRD, mutate: (c) => (c.spec.scope = 'Cluster'), want: [] }],
  [
    'scope may not change once established',
    { old: () => established(validCRD()), mutate: (c) => (c.spec.scope = 'Cluster'), want: ['spec.scope: Invalid value: "Cluster": field is immutable'] },
  ],
  [
    'kind may not change once established',
    { old: () => established(validCRD()), mutate: (c) => (c.spec.names.kind = 'Gadget'), want: ['spec.names.kind: Invalid value: "Gadget": field is immutable'] },
  ],
  [
    'group never changes',
    {
      old: validCRD,
      mutate: (c) => {
        c.spec.group = 'example.org';
      },
      want: ['spec.group: Invalid value: "example.org": field is immutable'],
    },
  ],
  [
    'a new storage version must be recorded in storedVersions',
    {
      old: validCRD,
      mutate: (c) => {
        c.spec.versions[0].storage = false;
        c.spec.versions.push({ ...structuredClone(c.spec.versions[0]), name: 'v2', storage: true });
        c.status = { storedVersions: ['v1'] };
      },
      want: ['status.storedVersions: Invalid value: "v2": must have the storage version v2'],
    },
  ],
  [
    'removing a stored version from spec.versions',
    {
      old: validCRD,
      mutate: (c) => {
        c.spec.versions[0].name = 'v2';
        c.status = { storedVersions: ['v1', 'v2'] };
      },
      want: ['status.storedVersions[0]: Invalid value: "v1": must appear in spec.versions'],
    },
  ],
];

describe('validateCustomResourceDefinitionUpdate', () => {
  for (const [name, { old, mutate, want }] of cases) {
    it(name, () => {
      const before = old();
      before.metadata = { ...before.metadata, resourceVersion: '7' };
      const after = structuredClone(before);
      mutate(after);
      assert.deepEqual(errorStrings(validateCustomResourceDefinitionUpdate(after, before)), want);
    });
  }
});

describe('validateCustomResourceDefinitionStatusUpdate', () => {
  it('checks accepted names and stored versions', () => {
    const before = validCRD();
    before.metadata = { ...before.metadata, resourceVersion: '7' };
    const after = structuredClone(before);
    after.status = { storedVersions: [], acceptedNames: { plural: 'Widgets', kind: 'Widget' } };
    assert.deepEqual(errorStrings(validateCustomResourceDefinitionStatusUpdate(after, before)), [
      'status.acceptedNames.plural: Invalid value: "Widgets": a DNS-1035 label must consist of lower case alphanumeric characters or \'-\', start with an alphabetic character, and end with an alphanumeric character (e.g. \'my-name\',  or \'abc-123\', regex used for validation is \'[a-z]([-a-z0-9]*[a-z0-9])?\')',
      'status.storedVersions: Invalid value: []string{}: must have at least one stored version',
    ]);
  });
});
