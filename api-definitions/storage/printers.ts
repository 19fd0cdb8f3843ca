/**
 * The Tables of storage.k8s.io kinds, with kube-apiserver's columns and cells
 * (printStorageClass, printCSIDriver, printCSINode, printCSIStorageCapacity,
 * printVolumeAttachment, printVolumeAttributesClass).
 */
import { AGE_COLUMN, NAME_COLUMN, age, column, nameOf } from '../../runtime/registry/printers.js';
import type { KObject } from '../../runtime/registry/meta.js';
import type { KindTable } from '../../runtime/registry/table.js';
import type * as storage from './types.js';

/** The annotations that mark the default StorageClass, current and beta spelling. */
export const DEFAULT_STORAGE_CLASS_ANNOTATIONS = ['storageclass.kubernetes.io/is-default-class', 'storageclass.beta.kubernetes.io/is-default-class'] as const;
const DEFAULT_VAC_ANNOTATION = 'storage.kubernetes.io/is-default-class';

export const STORAGE_CLASS_TABLE: KindTable = {
  columns: [
    NAME_COLUMN,
    column('Provisioner', 'string', 'provisioner indicates the type of the provisioner.'),
    column('ReclaimPolicy', 'string', 'reclaimPolicy controls the reclaimPolicy for dynamically provisioned PersistentVolumes of this storage class.'),
    column('VolumeBindingMode', 'string', 'volumeBindingMode indicates how PersistentVolumeClaims should be provisioned and bound.'),
    column('AllowVolumeExpansion', 'string', 'allowVolumeExpansion shows whether the storage class allow volume expand.'),
    AGE_COLUMN,
  ],
  cells(hub: KObject, now: number) {
    const sc = hub as unknown as storage.StorageClass;
    const annotations = sc.metadata?.annotations ?? {};
    const isDefault = DEFAULT_STORAGE_CLASS_ANNOTATIONS.some((a) => annotations[a] === 'true');
    return [
      isDefault ? `${nameOf(hub)} (default)` : nameOf(hub),
      sc.provisioner ?? '',
      sc.reclaimPolicy ?? 'Delete',
      sc.volumeBindingMode ?? 'Immediate',
      sc.allowVolumeExpansion ?? false,
      age(hub, now),
    ];
  },
};

export const CSI_DRIVER_TABLE: KindTable = {
  columns: [
    NAME_COLUMN,
    column('AttachRequired', 'boolean', 'attachRequired indicates this CSI volume driver requires an attach operation.'),
    column('PodInfoOnMount', 'boolean', 'podInfoOnMount indicates this CSI volume driver requires additional pod information during mount operations.'),
    column('StorageCapacity', 'boolean', 'storageCapacity indicates that the CSI volume driver wants pod scheduling to consider the storage capacity.'),
    column('TokenRequests', 'string', 'tokenRequests indicates the CSI driver needs pods\' service account tokens it is mounting volume for.'),
    column('RequiresRepublish', 'boolean', 'requiresRepublish indicates the CSI driver wants NodePublishVolume being periodically called.'),
    column('Modes', 'string', 'volumeLifecycleModes defines what kind of volumes this CSI volume driver supports.'),
    AGE_COLUMN,
  ],
  cells(hub: KObject, now: number) {
    const spec = (hub as unknown as storage.CSIDriver).spec;
    const modes = (spec?.volumeLifecycleModes ?? []).join(',');
    const tokens = spec?.tokenRequests ? spec.tokenRequests.map((t) => t.audience).join(',') : '<unset>';
    return [nameOf(hub), spec?.attachRequired ?? true, spec?.podInfoOnMount ?? false, spec?.storageCapacity ?? false, tokens, spec?.requiresRepublish ?? false, modes || '<none>', age(hub, now)];
  },
};

export const CSI_NODE_TABLE: KindTable = {
  columns: [NAME_COLUMN, column('Drivers', 'integer', 'Drivers indicates the number of CSI drivers registered on the node'), AGE_COLUMN],
  cells(hub: KObject, now: number) {
    return [nameOf(hub), ((hub as unknown as storage.CSINode).spec?.drivers ?? []).length, age(hub, now)];
  },
};

export const CSI_STORAGE_CAPACITY_TABLE: KindTable = {
  columns: [
    NAME_COLUMN,
    column('StorageClassName', 'string', 'storageClassName represents the name of the StorageClass that the reported capacity applies to.'),
    column('Capacity', 'string', 'capacity is the value reported by the CSI driver in its GetCapacityResponse for a GetCapacityRequest with topology and parameters that match the previous fields.'),
  ],
  cells(hub: KObject) {
    const c = hub as unknown as storage.CSIStorageCapacity;
    return [nameOf(hub), c.storageClassName ?? '', c.capacity ?? '<unset>'];
  },
};

export const VOLUME_ATTACHMENT_TABLE: KindTable = {
  columns: [
    NAME_COLUMN,
    column('Attacher', 'string', 'attacher indicates the name of the volume driver that MUST handle this request.', 0, 'name'),
    column('PV', 'string', 'persistentVolumeName represents the name of the persistent volume to attach.'),
    column('Node', 'string', 'nodeName represents the node that the volume should be attached to.'),
    column('Attached', 'boolean', 'attached indicates the volume is successfully attached.'),
    AGE_COLUMN,
  ],
  cells(hub: KObject, now: number) {
    const va = hub as unknown as storage.VolumeAttachment;
    return [nameOf(hub), va.spec?.attacher ?? '', va.spec?.source?.persistentVolumeName ?? '', va.spec?.nodeName ?? '', va.status?.attached ?? false, age(hub, now)];
  },
};

export const VOLUME_ATTRIBUTES_CLASS_TABLE: KindTable = {
  columns: [NAME_COLUMN, column('DriverName', 'string', 'Name of the CSI driver'), AGE_COLUMN],
  cells(hub: KObject, now: number) {
    const vac = hub as unknown as storage.VolumeAttributesClass;
    const name = vac.metadata?.annotations?.[DEFAULT_VAC_ANNOTATION] === 'true' ? `${nameOf(hub)} (default)` : nameOf(hub);
    return [name, vac.driverName ?? '', age(hub, now)];
  },
};
