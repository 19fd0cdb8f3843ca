/** batch/v1: API types imported from swagger.json and generated.proto by `kapi import`. */

import type {
  int32,
  int64,
  LabelSelector,
  ListMeta,
  ObjectMeta,
  Time,
  TypeMeta,
} from '../../meta/v1/types.js';
import type { ObjectReference, PodTemplateSpec } from '../../core/v1/types.js';

/**
 * +kubebuilder:resource:path=cronjobs,singular=cronjob,scope=Namespaced,shortName=cj,categories=all
 * +kubebuilder:subresource:status
 */
export interface CronJob extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec: CronJobSpec;
  /** +protobuf=3 */
  status?: CronJobStatus;
}

export interface CronJobList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: CronJob[];
}

export interface CronJobSpec {
  /** +protobuf=1 */
  schedule: string;
  /** +protobuf=2 */
  startingDeadlineSeconds?: int64;
  /** +protobuf=3 */
  concurrencyPolicy?: string;
  /** +protobuf=4 */
  suspend?: boolean;
  /** +protobuf=5 */
  jobTemplate: JobTemplateSpec;
  /** +protobuf=6 */
  successfulJobsHistoryLimit?: int32;
  /** +protobuf=7 */
  failedJobsHistoryLimit?: int32;
  /** +protobuf=8 */
  timeZone?: string;
}

export interface CronJobStatus {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  active?: ObjectReference[];
  /** +protobuf=4 */
  lastScheduleTime?: Time;
  /** +protobuf=5 */
  lastSuccessfulTime?: Time;
}

/**
 * +kubebuilder:resource:path=jobs,singular=job,scope=Namespaced,categories=all
 * +kubebuilder:subresource:status
 */
export interface Job extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec?: JobSpec;
  /** +protobuf=3 */
  status?: JobStatus;
}

export interface JobCondition {
  /** +protobuf=1 */
  type: string;
  /** +protobuf=2 */
  status: string;
  /** +protobuf=3 */
  lastProbeTime?: Time;
  /** +protobuf=4 */
  lastTransitionTime?: Time;
  /** +protobuf=5 */
  reason?: string;
  /** +protobuf=6 */
  message?: string;
}

export interface JobList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: Job[];
}

export interface JobSpec {
  /** +protobuf=1 */
  parallelism?: int32;
  /** +protobuf=2 */
  completions?: int32;
  /** +protobuf=3 */
  activeDeadlineSeconds?: int64;
  /** +protobuf=4 */
  selector?: LabelSelector;
  /** +protobuf=5 */
  manualSelector?: boolean;
  /** +protobuf=6 */
  template: PodTemplateSpec;
  /** +protobuf=7 */
  backoffLimit?: int32;
  /** +protobuf=8 */
  ttlSecondsAfterFinished?: int32;
  /** +protobuf=9 */
  completionMode?: string;
  /** +protobuf=10 */
  suspend?: boolean;
  /** +protobuf=11 */
  podFailurePolicy?: PodFailurePolicy;
  /** +protobuf=12 */
  backoffLimitPerIndex?: int32;
  /** +protobuf=13 */
  maxFailedIndexes?: int32;
  /** +protobuf=14 */
  podReplacementPolicy?: string;
  /** +protobuf=15 */
  managedBy?: string;
  /** +protobuf=16 */
  successPolicy?: SuccessPolicy;
  // scheduling (protobuf 17) is not imported: it needs k8s.io.api.scheduling.v1alpha3.WorkloadPodGroupResourceClaim, which is in no package under api-definitions
}

export interface JobStatus {
  /**
   * +listType=atomic
   * +patchStrategy=merge
   * +patchMergeKey=type
   * +protobuf=1
   */
  conditions?: JobCondition[];
  /** +protobuf=2 */
  startTime?: Time;
  /** +protobuf=3 */
  completionTime?: Time;
  /** +protobuf=4 */
  active?: int32;
  /** +protobuf=5 */
  succeeded?: int32;
  /** +protobuf=6 */
  failed?: int32;
  /** +protobuf=7 */
  completedIndexes?: string;
  /** +protobuf=8 */
  uncountedTerminatedPods?: UncountedTerminatedPods;
  /** +protobuf=9 */
  ready?: int32;
  /** +protobuf=10 */
  failedIndexes?: string;
  /** +protobuf=11 */
  terminating?: int32;
}

export interface JobTemplateSpec {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec?: JobSpec;
}

export interface PodFailurePolicy {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  rules: PodFailurePolicyRule[];
}

export interface PodFailurePolicyOnExitCodesRequirement {
  /** +protobuf=1 */
  containerName?: string;
  /** +protobuf=2 */
  operator: string;
  /**
   * +listType=set
   * +protobuf=3
   */
  values: int32[];
}

export interface PodFailurePolicyOnPodConditionsPattern {
  /** +protobuf=1 */
  type: string;
  /** +protobuf=2 */
  status?: string;
}

export interface PodFailurePolicyRule {
  /** +protobuf=1 */
  action: string;
  /** +protobuf=2 */
  onExitCodes?: PodFailurePolicyOnExitCodesRequirement;
  /**
   * +listType=atomic
   * +protobuf=3
   */
  onPodConditions?: PodFailurePolicyOnPodConditionsPattern[];
}

export interface SuccessPolicy {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  rules: SuccessPolicyRule[];
}

export interface SuccessPolicyRule {
  /** +protobuf=1 */
  succeededIndexes?: string;
  /** +protobuf=2 */
  succeededCount?: int32;
}

export interface UncountedTerminatedPods {
  /**
   * +listType=set
   * +protobuf=1
   */
  succeeded?: string[];
  /**
   * +listType=set
   * +protobuf=2
   */
  failed?: string[];
}
