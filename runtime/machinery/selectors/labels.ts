/**
 * Label selectors as k8s.io/apimachinery/pkg/labels has them: the string form of `?labelSelector=`
 * (`a=b,c!=d,e in (x,y),f notin (z),g,!h`, plus `k>1`, `k<1`), its parser with upstream's error
 * messages, requirements and matching.
 */
import {
  aggregate,
  goStrings,
  invalidValue,
  isQualifiedName,
  isValidLabelValue,
  unsupportedValue,
} from './validation.js';
import { goQuote } from '../errors.js';

/** selection.Operator, with upstream's spellings. */
export type Operator = 'in' | 'notin' | '=' | '==' | '!=' | 'gt' | 'lt' | 'exists' | '!';

const BINARY_OPERATORS: readonly Operator[] = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'];
const VALID_OPERATORS: readonly Operator[] = [...BINARY_OPERATORS, 'exists', '!'];

/** A label set: a missing key is absent, not empty. */
export type Labels = Readonly<Record<string, string>>;

/** Thrown for a selector that does not parse or a requirement that is invalid. */
export class SelectorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SelectorError';
  }
}

/** One requirement: a key, an operator and its values (sorted, without duplicates when parsed). */
export class Requirement {
  constructor(
    readonly key: string,
    readonly operator: Operator,
    readonly values: readonly string[],
  ) {}

  matches(labels: Labels): boolean {
    const has = Object.hasOwn(labels, this.key);
    switch (this.operator) {
      case 'in':
      case '=':
      case '==':
        return has && this.values.includes(labels[this.key]!);
      case 'notin':
      case '!=':
        return !has || !this.values.includes(labels[this.key]!);
      case 'exists':
        return has;
      case '!':
        return !has;
      case 'gt':
      case 'lt': {
        if (!has || this.values.length !== 1) return false;
        const actual = parseInt64(labels[this.key]!);
        const bound = parseInt64(this.values[0]!);
        if (actual === undefined || bound === undefined) return false;
        return this.operator === 'gt' ? actual > bound : actual < bound;
      }
    }
  }

  /** `!k`, `k`, `k=v`, `k in (a,b)`, with set values sorted. */
  toString(): string {
    const prefix = this.operator === '!' ? '!' : '';
    if (this.operator === 'exists' || this.operator === '!') return `${prefix}${this.key}`;
    const op = { '=': '=', '==': '==', '!=': '!=', in: ' in ', notin: ' notin ', gt: '>', lt: '<' }[this.operator];
    const values = this.values.length === 1 ? this.values[0]! : [...this.values].sort(compare).join(',');
    return this.operator === 'in' || this.operator === 'notin'
      ? `${this.key}${op}(${values})`
      : `${this.key}${op}${values}`;
  }
}

/**
 * labels.NewRequirement: validates the key, the number of values for the operator, integer
 * values for `gt`/`lt` and every value as a label value. `values === null` stands for Go's nil
 * slice, which upstream prints differently from an empty one.
 */
export function newRequirement(key: string, operator: Operator, values: readonly string[] | null): Requirement {
  const errors: string[] = [];
  const list = values ?? [];
  const keyErrors = isQualifiedName(key);
  if (keyErrors.length > 0) errors.push(invalidValue('key', goQuote(key), keyErrors.join('; ')));
  switch (operator) {
    case 'in':
    case 'notin':
      if (list.length === 0) {
        errors.push(
          invalidValue('values', goStrings(values), "for 'in', 'notin' operators, values set can't be empty"),
        );
      }
      break;
    case '=':
    case '==':
    case '!=':
      if (list.length !== 1)
        errors.push(invalidValue('values', goStrings(values), 'exact-match compatibility requires one single value'));
      break;
    case 'exists':
    case '!':
      if (list.length !== 0) {
        errors.push(
          invalidValue('values', goStrings(values), 'values set must be empty for exists and does not exist'),
        );
      }
      break;
    case 'gt':
    case 'lt':
      if (list.length !== 1) {
        errors.push(
          invalidValue('values', goStrings(values), "for 'Gt', 'Lt' operators, exactly one value is required"),
        );
      }
      list.forEach((v, i) => {
        if (parseInt64(v) === undefined) {
          errors.push(
            invalidValue(`values[${i}]`, goQuote(v), "for 'Gt', 'Lt' operators, the value must be an integer"),
          );
        }
      });
      break;
    default:
      errors.push(unsupportedValue('operator', operator, VALID_OPERATORS));
  }
  list.forEach((v, i) => {
    const valueErrors = isValidLabelValue(v);
    if (valueErrors.length > 0) errors.push(invalidValue(`values[${i}][${key}]`, goQuote(v), valueErrors.join('; ')));
  });
  if (errors.length > 0) throw new SelectorError(aggregate(errors));
  return new Requirement(key, operator, list);
}

/** Go's strconv.ParseInt(s, 10, 64), as a bigint. */
function parseInt64(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n > 9223372036854775807n || n < -9223372036854775808n ? undefined : n;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A label selector: the AND of its requirements, sorted by key. `nothing` is the selector of a
 * nil LabelSelector, which matches no object.
 */
export class LabelSelector {
  private static readonly EVERYTHING = new LabelSelector([], false);
  private static readonly NOTHING = new LabelSelector([], true);

  private constructor(
    readonly requirements: readonly Requirement[],
    readonly nothing: boolean,
  ) {}

  static of(requirements: readonly Requirement[]): LabelSelector {
    return requirements.length === 0
      ? LabelSelector.EVERYTHING
      : new LabelSelector(stableSortByKey(requirements), false);
  }

  /** Matches every label set. */
  static everything(): LabelSelector {
    return LabelSelector.EVERYTHING;
  }

  /** Matches nothing. */
  static nothing(): LabelSelector {
    return LabelSelector.NOTHING;
  }

  matches(labels: Labels | undefined): boolean {
    if (this.nothing) return false;
    const set = labels ?? {};
    return this.requirements.every((r) => r.matches(set));
  }

  /** True when the selector does not restrict anything (a `nothing` selector is not empty). */
  empty(): boolean {
    return !this.nothing && this.requirements.length === 0;
  }

  /** The selector with more requirements, sorted by key again. */
  add(...requirements: Requirement[]): LabelSelector {
    return this.nothing ? this : LabelSelector.of([...this.requirements, ...requirements]);
  }

  /** The value `label` must have, if the selector requires exactly one (`k=v`, `k==v`, `k in (v)`). */
  requiresExactMatch(label: string): string | undefined {
    const r = this.requirements.find((req) => req.key === label);
    if (!r) return undefined;
    return (r.operator === '=' || r.operator === '==' || r.operator === 'in') && r.values.length === 1
      ? r.values[0]
      : undefined;
  }

  toString(): string {
    return this.requirements.map((r) => r.toString()).join(',');
  }
}

function stableSortByKey(requirements: readonly Requirement[]): Requirement[] {
  return requirements
    .map((r, i) => [r, i] as const)
    .sort(([a, ia], [b, ib]) => compare(a.key, b.key) || ia - ib)
    .map(([r]) => r);
}

/** A selector requiring every `key=value` of `set`; empty for an empty set. No validation. */
export function selectorFromSet(set: Labels | undefined): LabelSelector {
  return LabelSelector.of(Object.keys(set ?? {}).map((k) => new Requirement(k, '=', [set![k]!])));
}

/** As selectorFromSet, validating keys and values (labels.ValidatedSelectorFromSet). */
export function validatedSelectorFromSet(set: Labels | undefined): LabelSelector {
  return LabelSelector.of(
    Object.keys(set ?? {})
      .sort(compare)
      .map((k) => newRequirement(k, '=', [set![k]!])),
  );
}

// The lexer and parser of the string form.

const enum Token {
  Error,
  EndOfString,
  ClosedPar,
  Comma,
  DoesNotExist,
  DoubleEquals,
  Equals,
  GreaterThan,
  Identifier,
  In,
  LessThan,
  NotEquals,
  NotIn,
  OpenPar,
}

const LITERALS: ReadonlyMap<string, Token> = new Map([
  [')', Token.ClosedPar],
  [',', Token.Comma],
  ['!', Token.DoesNotExist],
  ['==', Token.DoubleEquals],
  ['=', Token.Equals],
  ['>', Token.GreaterThan],
  ['in', Token.In],
  ['<', Token.LessThan],
  ['!=', Token.NotEquals],
  ['notin', Token.NotIn],
  ['(', Token.OpenPar],
]);

interface Scanned {
  readonly token: Token;
  readonly literal: string;
}

const isWhitespace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
const isSpecialSymbol = (ch: string): boolean => ch.length === 1 && '=!(),><'.includes(ch);

/** Scans the whole input; a NUL character ends it, as the byte 0 does upstream. */
function scan(input: string): Scanned[] {
  let pos = 0;
  const read = (): string => (pos < input.length ? input[pos++]! : '\0');
  const items: Scanned[] = [];
  for (;;) {
    let ch = read();
    while (isWhitespace(ch)) ch = read();
    let item: Scanned;
    if (ch === '\0') {
      item = { token: Token.EndOfString, literal: '' };
    } else if (isSpecialSymbol(ch)) {
      // The longest run of special symbols that is an operator.
      let buffer = ch;
      let last: Scanned | undefined = LITERALS.has(ch) ? { token: LITERALS.get(ch)!, literal: ch } : undefined;
      for (;;) {
        const next = read();
        if (next === '\0') break;
        if (!isSpecialSymbol(next)) {
          pos--;
          break;
        }
        buffer += next;
        const token = LITERALS.get(buffer);
        if (token !== undefined) last = { token, literal: buffer };
        else if (last) {
          pos--;
          break;
        }
      }
      item = last ?? { token: Token.Error, literal: `error expected: keyword found '${buffer}'` };
    } else {
      let buffer = ch;
      for (;;) {
        const next = read();
        if (next === '\0') break;
        if (isSpecialSymbol(next) || isWhitespace(next)) {
          pos--;
          break;
        }
        buffer += next;
      }
      const keyword = LITERALS.get(buffer);
      item = { token: keyword ?? Token.Identifier, literal: buffer };
    }
    items.push(item);
    if (item.token === Token.EndOfString) return items;
  }
}

/** `in` and `notin` are identifiers where values are expected. */
const enum Context {
  KeyAndOperator,
  Values,
}

class Parser {
  private position = 0;

  constructor(private readonly items: readonly Scanned[]) {}

  lookahead(context: Context): Scanned {
    return adjust(this.items[this.position]!, context);
  }

  consume(context: Context): Scanned {
    return adjust(this.items[this.position++]!, context);
  }

  parse(): Requirement[] {
    const requirements: Requirement[] = [];
    for (;;) {
      const { token, literal } = this.lookahead(Context.Values);
      switch (token) {
        case Token.Identifier:
        case Token.DoesNotExist: {
          let requirement: Requirement;
          try {
            requirement = this.parseRequirement();
          } catch (error) {
            if (error instanceof SelectorError)
              throw new SelectorError(`unable to parse requirement: ${error.message}`);
            throw error;
          }
          requirements.push(requirement);
          const after = this.consume(Context.Values);
          if (after.token === Token.EndOfString) return requirements;
          if (after.token !== Token.Comma)
            throw new SelectorError(`found '${after.literal}', expected: ',' or 'end of string'`);
          const next = this.lookahead(Context.Values);
          if (next.token !== Token.Identifier && next.token !== Token.DoesNotExist) {
            throw new SelectorError(`found '${next.literal}', expected: identifier after ','`);
          }
          break;
        }
        case Token.EndOfString:
          return requirements;
        default:
          throw new SelectorError(`found '${literal}', expected: !, identifier, or 'end of string'`);
      }
    }
  }

  private parseRequirement(): Requirement {
    const [key, inferred] = this.parseKeyAndInferOperator();
    if (inferred === 'exists' || inferred === '!') return newRequirement(key, inferred, []);
    const operator = this.parseOperator();
    const values = operator === 'in' || operator === 'notin' ? this.parseValues() : this.parseExactValue();
    return newRequirement(key, operator, [...values].sort(compare));
  }

  /** The key; `exists` or `!` when the requirement ends after it. */
  private parseKeyAndInferOperator(): [string, Operator | undefined] {
    let operator: Operator | undefined;
    let { token, literal } = this.consume(Context.Values);
    if (token === Token.DoesNotExist) {
      operator = '!';
      ({ token, literal } = this.consume(Context.Values));
    }
    if (token !== Token.Identifier) throw new SelectorError(`found '${literal}', expected: identifier`);
    const keyErrors = isQualifiedName(literal);
    if (keyErrors.length > 0) throw new SelectorError(invalidValue('<nil>', goQuote(literal), keyErrors.join('; ')));
    const next = this.lookahead(Context.Values).token;
    if ((next === Token.EndOfString || next === Token.Comma) && operator !== '!') operator = 'exists';
    return [literal, operator];
  }

  private parseOperator(): Operator {
    const { token, literal } = this.consume(Context.KeyAndOperator);
    const operator = OPERATORS_BY_TOKEN.get(token);
    if (!operator) throw new SelectorError(`found '${literal}', expected: ${BINARY_OPERATORS.join(', ')}`);
    return operator;
  }

  /** `(a,b,,c)`: a set; empty entries are the empty value. */
  private parseValues(): Set<string> {
    const open = this.consume(Context.Values);
    if (open.token !== Token.OpenPar) throw new SelectorError(`found '${open.literal}' expected: '('`);
    const { token, literal } = this.lookahead(Context.Values);
    if (token === Token.Identifier || token === Token.Comma) {
      const values = this.parseIdentifiersList();
      if (this.consume(Context.Values).token !== Token.ClosedPar)
        throw new SelectorError(`found '${literal}', expected: ')'`);
      return values;
    }
    if (token === Token.ClosedPar) {
      this.consume(Context.Values);
      return new Set(['']);
    }
    throw new SelectorError(`found '${literal}', expected: ',', ')' or identifier`);
  }

  private parseIdentifiersList(): Set<string> {
    const values = new Set<string>();
    for (;;) {
      const { token, literal } = this.consume(Context.Values);
      if (token === Token.Identifier) {
        values.add(literal);
        const next = this.lookahead(Context.Values);
        if (next.token === Token.Comma) continue;
        if (next.token === Token.ClosedPar) return values;
        throw new SelectorError(`found '${next.literal}', expected: ',' or ')'`);
      }
      if (token === Token.Comma) {
        if (values.size === 0) values.add('');
        const next = this.lookahead(Context.Values).token;
        if (next === Token.ClosedPar) {
          values.add('');
          return values;
        }
        if (next === Token.Comma) {
          this.consume(Context.Values);
          values.add('');
        }
        continue;
      }
      throw new SelectorError(`found '${literal}', expected: ',', or identifier`);
    }
  }

  /** The one value of `=`, `==`, `!=`, `>`, `<`; empty when the requirement ends there. */
  private parseExactValue(): Set<string> {
    const next = this.lookahead(Context.Values).token;
    if (next === Token.EndOfString || next === Token.Comma) return new Set(['']);
    const { token, literal } = this.consume(Context.Values);
    if (token === Token.Identifier) return new Set([literal]);
    throw new SelectorError(`found '${literal}', expected: identifier`);
  }
}

const OPERATORS_BY_TOKEN: ReadonlyMap<Token, Operator> = new Map([
  [Token.In, 'in'],
  [Token.Equals, '='],
  [Token.DoubleEquals, '=='],
  [Token.GreaterThan, 'gt'],
  [Token.LessThan, 'lt'],
  [Token.NotIn, 'notin'],
  [Token.NotEquals, '!='],
]);

function adjust(item: Scanned, context: Context): Scanned {
  if (context === Context.Values && (item.token === Token.In || item.token === Token.NotIn)) {
    return { token: Token.Identifier, literal: item.literal };
  }
  return item;
}

/**
 * labels.Parse: the string form of a selector. Whitespace separates tokens; `""` selects
 * everything. Throws SelectorError with upstream's message (the REST layer answers 400).
 */
export function parseLabelSelector(selector: string): LabelSelector {
  return LabelSelector.of(new Parser(scan(selector)).parse());
}

/** Exposed for tests: the lexer's tokens as upstream names them. */
export function lex(input: string): { token: string; literal: string }[] {
  const names = [
    'Error',
    'EndOfString',
    'ClosedPar',
    'Comma',
    'DoesNotExist',
    'DoubleEquals',
    'Equals',
    'GreaterThan',
    'Identifier',
    'In',
    'LessThan',
    'NotEquals',
    'NotIn',
    'OpenPar',
  ];
  return scan(input).map((s) => ({ token: names[s.token]!, literal: s.literal }));
}
