/**
 * x-kubernetes-validations: compilation errors refused at CRD time, rule failures and evaluation
 * errors worded as apiextensions-apiserver's CEL validator, transition rules, and cost bounds.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileVersionSchema } from '../../../../runtime/apiservers/extensions/schema/compile.js';
import type { Schema } from '../../../../runtime/apiservers/extensions/schema/schema.js';
import type { ValidationRule } from '../../../../api-definitions/apiextensions/v1/types.js';
import { errorStrings } from '../../../../runtime/machinery/validation/field.js';

/** A root schema whose `spec` carries `rules`. */
function withRules(rules: ValidationRule[], properties: Record<string, Schema> = {}): Schema {
  return {
    type: 'object',
    properties: {
      spec: {
        type: 'object',
        'x-kubernetes-validations': rules,
        properties: {
          replicas: { type: 'integer' },
          max: { type: 'integer' },
          name: { type: 'string', maxLength: 64 },
          tags: { type: 'array', maxItems: 16, items: { type: 'string', maxLength: 32 } },
          labels: { type: 'object', maxProperties: 16, additionalProperties: { type: 'string', maxLength: 64 } },
          ...properties,
        },
      },
    },
  };
}

function run(rules: ValidationRule[], spec: Record<string, unknown>, oldSpec?: Record<string, unknown>): string[] {
  const compiled = compileVersionSchema(withRules(rules));
  assert.deepEqual(errorStrings(compiled.ruleErrors), []);
  return errorStrings(compiled.validate({ spec }, oldSpec === undefined ? undefined : { spec: oldSpec }));
}

describe('rule evaluation', () => {
  const cases: [string, { rules: ValidationRule[]; spec: Record<string, unknown>; old?: Record<string, unknown>; want: string[] }][] = [
    ['passing rule', { rules: [{ rule: 'self.replicas <= self.max' }], spec: { replicas: 1, max: 2 }, want: [] }],
    ['failing rule, default message', { rules: [{ rule: 'self.replicas <= self.max' }], spec: { replicas: 3, max: 2 }, want: ['spec: Invalid value: "object": failed rule: self.replicas <= self.max'] }],
    ['failing rule, message', { rules: [{ rule: 'self.replicas <= self.max', message: 'replicas must not exceed max' }], spec: { replicas: 3, max: 2 }, want: ['spec: Invalid value: "object": replicas must not exceed max'] }],
    [
      'messageExpression',
      { rules: [{ rule: 'self.replicas <= self.max', messageExpression: "'replicas ' + string(self.replicas) + ' over ' + string(self.max)" }], spec: { replicas: 3, max: 2 }, want: ['spec: Invalid value: "object": replicas 3 over 2'] },
    ],
    ['reason Forbidden', { rules: [{ rule: '!has(self.name)', message: 'name is not allowed', reason: 'FieldValueForbidden' }], spec: { name: 'x' }, want: ['spec: Forbidden: name is not allowed'] }],
    ['reason Required', { rules: [{ rule: 'has(self.name)', message: 'name is required', reason: 'FieldValueRequired' }], spec: {}, want: ['spec: Required value: name is required'] }],
    ['fieldPath', { rules: [{ rule: 'self.replicas >= 0', message: 'must not be negative', fieldPath: '.replicas' }], spec: { replicas: -1 }, want: ['spec.replicas: Invalid value: "object": must not be negative'] }],
    [
      'list macros and string functions',
      {
        rules: [
          { rule: "self.tags.all(t, t.startsWith('x-'))" },
          { rule: "self.tags.exists(t, t.endsWith('-y'))" },
          { rule: "self.tags.exists_one(t, t.contains('z'))" },
          { rule: "self.tags.filter(t, t.matches('^x-[a-z]')).size() == 2" },
          { rule: 'self.tags.map(t, size(t)).sum() == 9' },
          { rule: "self.labels.all(k, self.labels[k].lowerAscii() == self.labels[k])" },
          { rule: 'self.tags.isSorted()' },
        ],
        spec: { tags: ['x-a-y', 'x-bz'], labels: { a: 'low' } },
        want: [],
      },
    ],
    [
      'evaluation error: missing key',
      { rules: [{ rule: 'self.replicas > 0' }], spec: {}, want: ['spec: Invalid value: "object": no such key: replicas evaluating rule: self.replicas > 0'] },
    ],
    [
      'evaluation error: overload',
      { rules: [{ rule: 'self.name > 1' }], spec: { name: 'a' }, want: ["spec: Invalid value: \"object\": 'no such overload': call arguments did not match a supported operator, function or macro signature for rule: self.name > 1"] },
    ],
    [
      'matches runs on RE2',
      { rules: [{ rule: "self.name.matches('^(a+)+$')", message: 'only a' }], spec: { name: `${'a'.repeat(60)}b` }, want: ['spec: Invalid value: "object": only a'] },
    ],
    [
      'quantity library',
      {
        rules: [
          { rule: "quantity(self.name).isLessThan(quantity('2Gi'))", message: 'under 2Gi' },
          { rule: "quantity(self.name) == quantity('1024Mi')" },
          { rule: "quantity(self.name).add(quantity('1Gi')).compareTo(quantity('2Gi')) == 0" },
          { rule: "quantity(self.name).sub(1073741824).sign() == 0 && quantity('1.5').isInteger() == false" },
          { rule: "isQuantity(self.name) && !isQuantity('1.2.3') && quantity('3k').asInteger() == 3000" },
        ],
        spec: { name: '1Gi' },
        want: [],
      },
    ],
    [
      'quantity over the limit',
      { rules: [{ rule: "quantity(self.name).isLessThan(quantity('2Gi'))", message: 'under 2Gi' }], spec: { name: '3Gi' }, want: ['spec: Invalid value: "object": under 2Gi'] },
    ],
    ['transition rule skipped on create', { rules: [{ rule: 'self.replicas >= oldSelf.replicas', message: 'may not scale down' }], spec: { replicas: 1 }, want: [] }],
    [
      'transition rule on update',
      { rules: [{ rule: 'self.replicas >= oldSelf.replicas', message: 'may not scale down' }], spec: { replicas: 1 }, old: { replicas: 2 }, want: ['spec: Invalid value: "object": may not scale down'] },
    ],
    [
      'optionalOldSelf runs on create',
      {
        rules: [{ rule: 'oldSelf.hasValue() || self.replicas == 1', optionalOldSelf: true, message: 'must start with one replica' }],
        spec: { replicas: 3 },
        want: ['spec: Invalid value: "object": must start with one replica'],
      },
    ],
    [
      'optionalOldSelf value on update',
      { rules: [{ rule: 'self.replicas >= oldSelf.value().replicas', optionalOldSelf: true }], spec: { replicas: 3 }, old: { replicas: 4 }, want: ['spec: Invalid value: "object": failed rule: self.replicas >= oldSelf.value().replicas'] },
    ],
  ];
  for (const [name, { rules, spec, old, want }] of cases) it(name, () => assert.deepEqual(run(rules, spec, old), want));

  it('runs rules on list items and map values with their own paths', () => {
    const schema: Schema = {
      type: 'object',
      properties: {
        spec: {
          type: 'object',
          properties: {
            items: { type: 'array', maxItems: 4, items: { type: 'string', maxLength: 8, 'x-kubernetes-validations': [{ rule: "self != 'bad'", message: 'bad item' }] } },
            byName: { type: 'object', additionalProperties: { type: 'integer', 'x-kubernetes-validations': [{ rule: 'self >= 0' }] } },
          },
        },
      },
    };
    const compiled = compileVersionSchema(schema);
    assert.deepEqual(errorStrings(compiled.validate({ spec: { items: ['ok', 'bad'], byName: { a: -1 } } })), [
      'spec.items[1]: Invalid value: "string": bad item',
      'spec.byName[a]: Invalid value: "integer": failed rule: self >= 0',
    ]);
  });

  it('rules at the root see apiVersion, kind and metadata.name', () => {
    const compiled = compileVersionSchema({
      type: 'object',
      'x-kubernetes-validations': [{ rule: "self.metadata.name.startsWith('web-') && self.kind == 'Site'", message: 'sites are named web-*' }],
      properties: { spec: { type: 'object' } },
    });
    assert.deepEqual(errorStrings(compiled.validate({ apiVersion: 'x/v1', kind: 'Site', metadata: { name: 'db' } })), ['<nil>: Invalid value: "object": sites are named web-*']);
    assert.deepEqual(errorStrings(compiled.validate({ apiVersion: 'x/v1', kind: 'Site', metadata: { name: 'web-1' } })), []);
  });

  it('does not run rules on a value of the wrong type', () => {
    assert.deepEqual(run([{ rule: 'self.replicas > 0' }], { replicas: 'x' }), [
      'spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"',
    ]);
  });
});

describe('rule compilation', () => {
  const at = 'openAPIV3Schema.properties[spec].x-kubernetes-validations[0]';
  const goRule = (rule: string) =>
    `apiextensions.ValidationRule{Rule:"${rule}", Message:"", MessageExpression:"", Reason:(*apiextensions.FieldValueErrorReason)(nil), FieldPath:"", OptionalOldSelf:(*bool)(nil)}`;
  const cases: [string, { rule: ValidationRule; want: string[] }][] = [
    [
      'unsupported function',
      { rule: { rule: 'self.name.reverse() == self.name' }, want: [`${at}.rule: Invalid value: ${goRule('self.name.reverse() == self.name')}: compilation failed: ERROR: <input>:1:18: undeclared reference to 'reverse' (in container '')\n | self.name.reverse() == self.name\n | .................^`] },
    ],
    [
      'undeclared variable',
      { rule: { rule: 'other > 1' }, want: [`${at}.rule: Invalid value: ${goRule('other > 1')}: compilation failed: ERROR: <input>:1:1: undeclared reference to 'other' (in container '')\n | other > 1\n | ^`] },
    ],
    [
      'undefined field',
      { rule: { rule: 'self.size > 1' }, want: [`${at}.rule: Invalid value: ${goRule('self.size > 1')}: compilation failed: ERROR: <input>:1:5: undefined field 'size'\n | self.size > 1\n | ....^`] },
    ],
    ['syntax error', { rule: { rule: 'self.replicas >' }, want: [`${at}.rule: Invalid value: ${goRule('self.replicas >')}: compilation failed: ERROR: <input>:1:15: found > but expecting end of input`] }],
    ['rule that is not a bool', { rule: { rule: 'self.replicas + 1' }, want: [`${at}.rule: Invalid value: ${goRule('self.replicas + 1')}: cel expression must evaluate to a bool`] }],
    ['map macro is not a bool', { rule: { rule: 'self.tags.map(t, t)' }, want: [`${at}.rule: Invalid value: ${goRule('self.tags.map(t, t)')}: cel expression must evaluate to a bool`] }],
    ['empty rule', { rule: { rule: ' ' }, want: [`${at}.rule: Required value: rule is not specified`] }],
    ['unsupported reason', { rule: { rule: 'true', reason: 'Bogus' }, want: [`${at}.reason: Unsupported value: "Bogus": supported values: "FieldValueInvalid", "FieldValueForbidden", "FieldValueRequired", "FieldValueDuplicate"`] }],
    ['message with a line break', { rule: { rule: 'true', message: 'a\nb' }, want: [`${at}.message: Invalid value: "a\\nb": message must not contain line breaks`] }],
    ['invalid fieldPath', { rule: { rule: 'true', fieldPath: '.nope' }, want: [`${at}.fieldPath: Invalid value: ".nope": fieldPath must be a valid path: does not refer to a valid field`] }],
    ['optionalOldSelf without oldSelf', { rule: { rule: 'true', optionalOldSelf: true }, want: [`${at}.optionalOldSelf: Invalid value: true: may not be set if oldSelf is not used in rule`] }],
  ];
  for (const [name, { rule, want }] of cases) {
    it(name, () => assert.deepEqual(errorStrings(compileVersionSchema(withRules([rule])).ruleErrors), want));
  }
});

describe('cost', () => {
  it('refuses a rule whose estimated cost is over the limit', () => {
    const schema: Schema = {
      type: 'object',
      properties: { spec: { type: 'object', 'x-kubernetes-validations': [{ rule: 'self.l.all(a, self.l.all(b, a != b))' }], properties: { l: { type: 'array', items: { type: 'integer' } } } } },
    };
    const errs = errorStrings(compileVersionSchema(schema).ruleErrors).filter((e) => !e.includes('total CRD cost'));
    assert.equal(errs.length, 1);
    assert.match(
      errs[0],
      /^openAPIV3Schema\.properties\[spec\]\.x-kubernetes-validations\[0\]\.rule: Forbidden: estimated rule cost exceeds budget by factor of [0-9.]+x \(try simplifying the rule, or adding maxItems, maxProperties, and maxLength where arrays, maps, and strings are declared\)$/,
    );
  });

  it('stops a rule that runs past the per-call limit', () => {
    const schema: Schema = {
      type: 'object',
      properties: {
        spec: {
          type: 'object',
          'x-kubernetes-validations': [{ rule: 'self.l.all(a, self.l.all(b, true))' }, { rule: 'false', message: 'never reached' }],
          properties: { l: { type: 'array', maxItems: 1100, items: { type: 'integer' } } },
        },
      },
    };
    const compiled = compileVersionSchema(schema);
    assert.deepEqual(errorStrings(compiled.ruleErrors), []);
    const started = Date.now();
    const errs = errorStrings(compiled.validate({ spec: { l: Array.from({ length: 1100 }, (_, i) => i) } }));
    assert.deepEqual(errs, [
      "spec: Invalid value: \"object\": 'operation cancelled: actual cost limit exceeded': no further validation rules will be run due to call cost exceeds limit for rule: self.l.all(a, self.l.all(b, true))",
    ]);
    assert.ok(Date.now() - started < 20_000);
  });
});

describe('total cost', () => {
  it('refuses cheap rules that run on every item of unbounded nested lists', () => {
    const schema: Schema = {
      type: 'object',
      properties: {
        spec: {
          type: 'object',
          properties: {
            rows: {
              type: 'array',
              items: { type: 'array', items: { type: 'string', maxLength: 10, 'x-kubernetes-validations': [{ rule: "self != 'x'" }] } },
            },
          },
        },
      },
    };
    assert.deepEqual(
      errorStrings(compileVersionSchema(schema).ruleErrors).map((e) => e.replace(/factor of [0-9.]+x/, 'factor of Nx')),
      ['openAPIV3Schema: Forbidden: total CRD cost exceeds budget by factor of Nx (try adding maxItems, maxProperties, and maxLength where arrays, maps, and strings are declared)'],
    );
  });

  it('accepts the same rules once the lists are bounded', () => {
    const schema: Schema = {
      type: 'object',
      properties: {
        rows: {
          type: 'array',
          maxItems: 100,
          items: { type: 'array', maxItems: 100, items: { type: 'string', maxLength: 10, 'x-kubernetes-validations': [{ rule: "self != 'x'" }] } },
        },
      },
    };
    assert.deepEqual(errorStrings(compileVersionSchema(schema).ruleErrors), []);
  });
});
