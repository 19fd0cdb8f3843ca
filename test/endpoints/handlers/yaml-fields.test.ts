/** Repeated keys of YAML bodies, found on the syntax tree. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import { duplicateYAMLFields } from '../../../runtime/endpoints/handlers/yaml-fields.js';

describe('duplicateYAMLFields', () => {
  const cases: [string, { yaml: string; want: string[] }][] = [
    ['none', { yaml: 'a: 1\nb: {c: 2}\n', want: [] }],
    ['top level', { yaml: 'data: {}\ndata: {}\n', want: ['data'] }],
    ['nested, flow style', { yaml: 'metadata: {labels: {a: b, a: c}}\n', want: ['metadata.labels.a'] }],
    ['inside list items', { yaml: 'spec:\n  containers:\n  - name: a\n    name: b\n', want: ['spec.containers[0].name'] }],
    ['the same key in sibling maps is no duplicate', { yaml: 'a: {x: 1}\nb: {x: 2}\n', want: [] }],
  ];
  for (const [name, { yaml, want }] of cases) {
    it(name, () => assert.deepEqual(duplicateYAMLFields(parseDocument(yaml, { uniqueKeys: false })), want));
  }
});
