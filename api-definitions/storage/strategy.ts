/** Per-kind behaviour of storage.k8s.io objects: kube-apiserver's Tables. */
import type { GroupStrategies } from '../../runtime/registry/strategy.js';
import {
  CSI_DRIVER_TABLE,
  CSI_NODE_TABLE,
  CSI_STORAGE_CAPACITY_TABLE,
  STORAGE_CLASS_TABLE,
  VOLUME_ATTACHMENT_TABLE,
  VOLUME_ATTRIBUTES_CLASS_TABLE,
} from './printers.js';

export const strategies: GroupStrategies = {
  StorageClass: { table: STORAGE_CLASS_TABLE },
  CSIDriver: { table: CSI_DRIVER_TABLE },
  CSINode: { table: CSI_NODE_TABLE },
  CSIStorageCapacity: { table: CSI_STORAGE_CAPACITY_TABLE },
  VolumeAttachment: { table: VOLUME_ATTACHMENT_TABLE },
  VolumeAttributesClass: { table: VOLUME_ATTRIBUTES_CLASS_TABLE },
};
