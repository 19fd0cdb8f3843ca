/** metav1.LabelSelector objects as selectors (LabelSelectorAsSelector). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { labelSelectorAsSelector } from '../../../runtime/machinery/selectors/label-selector.js';
import type { LabelSelectorObject } from '../../../runtime/machinery/selectors/label-selector.js';
import { SelectorError } from '../../../runtime/machinery/selectors/labels.js';

describe('labelSelectorAsSelector', () => {
  const rows: {
    name: string;
    selector: LabelSelectorObject | null | undefined;
    printed: string;
    matches: Record<string, string>;
    want: boolean;
  }[] = [
    { name: 'a missing selector matches nothing', selector: null, printed: '', matches: {}, want: false },
    { name: 'an empty selector matches everything', selector: {}, printed: '', matches: { a: 'b' }, want: true },
    {
      name: 'empty lists match everything',
      selector: { matchLabels: {}, matchExpressions: [] },
      printed: '',
      matches: {},
      want: true,
    },
    {
      name: 'matchLabels are equalities',
      selector: { matchLabels: { b: '2', a: '1' } },
      printed: 'a=1,b=2',
      matches: { a: '1', b: '2' },
      want: true,
    },
    {
      name: 'In',
      selector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['web', 'api'] }] },
      printed: 'tier in (api,web)',
      matches: { tier: 'api' },
      want: true,
    },
    {
      name: 'NotIn',
      selector: { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }] },
      printed: 'tier notin (db)',
      matches: { tier: 'db' },
      want: false,
    },
    {
      name: 'Exists',
      selector: { matchExpressions: [{ key: 'tier', operator: 'Exists' }] },
      printed: 'tier',
      matches: { tier: '' },
      want: true,
    },
    {
      name: 'DoesNotExist',
      selector: { matchExpressions: [{ key: 'tier', operator: 'DoesNotExist', values: [] }] },
      printed: '!tier',
      matches: {},
      want: true,
    },
    {
      name: 'labels and expressions together, sorted by key',
      selector: { matchLabels: { b: '1' }, matchExpressions: [{ key: 'a', operator: 'Exists' }] },
      printed: 'a,b=1',
      matches: { a: 'x', b: '1' },
      want: true,
    },
  ];
  for (const r of rows) {
    it(r.name, () => {
      const selector = labelSelectorAsSelector(r.selector);
      assert.equal(selector.toString(), r.printed);
      assert.equal(selector.matches(r.matches), r.want);
    });
  }

  const errors: { name: string; selector: LabelSelectorObject; message: string }[] = [
    {
      name: 'an unknown operator',
      selector: { matchExpressions: [{ key: 'a', operator: 'Equals', values: ['b'] }] },
      message: '"Equals" is not a valid label selector operator',
    },
    {
      name: 'In without values',
      selector: { matchExpressions: [{ key: 'a', operator: 'In' }] },
      message: "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty",
    },
    {
      name: 'Exists with values',
      selector: { matchExpressions: [{ key: 'a', operator: 'Exists', values: ['b', 'c'] }] },
      message: 'values: Invalid value: []string{"b", "c"}: values set must be empty for exists and does not exist',
    },
    {
      name: 'an invalid key in matchLabels',
      selector: { matchLabels: { 'a b': 'c' } },
      message:
        "key: Invalid value: \"a b\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end " +
        "with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is " +
        "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    },
    {
      name: 'an invalid value in matchLabels',
      selector: { matchLabels: { a: 'b c' } },
      message:
        'values[0][a]: Invalid value: "b c": a valid label must be an empty string or consist of alphanumeric characters, \'-\', ' +
        "'_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex " +
        "used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    },
  ];
  for (const r of errors) {
    it(`rejects ${r.name}`, () => {
      assert.throws(
        () => labelSelectorAsSelector(r.selector),
        (e: unknown) => e instanceof SelectorError && e.message === r.message,
      );
    });
  }
});
