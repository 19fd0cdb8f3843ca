/**
 * Validation of the pod spec fields that decide where a pod may run, with kube-apiserver's
 * messages: tolerations (key, operator, value, effect, tolerationSeconds) and host ports, which
 * must be unique per protocol and host IP across a pod's containers.
 */
import {
  duplicate,
  invalid,
  isValidLabelValue,
  notSupported,
  printedValue,
  validateLabelName,
  type FieldError,
  type FieldPath,
} from '../../../runtime/machinery/validation/index.js';
import type * as core from '../types.js';

const TOLERATION_OPERATORS = ['Equal', 'Exists'];
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** Go's %#v of a toleration, as upstream prints it in `value must be empty` errors. */
function goToleration(t: core.Toleration): object {
  const seconds = t.tolerationSeconds == null ? '(*int64)(nil)' : `(*int64)(${t.tolerationSeconds})`;
  const q = JSON.stringify;
  return printedValue(
    `core.Toleration{Key:${q(t.key ?? '')}, Operator:${q(t.operator ?? '')}, Value:${q(t.value ?? '')}, Effect:${q(t.effect ?? '')}, TolerationSeconds:${seconds}}`,
  );
}

/** ValidateTolerations. */
export function validateTolerations(tolerations: readonly core.Toleration[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (tolerations ?? []).forEach((t, i) => {
    const p = path.index(i);
    const key = t.key ?? '';
    const operator = t.operator ?? '';
    const effect = t.effect ?? '';
    if (key !== '') errs.push(...validateLabelName(key, p.child('key')));
    if (key === '' && operator !== 'Exists') {
      errs.push(invalid(p.child('operator'), operator, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (t.tolerationSeconds != null && effect !== 'NoExecute') {
      errs.push(invalid(p.child('effect'), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (operator === 'Equal' || operator === '') {
      const msgs = isValidLabelValue(t.value ?? '');
      if (msgs.length > 0) errs.push(invalid(p.child('operator'), t.value ?? '', msgs.join(';')));
    } else if (operator === 'Exists') {
      if (t.value) errs.push(invalid(p.child('operator'), goToleration(t), "value must be empty when `operator` is 'Exists'"));
    } else {
      errs.push(notSupported(p.child('operator'), operator, TOLERATION_OPERATORS));
    }
    if (effect !== '' && !TAINT_EFFECTS.includes(effect)) errs.push(notSupported(p.child('effect'), effect, TAINT_EFFECTS));
  });
  return errs;
}

/** checkHostPortConflicts: `spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//80"`. */
export function validateHostPortConflicts(containers: readonly core.Container[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (containers ?? []).forEach((c, ci) => {
    (c.ports ?? []).forEach((port, pi) => {
      if (!port.hostPort) return;
      const key = `${port.protocol ?? ''}/${port.hostIP ?? ''}/${port.hostPort}`;
      if (seen.has(key)) errs.push(duplicate(path.index(ci).child('ports').index(pi).child('hostPort'), key));
      else seen.add(key);
    });
  });
  return errs;
}
