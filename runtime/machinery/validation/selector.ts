/**
 * LabelSelector validation (meta/v1/validation) and selector matching, as used by workloads
 * whose template labels must match their selector.
 */
import type { LabelSelector, LabelSelectorRequirement } from '../../../api-definitions/meta/v1/types.js';
import type { FieldError } from '../errors.js';
import { goQuote } from '../errors.js';
import { isValidLabelValue } from './content.js';
import { forbidden, invalid, printedValue, required } from './field.js';
import { validateLabelName, validateLabels } from './objectmeta.js';
import type { FieldPath } from './path.js';

export interface LabelSelectorOptions {
  /** Skip the label-value syntax of `values` (objects stored before it was checked). */
  readonly allowInvalidLabelValueInSelector?: boolean;
}

export function validateLabelSelectorRequirement(
  req: LabelSelectorRequirement,
  options: LabelSelectorOptions,
  path: FieldPath,
): FieldError[] {
  const errs: FieldError[] = [];
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) errs.push(required(path.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) errs.push(forbidden(path.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    default:
      errs.push(invalid(path.child('operator'), req.operator ?? '', 'not a valid selector operator'));
  }
  errs.push(...validateLabelName(req.key ?? '', path.child('key')));
  if (!options.allowInvalidLabelValueInSelector) {
    values.forEach((v, i) => {
      for (const msg of isValidLabelValue(v)) errs.push(invalid(path.child('values').index(i), v, msg));
    });
  }
  return errs;
}

export function validateLabelSelector(selector: LabelSelector | undefined, options: LabelSelectorOptions, path: FieldPath): FieldError[] {
  if (!selector) return [];
  const errs = validateLabels(selector.matchLabels, path.child('matchLabels'));
  (selector.matchExpressions ?? []).forEach((req, i) => {
    errs.push(...validateLabelSelectorRequirement(req, options, path.child('matchExpressions').index(i)));
  });
  return errs;
}

/** Whether a selector with no requirements selects everything (an empty selector). */
export function isEmptySelector(selector: LabelSelector | undefined): boolean {
  return !!selector && Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
}

/** Whether the labels satisfy the selector (a missing selector matches nothing). */
export function selectorMatches(selector: LabelSelector | undefined, labels: Readonly<Record<string, string>> | undefined): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const req of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, req.key);
    const values = req.values ?? [];
    switch (req.operator) {
      case 'In':
        if (!has || !values.includes(l[req.key])) return false;
        break;
      case 'NotIn':
        if (has && values.includes(l[req.key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

function goStringSliceOrNil(list: readonly string[] | undefined, type: string): string {
  if (list === undefined) return `[]${type}(nil)`;
  return `[]${type}{${list.map(goQuote).join(', ')}}`;
}

/**
 * A LabelSelector printed as Go's `%#v` of the versioned struct, as immutability errors show it:
 * `v1.LabelSelector{MatchLabels:map[string]string{"app":"web"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}`.
 */
export function goLabelSelector(selector: LabelSelector | undefined, pkg = 'v1'): object {
  if (!selector) return printedValue(`(*${pkg}.LabelSelector)(nil)`);
  const ml = selector.matchLabels;
  const labels =
    ml === undefined
      ? 'map[string]string(nil)'
      : `map[string]string{${Object.keys(ml)
          .sort()
          .map((k) => `${goQuote(k)}:${goQuote(ml[k])}`)
          .join(', ')}}`;
  const me = selector.matchExpressions;
  const exprs =
    me === undefined
      ? `[]${pkg}.LabelSelectorRequirement(nil)`
      : `[]${pkg}.LabelSelectorRequirement{${me
          .map(
            (r) =>
              `${pkg}.LabelSelectorRequirement{Key:${goQuote(r.key)}, Operator:${goQuote(r.operator)}, Values:${goStringSliceOrNil(r.values, 'string')}}`,
          )
          .join(', ')}}`;
  return printedValue(`${pkg}.LabelSelector{MatchLabels:${labels}, MatchExpressions:${exprs}}`);
}
