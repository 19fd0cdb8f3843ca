/** Label selector strings: parsing, printing, matching, and upstream's error messages. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  LabelSelector,
  SelectorError,
  lex,
  newRequirement,
  parseLabelSelector,
  selectorFromSet,
  validatedSelectorFromSet,
} from '../../../runtime/machinery/selectors/labels.js';
import type { Labels } from '../../../runtime/machinery/selectors/labels.js';

const VALUE_RULE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an " +
  "alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is " +
  "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const NAME_RULE =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character " +
  "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe('parseLabelSelector: accepted, and printed back', () => {
  const rows: [string, string, string][] = [
    ['equality terms, sorted by key', 'z=c,x=a,y=b', 'x=a,y=b,z=c'],
    ['the empty selector', '', ''],
    ['only whitespace', '  \t ', ''],
    ['inequality', 'x!=a,y=b', 'x!=a,y=b'],
    ['an empty value', 'x=', 'x='],
    ['an empty value before a comma', 'x=,z= ', 'x=,z='],
    ['double equals', 'x==a', 'x==a'],
    ['whitespace around tokens', '  x  =  y  ', 'x=y'],
    ['exists', 'x', 'x'],
    ['does not exist', '!x', '!x'],
    ['greater and less than', 'x>1,z<5', 'x>1,z<5'],
    ['a set, values sorted and deduplicated', 'x in (b,a,a)', 'x in (a,b)'],
    ['notin with whitespace in the set', 'x notin ( a , b )', 'x notin (a,b)'],
    ['an empty set is the empty value', 'x notin ()', 'x notin ()'],
    ['an empty entry first in a set', 'x in (,a)', 'x in (,a)'],
    ['an empty entry between values', 'x in (a,,b)', 'x in (,a,b)'],
    ['in and notin as key and values', 'in in (in,notin)', 'in in (in,notin)'],
    ['notin as a key with equality', 'notin=in', 'notin=in'],
    ['a prefixed key', 'example.com/app=web', 'example.com/app=web'],
    ['requirements on one key keep their order', 'a=1,a!=2', 'a=1,a!=2'],
    ['everything at once', 'a=b,c!=d,e in (x,y),f notin (z),g,!h', 'a=b,c!=d,e in (x,y),f notin (z),g,!h'],
  ];
  for (const [name, input, printed] of rows)
    it(name, () => assert.equal(parseLabelSelector(input).toString(), printed));
});

describe('parseLabelSelector: rejected with upstream messages', () => {
  const rows: [string, string, string][] = [
    ['an invalid value', 'x=a||y=b', `unable to parse requirement: values[0][x]: Invalid value: "a||y": ${VALUE_RULE}`],
    ['a second operator', 'x==a==b', "found '==', expected: ',' or 'end of string'"],
    ['a value after a does-not-exist', '!x=a', "found '=', expected: ',' or 'end of string'"],
    [
      'a non-integer bound',
      'x<a',
      "unable to parse requirement: values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer",
    ],
    [
      'a negative bound, which is no label value',
      'x>-1',
      `unable to parse requirement: values[0][x]: Invalid value: "-1": ${VALUE_RULE}`,
    ],
    [
      'a bound that breaks both rules',
      'x>-a',
      "unable to parse requirement: [values[0]: Invalid value: \"-a\": for 'Gt', 'Lt' operators, the value must be an integer, " +
        `values[0][x]: Invalid value: "-a": ${VALUE_RULE}]`,
    ],
    ['a set without commas', 'x in (a b)', "unable to parse requirement: found 'b', expected: ',' or ')'"],
    ['a set without parentheses', 'x in a', "unable to parse requirement: found 'a' expected: '('"],
    ['two commas closing a set', 'x in (,a,,)', "unable to parse requirement: found ')', expected: ',', or identifier"],
    ['an operator in a set', 'x in (=)', "unable to parse requirement: found '=', expected: ',', ')' or identifier"],
    [
      'an operator after a set comma',
      'x in (a,=)',
      "unable to parse requirement: found '=', expected: ',', or identifier",
    ],
    ['a leading comma', ',x', "found ',', expected: !, identifier, or 'end of string'"],
    ['a trailing comma', 'x,', "found '', expected: identifier after ','"],
    ['a missing operator', 'x y', "unable to parse requirement: found 'y', expected: in, notin, =, ==, !=, gt, lt"],
    [
      'a unary operator after a key',
      'x!',
      "unable to parse requirement: found '!', expected: in, notin, =, ==, !=, gt, lt",
    ],
    ['a parenthesis for a value', 'x=(a)', "unable to parse requirement: found '(', expected: identifier"],
    ['a does-not-exist without a key', '!=x', "found '!=', expected: !, identifier, or 'end of string'"],
    [
      'a key that is not a qualified name',
      'a@b=c',
      `unable to parse requirement: <nil>: Invalid value: "a@b": ${NAME_RULE}`,
    ],
    [
      'a key with an upper-case prefix',
      'Example.com/a',
      'unable to parse requirement: <nil>: Invalid value: "Example.com/a": prefix part a lowercase RFC 1123 subdomain must consist of ' +
        "lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', " +
        "regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ],
    [
      'a key with two slashes',
      'a/b/c',
      `unable to parse requirement: <nil>: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' ` +
        "or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used " +
        "for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. " +
        "'example.com/MyName')",
    ],
    [
      'a key with an empty prefix',
      '/a',
      'unable to parse requirement: <nil>: Invalid value: "/a": prefix part must be non-empty',
    ],
    [
      'a key too long',
      `${'k'.repeat(64)}`,
      `unable to parse requirement: <nil>: Invalid value: "${'k'.repeat(64)}": name part must be no more than 63 characters`,
    ],
    [
      'a value too long',
      `x=${'v'.repeat(64)}`,
      `unable to parse requirement: values[0][x]: Invalid value: "${'v'.repeat(64)}": must be no more than 63 characters`,
    ],
  ];
  for (const [name, input, message] of rows) {
    it(name, () =>
      assert.throws(
        () => parseLabelSelector(input),
        (e: unknown) => e instanceof SelectorError && e.message === message,
      ),
    );
  }
});

describe('LabelSelector.matches', () => {
  const rows: [string, string, Labels, boolean][] = [
    ['equality', 'x=y', { x: 'y' }, true],
    ['equality, other value', 'x=y', { x: 'z' }, false],
    ['equality, absent key', 'x=z', {}, false],
    ['every requirement must hold', 'x=y,z=w', { x: 'y', z: 'w' }, true],
    ['one failing requirement', 'x=y,z=w', { x: 'w', z: 'w' }, false],
    ['inequality', 'x!=y,z!=w', { x: 'z', z: 'a' }, true],
    ['inequality holds for an absent key', 'x!=y', {}, true],
    ['in', 'x in (a,b)', { x: 'b' }, true],
    ['in, absent key', 'x in (a)', {}, false],
    ['notin holds for an absent key', 'x notin (a)', {}, true],
    ['notin', 'x notin (a)', { x: 'a' }, false],
    ['exists', 'x', { x: '' }, true],
    ['exists, absent key', 'x', { y: 'z' }, false],
    ['does not exist', '!x', { y: 'z' }, true],
    ['does not exist, present key', '!x', { x: 'z' }, false],
    ['greater than', 'x>1', { x: '2' }, true],
    ['greater than, smaller value', 'x>1', { x: '0' }, false],
    ['less than', 'x<1', { x: '0' }, true],
    ['greater than, non-integer label', 'x>1', { x: 'v2' }, false],
    ['greater than, absent key', 'x>1', {}, false],
    ['an empty value matches an empty label', 'x=', { x: '' }, true],
    ['an empty value needs the key', 'x=', {}, false],
    ['in and notin as plain key and value', 'notin=in', { notin: 'in' }, true],
    ['the empty selector matches anything', '', { any: 'thing' }, true],
  ];
  for (const [name, selector, labels, want] of rows) {
    it(name, () => assert.equal(parseLabelSelector(selector).matches(labels), want));
  }

  it('treats missing labels as an empty set', () => {
    assert.equal(parseLabelSelector('!x').matches(undefined), true);
  });

  it('everything is empty and matches; nothing is not empty and matches nothing', () => {
    assert.equal(LabelSelector.everything().empty(), true);
    assert.equal(LabelSelector.everything().matches({ a: 'b' }), true);
    assert.equal(LabelSelector.nothing().empty(), false);
    assert.equal(LabelSelector.nothing().matches({}), false);
    assert.equal(
      LabelSelector.nothing()
        .add(newRequirement('a', 'exists', []))
        .matches({ a: '' }),
      false,
    );
  });
});

describe('LabelSelector.requiresExactMatch', () => {
  const rows: [string, string, string, string | undefined][] = [
    ['equality', 'a=b', 'a', 'b'],
    ['double equality', 'a==b', 'a', 'b'],
    ['a one-value set', 'a in (b)', 'a', 'b'],
    ['a two-value set', 'a in (b,c)', 'a', undefined],
    ['inequality', 'a!=b', 'a', undefined],
    ['another key', 'a=b', 'c', undefined],
  ];
  for (const [name, selector, label, want] of rows) {
    it(name, () => assert.equal(parseLabelSelector(selector).requiresExactMatch(label), want));
  }
});

describe('newRequirement', () => {
  const rows: [string, () => unknown, string][] = [
    [
      'in without values',
      () => newRequirement('x', 'in', []),
      `values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty`,
    ],
    [
      'equality with two values',
      () => newRequirement('x', '=', ['bar', 'foo']),
      'values: Invalid value: []string{"bar", "foo"}: exact-match compatibility requires one single value',
    ],
    [
      'gt without values',
      () => newRequirement('x', 'gt', []),
      `values: Invalid value: []string{}: for 'Gt', 'Lt' operators, exactly one value is required`,
    ],
    [
      'exists with a value',
      () => newRequirement('x', 'exists', ['a']),
      'values: Invalid value: []string{"a"}: values set must be empty for exists and does not exist',
    ],
    [
      'an unsupported operator',
      () => newRequirement('x', 'like' as never, []),
      'operator: Unsupported value: "like": supported values: "in", "notin", "=", "==", "!=", "gt", "lt", "exists", "!"',
    ],
    ['an invalid key', () => newRequirement('a b', 'exists', []), `key: Invalid value: "a b": ${NAME_RULE}`],
  ];
  for (const [name, make, message] of rows) {
    it(`rejects ${name}`, () =>
      assert.throws(make, (e: unknown) => e instanceof SelectorError && e.message === message));
  }
});

describe('selectors from label sets', () => {
  it('selectorFromSet requires every pair, in key order', () => {
    const selector = selectorFromSet({ b: '2', a: '1' });
    assert.equal(selector.toString(), 'a=1,b=2');
    assert.equal(selector.matches({ a: '1', b: '2', c: '3' }), true);
    assert.equal(selector.matches({ a: '1' }), false);
    assert.equal(selectorFromSet(undefined).empty(), true);
  });

  it('validatedSelectorFromSet rejects an invalid value', () => {
    assert.throws(
      () => validatedSelectorFromSet({ a: 'b c' }),
      (e: unknown) => e instanceof SelectorError && e.message === `values[0][a]: Invalid value: "b c": ${VALUE_RULE}`,
    );
  });
});

describe('lex', () => {
  const rows: [string, string[]][] = [
    ['key in ( value )', ['Identifier', 'In', 'OpenPar', 'Identifier', 'ClosedPar', 'EndOfString']],
    [
      'key notin ( value1, value2 )',
      ['Identifier', 'NotIn', 'OpenPar', 'Identifier', 'Comma', 'Identifier', 'ClosedPar', 'EndOfString'],
    ],
    [
      '== != (), = notin',
      ['DoubleEquals', 'NotEquals', 'OpenPar', 'ClosedPar', 'Comma', 'Equals', 'NotIn', 'EndOfString'],
    ],
    ['key>2', ['Identifier', 'GreaterThan', 'Identifier', 'EndOfString']],
    ['key<1', ['Identifier', 'LessThan', 'Identifier', 'EndOfString']],
    ['!key', ['DoesNotExist', 'Identifier', 'EndOfString']],
    ['||', ['Identifier', 'EndOfString']],
    ['a\0b', ['Identifier', 'Identifier', 'EndOfString']],
    ['\0a', ['EndOfString']],
  ];
  for (const [input, tokens] of rows) {
    it(`tokenizes ${JSON.stringify(input)}`, () =>
      assert.deepEqual(
        lex(input).map((t) => t.token),
        tokens,
      ));
  }

  it('takes the longest operator of a run of symbols', () => {
    assert.deepEqual(
      lex('!==').map((t) => t.literal),
      ['!=', '=', ''],
    );
  });
});
