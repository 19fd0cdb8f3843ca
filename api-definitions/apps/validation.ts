/**
 * Validation of apps objects over the internal types, with kube-apiserver's messages:
 * Deployments, StatefulSets, DaemonSets and ReplicaSets, whose selectors must select their own
 * pod templates and may not change once created.
 */
import type { IntOrString, LabelSelector } from '../meta/v1/types.js';
import { validatePodTemplateSpec } from '../core/validation.js';
import type * as core from '../core/types.js';
import {
  forbidden,
  goLabelSelector,
  goStringMap,
  invalid,
  isValidPercent,
  nameIsDNSSubdomain,
  newPath,
  notSupported,
  printedValue,
  required,
  selectorMatches,
  semanticEqual,
  validateImmutableField,
  validateLabelSelector,
  validateNonnegativeField,
  validateObjectMeta,
  validateObjectMetaUpdate,
  type FieldError,
  type FieldPath,
} from '../../runtime/machinery/validation/index.js';
import type * as apps from './types.js';

export const validateDeploymentName = nameIsDNSSubdomain;
export const validateStatefulSetName = nameIsDNSSubdomain;
export const validateDaemonSetName = nameIsDNSSubdomain;
export const validateReplicaSetName = nameIsDNSSubdomain;

/** An IntOrString printed as its String() (unquoted), as upstream's errors show it. */
const intstrValue = (v: IntOrString | undefined): object => printedValue(v === undefined ? '0' : String(v));

/** A percentage like `25%`, or a non-negative integer. */
export function validatePositiveIntOrPercent(value: IntOrString | undefined, path: FieldPath): FieldError[] {
  if (typeof value === 'string') return isValidPercent(value).map((m) => invalid(path, intstrValue(value), m));
  if (typeof value === 'number') return validateNonnegativeField(value, path);
  return [];
}

function intOrPercentValue(value: IntOrString | undefined): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^[0-9]+%$/.test(value)) return Number(value.slice(0, -1));
  return 0;
}

export function isNotMoreThan100Percent(value: IntOrString | undefined, path: FieldPath): FieldError[] {
  if (typeof value !== 'string' || !/^[0-9]+%$/.test(value) || Number(value.slice(0, -1)) <= 100) return [];
  return [invalid(path, intstrValue(value), 'must not be greater than 100%')];
}

/** Selector required and well formed, not empty; the template's labels match it; the template is valid. */
function validateSelectorAndTemplate(
  selector: LabelSelector | undefined,
  template: core.PodTemplateSpec | undefined,
  kindWord: string,
  path: FieldPath,
  extraVolumes: readonly string[] = [],
): FieldError[] {
  const errs: FieldError[] = [];
  if (!selector) errs.push(required(path.child('selector')));
  else {
    errs.push(...validateLabelSelector(selector, {}, path.child('selector')));
    if (Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length === 0) {
      errs.push(invalid(path.child('selector'), goLabelSelector(selector), `empty selector is invalid for ${kindWord}`));
    }
  }
  if (!template) {
    errs.push(required(path.child('template')));
    return errs;
  }
  const empty = !selector || Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length === 0;
  if (!empty && !selectorMatches(selector, template.metadata?.labels)) {
    errs.push(invalid(path.child('template', 'metadata', 'labels'), goStringMap(template.metadata?.labels), '`selector` does not match template `labels`'));
  }
  errs.push(...validatePodTemplateSpec(template, path.child('template'), { extraVolumes }));
  return errs;
}

function restartAlwaysOnly(template: core.PodTemplateSpec | undefined, kind: string, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const spec = template?.spec;
  if (!spec) return errs;
  if (spec.restartPolicy !== 'Always') errs.push(notSupported(path.child('template', 'spec', 'restartPolicy'), spec.restartPolicy ?? '', ['Always']));
  if (spec.activeDeadlineSeconds != null) {
    errs.push(forbidden(path.child('template', 'spec', 'activeDeadlineSeconds'), `activeDeadlineSeconds in ${kind} is not Supported`));
  }
  return errs;
}

// ---------------------------------------------------------------------------------------------
// Deployments

function goDeploymentStrategy(s: apps.DeploymentStrategy): object {
  const ru = s.rollingUpdate
    ? `(*apps.RollingUpdateDeployment){MaxUnavailable:${s.rollingUpdate.maxUnavailable ?? '<nil>'}, MaxSurge:${s.rollingUpdate.maxSurge ?? '<nil>'}}`
    : '(*apps.RollingUpdateDeployment)(nil)';
  return printedValue(`apps.DeploymentStrategy{Type:${JSON.stringify(s.type ?? '')}, RollingUpdate:${ru}}`);
}

function validateDeploymentStrategy(strategy: apps.DeploymentStrategy | undefined, path: FieldPath): FieldError[] {
  const s = strategy ?? {};
  const errs: FieldError[] = [];
  switch (s.type) {
    case 'Recreate':
      if (s.rollingUpdate) errs.push(forbidden(path.child('rollingUpdate'), "may not be specified when strategy `type` is 'Recreate'"));
      break;
    case 'RollingUpdate': {
      const ru = s.rollingUpdate;
      if (!ru) {
        errs.push(required(path.child('rollingUpdate'), 'this should be defaulted and never be nil'));
        break;
      }
      const rp = path.child('rollingUpdate');
      errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, rp.child('maxUnavailable')));
      errs.push(...validatePositiveIntOrPercent(ru.maxSurge, rp.child('maxSurge')));
      if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
        errs.push(invalid(rp.child('maxUnavailable'), intstrValue(ru.maxUnavailable), 'may not be 0 when `maxSurge` is 0'));
      }
      errs.push(...isNotMoreThan100Percent(ru.maxUnavailable, rp.child('maxUnavailable')));
      break;
    }
    default:
      errs.push(notSupported(path, goDeploymentStrategy(s), ['Recreate', 'RollingUpdate']));
  }
  return errs;
}

export function validateDeployment(obj: apps.Deployment): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, { namespaced: true, nameFn: validateDeploymentName });
  const path = newPath('spec');
  const spec = obj.spec;
  if (!spec) return [...errs, required(path)];
  errs.push(...validateNonnegativeField(spec.replicas ?? 0, path.child('replicas')));
  errs.push(...validateSelectorAndTemplate(spec.selector, spec.template, 'deployment', path));
  errs.push(...restartAlwaysOnly(spec.template, 'ReplicaSet', path));
  errs.push(...validateDeploymentStrategy(spec.strategy, path.child('strategy')));
  errs.push(...validateNonnegativeField(spec.minReadySeconds ?? 0, path.child('minReadySeconds')));
  if (spec.revisionHistoryLimit != null) errs.push(...validateNonnegativeField(spec.revisionHistoryLimit, path.child('revisionHistoryLimit')));
  if (spec.progressDeadlineSeconds != null) {
    errs.push(...validateNonnegativeField(spec.progressDeadlineSeconds, path.child('progressDeadlineSeconds')));
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
      errs.push(invalid(path.child('progressDeadlineSeconds'), spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
    }
  }
  return errs;
}

const specErrors = (errs: FieldError[]): FieldError[] => errs.filter((e) => !e.field.startsWith('metadata.'));

export function validateDeploymentUpdate(obj: apps.Deployment, old: apps.Deployment): FieldError[] {
  return [
    ...validateObjectMetaUpdate(obj.metadata, old.metadata),
    ...specErrors(validateDeployment(obj)),
    ...validateImmutableField(obj.spec?.selector, old.spec?.selector, newPath('spec', 'selector'), goLabelSelector(obj.spec?.selector)),
  ];
}

// ---------------------------------------------------------------------------------------------
// StatefulSets

export function validateStatefulSet(obj: apps.StatefulSet): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, { namespaced: true, nameFn: validateStatefulSetName });
  const path = newPath('spec');
  const spec = obj.spec;
  if (!spec) return [...errs, required(path)];
  switch (spec.podManagementPolicy ?? '') {
    case '':
      errs.push(required(path.child('podManagementPolicy')));
      break;
    case 'OrderedReady':
    case 'Parallel':
      break;
    default:
      errs.push(invalid(path.child('podManagementPolicy'), spec.podManagementPolicy, "must be 'OrderedReady' or 'Parallel'"));
  }
  const us = spec.updateStrategy ?? {};
  switch (us.type ?? '') {
    case '':
      errs.push(required(path.child('updateStrategy')));
      break;
    case 'OnDelete':
      if (us.rollingUpdate) errs.push(invalid(path.child('updateStrategy', 'rollingUpdate'), us.rollingUpdate, "only allowed for updateStrategy 'RollingUpdate'"));
      break;
    case 'RollingUpdate':
      if (us.rollingUpdate) {
        errs.push(...validateNonnegativeField(us.rollingUpdate.partition ?? 0, path.child('updateStrategy', 'rollingUpdate', 'partition')));
        if (us.rollingUpdate.maxUnavailable !== undefined) {
          const mp = path.child('updateStrategy', 'rollingUpdate', 'maxUnavailable');
          errs.push(...validatePositiveIntOrPercent(us.rollingUpdate.maxUnavailable, mp));
          if (intOrPercentValue(us.rollingUpdate.maxUnavailable) === 0) errs.push(invalid(mp, intstrValue(us.rollingUpdate.maxUnavailable), 'must be greater than 0'));
          errs.push(...isNotMoreThan100Percent(us.rollingUpdate.maxUnavailable, mp));
        }
      }
      break;
    default:
      errs.push(invalid(path.child('updateStrategy'), us, "must be 'RollingUpdate' or 'OnDelete'"));
  }
  const retention = spec.persistentVolumeClaimRetentionPolicy;
  if (retention) {
    for (const f of ['whenDeleted', 'whenScaled'] as const) {
      const v = retention[f];
      if (v !== undefined && v !== 'Retain' && v !== 'Delete') {
        errs.push(notSupported(path.child('persistentVolumeClaimRetentionPolicy', f), v, ['Retain', 'Delete']));
      }
    }
  }
  errs.push(...validateNonnegativeField(spec.replicas ?? 0, path.child('replicas')));
  errs.push(...validateNonnegativeField(spec.minReadySeconds ?? 0, path.child('minReadySeconds')));
  if (spec.ordinals) errs.push(...validateNonnegativeField(spec.ordinals.start ?? 0, path.child('ordinals.start')));
  const claimNames = (spec.volumeClaimTemplates ?? []).map((c) => c.metadata?.name ?? '');
  errs.push(...validateSelectorAndTemplate(spec.selector, spec.template, 'statefulset', path, claimNames));
  errs.push(...restartAlwaysOnly(spec.template, 'StatefulSet', path));
  if (spec.revisionHistoryLimit != null) errs.push(...validateNonnegativeField(spec.revisionHistoryLimit, path.child('revisionHistoryLimit')));
  return errs;
}

export function validateStatefulSetUpdate(obj: apps.StatefulSet, old: apps.StatefulSet): FieldError[] {
  const errs = [...validateObjectMetaUpdate(obj.metadata, old.metadata), ...specErrors(validateStatefulSet(obj))];
  const n = obj.spec;
  const o = old.spec;
  if (n && o) {
    const masked = {
      ...n,
      replicas: o.replicas,
      template: o.template,
      updateStrategy: o.updateStrategy,
      minReadySeconds: o.minReadySeconds,
      ordinals: o.ordinals,
      revisionHistoryLimit: o.revisionHistoryLimit,
      persistentVolumeClaimRetentionPolicy: o.persistentVolumeClaimRetentionPolicy,
    };
    if (!semanticEqual(masked, o)) {
      errs.push(
        forbidden(
          newPath('spec'),
          "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
        ),
      );
    }
  }
  return errs;
}

// ---------------------------------------------------------------------------------------------
// DaemonSets

function validateDaemonSetUpdateStrategy(strategy: apps.DaemonSetUpdateStrategy | undefined, path: FieldPath): FieldError[] {
  const s = strategy ?? {};
  const errs: FieldError[] = [];
  switch (s.type) {
    case 'OnDelete':
      break;
    case 'RollingUpdate': {
      const ru = s.rollingUpdate;
      if (!ru) return [required(path.child('rollingUpdate'))];
      const rp = path.child('rollingUpdate');
      errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, rp.child('maxUnavailable')));
      errs.push(...validatePositiveIntOrPercent(ru.maxSurge, rp.child('maxSurge')));
      errs.push(...isNotMoreThan100Percent(ru.maxUnavailable, rp.child('maxUnavailable')));
      errs.push(...isNotMoreThan100Percent(ru.maxSurge, rp.child('maxSurge')));
      const hasUnavailable = intOrPercentValue(ru.maxUnavailable) !== 0;
      const hasSurge = intOrPercentValue(ru.maxSurge) !== 0;
      if (hasUnavailable && hasSurge) errs.push(invalid(rp.child('maxSurge'), intstrValue(ru.maxSurge), 'may not be set when maxUnavailable is non-zero'));
      else if (!hasUnavailable && !hasSurge) errs.push(required(rp.child('maxUnavailable'), 'cannot be 0 when maxSurge is 0'));
      break;
    }
    default:
      errs.push(notSupported(path, s, ['RollingUpdate', 'OnDelete']));
  }
  return errs;
}

export function validateDaemonSet(obj: apps.DaemonSet): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, { namespaced: true, nameFn: validateDaemonSetName });
  const path = newPath('spec');
  const spec = obj.spec;
  if (!spec) return [...errs, required(path)];
  errs.push(...validateSelectorAndTemplate(spec.selector, spec.template, 'daemonset', path));
  errs.push(...restartAlwaysOnly(spec.template, 'DaemonSet', path));
  errs.push(...validateNonnegativeField(spec.minReadySeconds ?? 0, path.child('minReadySeconds')));
  errs.push(...validateDaemonSetUpdateStrategy(spec.updateStrategy, path.child('updateStrategy')));
  if (spec.revisionHistoryLimit != null) errs.push(...validateNonnegativeField(spec.revisionHistoryLimit, path.child('revisionHistoryLimit')));
  return errs;
}

export function validateDaemonSetUpdate(obj: apps.DaemonSet, old: apps.DaemonSet): FieldError[] {
  return [
    ...validateObjectMetaUpdate(obj.metadata, old.metadata),
    ...specErrors(validateDaemonSet(obj)),
    ...validateImmutableField(obj.spec?.selector, old.spec?.selector, newPath('spec', 'selector'), goLabelSelector(obj.spec?.selector)),
  ];
}

// ---------------------------------------------------------------------------------------------
// ReplicaSets

export function validateReplicaSet(obj: apps.ReplicaSet): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, { namespaced: true, nameFn: validateReplicaSetName });
  const path = newPath('spec');
  const spec = obj.spec;
  if (!spec) return [...errs, required(path)];
  errs.push(...validateNonnegativeField(spec.replicas ?? 0, path.child('replicas')));
  errs.push(...validateNonnegativeField(spec.minReadySeconds ?? 0, path.child('minReadySeconds')));
  // Upstream words the empty-selector error for ReplicaSets as for Deployments.
  errs.push(...validateSelectorAndTemplate(spec.selector, spec.template, 'deployment', path));
  errs.push(...restartAlwaysOnly(spec.template, 'ReplicaSet', path));
  return errs;
}

export function validateReplicaSetUpdate(obj: apps.ReplicaSet, old: apps.ReplicaSet): FieldError[] {
  return [
    ...validateObjectMetaUpdate(obj.metadata, old.metadata),
    ...specErrors(validateReplicaSet(obj)),
    ...validateImmutableField(obj.spec?.selector, old.spec?.selector, newPath('spec', 'selector'), goLabelSelector(obj.spec?.selector)),
  ];
}

// ---------------------------------------------------------------------------------------------
// Status updates

type Counts = Readonly<Record<string, number | undefined>>;

/** Each named count non-negative. */
function nonnegativeCounts(status: Counts, fields: readonly string[], path: FieldPath): FieldError[] {
  return fields.flatMap((f) => (status[f] != null ? validateNonnegativeField(status[f], path.child(f)) : []));
}

/** Each named count at most `status.replicas`. */
function notAboveReplicas(status: Counts, fields: readonly string[], path: FieldPath): FieldError[] {
  const replicas = status['replicas'] ?? 0;
  return fields.flatMap((f) => ((status[f] ?? 0) > replicas ? [invalid(path.child(f), status[f] ?? 0, 'cannot be greater than status.replicas')] : []));
}

function availableNotAboveReady(status: Counts, path: FieldPath): FieldError[] {
  return (status['availableReplicas'] ?? 0) > (status['readyReplicas'] ?? 0)
    ? [invalid(path.child('availableReplicas'), status['availableReplicas'] ?? 0, 'cannot be greater than readyReplicas')]
    : [];
}

const statusPath = newPath('status');

export function validateDeploymentStatusUpdate(obj: apps.Deployment, old: apps.Deployment): FieldError[] {
  const s = (obj.status ?? {}) as Counts;
  return [
    ...validateObjectMetaUpdate(obj.metadata, old.metadata),
    ...nonnegativeCounts(s, ['observedGeneration', 'replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas', 'terminatingReplicas', 'collisionCount'], statusPath),
    ...notAboveReplicas(s, ['updatedReplicas', 'readyReplicas', 'availableReplicas'], statusPath),
    ...availableNotAboveReady(s, statusPath),
  ];
}

export function validateReplicaSetStatusUpdate(obj: apps.ReplicaSet, old: apps.ReplicaSet): FieldError[] {
  const s = (obj.status ?? {}) as Counts;
  return [
    ...validateObjectMetaUpdate(obj.metadata, old.metadata),
    ...nonnegativeCounts(s, ['replicas', 'fullyLabeledReplicas', 'readyReplicas', 'availableReplicas', 'terminatingReplicas', 'observedGeneration'], statusPath),
    ...notAboveReplicas(s, ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas'], statusPath),
    ...availableNotAboveReady(s, statusPath),
  ];
}

export function validateStatefulSetStatusUpdate(obj: apps.StatefulSet, old: apps.StatefulSet): FieldError[] {
  const s = (obj.status ?? {}) as Counts;
  return [
    ...validateObjectMetaUpdate(obj.metadata, old.metadata),
    ...nonnegativeCounts(s, ['replicas', 'readyReplicas', 'currentReplicas', 'updatedReplicas', 'availableReplicas', 'observedGeneration', 'collisionCount'], statusPath),
    ...notAboveReplicas(s, ['readyReplicas', 'currentReplicas', 'updatedReplicas', 'availableReplicas'], statusPath),
    ...availableNotAboveReady(s, statusPath),
  ];
}

export function validateDaemonSetStatusUpdate(obj: apps.DaemonSet, old: apps.DaemonSet): FieldError[] {
  const s = (obj.status ?? {}) as Counts;
  return [
    ...validateObjectMetaUpdate(obj.metadata, old.metadata),
    ...nonnegativeCounts(
      s,
      ['currentNumberScheduled', 'numberMisscheduled', 'desiredNumberScheduled', 'numberReady', 'observedGeneration', 'updatedNumberScheduled', 'numberAvailable', 'numberUnavailable', 'collisionCount'],
      statusPath,
    ),
  ];
}
