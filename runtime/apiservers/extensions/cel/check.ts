/**
 * A static pass over a parsed rule, standing in for cel-go's type checker, which @bufbuild/cel
 * does not expose: it rejects calls to functions outside the supported library, references to
 * undeclared variables and to fields the schema does not declare, and estimates the rule's
 * worst-case cost from the sizes the schema allows (maxItems, maxProperties, maxLength, or the
 * most a 3 MiB request can hold), as upstream's cost estimator does.
 */
import type { Expr } from '@bufbuild/cel-spec/cel/expr/syntax_pb.js';
import { SUPPORTED_FUNCTIONS } from './library.js';
import { itemsOf, mapValueSchema, type Schema } from '../schema/schema.js';

/** The largest request body the server accepts, which bounds every unbounded list, map and string. */
export const MAX_REQUEST_SIZE_BYTES = 3 * 1024 * 1024;

/** Type names CEL resolves as identifiers (`type(x) == int`). */
const TYPE_IDENTS = new Set(['int', 'uint', 'double', 'bool', 'string', 'bytes', 'list', 'map', 'null_type', 'type']);

/** Operators and internal functions the parser emits for syntax and macros. */
const isOperator = (name: string): boolean => /^[_!@-]/.test(name) || name === 'in';

/** What a variable or expression is known to be: its schema, or unknown (`undefined`). */
type Known = Schema | undefined;

export interface CheckIssue {
  readonly exprId: bigint;
  readonly message: string;
  /** cel-go places a call's errors at its opening parenthesis. */
  readonly atParen?: boolean;
}

export interface CheckResult {
  readonly issues: CheckIssue[];
  /** The worst-case cost of one evaluation, in CEL cost units (one per node visited). */
  readonly estimatedCost: number;
  readonly usesOldSelf: boolean;
}

/** Minimum JSON size of one value of a schema, so that an unbounded list of them is bounded by the request size. */
function minSerializedSize(s: Known): number {
  switch (s?.type) {
    case 'string':
      return 2;
    case 'boolean':
      return 4;
    case 'integer':
    case 'number':
      return 1;
    default:
      return 2;
  }
}

/** Upper bound of the number of elements of a list or map of this schema. */
export function maxElements(s: Known): number {
  if (!s) return MAX_REQUEST_SIZE_BYTES / 2;
  if (s.type === 'array') return s.maxItems ?? Math.floor(MAX_REQUEST_SIZE_BYTES / (minSerializedSize(itemsOf(s)) + 1));
  if (s.type === 'object') return s.maxProperties ?? Math.floor(MAX_REQUEST_SIZE_BYTES / (minSerializedSize(mapValueSchema(s)) + 4));
  if (s.type === 'string') return s.maxLength ?? MAX_REQUEST_SIZE_BYTES;
  return MAX_REQUEST_SIZE_BYTES / 2;
}

/** The schema of the field `name` of a value of schema `s`, or an issue if the schema has no such field. */
function fieldOf(s: Known, name: string): { schema: Known; undefinedField: boolean } {
  if (!s) return { schema: undefined, undefinedField: false };
  const p = s.properties?.[name];
  if (p) return { schema: p, undefinedField: false };
  const rest = mapValueSchema(s);
  if (rest) return { schema: rest, undefinedField: false };
  const open = s['x-kubernetes-preserve-unknown-fields'] === true || s.additionalProperties === true || s['x-kubernetes-embedded-resource'] === true;
  const isObjectType = s.type === 'object';
  return { schema: undefined, undefinedField: isObjectType && !open && !(name === 'apiVersion' || name === 'kind' || name === 'metadata') };
}

/** The schema of one element when iterating a value of schema `s` (list items, or map keys). */
function elementOf(s: Known): Known {
  if (!s) return undefined;
  if (s.type === 'array') return itemsOf(s);
  if (s.type === 'object') return { type: 'string' };
  return undefined;
}

/** Checks a parsed rule evaluated against values of `self`'s schema. */
export function checkRule(root: Expr, self: Schema, depthLimit = 128): CheckResult {
  const issues: CheckIssue[] = [];
  let usesOldSelf = false;
  const scopes: Map<string, Known>[] = [new Map<string, Known>([['self', self], ['oldSelf', self]])];
  const lookup = (name: string): { found: boolean; schema: Known } => {
    for (let i = scopes.length - 1; i >= 0; i--) if (scopes[i].has(name)) return { found: true, schema: scopes[i].get(name) };
    return { found: false, schema: undefined };
  };

  const visit = (e: Expr | undefined, depth: number): { schema: Known; cost: number } => {
    if (!e) return { schema: undefined, cost: 0 };
    if (depth > depthLimit) {
      issues.push({ exprId: e.id, message: `expression nested more than ${depthLimit} levels deep` });
      return { schema: undefined, cost: 1 };
    }
    const k = e.exprKind;
    switch (k.case) {
      case 'constExpr':
        return { schema: undefined, cost: 1 };
      case 'identExpr': {
        const name = k.value.name;
        if (name === 'oldSelf') usesOldSelf = true;
        const found = lookup(name);
        if (!found.found && !TYPE_IDENTS.has(name)) issues.push({ exprId: e.id, message: `undeclared reference to '${name}' (in container '')` });
        return { schema: found.schema, cost: 1 };
      }
      case 'selectExpr': {
        const operand = visit(k.value.operand, depth + 1);
        const f = fieldOf(operand.schema, k.value.field);
        if (f.undefinedField) issues.push({ exprId: e.id, message: `undefined field '${k.value.field}'` });
        return { schema: f.schema, cost: operand.cost + 1 };
      }
      case 'callExpr': {
        const fn = k.value.function;
        if (!isOperator(fn) && !SUPPORTED_FUNCTIONS.has(fn)) issues.push({ exprId: e.id, message: `undeclared reference to '${fn}' (in container '')`, atParen: true });
        const target = visit(k.value.target, depth + 1);
        let cost = target.cost + 1;
        let schema: Known;
        const args = k.value.args.map((a) => visit(a, depth + 1));
        for (const a of args) cost += a.cost;
        // Traversals of a whole string or list cost their length.
        if (['matches', 'contains', 'indexOf', 'lastIndexOf', 'isSorted', 'sum', 'min', 'max', 'join', 'split', 'replace'].includes(fn)) {
          cost += Math.ceil(maxElements(target.schema ?? args[0]?.schema) / 10);
        }
        const indexed = args[0]?.schema;
        if (fn === '_[_]' && indexed) schema = indexed.type === 'array' ? itemsOf(indexed) : mapValueSchema(indexed);
        return { schema, cost };
      }
      case 'listExpr': {
        let cost = 1;
        for (const el of k.value.elements) cost += visit(el, depth + 1).cost;
        return { schema: undefined, cost };
      }
      case 'structExpr': {
        let cost = 1;
        for (const en of k.value.entries) {
          cost += visit(en.keyKind.case === 'mapKey' ? en.keyKind.value : undefined, depth + 1).cost + visit(en.value, depth + 1).cost;
        }
        return { schema: undefined, cost };
      }
      case 'comprehensionExpr': {
        const c = k.value;
        const range = visit(c.iterRange, depth + 1);
        const init = visit(c.accuInit, depth + 1);
        const n = maxElements(range.schema);
        const scope = new Map<string, Known>([[c.accuVar, undefined], [c.iterVar, elementOf(range.schema)]]);
        if (c.iterVar2) scope.set(c.iterVar2, undefined);
        scopes.push(scope);
        const cond = visit(c.loopCondition, depth + 1);
        const step = visit(c.loopStep, depth + 1);
        scopes.pop();
        scopes.push(new Map<string, Known>([[c.accuVar, undefined]]));
        const result = visit(c.result, depth + 1);
        scopes.pop();
        return { schema: undefined, cost: range.cost + init.cost + n * (cond.cost + step.cost) + result.cost };
      }
      default:
        return { schema: undefined, cost: 1 };
    }
  };
  const { cost } = visit(root, 0);
  return { issues, estimatedCost: cost, usesOldSelf };
}
