/** Field paths, error constructors, ObjectMeta, selectors and quantities, with upstream's messages. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LabelSelector, ObjectMeta } from '../../../api-definitions/meta/v1/types.js';
import { fieldErrorString, newInvalid } from '../../../runtime/machinery/errors.js';
import {
  compareQuantities,
  duplicate,
  errorStrings,
  forbidden,
  goLabelSelector,
  goStringMap,
  invalid,
  nameIsDNSLabel,
  nameIsDNSSubdomain,
  newPath,
  notSupported,
  parseQuantity,
  required,
  selectorMatches,
  semanticEqual,
  tooLong,
  tooMany,
  validateImmutableField,
  validateLabelSelector,
  validateNonnegativeQuantity,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from '../../../runtime/machinery/validation/index.js';

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const QN_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe('FieldPath', () => {
  const rows: [string, string, string][] = [
    ['a root', newPath('metadata').toString(), 'metadata'],
    ['children', newPath('spec').child('template', 'spec').toString(), 'spec.template.spec'],
    ['an index', newPath('spec').child('containers').index(0).child('name').toString(), 'spec.containers[0].name'],
    ['a map key', newPath('metadata').child('labels').key('app').toString(), 'metadata.labels[app]'],
    ['a key with a slash', newPath('data').key('a/b').toString(), 'data[a/b]'],
    ['nested indexes', newPath('a').index(1).index(2).toString(), 'a[1][2]'],
  ];
  for (const [name, got, want] of rows) it(name, () => assert.equal(got, want));
});

describe('field error constructors', () => {
  const p = newPath('spec').child('x');
  const rows: [string, string, string][] = [
    ['required', fieldErrorString(required(p)), 'spec.x: Required value'],
    ['required with detail', fieldErrorString(required(p, 'must be set')), 'spec.x: Required value: must be set'],
    ['invalid number', fieldErrorString(invalid(newPath('spec', 'replicas'), -1, 'must be greater than or equal to 0')), 'spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    ['invalid string', fieldErrorString(invalid(p, 'a b', 'bad')), 'spec.x: Invalid value: "a b": bad'],
    [
      'not supported',
      fieldErrorString(notSupported(p, 'Sometimes', ['Always', 'OnFailure', 'Never'])),
      'spec.x: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ],
    ['duplicate', fieldErrorString(duplicate(p, 'web')), 'spec.x: Duplicate value: "web"'],
    ['forbidden', fieldErrorString(forbidden(p, 'may not be set')), 'spec.x: Forbidden: may not be set'],
    ['too long', fieldErrorString(tooLong(p, 'xxx', 262144)), 'spec.x: Too long: must have at most 262144 bytes'],
    ['too many', fieldErrorString(tooMany(p, 5, 4)), 'spec.x: Too many: 5: must have at most 4 items'],
    ['too many without counts', fieldErrorString(tooMany(p, -1, -1)), 'spec.x: Too many: has too many items'],
    ['a Go map', fieldErrorString(invalid(p, goStringMap({ b: '2', a: '1' }), 'bad')), 'spec.x: Invalid value: map[string]string{"a":"1", "b":"2"}: bad'],
    [
      'a Go label selector',
      fieldErrorString(invalid(p, goLabelSelector({ matchLabels: { app: 'web' } }), 'field is immutable')),
      'spec.x: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ],
  ];
  for (const [name, got, want] of rows) it(name, () => assert.equal(got, want));

  it('a 422 Status from field errors', () => {
    const err = newInvalid({ group: 'apps', kind: 'Deployment' }, 'web', [invalid(newPath('spec', 'replicas'), -1, 'must be greater than or equal to 0')]);
    assert.equal(err.message, 'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
  });
});

describe('validateObjectMeta', () => {
  const ns = { namespaced: true, nameFn: nameIsDNSSubdomain };
  const cluster = { namespaced: false, nameFn: nameIsDNSLabel };
  const rows: [string, ObjectMeta, typeof ns, string[]][] = [
    ['valid namespaced', { name: 'web', namespace: 'default' }, ns, []],
    ['valid cluster-scoped', { name: 'team-a' }, cluster, []],
    ['no name', { namespace: 'default' }, ns, ['metadata.name: Required value: name or generateName is required']],
    ['bad name', { name: 'Web', namespace: 'default' }, ns, [`metadata.name: Invalid value: "Web": ${SUBDOMAIN_MSG}`]],
    ['dotted name of a label kind', { name: 'a.b' }, cluster, ['metadata.name: Invalid value: "a.b": must not contain dots']],
    ['bad generateName', { name: 'x', generateName: 'Web-', namespace: 'default' }, ns, [`metadata.generateName: Invalid value: "Web-": ${SUBDOMAIN_MSG}`]],
    ['generateName with a trailing dash', { name: 'web-abcde', generateName: 'web-', namespace: 'default' }, ns, []],
    ['missing namespace', { name: 'web' }, ns, ['metadata.namespace: Required value']],
    ['bad namespace', { name: 'web', namespace: 'A' }, ns, [`metadata.namespace: Invalid value: "A": ${LABEL_MSG}`]],
    ['namespace on a cluster kind', { name: 'x', namespace: 'default' }, cluster, ['metadata.namespace: Forbidden: not allowed on this type']],
    ['negative generation', { name: 'web', namespace: 'd', generation: -1 }, ns, ['metadata.generation: Invalid value: -1: must be greater than or equal to 0']],
    ['bad label key', { name: 'web', namespace: 'd', labels: { '-a': 'b' } }, ns, [`metadata.labels: Invalid value: "-a": name part ${QN_MSG}`]],
    [
      'bad label value',
      { name: 'web', namespace: 'd', labels: { a: 'b c' } },
      ns,
      [
        "metadata.labels: Invalid value: \"b c\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
      ],
    ],
    ['upper-case annotation key', { name: 'web', namespace: 'd', annotations: { 'Example.com/Key': 'v' } }, ns, []],
    ['bad annotation key', { name: 'web', namespace: 'd', annotations: { 'a b': 'v' } }, ns, [`metadata.annotations: Invalid value: "a b": name part ${QN_MSG}`]],
    ['annotations too large', { name: 'web', namespace: 'd', annotations: { a: 'x'.repeat(262144) } }, ns, ['metadata.annotations: Too long: must have at most 262144 bytes']],
    ['annotations at the limit', { name: 'web', namespace: 'd', annotations: { a: 'x'.repeat(262143) } }, ns, []],
    [
      'conflicting finalizers',
      { name: 'web', namespace: 'd', finalizers: ['orphan', 'foregroundDeletion'] },
      ns,
      ['metadata.finalizers: Invalid value: []string{"orphan", "foregroundDeletion"}: finalizer orphan and foregroundDeletion cannot be both set'],
    ],
    ['bad finalizer', { name: 'web', namespace: 'd', finalizers: ['a b'] }, ns, [`metadata.finalizers: Invalid value: "a b": name part ${QN_MSG}`]],
    [
      'incomplete owner reference',
      { name: 'web', namespace: 'd', ownerReferences: [{ apiVersion: '', kind: '', name: '', uid: '' }] },
      ns,
      [
        'metadata.ownerReferences.apiVersion: Invalid value: "": version must not be empty',
        'metadata.ownerReferences.kind: Invalid value: "": must not be empty',
        'metadata.ownerReferences.name: Invalid value: "": must not be empty',
        'metadata.ownerReferences.uid: Invalid value: "": must not be empty',
      ],
    ],
    [
      'two controllers',
      {
        name: 'web',
        namespace: 'd',
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'a', uid: '1', controller: true },
          { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'b', uid: '2', controller: true },
        ],
      },
      ns,
      ['Only one reference can have Controller set to true. Found "true" in references for ReplicaSet/a and ReplicaSet/b'],
    ],
  ];
  for (const [name, meta, opts, want] of rows) {
    it(name, () => {
      const got = errorStrings(validateObjectMeta(meta, opts));
      if (name === 'two controllers') {
        assert.equal(got.length, 1);
        assert.ok(got[0].startsWith('metadata.ownerReferences: Invalid value: '));
        assert.ok(got[0].endsWith(want[0]));
      } else {
        assert.deepEqual(got, want);
      }
    });
  }
});

describe('validateObjectMetaUpdate', () => {
  const old: ObjectMeta = { name: 'web', namespace: 'd', uid: 'u1', resourceVersion: '5', generation: 2, creationTimestamp: '2024-01-01T00:00:00Z' };
  const rows: [string, ObjectMeta, ObjectMeta, string[]][] = [
    ['unchanged', { ...old }, old, []],
    ['no resourceVersion', { ...old, resourceVersion: '' }, old, ['metadata.resourceVersion: Invalid value: "": must be specified for an update']],
    ['generation decremented', { ...old, generation: 1 }, old, ['metadata.generation: Invalid value: 1: must not be decremented']],
    ['renamed', { ...old, name: 'other' }, old, ['metadata.name: Invalid value: "other": field is immutable']],
    ['moved', { ...old, namespace: 'e' }, old, ['metadata.namespace: Invalid value: "e": field is immutable']],
    ['new uid', { ...old, uid: 'u2' }, old, ['metadata.uid: Invalid value: "u2": field is immutable']],
    [
      'finalizer added while deleting',
      { ...old, deletionTimestamp: '2024-01-02T00:00:00Z', finalizers: ['a.io/x', 'b.io/y'] },
      { ...old, deletionTimestamp: '2024-01-02T00:00:00Z', finalizers: ['a.io/x'] },
      ['metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"b.io/y"}'],
    ],
    ['labels checked', { ...old, labels: { a: '-' } }, old, ["metadata.labels: Invalid value: \"-\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"]],
  ];
  for (const [name, n, o, want] of rows) it(name, () => assert.deepEqual(errorStrings(validateObjectMetaUpdate(n, o)), want));
});

describe('validateLabelSelector', () => {
  const p = newPath('spec', 'selector');
  const rows: [string, LabelSelector, string[]][] = [
    ['match labels', { matchLabels: { app: 'web' } }, []],
    ['In with values', { matchExpressions: [{ key: 'tier', operator: 'In', values: ['a'] }] }, []],
    ['In without values', { matchExpressions: [{ key: 'tier', operator: 'In' }] }, ["spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"]],
    [
      'Exists with values',
      { matchExpressions: [{ key: 'tier', operator: 'Exists', values: ['a'] }] },
      ["spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"],
    ],
    [
      'unknown operator',
      { matchExpressions: [{ key: 'tier', operator: 'Near' as 'In', values: [] }] },
      ['spec.selector.matchExpressions[0].operator: Invalid value: "Near": not a valid selector operator'],
    ],
    ['bad key', { matchExpressions: [{ key: '-x', operator: 'Exists' }] }, [`spec.selector.matchExpressions[0].key: Invalid value: "-x": name part ${QN_MSG}`]],
    ['bad match label', { matchLabels: { '-x': 'a' } }, [`spec.selector.matchLabels: Invalid value: "-x": name part ${QN_MSG}`]],
  ];
  for (const [name, sel, want] of rows) it(name, () => assert.deepEqual(errorStrings(validateLabelSelector(sel, {}, p)), want));

  const matches: [string, LabelSelector, Record<string, string>, boolean][] = [
    ['labels match', { matchLabels: { app: 'web' } }, { app: 'web', x: 'y' }, true],
    ['labels differ', { matchLabels: { app: 'web' } }, { app: 'db' }, false],
    ['In matches', { matchExpressions: [{ key: 'a', operator: 'In', values: ['1', '2'] }] }, { a: '2' }, true],
    ['NotIn rejects', { matchExpressions: [{ key: 'a', operator: 'NotIn', values: ['1'] }] }, { a: '1' }, false],
    ['DoesNotExist', { matchExpressions: [{ key: 'a', operator: 'DoesNotExist' }] }, {}, true],
    ['empty selector matches all', {}, { a: '1' }, true],
  ];
  for (const [name, sel, labels, want] of matches) it(`matches: ${name}`, () => assert.equal(selectorMatches(sel, labels), want));
});

describe('quantities', () => {
  const cmp: [string, string, string, number][] = [
    ['binary equals decimal', '1Gi', '1024Mi', 0],
    ['milli', '500m', '0.5', 0],
    ['exponent', '1e3', '1k', 0],
    ['negative below zero', '-1', '0', -1],
    ['fraction', '1.5Gi', '1536Mi', 0],
    ['micro', '1u', '1000n', 0],
    ['greater', '2', '1999m', 1],
  ];
  for (const [name, a, b, want] of cmp) it(`compare: ${name}`, () => assert.equal(compareQuantities(parseQuantity(a), parseQuantity(b)), want));

  const bad: [string, string, string][] = [
    ['letters', 'abc', "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
    ['bad suffix', '1Zi', "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
    ['doubled suffix', '1KiKi', "unable to parse quantity's suffix"],
    ['empty', '', "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
  ];
  for (const [name, text, msg] of bad) it(`rejects: ${name}`, () => assert.throws(() => parseQuantity(text), { message: msg }));

  const nonneg: [string, string, string[]][] = [
    ['zero', '0', []],
    ['positive', '100m', []],
    ['negative', '-1', ['spec.x: Invalid value: "-1": must be greater than or equal to 0']],
    ['negative milli', '-100m', ['spec.x: Invalid value: "-100m": must be greater than or equal to 0']],
  ];
  for (const [name, text, want] of nonneg) it(`nonnegative: ${name}`, () => assert.deepEqual(errorStrings(validateNonnegativeQuantity(text, newPath('spec', 'x'))), want));
});

describe('semantic equality', () => {
  const rows: [string, unknown, unknown, boolean][] = [
    ['missing list equals empty', undefined, [], true],
    ['missing map equals empty', { a: undefined }, {}, true],
    ['missing string equals empty', undefined, '', true],
    ['different values', { a: 1 }, { a: 2 }, false],
    ['nested equal', { a: [{ b: 'c' }] }, { a: [{ b: 'c' }] }, true],
  ];
  for (const [name, a, b, want] of rows) it(name, () => assert.equal(semanticEqual(a, b), want));
  it('immutable field', () =>
    assert.deepEqual(errorStrings(validateImmutableField('b', 'a', newPath('spec', 'x'))), ['spec.x: Invalid value: "b": field is immutable']));
});
