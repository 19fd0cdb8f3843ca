/**
 * The CRD strategy's status bookkeeping (apiextensions-apiserver's customresourcedefinition
 * strategy): a new CRD starts with its storage version as the only stored version and no
 * conditions; an update that moves storage to another version records it, since objects of the
 * old one stay in storage until migrated; the generation counts spec changes.
 */
import type { CustomResourceDefinition } from '../../../../api-definitions/apiextensions/v1/types.js';
import { semanticEqual } from '../../../machinery/validation/equality.js';

/** The version marked `storage: true`, if exactly one is. */
export function storageVersion(crd: CustomResourceDefinition): string | undefined {
  const stored = (crd.spec?.versions ?? []).filter((v) => v.storage);
  return stored.length === 1 ? stored[0].name : undefined;
}

/** Status and generation of a CRD about to be created. */
export function prepareForCreate(crd: CustomResourceDefinition): void {
  const storage = storageVersion(crd);
  crd.status = { storedVersions: storage === undefined ? [] : [storage] };
  crd.metadata = { ...crd.metadata, generation: 1 };
}

/** Status and generation of a CRD whose spec is being updated (status writes go through the status subresource). */
export function prepareForUpdate(crd: CustomResourceDefinition, old: CustomResourceDefinition): void {
  const storedVersions = [...(old.status?.storedVersions ?? [])];
  const storage = storageVersion(crd);
  if (storage !== undefined && !storedVersions.includes(storage)) storedVersions.push(storage);
  crd.status = { ...structuredClone(old.status ?? {}), storedVersions };
  const generation = old.metadata?.generation ?? 1;
  crd.metadata = { ...crd.metadata, generation: semanticEqual(crd.spec, old.spec) ? generation : generation + 1 };
}

/** A status write keeps the spec: only status may change through the status subresource. */
export function prepareForStatusUpdate(crd: CustomResourceDefinition, old: CustomResourceDefinition): void {
  crd.spec = structuredClone(old.spec);
}
