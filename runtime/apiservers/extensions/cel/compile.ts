/**
 * Compilation of one schema node's `x-kubernetes-validations` (apiextensions-apiserver's
 * pkg/apiserver/schema/cel/compilation.go): each rule is parsed, checked against the schema,
 * its cost estimated and its messageExpression compiled; every failure is a field error at the
 * rule, so a CRD with a rule that cannot run is refused at create time.
 */
import { celEnv, CelScalar, parse, plan, type CelInput, type CelResult } from '@bufbuild/cel';
import type { Expr, ParsedExpr } from '@bufbuild/cel-spec/cel/expr/syntax_pb.js';
import type { ValidationRule } from '../../../../api-definitions/apiextensions/v1/types.js';
import { goQuote } from '../../../machinery/errors.js';
import { forbidden, invalid, notSupported, printedValue, required, type FieldError } from '../../../machinery/validation/field.js';
import type { FieldPath } from '../../../machinery/validation/path.js';
import type { Schema } from '../schema/schema.js';
import { instrument, type CostMeter } from './budget.js';
import { checkRule, type CheckIssue } from './check.js';
import { LIBRARY } from './library.js';
import { resolveFieldPath } from './field-path.js';
import { resultKind } from './result-kind.js';
import { re2ForCel } from '../schema/regexp.js';

/** Upstream's StaticEstimatedCostLimit: the most one rule may be estimated to cost. */
export const STATIC_ESTIMATED_COST_LIMIT = 10_000_000;
/** Upstream's StaticEstimatedCRDCostLimit: the most all rules of a schema may be estimated to cost for one object. */
export const STATIC_ESTIMATED_CRD_COST_LIMIT = 100_000_000;
/** Upstream's limit on a rule's message and evaluated messageExpression. */
export const MAX_MESSAGE_BYTES = 5 * 1024;

export const SUPPORTED_REASONS = ['FieldValueInvalid', 'FieldValueForbidden', 'FieldValueRequired', 'FieldValueDuplicate'] as const;

export type Bindings = { self: CelInput; oldSelf?: CelInput };
export type Program = (bindings: Bindings) => CelResult;

export interface CompiledRule {
  readonly rule: ValidationRule;
  readonly program: Program;
  readonly messageProgram?: Program;
  readonly usesOldSelf: boolean;
  /** The rule's fieldPath as a path below the schema node (`spec.replicas`), if it has one. */
  readonly fieldPath?: string;
}

export interface RuleCompilation {
  readonly rules: CompiledRule[];
  readonly errors: FieldError[];
  /** The summed estimated cost of one evaluation of every rule of the node. */
  readonly estimatedCost: number;
}

/** Go's `%#v` of an apiextensions.ValidationRule, as upstream prints the bad value of a rule. */
export function goValidationRule(r: ValidationRule): object {
  const reason = r.reason === undefined ? '(*apiextensions.FieldValueErrorReason)(nil)' : `(*apiextensions.FieldValueErrorReason)(${goQuote(r.reason)})`;
  const optional = r.optionalOldSelf === undefined ? '(*bool)(nil)' : `(*bool)(${r.optionalOldSelf})`;
  return printedValue(
    `apiextensions.ValidationRule{Rule:${goQuote(r.rule ?? '')}, Message:${goQuote(r.message ?? '')}, MessageExpression:${goQuote(r.messageExpression ?? '')}, Reason:${reason}, FieldPath:${goQuote(r.fieldPath ?? '')}, OptionalOldSelf:${optional}}`,
  );
}

/** cel-go's rendering of an issue: `ERROR: <input>:1:6: msg` and the source line with a caret. */
function renderIssues(source: string, parsed: ParsedExpr, issues: readonly CheckIssue[]): string {
  return issues
    .map((issue) => {
      let offset = parsed.sourceInfo?.positions[issue.exprId.toString() as unknown as number] ?? 0;
      if (issue.atParen) {
        const paren = source.indexOf('(', offset);
        if (paren >= 0) offset = paren;
      }
      const before = source.slice(0, offset);
      const line = before.split('\n').length;
      const lineStart = before.lastIndexOf('\n') + 1;
      const column = offset - lineStart;
      const text = source.split('\n')[line - 1] ?? '';
      return `ERROR: <input>:${line}:${column + 1}: ${issue.message}\n | ${text}\n | ${'.'.repeat(column)}^`;
    })
    .join('\n');
}

interface Compiled {
  readonly program?: Program;
  readonly usesOldSelf: boolean;
  readonly estimatedCost: number;
  readonly error?: string;
}

/** Parses, checks and plans one expression; a rule (not a messageExpression) must yield a bool. */
export function compileExpression(source: string, self: Schema, meter: CostMeter, wantBool = false): Compiled {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(source);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { usesOldSelf: false, estimatedCost: 0, error: `compilation failed: ERROR: ${message}` };
  }
  const checked = checkRule(parsed.expr, self);
  if (checked.issues.length > 0) {
    return { usesOldSelf: checked.usesOldSelf, estimatedCost: checked.estimatedCost, error: `compilation failed: ${renderIssues(source, parsed, checked.issues)}` };
  }
  if (wantBool && resultKind(parsed.expr) === 'other') {
    return { usesOldSelf: checked.usesOldSelf, estimatedCost: checked.estimatedCost, error: 'cel expression must evaluate to a bool' };
  }
  instrument(parsed.expr as Expr, { value: 1n << 40n });
  const env = celEnv({ funcs: [...LIBRARY, meter.func()], variables: { self: CelScalar.DYN, oldSelf: CelScalar.DYN }, re2: re2ForCel });
  const planned = plan(env, parsed);
  const program: Program = (bindings) => planned(bindings as { self: CelInput; oldSelf: CelInput });
  return { program, usesOldSelf: checked.usesOldSelf, estimatedCost: checked.estimatedCost };
}

/** Compiles the rules of one schema node found at `path` (the node's path in the CRD). */
export function compileRules(schema: Schema, path: FieldPath, meter: CostMeter): RuleCompilation {
  const rules: CompiledRule[] = [];
  const errors: FieldError[] = [];
  let estimatedCost = 0;
  (schema['x-kubernetes-validations'] ?? []).forEach((rule, i) => {
    const at = path.child('x-kubernetes-validations').index(i);
    const before = errors.length;
    if (rule.reason !== undefined && !(SUPPORTED_REASONS as readonly string[]).includes(rule.reason)) {
      errors.push(notSupported(at.child('reason'), rule.reason, SUPPORTED_REASONS));
    }
    if (rule.message !== undefined && rule.message !== '') {
      if (rule.message.trim() === '') errors.push(invalid(at.child('message'), rule.message, 'message must be non-empty if specified'));
      else if (rule.message.includes('\n')) errors.push(invalid(at.child('message'), rule.message, 'message must not contain line breaks'));
      else if (Buffer.byteLength(rule.message) > MAX_MESSAGE_BYTES) errors.push(invalid(at.child('message'), '', `must have at most ${MAX_MESSAGE_BYTES} bytes`));
    }
    if (rule.messageExpression !== undefined && rule.messageExpression.trim() === '') {
      errors.push(required(at.child('messageExpression'), 'messageExpression must be non-empty if specified'));
    }
    let fieldPath: string | undefined;
    if (rule.fieldPath !== undefined && rule.fieldPath !== '') {
      const resolved = resolveFieldPath(rule.fieldPath, schema);
      if ('error' in resolved) errors.push(invalid(at.child('fieldPath'), rule.fieldPath, `fieldPath must be a valid path: ${resolved.error}`));
      else fieldPath = resolved.path;
    }
    if (!rule.rule || rule.rule.trim() === '') {
      errors.push(required(at.child('rule'), 'rule is not specified'));
      return;
    }
    const compiled = compileExpression(rule.rule, schema, meter, true);
    if (compiled.error !== undefined) {
      errors.push(invalid(at.child('rule'), goValidationRule(rule), compiled.error));
      return;
    }
    estimatedCost += compiled.estimatedCost;
    if (compiled.estimatedCost > STATIC_ESTIMATED_COST_LIMIT) {
      const factor = (compiled.estimatedCost / STATIC_ESTIMATED_COST_LIMIT).toFixed(1);
      errors.push(
        forbidden(at.child('rule'), `estimated rule cost exceeds budget by factor of ${factor}x (try simplifying the rule, or adding maxItems, maxProperties, and maxLength where arrays, maps, and strings are declared)`),
      );
    }
    if (rule.optionalOldSelf === true && !compiled.usesOldSelf) {
      errors.push(invalid(at.child('optionalOldSelf'), true, 'may not be set if oldSelf is not used in rule'));
    }
    let messageProgram: Program | undefined;
    if (rule.messageExpression !== undefined && rule.messageExpression.trim() !== '') {
      const m = compileExpression(rule.messageExpression, schema, meter);
      if (m.error !== undefined) errors.push(invalid(at.child('messageExpression'), goValidationRule(rule), `messageExpression ${m.error}`));
      else if (m.usesOldSelf) errors.push(invalid(at.child('messageExpression'), goValidationRule(rule), 'messageExpression compilation failed: oldSelf is not allowed in messageExpression'));
      else messageProgram = m.program;
    }
    if (errors.length === before) rules.push({ rule, program: compiled.program!, messageProgram, usesOldSelf: compiled.usesOldSelf, fieldPath });
  });
  return { rules, errors, estimatedCost };
}
