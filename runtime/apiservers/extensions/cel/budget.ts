/**
 * The runtime cost bound of rule evaluation. @bufbuild/cel has no cost tracking, so every
 * comprehension of a planned rule gets its loop condition wrapped in a call to a budget function
 * that counts iterations and ends the loop once the per-call limit is spent; the evaluator then
 * reports the rule as over budget, whatever value the cut-short loop produced.
 */
import { celFunc, CelScalar, type CelFunc } from '@bufbuild/cel';
import type { Expr } from '@bufbuild/cel-spec/cel/expr/syntax_pb.js';

/** Upstream's PerCallLimit: the most one rule evaluation may cost. */
export const PER_CALL_LIMIT = 1_000_000;
/** Upstream's RuntimeCELCostBudget: the most all rules of one object may cost together. */
export const RUNTIME_COST_BUDGET = 10_000_000;

const BUDGET_FUNCTION = '@kapi_within_budget';

/** A counter shared by the rules of one evaluation: evaluation is synchronous, so one meter per compiled schema suffices. */
export class CostMeter {
  private spent = 0;
  private limit = PER_CALL_LIMIT;
  exceeded = false;

  /** Starts one rule's evaluation with at most `limit` iterations. */
  start(limit: number): void {
    this.spent = 0;
    this.limit = limit;
    this.exceeded = false;
  }

  /** The iterations the current evaluation used. */
  get cost(): number {
    return this.spent;
  }

  /** One loop iteration: false, and the budget marked exceeded, once the limit is passed. */
  tick(): boolean {
    this.spent++;
    if (this.spent > this.limit) this.exceeded = true;
    return !this.exceeded;
  }

  /** The function the instrumented loop conditions call. */
  func(): CelFunc {
    return celFunc(BUDGET_FUNCTION, [CelScalar.BOOL], CelScalar.BOOL, (cond: boolean) => this.tick() && cond);
  }
}

/** Wraps, in place, the loop condition of every comprehension of `expr` in the budget function. */
export function instrument(expr: Expr, nextId: { value: bigint }, depth = 0): void {
  if (depth > 512) return;
  const k = expr.exprKind;
  const go = (e: Expr | undefined) => {
    if (e) instrument(e, nextId, depth + 1);
  };
  switch (k.case) {
    case 'selectExpr':
      go(k.value.operand);
      break;
    case 'callExpr':
      go(k.value.target);
      k.value.args.forEach(go);
      break;
    case 'listExpr':
      k.value.elements.forEach(go);
      break;
    case 'structExpr':
      for (const en of k.value.entries) {
        if (en.keyKind.case === 'mapKey') go(en.keyKind.value);
        go(en.value);
      }
      break;
    case 'comprehensionExpr': {
      const c = k.value;
      go(c.iterRange);
      go(c.accuInit);
      go(c.loopCondition);
      go(c.loopStep);
      go(c.result);
      if (c.loopCondition) {
        nextId.value += 1n;
        c.loopCondition = {
          $typeName: 'cel.expr.Expr',
          id: nextId.value,
          exprKind: { case: 'callExpr', value: { $typeName: 'cel.expr.Expr.Call', function: BUDGET_FUNCTION, args: [c.loopCondition] } },
        } as Expr;
      }
      break;
    }
    default:
      break;
  }
}
