/** stable.example.com/v1: API types imported from crd.yaml by `kapi import`. */

import type {
  int32,
  int64,
  IntOrString,
  JSON,
  ListMeta,
  ObjectMeta,
  RawExtension,
  Time,
  TypeMeta,
} from '../../meta/v1/types.js';

/**
 * Runs a command on a schedule.
 * +kubebuilder:resource:path=crontabs,singular=crontab,scope=Namespaced,shortName=ct,categories=all;jobs
 * +kubebuilder:subresource:status
 * +kubebuilder:subresource:scale:specpath=.spec.replicas,statuspath=.status.replicas,selectorpath=.status.selector
 * +kubebuilder:printcolumn:name=Spec,type=string,JSONPath=.spec.cronSpec
 * +kubebuilder:printcolumn:name=Replicas,type=integer,JSONPath=.spec.replicas,priority=1,description="How many, at most."
 */
export interface CronTab extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: CronTabSpec;
  status?: CronTabStatus;
}

export interface CronTabSpec {
  /** +kubebuilder:validation:Pattern=^(\d+|\*)(/\d+)?(\s+(\d+|\*)(/\d+)?){4}$ */
  cronSpec: string;
  image?: string;
  /**
   * +default=1
   * +kubebuilder:validation:Minimum=1
   * +kubebuilder:validation:Maximum=10
   */
  replicas?: int64;
  /** What to do when a run is still going. */
  concurrency?: CronTabSpecConcurrency;
  schedule?: CronTabSpecSchedule;
  /**
   * +listType=map
   * +listMapKey=name
   */
  containers?: CronTabSpecContainer[];
  env?: Record<string, string>;
  config?: JSON;
  /**
   * +kubebuilder:pruning:PreserveUnknownFields
   * +kubebuilder:validation:EmbeddedResource
   */
  template?: RawExtension;
}

export type CronTabSpecConcurrency = 'Allow' | 'Forbid' | 'Replace';

export interface CronTabSpecSchedule {
  start?: Time;
  end?: Time;
}

export interface CronTabSpecContainer {
  name: string;
  args?: string[];
  port?: IntOrString;
}

export interface CronTabStatus {
  replicas?: int32;
  selector?: string;
  lastRun?: Time;
}

export interface CronTabList extends TypeMeta {
  metadata?: ListMeta;
  items: CronTab[];
}
