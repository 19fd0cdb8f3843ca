/**
 * Dry-run writes (`dryRun=All`): the same reads, checks and update functions as a real write,
 * and nothing written, as apiserver's DryRunnableStorage does.
 */
import { AlreadyExistsError, NotFoundError } from '../storage/errors.js';
import type { DeleteOptions, Storage, StoredObject, UpdateFunc, UpdateOptions } from '../storage/interface.js';
import { checkPreconditions } from '../storage/objects.js';

/** The write operations of Storage, each either real or dry-run. */
export interface Writes {
  create(key: string, object: StoredObject, ttl?: number): Promise<StoredObject>;
  guaranteedUpdate(key: string, tryUpdate: UpdateFunc, options?: UpdateOptions): Promise<StoredObject>;
  delete(key: string, options?: DeleteOptions): Promise<StoredObject>;
}

function copy(object: StoredObject): StoredObject {
  return JSON.parse(JSON.stringify(object)) as StoredObject;
}

/** Writes that check everything a real write checks and store nothing. */
export function dryRunWrites(storage: Storage): Writes {
  return {
    async create(key, object) {
      const existing = await storage.get(key, { ignoreNotFound: true });
      if (existing) throw new AlreadyExistsError(key);
      return copy(object);
    },
    async guaranteedUpdate(key, tryUpdate, options = {}) {
      const existing = await storage.get(key, { ignoreNotFound: true });
      if (!existing && !options.ignoreNotFound) throw new NotFoundError(key);
      const current = existing ?? {};
      if (existing) checkPreconditions(key, options.preconditions, existing);
      const revision = Number(existing?.metadata?.resourceVersion ?? 0);
      return tryUpdate(copy(current), { resourceVersion: revision });
    },
    async delete(key, options = {}) {
      const existing = await storage.get(key);
      checkPreconditions(key, options.preconditions, existing);
      await options.validateDeletion?.(existing);
      return existing;
    },
  };
}
