/** compileVersionSchema: one compiled schema validating, pruning and defaulting objects of a CRD version. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileVersionSchema } from '../../../../runtime/apiservers/extensions/schema/compile.js';
import type { Schema } from '../../../../runtime/apiservers/extensions/schema/schema.js';
import { errorStrings } from '../../../../runtime/machinery/validation/field.js';

const schema: Schema = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      'x-kubernetes-validations': [{ rule: 'self.replicas <= 10', message: 'at most ten replicas' }],
      properties: {
        replicas: { type: 'integer', default: 1 },
        ports: {
          type: 'array',
          'x-kubernetes-list-type': 'map',
          'x-kubernetes-list-map-keys': ['name'],
          items: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, port: { type: 'integer', default: 80 } } },
        },
        template: { type: 'object', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true },
      },
    },
  },
};
const compiled = compileVersionSchema(schema);

describe('compileVersionSchema', () => {
  it('normalizes: prunes unknown fields, then defaults', () => {
    const obj = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { bogus: 1, ports: [{ name: 'http', extra: true }] } };
    assert.deepEqual(compiled.normalize(obj), ['spec.bogus', 'spec.ports[0].extra']);
    assert.deepEqual(obj.spec, { ports: [{ name: 'http', port: 80 }], replicas: 1 });
    assert.deepEqual(compiled.validate(obj), []);
  });

  it('reports schema, list-type and rule errors together', () => {
    const obj = { spec: { replicas: 11, ports: [{ name: 'a' }, { name: 'a' }, { port: 1 }] } };
    assert.deepEqual(errorStrings(compiled.validate(obj)), [
      'spec.ports[2].name: Required value',
      'spec.ports[1]: Duplicate value: map[string]interface {}{"name":"a"}',
      'spec: Invalid value: "object": at most ten replicas',
    ]);
  });

  it('validates embedded resources', () => {
    const obj = { spec: { replicas: 1, template: { apiVersion: 'a/b/c', metadata: { name: 'x/y', labels: { 'bad key!': 'v' } } } } };
    assert.deepEqual(errorStrings(compiled.validate(obj)), [
      'spec.template.kind: Required value: must not be empty',
      'spec.template.apiVersion: Invalid value: "a/b/c": unexpected GroupVersion string: a/b/c',
      'spec.template.metadata.name: Invalid value: "x/y": may not contain \'/\'',
      'spec.template.metadata.labels: Invalid value: "bad key!": name part must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyName\',  or \'my.name\',  or \'123-abc\', regex used for validation is \'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\')',
    ]);
  });

  it('runs transition rules only on update', () => {
    const c = compileVersionSchema({
      type: 'object',
      properties: { spec: { type: 'object', properties: { mode: { type: 'string', 'x-kubernetes-validations': [{ rule: 'self == oldSelf', message: 'mode is immutable' }] } } } },
    });
    assert.deepEqual(c.validate({ spec: { mode: 'a' } }), []);
    assert.deepEqual(errorStrings(c.validate({ spec: { mode: 'b' } }, { spec: { mode: 'a' } })), ['spec.mode: Invalid value: "string": mode is immutable']);
  });
});
