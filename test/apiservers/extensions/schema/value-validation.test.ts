/** OpenAPI value validation of custom resources, with kube-openapi's messages as apiextensions-apiserver maps them. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateValue } from '../../../../runtime/apiservers/extensions/schema/value-validation.js';
import type { Schema } from '../../../../runtime/apiservers/extensions/schema/schema.js';
import { errorStrings } from '../../../../runtime/machinery/validation/field.js';

const spec = (properties: Record<string, Schema>, extra: Schema = {}): Schema => ({
  type: 'object',
  properties: { spec: { type: 'object', properties, ...extra } },
});

const cases: [string, { schema: Schema; value: unknown; want: string[] }][] = [
  ['valid object', { schema: spec({ replicas: { type: 'integer' } }), value: { spec: { replicas: 3 } }, want: [] }],
  [
    'string for an integer',
    {
      schema: spec({ replicas: { type: 'integer' } }),
      value: { spec: { replicas: 'x' } },
      want: ['spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"'],
    },
  ],
  [
    'float for an integer',
    {
      schema: spec({ replicas: { type: 'integer' } }),
      value: { spec: { replicas: 1.5 } },
      want: ['spec.replicas: Invalid value: "number": spec.replicas in body must be of type integer: "number"'],
    },
  ],
  ['integer for a number', { schema: spec({ ratio: { type: 'number' } }), value: { spec: { ratio: 2 } }, want: [] }],
  [
    'null where not nullable',
    { schema: spec({ name: { type: 'string' } }), value: { spec: { name: null } }, want: ['spec.name: Invalid value: "null": spec.name in body must be of type string: "null"'] },
  ],
  ['null where nullable', { schema: spec({ name: { type: 'string', nullable: true } }), value: { spec: { name: null } }, want: [] }],
  [
    'maxProperties is the only error of its object',
    { schema: spec({ a: { type: 'integer' } }, { maxProperties: 1 }), value: { spec: { a: 'x', b: 1 } }, want: ['spec: Too many: 2: must have at most 1 items'] },
  ],
  ['required', { schema: spec({ a: { type: 'string' } }, { required: ['a'] }), value: { spec: {} }, want: ['spec.a: Required value'] }],
  [
    'enum',
    {
      schema: spec({ mode: { type: 'string', enum: ['Fast', 'Slow'] } }),
      value: { spec: { mode: 'Medium' } },
      want: ['spec.mode: Unsupported value: "Medium": supported values: "Fast", "Slow"'],
    },
  ],
  [
    'minimum and maximum',
    {
      schema: spec({ a: { type: 'integer', minimum: 1 }, b: { type: 'integer', maximum: 5, exclusiveMaximum: true } }),
      value: { spec: { a: 0, b: 5 } },
      want: ['spec.a: Invalid value: 0: spec.a in body should be greater than or equal to 1', 'spec.b: Invalid value: 5: spec.b in body should be less than 5'],
    },
  ],
  [
    'string length and pattern',
    {
      schema: spec({ a: { type: 'string', maxLength: 3 }, b: { type: 'string', minLength: 2, pattern: '^[a-z]+$' } }),
      value: { spec: { a: 'abcd', b: 'A' } },
      want: [
        'spec.a: Too long: must have at most 3 bytes',
        'spec.b: Invalid value: "A": spec.b in body should be at least 2 chars long',
        "spec.b: Invalid value: \"A\": spec.b in body should match '^[a-z]+$'",
      ],
    },
  ],
  [
    'items and maxItems',
    {
      schema: spec({ l: { type: 'array', maxItems: 2, items: { type: 'integer' } } }),
      value: { spec: { l: [1, 'two', 3] } },
      want: ['spec.l[1]: Invalid value: "string": spec.l[1] in body must be of type integer: "string"', 'spec.l: Too many: 3: must have at most 2 items'],
    },
  ],
  [
    'int-or-string',
    {
      schema: spec({ port: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] } }),
      value: { spec: { port: true } },
      want: ['spec.port: Invalid value: "boolean": spec.port in body must be of type integer,string: "boolean"'],
    },
  ],
  ['int-or-string accepts both', { schema: spec({ port: { 'x-kubernetes-int-or-string': true } }), value: { spec: { port: 'http' } }, want: [] }],
  [
    'map values',
    {
      schema: spec({ m: { type: 'object', additionalProperties: { type: 'integer' } } }),
      value: { spec: { m: { a: 1, b: 'x' } } },
      want: ['spec.m.b: Invalid value: "string": spec.m.b in body must be of type integer: "string"'],
    },
  ],
  [
    'format',
    { schema: spec({ when: { type: 'string', format: 'date-time' } }), value: { spec: { when: 'yesterday' } }, want: ['spec.when: Invalid value: "yesterday": spec.when in body must be of type date-time: "yesterday"'] },
  ],
  [
    'oneOf',
    {
      schema: spec({ a: { type: 'string' }, b: { type: 'string' } }, { oneOf: [{ required: ['a'] }, { required: ['b'] }] }),
      value: { spec: { a: 'x', b: 'y' } },
      want: ['spec: Invalid value: "object": spec in body must validate one and only one schema (oneOf)'],
    },
  ],
];

describe('validateValue', () => {
  for (const [name, { schema, value, want }] of cases) {
    it(name, () => assert.deepEqual(errorStrings(validateValue(schema, value)), want));
  }

  it('matches patterns in linear time (RE2), even a catastrophic one', () => {
    const schema = spec({ s: { type: 'string', pattern: '^(a+)+$' } });
    const started = Date.now();
    assert.deepEqual(errorStrings(validateValue(schema, { spec: { s: `${'a'.repeat(5000)}b` } })).length, 1);
    assert.ok(Date.now() - started < 2000);
  });

  it('stops at the depth limit instead of overflowing the stack', () => {
    const deep: Schema = { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
    let value: Record<string, unknown> = {};
    const root = value;
    for (let i = 0; i < 10_000; i++) {
      value['a'] = {};
      value = value['a'] as Record<string, unknown>;
    }
    assert.deepEqual(validateValue(deep, root), []);
  });
});
