/**
 * metav1.LabelSelector objects (`matchLabels`, `matchExpressions`) as selectors, as
 * metav1.LabelSelectorAsSelector converts them: a missing selector matches nothing, an empty one
 * everything.
 */
import { goQuote } from '../errors.js';
import { LabelSelector, type Operator, type Requirement, SelectorError, newRequirement } from './labels.js';

/** The wire form of metav1.LabelSelectorRequirement. */
export interface LabelSelectorRequirementObject {
  readonly key: string;
  readonly operator: string;
  readonly values?: readonly string[] | null;
}

/** The wire form of metav1.LabelSelector. */
export interface LabelSelectorObject {
  readonly matchLabels?: Readonly<Record<string, string>> | null;
  readonly matchExpressions?: readonly LabelSelectorRequirementObject[] | null;
}

const OPERATORS: Readonly<Record<string, Operator>> = {
  In: 'in',
  NotIn: 'notin',
  Exists: 'exists',
  DoesNotExist: '!',
};

/**
 * The selector a LabelSelector object stands for. `matchLabels` become `key=value`
 * requirements (in key order), `matchExpressions` their operators. Throws SelectorError with
 * upstream's message for an unknown operator or an invalid requirement.
 */
export function labelSelectorAsSelector(selector: LabelSelectorObject | null | undefined): LabelSelector {
  if (selector === null || selector === undefined) return LabelSelector.nothing();
  const labels = selector.matchLabels ?? {};
  const expressions = selector.matchExpressions ?? [];
  const keys = Object.keys(labels).sort();
  if (keys.length + expressions.length === 0) return LabelSelector.everything();
  const requirements: Requirement[] = keys.map((key) => newRequirement(key, '=', [labels[key]!]));
  for (const expression of expressions) {
    const operator = OPERATORS[expression.operator];
    if (!operator) throw new SelectorError(`${goQuote(expression.operator)} is not a valid label selector operator`);
    // Upstream copies values into a new slice, nil when there are none.
    const values = expression.values && expression.values.length > 0 ? [...expression.values] : null;
    requirements.push(newRequirement(expression.key, operator, values));
  }
  return LabelSelector.of(requirements);
}
