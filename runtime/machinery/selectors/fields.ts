/**
 * Field selectors as k8s.io/apimachinery/pkg/fields has them: `?fieldSelector=` terms
 * `<field>=<value>`, `<field>==<value>` and `<field>!=<value>`, comma-separated, with `\`
 * escaping `\`, `,` and `=` in values. A selector is matched against the fields a kind exposes
 * (always `metadata.name` and `metadata.namespace`; more per kind), given as a flat map; an absent
 * field counts as the empty string.
 */

/** The flat field set of one object, e.g. `{ 'metadata.name': 'web', 'spec.nodeName': 'n1' }`. */
export type Fields = Readonly<Record<string, string>>;

export interface FieldRequirement {
  readonly field: string;
  readonly operator: '=' | '!=';
  readonly value: string;
}

/** Thrown for a field selector that does not parse, or whose field a kind does not support. */
export class FieldSelectorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FieldSelectorError';
  }
}

/** Rewrites a field and value, or refuses them (runtime.FieldLabelConversionFunc). */
export type FieldTransform = (field: string, value: string) => [field: string, value: string];

/** The AND of field requirements, in the order upstream keeps (terms sorted as written). */
export class FieldSelector {
  private static readonly EVERYTHING = new FieldSelector([]);

  private constructor(readonly requirements: readonly FieldRequirement[]) {}

  static of(requirements: readonly FieldRequirement[]): FieldSelector {
    return requirements.length === 0 ? FieldSelector.EVERYTHING : new FieldSelector([...requirements]);
  }

  static everything(): FieldSelector {
    return FieldSelector.EVERYTHING;
  }

  matches(fields: Fields): boolean {
    return this.requirements.every((r) => {
      const actual = Object.hasOwn(fields, r.field) ? fields[r.field] : '';
      return r.operator === '=' ? actual === r.value : actual !== r.value;
    });
  }

  empty(): boolean {
    return this.requirements.length === 0;
  }

  /** The value `field` must equal, if an `=` requirement names it. */
  requiresExactMatch(field: string): string | undefined {
    return this.requirements.find((r) => r.field === field && r.operator === '=')?.value;
  }

  /**
   * Each requirement through `fn` (a kind's field label conversion); a requirement whose field
   * and value both come back empty is dropped. Errors thrown by `fn` propagate.
   */
  transform(fn: FieldTransform): FieldSelector {
    const out: FieldRequirement[] = [];
    for (const r of this.requirements) {
      const [field, value] = fn(r.field, r.value);
      if (field.length > 0 || value.length > 0) out.push({ field, operator: r.operator, value });
    }
    return FieldSelector.of(out);
  }

  toString(): string {
    return this.requirements.map((r) => `${r.field}${r.operator}${escapeFieldValue(r.value)}`).join(',');
  }
}

/** Escapes `\`, `,` and `=` for use in a field selector value. */
export function escapeFieldValue(value: string): string {
  return value.replace(/[\\,=]/g, (c) => `\\${c}`);
}

/** The literal value of an escaped one; unescaped `,` or `=` and unknown escapes are errors. */
export function unescapeFieldValue(value: string): string {
  if (!/[\\,=]/.test(value)) return value;
  let out = '';
  let inSlash = false;
  for (const c of value) {
    if (inSlash) {
      if (c !== '\\' && c !== ',' && c !== '=') {
        throw new FieldSelectorError(`invalid field selector: invalid escape sequence: \\${c}`);
      }
      out += c;
      inSlash = false;
    } else if (c === '\\') {
      inSlash = true;
    } else if (c === ',' || c === '=') {
      // Go prints the rune with %v: its code point.
      throw new FieldSelectorError(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`);
    } else {
      out += c;
    }
  }
  if (inSlash) throw new FieldSelectorError('invalid field selector: invalid escape sequence: \\');
  return out;
}

/** Splits on commas not escaped by a backslash; escapes stay in the terms. */
function splitTerms(selector: string): string[] {
  if (selector.length === 0) return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (inSlash) inSlash = false;
    else if (c === '\\') inSlash = true;
    else if (c === ',') {
      terms.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(selector.slice(start));
  return terms;
}

const TERM_OPERATORS = ['!=', '==', '='] as const;

/** The field, operator and raw value of a term, split at the first operator. */
function splitTerm(term: string): [string, (typeof TERM_OPERATORS)[number], string] | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of TERM_OPERATORS) {
      if (term.startsWith(op, i)) return [term.slice(0, i), op, term.slice(i + op.length)];
    }
  }
  return undefined;
}

/**
 * fields.ParseSelector: terms are sorted, empty ones skipped, values unescaped. Throws
 * FieldSelectorError with upstream's message (the REST layer answers 400).
 */
export function parseFieldSelector(selector: string): FieldSelector {
  const parts = splitTerms(selector).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const requirements: FieldRequirement[] = [];
  for (const part of parts) {
    if (part === '') continue;
    const split = splitTerm(part);
    if (!split) throw new FieldSelectorError(`invalid selector: '${selector}'; can't understand '${part}'`);
    const [field, op, raw] = split;
    requirements.push({ field, operator: op === '!=' ? '!=' : '=', value: unescapeFieldValue(raw) });
  }
  return FieldSelector.of(requirements);
}

/** A selector requiring every `field=value` of `set`. */
export function fieldSelectorFromSet(set: Fields): FieldSelector {
  return FieldSelector.of(Object.keys(set).map((field) => ({ field, operator: '=' as const, value: set[field]! })));
}

/**
 * The conversion kinds without their own use (runtime.DefaultMetaV1FieldSelectorConversion):
 * only `metadata.name` and `metadata.namespace`.
 */
export const defaultFieldLabelConversion: FieldTransform = (field, value) => {
  if (field === 'metadata.name' || field === 'metadata.namespace') return [field, value];
  throw new FieldSelectorError(`"${field}" is not a known field selector: only "metadata.name", "metadata.namespace"`);
};

/**
 * A kind's conversion over the fields it supports, with upstream's refusal
 * (`field label not supported: <field>`); `renames` maps legacy names (`spec.host` →
 * `spec.nodeName` for pods).
 */
export function fieldLabelConversion(
  supported: Iterable<string>,
  renames: Readonly<Record<string, string>> = {},
): FieldTransform {
  const fields = new Set(supported);
  return (field, value) => {
    if (fields.has(field)) return [field, value];
    const renamed = renames[field];
    if (renamed !== undefined) return [renamed, value];
    throw new FieldSelectorError(`field label not supported: ${field}`);
  };
}
