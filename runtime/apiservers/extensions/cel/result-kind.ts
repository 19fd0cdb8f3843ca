/**
 * What a rule's expression yields, as far as it can be told without a type checker: a bool, not
 * a bool, or unknown (a field of dynamic type). A rule that can only yield a non-bool is refused
 * as cel-go's checker refuses it ("cel expression must evaluate to a bool").
 */
import type { Expr } from '@bufbuild/cel-spec/cel/expr/syntax_pb.js';

export type ResultKind = 'bool' | 'other' | 'unknown';

const BOOL_FUNCTIONS = new Set([
  '_==_', '_!=_', '_<_', '_<=_', '_>_', '_>=_', '_&&_', '_||_', '!_', '@in', '@not_strictly_false',
  'startsWith', 'endsWith', 'contains', 'matches', 'isSorted', 'hasValue', 'bool', 'isQuantity', 'isInteger', 'isLessThan', 'isGreaterThan',
]);
const OTHER_FUNCTIONS = new Set([
  '_+_', '_-_', '_*_', '_/_', '_%_', '-_', 'size', 'int', 'uint', 'double', 'string', 'bytes', 'duration', 'timestamp', 'type',
  'charAt', 'format', 'indexOf', 'join', 'lastIndexOf', 'lowerAscii', 'replace', 'split', 'substring', 'trim', 'upperAscii', 'sum',
]);

export function resultKind(e: Expr | undefined, depth = 0): ResultKind {
  if (!e || depth > 64) return 'unknown';
  const k = e.exprKind;
  switch (k.case) {
    case 'constExpr':
      return k.value.constantKind.case === 'boolValue' ? 'bool' : 'other';
    case 'listExpr':
    case 'structExpr':
      return 'other';
    case 'selectExpr':
      return k.value.testOnly ? 'bool' : 'unknown';
    case 'comprehensionExpr': {
      // map/filter return their accumulator, which starts as the list it builds.
      const r = k.value.result;
      if (r?.exprKind.case === 'identExpr' && r.exprKind.value.name === k.value.accuVar) return resultKind(k.value.accuInit, depth + 1);
      return resultKind(r, depth + 1);
    }
    case 'callExpr': {
      const fn = k.value.function;
      if (fn === '_?_:_') {
        const a = resultKind(k.value.args[1], depth + 1);
        const b = resultKind(k.value.args[2], depth + 1);
        return a === b ? a : 'unknown';
      }
      if (BOOL_FUNCTIONS.has(fn)) return 'bool';
      if (OTHER_FUNCTIONS.has(fn)) return 'other';
      return 'unknown';
    }
    default:
      return 'unknown';
  }
}
