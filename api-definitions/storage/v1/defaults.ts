/**
 * Defaults of storage.k8s.io/v1: a StorageClass deletes released volumes and binds at once; a
 * CSIDriver attaches, passes no pod info, tracks no capacity, changes fsGroup only for
 * ReadWriteOnce volumes with an fsType, serves persistent volumes and is not republished.
 */
import type * as v1 from './types.js';

export function SetDefaults_StorageClass(obj: v1.StorageClass): void {
  obj.reclaimPolicy ??= 'Delete';
  obj.volumeBindingMode ??= 'Immediate';
}

export function SetDefaults_CSIDriver(obj: v1.CSIDriver): void {
  if (!obj.spec) return;
  const spec = obj.spec;
  spec.attachRequired ??= true;
  spec.podInfoOnMount ??= false;
  spec.storageCapacity ??= false;
  spec.fsGroupPolicy ??= 'ReadWriteOnceWithFSType';
  if ((spec.volumeLifecycleModes ?? []).length === 0) spec.volumeLifecycleModes = ['Persistent'];
  spec.requiresRepublish ??= false;
  spec.seLinuxMount ??= false;
}
