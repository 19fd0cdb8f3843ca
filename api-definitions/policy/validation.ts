/**
 * Validation of PodDisruptionBudgets over the internal types, with kube-apiserver's messages:
 * minAvailable or maxUnavailable (not both), each a count or a percentage up to 100%, a valid
 * selector and a known unhealthy-pod eviction policy. The spec stays mutable.
 */
import { isNotMoreThan100Percent, validatePositiveIntOrPercent } from '../apps/validation.js';
import {
  invalid,
  nameIsPathSegment,
  newPath,
  notSupported,
  printedValue,
  validateLabelSelector,
  validateObjectMeta,
  validateObjectMetaUpdate,
  type FieldError,
  type FieldPath,
} from '../../runtime/machinery/validation/index.js';
import type * as policy from './types.js';

const UNHEALTHY_POD_EVICTION_POLICIES = ['AlwaysAllow', 'IfHealthyBudget'];

function validateSpec(spec: policy.PodDisruptionBudgetSpec | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const min = spec?.minAvailable;
  const max = spec?.maxUnavailable;
  if (min !== undefined && max !== undefined) {
    errs.push(invalid(path, printedValue(`policy.PodDisruptionBudgetSpec{MinAvailable:${String(min)}, MaxUnavailable:${String(max)}}`), 'minAvailable and maxUnavailable cannot be both set'));
  }
  if (min !== undefined) errs.push(...validatePositiveIntOrPercent(min, path.child('minAvailable')), ...isNotMoreThan100Percent(min, path.child('minAvailable')));
  if (max !== undefined) errs.push(...validatePositiveIntOrPercent(max, path.child('maxUnavailable')), ...isNotMoreThan100Percent(max, path.child('maxUnavailable')));
  if (spec?.selector) errs.push(...validateLabelSelector(spec.selector, {}, path.child('selector')));
  const eviction = spec?.unhealthyPodEvictionPolicy;
  if (eviction !== undefined && eviction !== null && !UNHEALTHY_POD_EVICTION_POLICIES.includes(eviction)) {
    errs.push(notSupported(path.child('unhealthyPodEvictionPolicy'), eviction, UNHEALTHY_POD_EVICTION_POLICIES));
  }
  return errs;
}

export function validatePodDisruptionBudget(pdb: policy.PodDisruptionBudget): FieldError[] {
  // Upstream checks only that the name fits in a URL (the generic BeforeCreate check).
  return [...validateObjectMeta(pdb.metadata, { namespaced: true, nameFn: nameIsPathSegment }), ...validateSpec(pdb.spec, newPath('spec'))];
}

export function validatePodDisruptionBudgetUpdate(pdb: policy.PodDisruptionBudget, old: policy.PodDisruptionBudget): FieldError[] {
  return [...validateObjectMetaUpdate(pdb.metadata, old.metadata), ...validateSpec(pdb.spec, newPath('spec'))];
}
