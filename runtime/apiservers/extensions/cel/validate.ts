/**
 * Evaluation of the compiled `x-kubernetes-validations` of a whole schema against an object
 * (apiextensions-apiserver's pkg/apiserver/schema/cel/validation.go): rules run on every non-null
 * value their schema node describes; transition rules (those using oldSelf) only where an old
 * value correlates (same field, same map key, same list-map keys), unless `optionalOldSelf`; all
 * rules of one object share a cost budget, and one rule may not spend more than the per-call limit.
 */
import { isCelError, type CelInput } from '@bufbuild/cel';
import { duplicate, forbidden, internalError, invalid, required, type FieldError } from '../../../machinery/validation/field.js';
import type { FieldPath } from '../../../machinery/validation/path.js';
import { isObject, itemsOf, MAX_DEPTH, mapValueSchema, type Schema } from '../schema/schema.js';
import { CostMeter, PER_CALL_LIMIT, RUNTIME_COST_BUDGET } from './budget.js';
import { maxElements } from './check.js';
import { compileRules, MAX_MESSAGE_BYTES, STATIC_ESTIMATED_CRD_COST_LIMIT, type CompiledRule } from './compile.js';
import { optionalOf, toCel } from './values.js';

/** The compiled rules of every node of a schema, and the errors of those that did not compile. */
export interface SchemaRules {
  readonly byNode: ReadonlyMap<Schema, readonly CompiledRule[]>;
  readonly errors: readonly FieldError[];
  readonly meter: CostMeter;
}

/** Compiles the rules of every structural node of `root`, reporting errors under `path`. */
export function compileSchemaRules(root: Schema, path: FieldPath): SchemaRules {
  const meter = new CostMeter();
  const byNode = new Map<Schema, CompiledRule[]>();
  const errors: FieldError[] = [];
  // A node's rules run once per value it describes: inside lists and maps, as many times as
  // they can hold, which the total estimate multiplies in.
  let total = 0;
  const walk = (s: Schema, at: FieldPath, depth: number, cardinality: number) => {
    if (depth > MAX_DEPTH) return;
    if ((s['x-kubernetes-validations'] ?? []).length > 0) {
      const compiled = compileRules(s, at, meter);
      errors.push(...compiled.errors);
      total += compiled.estimatedCost * cardinality;
      if (compiled.rules.length > 0) byNode.set(s, compiled.rules);
    }
    for (const [k, p] of Object.entries(s.properties ?? {})) walk(p, at.child('properties').key(k), depth + 1, cardinality);
    const items = itemsOf(s);
    if (items) walk(items, at.child('items'), depth + 1, cardinality * maxElements(s));
    const rest = mapValueSchema(s);
    if (rest) walk(rest, at.child('additionalProperties'), depth + 1, cardinality * maxElements(s));
  };
  walk(root, path, 0, 1);
  if (total > STATIC_ESTIMATED_CRD_COST_LIMIT) {
    const factor = (total / STATIC_ESTIMATED_CRD_COST_LIMIT).toFixed(1);
    errors.push(forbidden(path, `total CRD cost exceeds budget by factor of ${factor}x (try adding maxItems, maxProperties, and maxLength where arrays, maps, and strings are declared)`));
  }
  return { byNode, errors, meter };
}

const child = (name: string, k: string): string => (name === '' ? k : `${name}.${k}`);
const at = (name: string): string => (name === '' ? '<nil>' : name);
const ruleErrorString = (r: CompiledRule['rule']): string => (r.message ? r.message.trim() : r.rule.trim());
const ruleMessageOrDefault = (r: CompiledRule['rule']): string => (r.message ? r.message.trim() : `failed rule: ${r.rule.trim()}`);

/** cel-go's wording of a few runtime errors whose @bufbuild/cel wording differs. */
function celGoError(message: string): string {
  if (message.startsWith('found no matching overload') || message.startsWith('no such overload')) return 'no such overload';
  const key = /^field not found: (.*)$/.exec(message);
  if (key) return `no such key: ${key[1]}`;
  return message;
}

function errorForReason(path: string, type: string, detail: string, reason: string | undefined): FieldError {
  switch (reason) {
    case 'FieldValueForbidden':
      return forbidden(path, detail);
    case 'FieldValueRequired':
      return required(path, detail);
    case 'FieldValueDuplicate':
      return duplicate(path, type);
    default:
      return invalid(path, type, detail);
  }
}

class Run {
  remaining = RUNTIME_COST_BUDGET;
  stopped = false;
  readonly errors: FieldError[] = [];

  constructor(private readonly rules: SchemaRules) {}

  node(s: Schema, value: unknown, old: unknown, name: string, isResource: boolean, depth: number): void {
    if (this.stopped || depth > MAX_DEPTH || value === null || value === undefined) return;
    const compiled = this.rules.byNode.get(s);
    if (compiled) this.evaluate(s, compiled, value, old, name, isResource);
    if (Array.isArray(value)) {
      const items = itemsOf(s);
      if (!items) return;
      const keys = s['x-kubernetes-list-type'] === 'map' ? (s['x-kubernetes-list-map-keys'] ?? []) : undefined;
      const oldList = Array.isArray(old) ? old : [];
      value.forEach((v, i) => {
        const correlated = keys && isObject(v) ? oldList.find((o) => isObject(o) && keys.every((k) => o[k] === v[k])) : undefined;
        this.node(items, v, correlated, `${name}[${i}]`, items['x-kubernetes-embedded-resource'] === true, depth + 1);
      });
      return;
    }
    if (!isObject(value)) return;
    const rest = mapValueSchema(s);
    const oldObj = isObject(old) ? old : undefined;
    for (const [k, v] of Object.entries(value)) {
      if (isResource && k === 'metadata') continue;
      const p = s.properties?.[k];
      if (p) this.node(p, v, oldObj?.[k], child(name, k), p['x-kubernetes-embedded-resource'] === true, depth + 1);
      else if (rest) this.node(rest, v, oldObj?.[k], `${at(name)}[${k}]`, rest['x-kubernetes-embedded-resource'] === true, depth + 1);
    }
  }

  private evaluate(s: Schema, rules: readonly CompiledRule[], value: unknown, old: unknown, name: string, isResource: boolean): void {
    const type = s.type ?? '';
    const path = at(name);
    const meter = this.rules.meter;
    let self: CelInput;
    let oldSelf: CelInput | undefined;
    try {
      self = toCel(value, s, isResource);
      oldSelf = old === undefined || old === null ? undefined : toCel(old, s, isResource);
    } catch (e) {
      this.errors.push(invalid(path, type, `rule evaluation error: ${(e as Error).message}`));
      return;
    }
    for (const c of rules) {
      const rule = c.rule;
      const optional = rule.optionalOldSelf === true;
      if (c.usesOldSelf && oldSelf === undefined && !optional) continue;
      if (this.remaining <= 0) {
        this.errors.push(invalid(path, type, 'validation failed due to running out of cost budget, no further validation rules will be run'));
        this.stopped = true;
        return;
      }
      const limit = Math.min(PER_CALL_LIMIT, this.remaining);
      meter.start(limit);
      const result = c.program({ self, oldSelf: optional ? optionalOf(oldSelf) : (oldSelf ?? null) });
      this.remaining -= meter.cost + 1;
      if (meter.exceeded) {
        this.errors.push(
          limit === PER_CALL_LIMIT
            ? invalid(path, type, `'operation cancelled: actual cost limit exceeded': no further validation rules will be run due to call cost exceeds limit for rule: ${ruleErrorString(rule)}`)
            : invalid(path, type, 'validation failed due to running out of cost budget, no further validation rules will be run'),
        );
        this.stopped = true;
        return;
      }
      if (isCelError(result)) {
        const message = celGoError(result.message);
        if (message === 'no such overload') {
          this.errors.push(invalid(path, type, `'no such overload': call arguments did not match a supported operator, function or macro signature for rule: ${ruleErrorString(rule)}`));
        } else {
          this.errors.push(invalid(path, type, `${message} evaluating rule: ${ruleErrorString(rule)}`));
        }
        continue;
      }
      if (result === true) continue;
      if (typeof result !== 'boolean') {
        this.errors.push(internalError(path, new Error(`rule did not evaluate to a bool: ${ruleErrorString(rule)}`)));
        continue;
      }
      let target = path;
      if (c.fieldPath) target = c.fieldPath.startsWith('[') ? `${path}${c.fieldPath}` : name === '' ? c.fieldPath : `${name}.${c.fieldPath}`;
      const detail = this.message(c, self) ?? ruleMessageOrDefault(rule);
      this.errors.push(errorForReason(target, type, detail, rule.reason));
    }
  }

  /** The evaluated messageExpression, or undefined to fall back to the rule's message. */
  private message(c: CompiledRule, self: CelInput): string | undefined {
    if (!c.messageProgram) return undefined;
    const meter = this.rules.meter;
    meter.start(Math.min(PER_CALL_LIMIT, this.remaining));
    const out = c.messageProgram({ self, oldSelf: null });
    this.remaining -= meter.cost + 1;
    if (meter.exceeded || isCelError(out) || typeof out !== 'string') return undefined;
    const trimmed = out.trim();
    if (trimmed === '' || trimmed.includes('\n') || Buffer.byteLength(trimmed) > MAX_MESSAGE_BYTES) return undefined;
    return trimmed;
  }
}

/** The rule errors of `obj` (and, on update, `old`) under the schema the rules were compiled from. */
export function validateRules(rules: SchemaRules, root: Schema, obj: unknown, old?: unknown): FieldError[] {
  if (rules.byNode.size === 0) return [];
  const run = new Run(rules);
  run.node(root, obj, old, '', true, 0);
  return run.errors;
}
