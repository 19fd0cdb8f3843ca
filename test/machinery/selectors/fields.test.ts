/** Field selectors: parsing with escapes, matching against a kind's fields, label conversion. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  FieldSelector,
  FieldSelectorError,
  defaultFieldLabelConversion,
  escapeFieldValue,
  fieldLabelConversion,
  fieldSelectorFromSet,
  parseFieldSelector,
  unescapeFieldValue,
} from '../../../runtime/machinery/selectors/fields.js';
import type { FieldRequirement, Fields } from '../../../runtime/machinery/selectors/fields.js';

describe('parseFieldSelector', () => {
  const rows: [string, string, FieldRequirement[], string][] = [
    [
      "kubectl's informer selector",
      'metadata.name=web',
      [{ field: 'metadata.name', operator: '=', value: 'web' }],
      'metadata.name=web',
    ],
    ['double equals is equality', 'a==b', [{ field: 'a', operator: '=', value: 'b' }], 'a=b'],
    [
      'inequality',
      'metadata.namespace!=kube-system',
      [{ field: 'metadata.namespace', operator: '!=', value: 'kube-system' }],
      'metadata.namespace!=kube-system',
    ],
    [
      'terms sorted as written',
      'b=1,a!=2',
      [
        { field: 'a', operator: '!=', value: '2' },
        { field: 'b', operator: '=', value: '1' },
      ],
      'a!=2,b=1',
    ],
    ['an empty value', 'spec.nodeName=', [{ field: 'spec.nodeName', operator: '=', value: '' }], 'spec.nodeName='],
    ['empty terms skipped', 'a=1,,', [{ field: 'a', operator: '=', value: '1' }], 'a=1'],
    ['the empty selector', '', [], ''],
    [
      'escaped comma and equals in a value',
      'a=x\\,y\\=z',
      [{ field: 'a', operator: '=', value: 'x,y=z' }],
      'a=x\\,y\\=z',
    ],
    ['an escaped backslash', 'a=x\\\\y', [{ field: 'a', operator: '=', value: 'x\\y' }], 'a=x\\\\y'],
    ['the first operator splits the term', 'a=!b', [{ field: 'a', operator: '=', value: '!b' }], 'a=!b'],
    ['an empty field', '!=b', [{ field: '', operator: '!=', value: 'b' }], '!=b'],
  ];
  for (const [name, input, requirements, printed] of rows) {
    it(name, () => {
      const selector = parseFieldSelector(input);
      assert.deepEqual(selector.requirements, requirements);
      assert.equal(selector.toString(), printed);
    });
  }

  const errors: [string, string, string][] = [
    ['a term without operator', 'metadata.name', "invalid selector: 'metadata.name'; can't understand 'metadata.name'"],
    ['an unescaped comma splitting a value', 'a=x,y', "invalid selector: 'a=x,y'; can't understand 'y'"],
    ['an unescaped equals in a value', 'a=x=y', 'invalid field selector: unescaped character in value: 61'],
    ['an unknown escape', 'a=x\\y', 'invalid field selector: invalid escape sequence: \\y'],
    ['a trailing backslash', 'a=x\\', 'invalid field selector: invalid escape sequence: \\'],
  ];
  for (const [name, input, message] of errors) {
    it(`rejects ${name}`, () =>
      assert.throws(
        () => parseFieldSelector(input),
        (e: unknown) => e instanceof FieldSelectorError && e.message === message,
      ));
  }
});

describe('FieldSelector.matches', () => {
  const pod: Fields = { 'metadata.name': 'web', 'metadata.namespace': 'default', 'spec.nodeName': 'n1' };
  const rows: [string, string, boolean][] = [
    ['equality', 'metadata.name=web', true],
    ['equality, other value', 'metadata.name=db', false],
    ['inequality', 'metadata.namespace!=kube-system', true],
    ['every term must hold', 'metadata.name=web,spec.nodeName=n2', false],
    ['an absent field is empty', 'status.phase=', true],
    ['an absent field differs from a value', 'status.phase!=Running', true],
    ['everything', '', true],
  ];
  for (const [name, selector, want] of rows)
    it(name, () => assert.equal(parseFieldSelector(selector).matches(pod), want));
});

describe('FieldSelector helpers', () => {
  it('requiresExactMatch finds an equality, not an inequality', () => {
    const selector = parseFieldSelector('metadata.name=web,metadata.namespace!=x');
    assert.equal(selector.requiresExactMatch('metadata.name'), 'web');
    assert.equal(selector.requiresExactMatch('metadata.namespace'), undefined);
  });

  it('builds a selector from a set', () => {
    const selector = fieldSelectorFromSet({ 'metadata.name': 'a,b' });
    assert.equal(selector.toString(), 'metadata.name=a\\,b');
    assert.equal(selector.matches({ 'metadata.name': 'a,b' }), true);
    assert.equal(FieldSelector.everything().empty(), true);
  });

  it('escapes and unescapes values symmetrically', () => {
    for (const value of ['plain', 'a,b', 'a=b', 'a\\b', '\\,='])
      assert.equal(unescapeFieldValue(escapeFieldValue(value)), value);
  });
});

describe('field label conversion', () => {
  it('the default allows metadata.name and metadata.namespace', () => {
    assert.equal(
      parseFieldSelector('metadata.name=a,metadata.namespace=b').transform(defaultFieldLabelConversion).toString(),
      'metadata.name=a,metadata.namespace=b',
    );
    assert.throws(
      () => parseFieldSelector('spec.x=1').transform(defaultFieldLabelConversion),
      (e: unknown) =>
        e instanceof FieldSelectorError &&
        e.message === '"spec.x" is not a known field selector: only "metadata.name", "metadata.namespace"',
    );
  });

  const podFields = fieldLabelConversion(['metadata.name', 'metadata.namespace', 'spec.nodeName', 'status.phase'], {
    'spec.host': 'spec.nodeName',
  });

  it("a kind's conversion renames legacy fields", () => {
    assert.equal(parseFieldSelector('spec.host=n1').transform(podFields).toString(), 'spec.nodeName=n1');
  });

  it("a kind's conversion refuses other fields with upstream's message", () => {
    assert.throws(
      () => parseFieldSelector('spec.foo=1').transform(podFields),
      (e: unknown) => e instanceof FieldSelectorError && e.message === 'field label not supported: spec.foo',
    );
  });

  it('drops a requirement whose field and value both convert to empty', () => {
    const selector = parseFieldSelector('a=1,b=2').transform((field, value) =>
      field === 'a' ? ['', ''] : [field, value],
    );
    assert.equal(selector.toString(), 'b=2');
  });
});
