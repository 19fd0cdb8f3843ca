/**
 * Deletion rules of the generic store (rest.BeforeDelete and the store's finalizer handling):
 * DeleteOptions validation, preconditions checked early, graceful deletion (deletionTimestamp
 * plus grace period), and the `orphan` / `foregroundDeletion` finalizers a propagation policy
 * records for the garbage collector.
 */
import { goQuote, newConflict, newInvalid, OMIT_VALUE, StatusError, type FieldError } from '../machinery/errors.js';
import { metaOf, nowTimestamp, parseTimestamp, type KObject } from './meta.js';
import type { DeleteOptions, Strategy, StrategyContext } from './strategy.js';
import { FINALIZER_DELETE_DEPENDENTS, FINALIZER_ORPHAN_DEPENDENTS } from './validation.js';

const PROPAGATION_POLICIES = ['Foreground', 'Background', 'Orphan'];

/** validation.ValidateDeleteOptions. */
export function validateDeleteOptions(options: DeleteOptions): FieldError[] {
  const errs: FieldError[] = [];
  const hasOrphan = options.orphanDependents !== undefined && options.orphanDependents !== null;
  const policy = options.propagationPolicy;
  const hasPolicy = policy !== undefined && policy !== null;
  if (hasOrphan && hasPolicy) {
    errs.push({ type: 'Invalid', field: 'propagationPolicy', badValue: policy, detail: 'orphanDependents and deletionPropagation cannot be both set' });
  }
  if (hasPolicy && !PROPAGATION_POLICIES.includes(policy)) {
    errs.push({
      type: 'NotSupported',
      field: 'propagationPolicy',
      badValue: policy,
      detail: `supported values: ${[...PROPAGATION_POLICIES, 'nil'].map(goQuote).join(', ')}`,
    });
  }
  if ((options.dryRun ?? []).some((value) => value !== 'All')) errs.push(dryRunNotSupported(options.dryRun ?? []));
  return errs;
}

/** `dryRun: Unsupported value: []string{"x"}: supported values: "All"`. */
export function dryRunNotSupported(values: readonly string[]): FieldError {
  return {
    type: 'NotSupported',
    field: 'dryRun',
    badValue: OMIT_VALUE,
    detail: `[]string{${values.map(goQuote).join(', ')}}: supported values: "All"`,
  };
}

export function invalidDeleteOptions(errs: FieldError[]): StatusError {
  return newInvalid({ group: 'meta.k8s.io', kind: 'DeleteOptions' }, '', errs);
}

export interface BeforeDeleteResult {
  /** The object is to be updated with a deletion timestamp rather than removed now. */
  readonly graceful: boolean;
  /** A graceful deletion is already under way and this request does not shorten it. */
  readonly gracefulPending: boolean;
}

/**
 * rest.BeforeDelete: validates the options, checks preconditions early, and for graceful kinds
 * sets deletionTimestamp and deletionGracePeriodSeconds on `object` (and may rewrite
 * `options.gracePeriodSeconds`).
 */
export function beforeDelete(strategy: Strategy, ctx: StrategyContext, object: KObject, options: DeleteOptions, kind: { group: string; kind: string }): BeforeDeleteResult {
  const errs = validateDeleteOptions(options);
  if (errs.length > 0) throw invalidDeleteOptions(errs);
  const meta = metaOf(object);
  const preconditionTarget = { group: kind.group, resource: kind.kind };
  const uid = options.preconditions?.uid;
  if (uid !== undefined && uid !== null && uid !== (meta.uid ?? '')) {
    throw newConflict(
      preconditionTarget,
      meta.name ?? '',
      `the UID in the precondition (${uid}) does not match the UID in record (${meta.uid ?? ''}). The object might have been deleted and then recreated`,
    );
  }
  const rv = options.preconditions?.resourceVersion;
  if (rv !== undefined && rv !== null && rv !== (meta.resourceVersion ?? '')) {
    throw newConflict(
      preconditionTarget,
      meta.name ?? '',
      `the ResourceVersion in the precondition (${rv}) does not match the ResourceVersion in record (${meta.resourceVersion ?? ''}). The object might have been modified`,
    );
  }
  if (typeof options.gracePeriodSeconds === 'number' && options.gracePeriodSeconds < 0) options.gracePeriodSeconds = 1;
  if (typeof meta.deletionGracePeriodSeconds === 'number' && meta.deletionGracePeriodSeconds < 0) meta.deletionGracePeriodSeconds = 1;

  if (!strategy.checkGracefulDelete) return { graceful: false, gracefulPending: false };

  if (meta.deletionTimestamp) {
    const current = meta.deletionGracePeriodSeconds;
    if (current === undefined || current === null || current === 0) return { graceful: false, gracefulPending: false };
    if (typeof options.gracePeriodSeconds === 'number') {
      const period = options.gracePeriodSeconds;
      if (period >= current) return { graceful: false, gracefulPending: true };
      const started = parseTimestamp(meta.deletionTimestamp) - current * 1000;
      meta.deletionTimestamp = nowTimestamp(new Date(started + period * 1000));
      meta.deletionGracePeriodSeconds = period;
      return { graceful: true, gracefulPending: false };
    }
    options.gracePeriodSeconds = current;
    return { graceful: false, gracefulPending: true };
  }

  if (!strategy.checkGracefulDelete(ctx, object, options)) return { graceful: false, gracefulPending: false };
  const period = options.gracePeriodSeconds;
  if (typeof period !== 'number') throw new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Internal error occurred: options.GracePeriodSeconds should not be nil', reason: 'InternalError', code: 500 });
  meta.deletionTimestamp = nowTimestamp(new Date(Date.now() + period * 1000));
  meta.deletionGracePeriodSeconds = period;
  if (typeof meta.generation === 'number' && meta.generation > 0) meta.generation += 1;
  return { graceful: true, gracefulPending: false };
}

function shouldOrphanDependents(strategy: Strategy, ctx: StrategyContext, finalizers: readonly string[], options: DeleteOptions): boolean {
  const policy = strategy.defaultGarbageCollectionPolicy(ctx);
  if (policy === 'Unsupported') return false;
  if (typeof options.orphanDependents === 'boolean') return options.orphanDependents;
  switch (options.propagationPolicy) {
    case 'Orphan':
      return true;
    case 'Background':
    case 'Foreground':
      return false;
  }
  for (const f of finalizers) {
    if (f === FINALIZER_ORPHAN_DEPENDENTS) return true;
    if (f === FINALIZER_DELETE_DEPENDENTS) return false;
  }
  return policy === 'OrphanDependents';
}

function shouldDeleteDependents(strategy: Strategy, ctx: StrategyContext, finalizers: readonly string[], options: DeleteOptions): boolean {
  if (strategy.defaultGarbageCollectionPolicy(ctx) === 'Unsupported') return false;
  if (typeof options.orphanDependents === 'boolean') return false;
  switch (options.propagationPolicy) {
    case 'Foreground':
      return true;
    case 'Background':
    case 'Orphan':
      return false;
  }
  for (const f of finalizers) {
    if (f === FINALIZER_DELETE_DEPENDENTS) return true;
    if (f === FINALIZER_ORPHAN_DEPENDENTS) return false;
  }
  return false;
}

/**
 * The finalizers the garbage collector needs for this deletion, and whether they differ from
 * the object's (deletionFinalizersForGarbageCollection).
 */
export function deletionFinalizersForGarbageCollection(
  strategy: Strategy,
  ctx: StrategyContext,
  object: KObject,
  options: DeleteOptions,
  enabled: boolean,
): { changed: boolean; finalizers: string[] } {
  const current = [...(metaOf(object).finalizers ?? [])];
  if (!enabled) return { changed: false, finalizers: current };
  const orphan = shouldOrphanDependents(strategy, ctx, current, options);
  const foreground = shouldDeleteDependents(strategy, ctx, current, options);
  const next = current.filter((f) => f !== FINALIZER_ORPHAN_DEPENDENTS && f !== FINALIZER_DELETE_DEPENDENTS);
  if (orphan) next.push(FINALIZER_ORPHAN_DEPENDENTS);
  if (foreground) next.push(FINALIZER_DELETE_DEPENDENTS);
  const a = new Set(current);
  const b = new Set(next);
  const same = a.size === b.size && [...a].every((f) => b.has(f));
  return same ? { changed: false, finalizers: current } : { changed: true, finalizers: next };
}

/** markAsDeleting: deletionTimestamp now (unless already earlier), grace period 0, generation bumped once. */
export function markAsDeleting(object: KObject, now: Date = new Date()): void {
  const meta = metaOf(object);
  if (!meta.deletionTimestamp && typeof meta.generation === 'number' && meta.generation > 0) meta.generation += 1;
  const existing = parseTimestamp(meta.deletionTimestamp);
  if (!meta.deletionTimestamp || existing > now.getTime()) meta.deletionTimestamp = nowTimestamp(now);
  meta.deletionGracePeriodSeconds = 0;
}

/** ShouldDeleteDuringUpdate: the last finalizer of an object being deleted (with no grace left) is gone. */
export function shouldDeleteDuringUpdate(object: KObject, existing: KObject): boolean {
  const meta = metaOf(object);
  const old = metaOf(existing);
  if ((meta.finalizers ?? []).length > 0) return false;
  if (!old.deletionTimestamp) return false;
  return old.deletionGracePeriodSeconds === undefined || old.deletionGracePeriodSeconds === null || old.deletionGracePeriodSeconds === 0;
}
