/**
 * The label and field selectors of an access review's resource attributes, as an authorizer is
 * given them: a raw selector, or requirements (`In`/`NotIn`/`Exists`/`DoesNotExist` for labels,
 * single-valued `In`/`NotIn` for fields). What does not parse is left out, and the review says
 * so in `evaluationError`, in upstream's words.
 */
import { escapeFieldValue, parseFieldSelector } from '../../../machinery/selectors/fields.js';
import { labelSelectorAsSelector } from '../../../machinery/selectors/label-selector.js';
import { parseLabelSelector } from '../../../machinery/selectors/labels.js';

interface Requirement {
  key?: string;
  operator?: string;
  values?: string[] | null;
}

export interface SelectorAttributes {
  rawSelector?: string;
  requirements?: Requirement[] | null;
}

export interface ParsedSelector {
  /** The selector that stands, as a string; undefined when nothing does. */
  readonly selector?: string;
  /** Whether some of it was dropped, and whether anything remained. */
  readonly error?: 'ignored' | 'partially ignored';
}

function outcome(kept: string[], failed: boolean): ParsedSelector {
  const selector = kept.length > 0 ? kept.join(',') : undefined;
  if (!failed) return { selector };
  return { selector, error: kept.length > 0 ? 'partially ignored' : 'ignored' };
}

export function labelSelectorOf(attributes: SelectorAttributes | null | undefined): ParsedSelector {
  if (!attributes) return {};
  if (attributes.requirements && attributes.requirements.length > 0) {
    // Each requirement on its own, so that one bad requirement drops only itself.
    const kept: string[] = [];
    let failed = false;
    for (const r of attributes.requirements) {
      try {
        kept.push(labelSelectorAsSelector({ matchExpressions: [{ key: r.key ?? '', operator: r.operator ?? '', values: r.values }] }).toString());
      } catch {
        failed = true;
      }
    }
    return outcome(kept, failed);
  }
  if (attributes.rawSelector) {
    try {
      return outcome([parseLabelSelector(attributes.rawSelector).toString()].filter((s) => s !== ''), false);
    } catch {
      return { error: 'ignored' };
    }
  }
  return {};
}

export function fieldSelectorOf(attributes: SelectorAttributes | null | undefined): ParsedSelector {
  if (!attributes) return {};
  if (attributes.requirements && attributes.requirements.length > 0) {
    const kept: string[] = [];
    let failed = false;
    for (const r of attributes.requirements) {
      const values = r.values ?? [];
      if (values.length !== 1 || (r.operator !== 'In' && r.operator !== 'NotIn')) {
        failed = true;
        continue;
      }
      kept.push(`${r.key ?? ''}${r.operator === 'In' ? '=' : '!='}${escapeFieldValue(values[0])}`);
    }
    return outcome(kept, failed);
  }
  if (attributes.rawSelector) {
    try {
      return outcome([parseFieldSelector(attributes.rawSelector).toString()].filter((s) => s !== ''), false);
    } catch {
      return { error: 'ignored' };
    }
  }
  return {};
}

/** The evaluationError text of selectors that did not parse (BuildEvaluationError). */
export function selectorErrors(field: ParsedSelector, label: ParsedSelector): string[] {
  const out: string[] = [];
  if (field.error) out.push(`spec.resourceAttributes.fieldSelector ${field.error} due to parse error`);
  if (label.error) out.push(`spec.resourceAttributes.labelSelector ${label.error} due to parse error`);
  return out;
}
