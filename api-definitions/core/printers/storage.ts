/**
 * The tables of persistent volumes and claims: capacity, access modes in their short forms
 * (RWO, ROX, RWX, RWOP), the storage class (the beta annotation wins over the field), the
 * volume attributes class, and `Terminating` once deletion started.
 */
import { peekMeta, type KObject } from '../../../runtime/registry/meta.js';
import { AGE_COLUMN, age, column, NAME_COLUMN, nameOf } from '../../../runtime/registry/printers.js';
import type { KindTable } from '../../../runtime/registry/table.js';
import type * as core from '../types.js';

const BETA_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

const ACCESS_MODE_SHORT: ReadonlyArray<readonly [string, string]> = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
];

/** helper.GetAccessModesAsString: the short forms in a fixed order, each once. */
export function accessModes(modes: readonly string[] | undefined): string {
  const present = new Set(modes ?? []);
  return ACCESS_MODE_SHORT.filter(([mode]) => present.has(mode)).map(([, short]) => short).join(',');
}

/** The storage class of a volume or claim: the beta annotation when present, else spec.storageClassName. */
function storageClass(hub: KObject, fromSpec: string | undefined): string {
  const annotations = peekMeta(hub).annotations ?? {};
  if (BETA_STORAGE_CLASS_ANNOTATION in annotations) return annotations[BETA_STORAGE_CLASS_ANNOTATION] ?? '';
  return fromSpec ?? '';
}

const phaseOf = (hub: KObject, phase: string | undefined): string => (peekMeta(hub).deletionTimestamp ? 'Terminating' : (phase ?? ''));

export const PERSISTENT_VOLUME_TABLE: KindTable = {
  columns: [
    NAME_COLUMN,
    column('Capacity', 'string', 'The storage capacity of the volume (spec.capacity).'),
    column('Access Modes', 'string', 'The ways the volume can be mounted (spec.accessModes).'),
    column('Reclaim Policy', 'string', 'What happens to the volume when its claim is released (spec.persistentVolumeReclaimPolicy).'),
    column('Status', 'string', 'The phase of the volume (status.phase).'),
    column('Claim', 'string', 'The claim bound to the volume (spec.claimRef).'),
    column('StorageClass', 'string', 'StorageClass of the pv'),
    column('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pv'),
    column('Reason', 'string', 'Why the volume is in its phase (status.reason).'),
    AGE_COLUMN,
    column('VolumeMode', 'string', 'Whether the volume is a filesystem or a raw block device (spec.volumeMode).', 1),
  ],
  cells(hub: KObject, now: number) {
    const pv = hub as unknown as core.PersistentVolume;
    const spec = pv.spec ?? {};
    const claim = spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : '';
    return [
      nameOf(hub),
      spec.capacity?.['storage'] ?? '0',
      accessModes(spec.accessModes),
      spec.persistentVolumeReclaimPolicy ?? '',
      phaseOf(hub, pv.status?.phase),
      claim,
      storageClass(hub, spec.storageClassName),
      spec.volumeAttributesClassName ?? '<unset>',
      pv.status?.reason ?? '',
      age(hub, now),
      spec.volumeMode ?? '<unset>',
    ];
  },
};

export const PERSISTENT_VOLUME_CLAIM_TABLE: KindTable = {
  columns: [
    NAME_COLUMN,
    column('Status', 'string', 'The phase of the claim (status.phase).'),
    column('Volume', 'string', 'The volume bound to the claim (spec.volumeName).'),
    column('Capacity', 'string', 'The storage capacity of the bound volume (status.capacity).'),
    column('Access Modes', 'string', 'The ways the bound volume can be mounted (status.accessModes).'),
    column('StorageClass', 'string', 'StorageClass of the pvc'),
    column('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pvc'),
    AGE_COLUMN,
    column('VolumeMode', 'string', 'Whether the claim wants a filesystem or a raw block device (spec.volumeMode).', 1),
  ],
  cells(hub: KObject, now: number) {
    const pvc = hub as unknown as core.PersistentVolumeClaim;
    const spec = pvc.spec ?? {};
    const bound = Boolean(spec.volumeName);
    return [
      nameOf(hub),
      phaseOf(hub, pvc.status?.phase),
      spec.volumeName ?? '',
      bound ? (pvc.status?.capacity?.['storage'] ?? '0') : '',
      bound ? accessModes(pvc.status?.accessModes) : '',
      storageClass(hub, spec.storageClassName),
      spec.volumeAttributesClassName ?? '<unset>',
      age(hub, now),
      spec.volumeMode ?? '<unset>',
    ];
  },
};
