/** Defaults of scheduling.k8s.io/v1: a PriorityClass preempts lower-priority pods. */
import type * as v1 from './types.js';

export function SetDefaults_PriorityClass(obj: v1.PriorityClass): void {
  obj.preemptionPolicy ??= 'PreemptLowerPriority';
}
