/**
 * Validation of Leases over the internal types, with kube-apiserver's messages: a positive
 * duration, non-negative transitions, a known coordinated strategy, and a preferred holder
 * only under a strategy.
 */
import {
  forbidden,
  invalid,
  isQualifiedName,
  nameIsDNSSubdomain,
  newPath,
  validateObjectMeta,
  validateObjectMetaUpdate,
  type FieldError,
  type FieldPath,
} from '../../runtime/machinery/validation/index.js';
import type * as coordination from './types.js';

/** ValidateCoordinatedLeaseStrategy: the built-in strategy, or a domain-qualified custom one. */
function validateStrategy(strategy: string, path: FieldPath): FieldError[] {
  if (strategy === 'OldestEmulationVersion') return [];
  const slash = strategy.indexOf('/');
  if (slash < 0) return [invalid(path, strategy, 'Must be "OldestEmulationVersion" or a domain-prefixed value')];
  return isQualifiedName(strategy).map((m) => invalid(path, strategy, m));
}

function validateLeaseSpec(spec: coordination.LeaseSpec | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const duration = spec?.leaseDurationSeconds;
  if (duration !== undefined && duration !== null && duration <= 0) errs.push(invalid(path.child('leaseDurationSeconds'), duration, 'must be greater than 0'));
  const transitions = spec?.leaseTransitions;
  if (transitions !== undefined && transitions !== null && transitions < 0) errs.push(invalid(path.child('leaseTransitions'), transitions, 'must be greater than or equal to 0'));
  if (spec?.strategy !== undefined && spec.strategy !== null) errs.push(...validateStrategy(spec.strategy, path.child('strategy')));
  if (spec?.preferredHolder && !spec.strategy) errs.push(forbidden(path.child('preferredHolder'), 'may only be specified if `strategy` is defined'));
  return errs;
}

export function validateLease(lease: coordination.Lease): FieldError[] {
  return [...validateObjectMeta(lease.metadata, { namespaced: true, nameFn: nameIsDNSSubdomain }), ...validateLeaseSpec(lease.spec, newPath('spec'))];
}

export function validateLeaseUpdate(lease: coordination.Lease, old: coordination.Lease): FieldError[] {
  return [...validateObjectMetaUpdate(lease.metadata, old.metadata), ...validateLeaseSpec(lease.spec, newPath('spec'))];
}
