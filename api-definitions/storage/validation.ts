/**
 * Validation of StorageClasses over the internal types, with kube-apiserver's messages: a
 * qualified provisioner name, bounded parameters, a known reclaim policy and binding mode;
 * provisioner, parameters, reclaim policy and binding mode never change.
 */
import {
  forbidden,
  invalid,
  isQualifiedName,
  nameIsDNSSubdomain,
  newPath,
  notSupported,
  required,
  semanticEqual,
  tooLong,
  validateImmutableField,
  validateObjectMeta,
  validateObjectMetaUpdate,
  type FieldError,
} from '../../runtime/machinery/validation/index.js';
import type * as storage from './types.js';

const MAX_PROVISIONER_PARAMETER_LEN = 512;
const MAX_PROVISIONER_PARAMETER_SIZE = 256 * 1024;
const RECLAIM_POLICIES = ['Delete', 'Retain'];
const VOLUME_BINDING_MODES = ['Immediate', 'WaitForFirstConsumer'];

function validateProvisioner(provisioner: string | undefined): FieldError[] {
  const path = newPath('provisioner');
  if (!provisioner) return [required(path)];
  return isQualifiedName(provisioner.toLowerCase()).map((m) => invalid(path, provisioner.toLowerCase(), m));
}

function validateParameters(params: Readonly<Record<string, string>> | undefined): FieldError[] {
  const path = newPath('parameters');
  const entries = Object.entries(params ?? {});
  if (entries.length > MAX_PROVISIONER_PARAMETER_LEN) return [tooLong(path, 'Provisioner Parameters exceeded max allowed', MAX_PROVISIONER_PARAMETER_LEN)];
  const errs: FieldError[] = [];
  let size = 0;
  for (const [k, v] of entries) {
    if (k.length < 1) errs.push(invalid(path, k, 'field can not be empty.'));
    size += Buffer.byteLength(k) + Buffer.byteLength(v);
  }
  if (size > MAX_PROVISIONER_PARAMETER_SIZE) errs.push(tooLong(path, '', MAX_PROVISIONER_PARAMETER_SIZE));
  return errs;
}

export function validateStorageClass(sc: storage.StorageClass): FieldError[] {
  const errs = validateObjectMeta(sc.metadata, { namespaced: false, nameFn: nameIsDNSSubdomain });
  errs.push(...validateProvisioner(sc.provisioner), ...validateParameters(sc.parameters));
  if (sc.reclaimPolicy && !RECLAIM_POLICIES.includes(sc.reclaimPolicy)) errs.push(notSupported(newPath('reclaimPolicy'), sc.reclaimPolicy, RECLAIM_POLICIES));
  if (sc.volumeBindingMode === undefined || sc.volumeBindingMode === null) errs.push(required(newPath('volumeBindingMode')));
  else if (!VOLUME_BINDING_MODES.includes(sc.volumeBindingMode)) errs.push(notSupported(newPath('volumeBindingMode'), sc.volumeBindingMode, VOLUME_BINDING_MODES));
  return errs;
}

export function validateStorageClassUpdate(sc: storage.StorageClass, old: storage.StorageClass): FieldError[] {
  const errs = [...validateObjectMetaUpdate(sc.metadata, old.metadata), ...validateStorageClass(sc).filter((e) => !e.field.startsWith('metadata.'))];
  if (!semanticEqual(sc.parameters ?? {}, old.parameters ?? {})) errs.push(forbidden(newPath('parameters'), 'updates to parameters are forbidden.'));
  if (sc.provisioner !== old.provisioner) errs.push(forbidden(newPath('provisioner'), 'updates to provisioner are forbidden.'));
  if ((sc.reclaimPolicy ?? '') !== (old.reclaimPolicy ?? '')) errs.push(forbidden(newPath('reclaimPolicy'), 'updates to reclaimPolicy are forbidden.'));
  errs.push(...validateImmutableField(sc.volumeBindingMode, old.volumeBindingMode, newPath('volumeBindingMode')));
  return errs;
}
