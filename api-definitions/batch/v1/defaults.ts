/**
 * Defaults of batch/v1: a Job runs one pod to one completion with six retries, not indexed, not
 * suspended, replacing pods once they are terminating or failed (failed only, under a pod failure
 * policy); a CronJob allows concurrent runs and keeps three successful and one failed Job.
 */
import type * as v1 from './types.js';

const MAX_INT32 = 2147483647;

export function SetDefaults_Job(obj: v1.Job): void {
  const spec = obj.spec;
  if (!spec) return;
  // A Job that sets neither runs one pod to one completion.
  if (spec.completions == null && spec.parallelism == null) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex != null ? MAX_INT32 : 6;
  const templateLabels = spec.template?.metadata?.labels;
  if (templateLabels && Object.keys(obj.metadata?.labels ?? {}).length === 0) {
    obj.metadata ??= {};
    obj.metadata.labels = { ...templateLabels };
  }
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  for (const rule of spec.podFailurePolicy?.rules ?? []) {
    for (const pattern of rule.onPodConditions ?? []) {
      if (!pattern.status) pattern.status = 'True';
    }
  }
  spec.podReplacementPolicy ??= spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
}

export function SetDefaults_CronJob(obj: v1.CronJob): void {
  const spec = obj.spec;
  if (!spec) return;
  if (!spec.concurrencyPolicy) spec.concurrencyPolicy = 'Allow';
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= 3;
  spec.failedJobsHistoryLimit ??= 1;
}
