import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Schema } from '../../../generators/openapi/schema.js';
import {
  nullable,
  QUANTITY_PATTERN,
  toValidation,
  validationSchemas,
} from '../../../generators/openapi/validation-schemas.js';

const C = '#/components/schemas/';

describe('toValidation', () => {
  const rows: [string, Schema, Schema][] = [
    [
      'drops what does not validate',
      { type: 'string', description: 'd', default: 'x', 'x-kubernetes-list-type': 'atomic' },
      { type: 'string' },
    ],
    ['points refs into the definitions document', { $ref: `${C}a.B` }, { $ref: '#/definitions/a.B' }],
    [
      'unwraps allOf once its siblings are dropped',
      { allOf: [{ $ref: `${C}a.B` }], default: {}, description: 'd' },
      { $ref: '#/definitions/a.B' },
    ],
    [
      'lets optional properties be null and keeps required ones strict',
      {
        type: 'object',
        required: ['r'],
        properties: {
          r: { type: 'string' },
          o: { type: 'string' },
          ref: { $ref: `${C}a.B` },
          any: { 'x-kubernetes-preserve-unknown-fields': true },
        },
      },
      {
        type: 'object',
        required: ['r'],
        properties: {
          r: { type: 'string' },
          o: { type: ['string', 'null'] },
          ref: { if: { type: 'null' }, else: { $ref: '#/definitions/a.B' } },
          any: {},
        },
      },
    ],
    [
      'converts nested items and map values',
      {
        type: 'array',
        items: { type: 'object', additionalProperties: { $ref: `${C}a.B`, description: 'd' } },
      },
      { type: 'array', items: { type: 'object', additionalProperties: { $ref: '#/definitions/a.B' } } },
    ],
    [
      'writes an exclusive minimum as draft 7 does',
      { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 1, exclusiveMaximum: false },
      { type: 'number', exclusiveMinimum: 0, maximum: 1 },
    ],
    [
      'writes an exclusive maximum as draft 7 does',
      { type: 'number', maximum: 1, exclusiveMaximum: true },
      { type: 'number', exclusiveMaximum: 1 },
    ],
    [
      'bounds int32 to its range',
      { type: 'integer', format: 'int32' },
      { type: 'integer', format: 'int32', minimum: -2147483648, maximum: 2147483647 },
    ],
    [
      'keeps tighter int32 bounds',
      { type: 'integer', format: 'int32', minimum: 1, maximum: 10, exclusiveMaximum: true },
      { type: 'integer', format: 'int32', minimum: 1, exclusiveMaximum: 10 },
    ],
    [
      'lets a time in a map or list be null, Go\'s zero time, and nothing else',
      {
        type: 'object',
        properties: {
          times: { type: 'object', additionalProperties: { $ref: `${C}io.k8s.apimachinery.pkg.apis.meta.v1.Time` } },
          names: { type: 'array', items: { type: 'string' } },
        },
        required: ['times', 'names'],
      },
      {
        type: 'object',
        properties: {
          times: {
            type: 'object',
            additionalProperties: {
              if: { type: 'null' },
              else: { $ref: '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.Time' },
            },
          },
          names: { type: 'array', items: { type: 'string' } },
        },
        required: ['times', 'names'],
      },
    ],
    [
      'x-kubernetes-int-or-string accepts an integer or a string',
      {
        $ref: `${C}io.k8s.apimachinery.pkg.util.intstr.IntOrString`,
        'x-kubernetes-int-or-string': true,
        maxLength: 3,
      },
      { type: ['integer', 'string'], maxLength: 3 },
    ],
  ];
  for (const [name, given, want] of rows) it(name, () => assert.deepEqual(toValidation(given), want));
});

describe('nullable', () => {
  const rows: [string, Schema, Schema][] = [
    ['adds null to a type', { type: 'integer' }, { type: ['integer', 'null'] }],
    ['adds null to a type list once', { type: ['integer', 'null'] }, { type: ['integer', 'null'] }],
    [
      'adds null to an enum',
      { type: 'string', enum: ['a'] },
      { type: ['string', 'null'], enum: ['a', null] },
    ],
    ['leaves the empty schema alone', {}, {}],
    [
      'skips a ref for null',
      { $ref: '#/definitions/x' },
      { if: { type: 'null' }, else: { $ref: '#/definitions/x' } },
    ],
  ];
  for (const [name, given, want] of rows) it(name, () => assert.deepEqual(nullable(given), want));
});

describe('validationSchemas', () => {
  const got = validationSchemas({
    'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { type: 'string', format: 'int-or-string' },
    'io.k8s.apimachinery.pkg.api.resource.Quantity': { type: 'string' },
    'io.k8s.apimachinery.pkg.runtime.RawExtension': { type: 'object' },
    'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1': { type: 'object' },
    'io.k8s.apimachinery.pkg.apis.meta.v1.Time': { type: 'string', format: 'date-time' },
  });
  const rows: [string, string, Schema][] = [
    [
      'IntOrString is an integer or a string',
      'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
      { type: ['integer', 'string'] },
    ],
    [
      'Quantity is a string in quantity syntax or a number',
      'io.k8s.apimachinery.pkg.api.resource.Quantity',
      { type: ['string', 'number'], pattern: QUANTITY_PATTERN },
    ],
    ['RawExtension is any JSON', 'io.k8s.apimachinery.pkg.runtime.RawExtension', {}],
    ['FieldsV1 is any JSON', 'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1', {}],
    [
      'Time stays a date-time string',
      'io.k8s.apimachinery.pkg.apis.meta.v1.Time',
      { type: 'string', format: 'date-time' },
    ],
  ];
  for (const [name, key, want] of rows) it(name, () => assert.deepEqual(got[key], want));

  it('matches the quantities ParseQuantity accepts', () => {
    const pattern = new RegExp(QUANTITY_PATTERN);
    for (const good of ['1', '0', '1.5Gi', '500m', '+1e3', '.5', '1E-3', '100Ki'])
      assert.ok(pattern.test(good), good);
    for (const bad of ['', 'lots', '1.5 Gi', '1GiB', '--1']) assert.ok(!pattern.test(bad), bad);
  });
});
