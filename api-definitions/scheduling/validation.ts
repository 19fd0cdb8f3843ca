/**
 * Validation of PriorityClasses over the internal types, with kube-apiserver's messages: the
 * `system-` prefix is reserved for the two system classes, user values stay at or below one
 * billion, the preemption policy is known, and value and policy never change.
 */
import {
  forbidden,
  nameIsDNSSubdomain,
  newPath,
  notSupported,
  required,
  validateImmutableField,
  validateObjectMeta,
  validateObjectMetaUpdate,
  type FieldError,
} from '../../runtime/machinery/validation/index.js';
import type * as scheduling from './types.js';

export const SYSTEM_PRIORITY_CLASS_PREFIX = 'system-';
export const HIGHEST_USER_DEFINABLE_PRIORITY = 1000000000;
/** The classes kube-apiserver creates itself, with their values. */
export const SYSTEM_PRIORITY_CLASSES: Readonly<Record<string, number>> = { 'system-node-critical': 2000001000, 'system-cluster-critical': 2000000000 };

/** IsKnownSystemPriorityClass: why a `system-` class is not one of the built-in ones, or undefined. */
function systemClassError(name: string, value: number, globalDefault: boolean): string | undefined {
  const known = SYSTEM_PRIORITY_CLASSES[name];
  if (known === undefined) return `${name} is not a known system priority class`;
  if (known !== value) return `value of ${name} PriorityClass must be ${known}`;
  if (globalDefault) return `globalDefault of ${name} PriorityClass must be false`;
  return undefined;
}

export function validatePriorityClass(pc: scheduling.PriorityClass): FieldError[] {
  const errs = validateObjectMeta(pc.metadata, { namespaced: false, nameFn: nameIsDNSSubdomain });
  const name = pc.metadata?.name ?? '';
  const value = pc.value ?? 0;
  if (name.startsWith(SYSTEM_PRIORITY_CLASS_PREFIX)) {
    const err = systemClassError(name, value, pc.globalDefault ?? false);
    if (err) errs.push(forbidden(newPath('metadata', 'name'), `priority class names with '${SYSTEM_PRIORITY_CLASS_PREFIX}' prefix are reserved for system use only. error: ${err}`));
  } else if (value > HIGHEST_USER_DEFINABLE_PRIORITY) {
    errs.push(forbidden(newPath('value'), `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`));
  }
  const policy = pc.preemptionPolicy;
  if (policy !== undefined && policy !== null) {
    if (policy === '') errs.push(required(newPath('preemptionPolicy')));
    else if (policy !== 'PreemptLowerPriority' && policy !== 'Never') errs.push(notSupported(newPath('preemptionPolicy'), policy, ['PreemptLowerPriority', 'Never']));
  }
  return errs;
}

export function validatePriorityClassUpdate(pc: scheduling.PriorityClass, old: scheduling.PriorityClass): FieldError[] {
  const errs = [...validatePriorityClass(pc).filter((e) => !e.field.startsWith('metadata.')), ...validateObjectMetaUpdate(pc.metadata, old.metadata)];
  if ((pc.value ?? 0) !== (old.value ?? 0)) errs.push(forbidden(newPath('value'), 'may not be changed in an update.'));
  errs.push(...validateImmutableField(pc.preemptionPolicy, old.preemptionPolicy, newPath('preemptionPolicy')));
  return errs;
}
