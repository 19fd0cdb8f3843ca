/**
 * Behaviour of the generated validators: the golden `validators.generated.js` of the sample
 * model (kept current by index.test.ts) run against good and bad objects.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateStatus } from './testdata/sample/generated/meta/v1/validators.generated.js';
import {
  validateWidget,
  validateWidgetList,
  type KindValidator,
} from './testdata/sample/generated/widgets/v1/validators.generated.js';

function widget(spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'w' }): unknown {
  return { apiVersion: 'widgets.example.com/v1', kind: 'Widget', metadata, spec: { name: 'w', ...spec } };
}

const accepted: [string, KindValidator, unknown][] = [
  ['a minimal widget', validateWidget, widget({})],
  ['a widget without spec', validateWidget, { apiVersion: 'widgets.example.com/v1', kind: 'Widget' }],
  ["kubectl's null creationTimestamp", validateWidget, widget({}, { name: 'w', creationTimestamp: null })],
  [
    'a timestamp with fraction and offset',
    validateWidget,
    widget({ startTime: '2008-01-01T01:01:01.25+02:00' }),
  ],
  [
    'null for every kind of optional field',
    validateWidget,
    widget({
      replicas: null,
      selector: null,
      tags: null,
      annotations: null,
      phase: null,
      port: null,
      memory: null,
    }),
  ],
  ['IntOrString as an integer', validateWidget, widget({ port: 8080 })],
  ['IntOrString as a string', validateWidget, widget({ port: 'http' })],
  ['x-kubernetes-int-or-string as an integer', validateWidget, widget({ target: 3 })],
  ['Quantity as a string', validateWidget, widget({ memory: '1.5Gi', limits: { cpu: '500m' } })],
  ['Quantity as a number', validateWidget, widget({ memory: 1, limits: { cpu: 0.5 } })],
  ['RawExtension holding an object', validateWidget, widget({ template: { apiVersion: 'v1', kind: 'Pod' } })],
  ['JSON holding any value', validateWidget, widget({ config: [1, 'two', { three: null }] })],
  ['FieldsV1 holding a trie', validateWidget, widget({ managed: { 'f:spec': {} } })],
  [
    'any string for an enum type, as the Go decoder takes it',
    validateWidget,
    widget({ phase: 'Sleeping', phases: ['Gone'] }),
  ],
  ['unknown fields', validateWidget, widget({ somethingNew: true }, { name: 'w', future: 1 })],
  [
    'every field set',
    validateWidget,
    widget({
      enabled: true,
      replicas: 3,
      generation: 9007199254740991,
      ratio: 0.5,
      payload: 'aGVsbG8=',
      heartbeat: '2008-01-01T01:01:01.123456Z',
      timeout: '1m30s',
      phase: 'Running',
      phases: ['Pending', 'Failed'],
      tags: ['a', 'b'],
      ports: [{ name: 'http', protocol: 'TCP', port: 80 }],
      selector: {
        matchLabels: { app: 'w' },
        matchExpressions: [{ key: 'k', operator: 'In', values: ['v'] }],
      },
      primaryPort: { name: 'http', port: 80 },
      annotations: { a: 'b' },
      matrix: [[1, 2], [3]],
      portsByZone: { east: [{ name: 'p', port: 1 }] },
      email: 'w@example.com',
      mode: 'Fast',
      slot: 9,
    }),
  ],
  [
    'a list',
    validateWidgetList,
    { items: [widget({}), widget({ replicas: 1 })], metadata: { resourceVersion: '1' } },
  ],
  ['a Status of meta/v1', validateStatus, { kind: 'Status', status: 'Failure', code: 404, metadata: {} }],
];

/** Each rejection names the error the validator must report: where, which keyword. */
const rejected: [string, KindValidator, unknown, { instancePath: string; keyword: string }][] = [
  ['not an object', validateWidget, [], { instancePath: '', keyword: 'type' }],
  [
    'a field of the wrong type',
    validateWidget,
    widget({ replicas: 'three' }),
    { instancePath: '/spec/replicas', keyword: 'type' },
  ],
  ['a missing required field', validateWidget, { spec: {} }, { instancePath: '/spec', keyword: 'required' }],
  [
    'a required field set to null',
    validateWidget,
    widget({ name: null }),
    { instancePath: '/spec/name', keyword: 'type' },
  ],
  [
    'a string for an enum type that is not a string',
    validateWidget,
    widget({ phase: 1 }),
    { instancePath: '/spec/phase', keyword: 'type' },
  ],
  [
    'a value outside the Enum marker',
    validateWidget,
    widget({ mode: 'Medium' }),
    { instancePath: '/spec/mode', keyword: 'enum' },
  ],
  [
    'a nested field below its minimum',
    validateWidget,
    widget({ ports: [{ name: 'p', port: 0 }] }),
    { instancePath: '/spec/ports/0/port', keyword: 'minimum' },
  ],
  [
    'a missing required field in a list item',
    validateWidget,
    widget({ ports: [{ port: 1 }] }),
    { instancePath: '/spec/ports/0', keyword: 'required' },
  ],
  [
    'an int32 overflow',
    validateWidget,
    widget({ replicas: 2147483648 }),
    { instancePath: '/spec/replicas', keyword: 'maximum' },
  ],
  [
    'a fraction for an integer',
    validateWidget,
    widget({ generation: 1.5 }),
    { instancePath: '/spec/generation', keyword: 'type' },
  ],
  [
    'the exclusive minimum',
    validateWidget,
    widget({ ratio: 0 }),
    { instancePath: '/spec/ratio', keyword: 'exclusiveMinimum' },
  ],
  [
    'the exclusive maximum',
    validateWidget,
    widget({ slot: 10 }),
    { instancePath: '/spec/slot', keyword: 'exclusiveMaximum' },
  ],
  [
    'not a multiple',
    validateWidget,
    widget({ ratio: 0.3 }),
    { instancePath: '/spec/ratio', keyword: 'multipleOf' },
  ],
  [
    'a pattern mismatch',
    validateWidget,
    widget({ name: 'Not_A_Name' }),
    { instancePath: '/spec/name', keyword: 'pattern' },
  ],
  [
    'a string too long',
    validateWidget,
    widget({ name: 'a'.repeat(64) }),
    { instancePath: '/spec/name', keyword: 'maxLength' },
  ],
  [
    'an empty string below minLength',
    validateWidget,
    widget({ name: '' }),
    { instancePath: '/spec/name', keyword: 'minLength' },
  ],
  [
    'too many items',
    validateWidget,
    widget({ tags: Array.from({ length: 17 }, (_, i) => `t${i}`) }),
    { instancePath: '/spec/tags', keyword: 'maxItems' },
  ],
  [
    'duplicate set items',
    validateWidget,
    widget({ tags: ['a', 'a'] }),
    { instancePath: '/spec/tags', keyword: 'uniqueItems' },
  ],
  [
    'too few map entries',
    validateWidget,
    widget({ annotations: {} }),
    { instancePath: '/spec/annotations', keyword: 'minProperties' },
  ],
  [
    'a timestamp that is not RFC 3339',
    validateWidget,
    widget({ startTime: 'yesterday' }),
    { instancePath: '/spec/startTime', keyword: 'format' },
  ],
  [
    'bytes outside the base64 alphabet',
    validateWidget,
    widget({ payload: 'not base64!' }),
    { instancePath: '/spec/payload', keyword: 'format' },
  ],
  [
    'a malformed Quantity',
    validateWidget,
    widget({ memory: 'lots' }),
    { instancePath: '/spec/memory', keyword: 'pattern' },
  ],
  [
    'a Quantity that is a boolean',
    validateWidget,
    widget({ memory: true }),
    { instancePath: '/spec/memory', keyword: 'type' },
  ],
  [
    'an IntOrString that is a fraction',
    validateWidget,
    widget({ port: 1.5 }),
    { instancePath: '/spec/port', keyword: 'type' },
  ],
  [
    'a map value of the wrong type',
    validateWidget,
    widget({}, { labels: { app: 1 } }),
    { instancePath: '/metadata/labels/app', keyword: 'type' },
  ],
  [
    'a nested array element of the wrong type',
    validateWidget,
    widget({ matrix: [[1, 'x']] }),
    { instancePath: '/spec/matrix/0/1', keyword: 'type' },
  ],
  [
    'an owner reference without uid, in meta/v1',
    validateWidget,
    widget({}, { ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: 'p' }] }),
    { instancePath: '/metadata/ownerReferences/0', keyword: 'required' },
  ],
  [
    'a list item that is invalid',
    validateWidgetList,
    { items: [widget({ replicas: -1 })] },
    { instancePath: '/items/0/spec/replicas', keyword: 'minimum' },
  ],
  ['a list without items', validateWidgetList, { metadata: {} }, { instancePath: '', keyword: 'required' }],
];

describe('generated validators', () => {
  for (const [name, validate, data] of accepted) {
    it(`accepts ${name}`, () => {
      assert.equal(validate(data), true, JSON.stringify(validate.errors, null, 2));
    });
  }

  for (const [name, validate, data, want] of rejected) {
    it(`rejects ${name}`, () => {
      assert.equal(validate(data), false);
      const errors = (validate.errors ?? []).map((error) => ({
        instancePath: error.instancePath,
        keyword: error.keyword,
      }));
      assert.ok(
        errors.some((error) => error.instancePath === want.instancePath && error.keyword === want.keyword),
        `want ${JSON.stringify(want)} among ${JSON.stringify(errors)}`,
      );
    });
  }

  it('reports every failure, not only the first', () => {
    assert.equal(validateWidget(widget({ replicas: 'x', mode: 'Medium' })), false);
    const paths = (validateWidget.errors ?? []).map((error) => error.instancePath);
    assert.ok(paths.includes('/spec/replicas') && paths.includes('/spec/mode'), JSON.stringify(paths));
  });

  it('names the missing property', () => {
    assert.equal(validateWidget({ spec: {} }), false);
    assert.deepEqual(validateWidget.errors?.[0]?.params, { missingProperty: 'name' });
  });

  it('clears errors after a success', () => {
    validateWidget(widget({ replicas: 'x' }));
    assert.equal(validateWidget(widget({})), true);
    assert.equal(validateWidget.errors, null);
  });
});
