/**
 * Selection: which objects a list, watch or deletecollection sees. A predicate pairs a label
 * selector with a field selector and reads an object's labels and fields through the strategy's
 * getAttrs, as apiserver's storage.SelectionPredicate does.
 *
 * The selector grammar itself is behind `SelectorParser`; `basicSelectorParser` covers the
 * grammar kubectl and the client libraries send (`=`, `==`, `!=`, `in`, `notin`, `!key`, `key`,
 * `<`, `>` for labels; `=`, `==`, `!=` for fields).
 */
import { newBadRequest } from '../machinery/errors.js';

/** One label requirement. */
export interface LabelRequirement {
  readonly key: string;
  readonly operator: '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';
  readonly values: readonly string[];
}

export interface LabelSelector {
  matches(labels: Readonly<Record<string, string>>): boolean;
  empty(): boolean;
  readonly requirements: readonly LabelRequirement[];
}

/** One field requirement. */
export interface FieldRequirement {
  readonly field: string;
  readonly operator: '=' | '==' | '!=';
  readonly value: string;
}

export interface FieldSelector {
  matches(fields: Readonly<Record<string, string>>): boolean;
  empty(): boolean;
  readonly requirements: readonly FieldRequirement[];
  /** The value an `=`/`==` requirement pins `field` to, if there is one. */
  requiresExactMatch(field: string): string | undefined;
}

/** Turns query strings into selectors; throws a 400 StatusError on malformed input. */
export interface SelectorParser {
  parseLabelSelector(text: string): LabelSelector;
  parseFieldSelector(text: string): FieldSelector;
}

/** An object's labels and selectable fields (storage.AttrFunc). */
export interface Attrs {
  readonly labels: Readonly<Record<string, string>>;
  readonly fields: Readonly<Record<string, string>>;
}

class ParsedLabelSelector implements LabelSelector {
  constructor(readonly requirements: readonly LabelRequirement[]) {}

  empty(): boolean {
    return this.requirements.length === 0;
  }

  matches(labels: Readonly<Record<string, string>>): boolean {
    for (const r of this.requirements) {
      const has = Object.prototype.hasOwnProperty.call(labels, r.key);
      const value = has ? labels[r.key] : undefined;
      switch (r.operator) {
        case '=':
        case '==':
        case 'in':
          if (!has || !r.values.includes(value as string)) return false;
          break;
        case '!=':
        case 'notin':
          if (has && r.values.includes(value as string)) return false;
          break;
        case 'exists':
          if (!has) return false;
          break;
        case '!':
          if (has) return false;
          break;
        case 'gt':
        case 'lt': {
          if (!has) return false;
          const actual = Number.parseInt(value as string, 10);
          const bound = Number.parseInt(r.values[0], 10);
          if (Number.isNaN(actual) || Number.isNaN(bound)) return false;
          if (r.operator === 'gt' ? !(actual > bound) : !(actual < bound)) return false;
          break;
        }
      }
    }
    return true;
  }
}

class ParsedFieldSelector implements FieldSelector {
  constructor(readonly requirements: readonly FieldRequirement[]) {}

  empty(): boolean {
    return this.requirements.length === 0;
  }

  matches(fields: Readonly<Record<string, string>>): boolean {
    for (const r of this.requirements) {
      const value = fields[r.field] ?? '';
      if (r.operator === '!=' ? value === r.value : value !== r.value) return false;
    }
    return true;
  }

  requiresExactMatch(field: string): string | undefined {
    for (const r of this.requirements) if (r.field === field && r.operator !== '!=') return r.value;
    return undefined;
  }
}

export const EVERYTHING_LABELS: LabelSelector = new ParsedLabelSelector([]);
export const EVERYTHING_FIELDS: FieldSelector = new ParsedFieldSelector([]);

/** Splits on `sep` outside parentheses. */
function splitTop(text: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === sep && depth === 0) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

function parseLabelRequirement(term: string): LabelRequirement {
  const t = term.trim();
  const setMatch = /^([^\s!=<>(),]+)\s+(in|notin)\s*\((.*)\)$/.exec(t);
  if (setMatch) {
    const values = setMatch[3].split(',').map((v) => v.trim());
    return { key: setMatch[1], operator: setMatch[2] as 'in' | 'notin', values: values.length === 1 && values[0] === '' ? [] : values };
  }
  const opMatch = /^([^\s!=<>(),]+)\s*(==|!=|=|<|>)\s*([^\s!=<>(),]*)$/.exec(t);
  if (opMatch) {
    const op = opMatch[2];
    const operator = op === '<' ? 'lt' : op === '>' ? 'gt' : (op as '=' | '==' | '!=');
    return { key: opMatch[1], operator, values: [opMatch[3]] };
  }
  const notExists = /^!\s*([^\s!=<>(),]+)$/.exec(t);
  if (notExists) return { key: notExists[1], operator: '!', values: [] };
  if (/^[^\s!=<>(),]+$/.test(t)) return { key: t, operator: 'exists', values: [] };
  throw newBadRequest(`unable to parse requirement: found '${t}', expected: identifier, in, notin, =, ==, !=, gt, lt`);
}

/** Splits a field selector on unescaped `,`, as fields.ParseSelector does. */
function splitEscaped(text: string, sep: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < text.length) {
      current += ch + text[i + 1];
      i++;
    } else if (ch === sep) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

function unescapeFieldValue(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}

function parseFieldRequirement(term: string, whole: string): FieldRequirement {
  for (const op of ['!=', '==', '='] as const) {
    let at = -1;
    for (let i = 0; i < term.length; i++) {
      if (term[i] === '\\') {
        i++;
        continue;
      }
      if (term.startsWith(op, i)) {
        at = i;
        break;
      }
    }
    if (at >= 0) {
      return { field: term.slice(0, at).trim(), operator: op, value: unescapeFieldValue(term.slice(at + op.length).trim()) };
    }
  }
  throw newBadRequest(`invalid selector: '${whole}'; can't understand '${term}'`);
}

/** The selector grammar kubectl and the client libraries use. */
export const basicSelectorParser: SelectorParser = {
  parseLabelSelector(text) {
    const trimmed = text.trim();
    if (trimmed === '') return EVERYTHING_LABELS;
    return new ParsedLabelSelector(splitTop(trimmed, ',').map(parseLabelRequirement));
  },
  parseFieldSelector(text) {
    const trimmed = text.trim();
    if (trimmed === '') return EVERYTHING_FIELDS;
    return new ParsedFieldSelector(splitEscaped(trimmed, ',').map((term) => parseFieldRequirement(term, trimmed)));
  },
};

/** A label selector and a field selector together (storage.SelectionPredicate). */
export class SelectionPredicate {
  constructor(
    readonly label: LabelSelector = EVERYTHING_LABELS,
    readonly field: FieldSelector = EVERYTHING_FIELDS,
  ) {}

  empty(): boolean {
    return this.label.empty() && this.field.empty();
  }

  matches(attrs: Attrs): boolean {
    return this.label.matches(attrs.labels) && this.field.matches(attrs.fields);
  }

  /** The name `metadata.name=<x>` pins, if any (MatchesSingle). */
  matchesSingle(): string | undefined {
    return this.field.requiresExactMatch('metadata.name');
  }

  /** The namespace `metadata.namespace=<x>` pins, if any (MatchesSingleNamespace). */
  matchesSingleNamespace(): string | undefined {
    return this.field.requiresExactMatch('metadata.namespace');
  }

  /** Whether the field selector reads only metadata.name and metadata.namespace. */
  onlyMetadataFields(): boolean {
    return this.field.requirements.every((r) => r.field === 'metadata.name' || r.field === 'metadata.namespace');
  }
}

/**
 * A LabelSelector object (metav1.LabelSelector) in its query-string form, as
 * LabelSelectorAsSelector(...).String() writes it: requirements sorted by key.
 */
export function labelSelectorString(selector: unknown): string {
  if (typeof selector === 'string') return selector;
  if (selector === null || typeof selector !== 'object') return '';
  const s = selector as { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] };
  const parts: { key: string; text: string }[] = [];
  for (const [key, value] of Object.entries(s.matchLabels ?? {})) parts.push({ key, text: `${key}=${value}` });
  for (const e of s.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    switch (e.operator) {
      case 'In':
        parts.push({ key: e.key, text: `${e.key} in (${values})` });
        break;
      case 'NotIn':
        parts.push({ key: e.key, text: `${e.key} notin (${values})` });
        break;
      case 'Exists':
        parts.push({ key: e.key, text: e.key });
        break;
      case 'DoesNotExist':
        parts.push({ key: e.key, text: `!${e.key}` });
        break;
    }
  }
  return parts
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((p) => p.text)
    .join(',');
}
