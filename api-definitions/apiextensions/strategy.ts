/**
 * Per-kind behaviour of CustomResourceDefinitions beyond the generic strategy: status.storedVersions
 * starts as the storage version and gains every version storage moves to (the generic strategy
 * already resets status on create, keeps it on update and tracks the generation).
 */
import type { KObject } from '../../runtime/registry/meta.js';
import type { GroupStrategies } from '../../runtime/registry/strategy.js';
import { storageVersion } from '../../runtime/apiservers/extensions/naming/stored-versions.js';
import type { CustomResourceDefinition } from './types.js';

const asCRD = (object: KObject): CustomResourceDefinition => object as unknown as CustomResourceDefinition;

export const strategies: GroupStrategies = {
  CustomResourceDefinition: {
    prepareForCreate(_ctx, object) {
      const crd = asCRD(object);
      const storage = storageVersion(crd);
      crd.status = { ...crd.status, storedVersions: storage === undefined ? [] : [storage] };
    },
    prepareForUpdate(_ctx, object, old) {
      const crd = asCRD(object);
      const stored = [...(asCRD(old).status?.storedVersions ?? [])];
      const storage = storageVersion(crd);
      if (storage !== undefined && !stored.includes(storage)) stored.push(storage);
      crd.status = { ...crd.status, storedVersions: stored };
    },
  },
};
