/**
 * The custom resources of a CRD being deleted, removed straight from storage as upstream's
 * finalizer removes them through the CRD's own storage rather than a REST client: every object
 * under `/registry/<group>/<plural>/` (all namespaces) is deleted, and one with finalizers is
 * marked deleting (deletionTimestamp, no grace) and left to whoever owns its finalizers. Watchers
 * of the custom resources see the DELETED (or MODIFIED) events through the watch cache, which
 * follows the backend.
 */
import type { CustomResourceDefinition } from '../../../../api-definitions/apiextensions/v1/types.js';
import { markAsDeleting } from '../../../registry/deletion.js';
import type { KObject } from '../../../registry/meta.js';
import { ConflictError, NotFoundError } from '../../../storage/errors.js';
import type { Storage, StoredObject } from '../../../storage/interface.js';

/** Objects read per page while deleting. */
const PAGE_SIZE = 500;
/** Pages read in one pass; a pass over more objects ends and the remaining check finds the rest. */
const MAX_PAGES = 10_000;
/** Deletes in flight at once. */
const CONCURRENT_DELETES = 32;
/** Failed deletes named in the error. */
const MAX_REPORTED_FAILURES = 50;
const DELETE_INSTEAD = Symbol('delete instead');

/** Why instances could not be deleted: listing them failed, or some deletes did. */
export class InstanceDeletionError extends Error {
  constructor(
    readonly phase: 'list' | 'delete',
    message: string,
  ) {
    super(message);
  }
}

/** What the finalizer needs of a CRD's instances. */
export interface CustomResourceInstances {
  /** Issues a delete for every instance; throws an InstanceDeletionError with what failed. */
  deleteAll(crd: CustomResourceDefinition): Promise<void>;
  /** How many instances are still stored. */
  remaining(crd: CustomResourceDefinition): Promise<number>;
}

/** Where a CRD's objects are stored (the key prefix of its storage version's objects). */
export function instancesPrefix(crd: CustomResourceDefinition): string {
  return `/registry/${crd.spec.group}/${crd.spec.names.plural}`;
}

export class StorageInstances implements CustomResourceInstances {
  constructor(private readonly storage: Storage) {}

  async deleteAll(crd: CustomResourceDefinition): Promise<void> {
    const prefix = instancesPrefix(crd);
    const failures: string[] = [];
    let continueToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      let list;
      try {
        list = await this.storage.list(prefix, { limit: PAGE_SIZE, continue: continueToken });
      } catch (error) {
        throw new InstanceDeletionError('list', error instanceof Error ? error.message : String(error));
      }
      // a few deletes at a time: writes issued together share a commit (one fsync on SQLite)
      for (let i = 0; i < list.items.length; i += CONCURRENT_DELETES) {
        await Promise.all(
          list.items.slice(i, i + CONCURRENT_DELETES).map(async (item) => {
            try {
              await this.deleteOne(prefix, item);
            } catch (error) {
              // the condition message stays readable however many deletes fail
              if (failures.length < MAX_REPORTED_FAILURES) failures.push(error instanceof Error ? error.message : String(error));
            }
          }),
        );
      }
      continueToken = list.continue;
      if (!continueToken) break;
    }
    // worded as Go's aggregate error
    if (failures.length === 1) throw new InstanceDeletionError('delete', failures[0]);
    if (failures.length > 1) throw new InstanceDeletionError('delete', `[${failures.join(', ')}]`);
  }

  remaining(crd: CustomResourceDefinition): Promise<number> {
    return this.storage.count(instancesPrefix(crd));
  }

  private async deleteOne(prefix: string, item: StoredObject): Promise<void> {
    const meta = item.metadata ?? {};
    const namespace = typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : undefined;
    const key = namespace ? `${prefix}/${namespace}/${meta.name ?? ''}` : `${prefix}/${meta.name ?? ''}`;
    const preconditions = meta.uid ? { uid: meta.uid } : undefined;
    try {
      if (((meta['finalizers'] as unknown[] | undefined) ?? []).length === 0) {
        await this.storage.delete(key, { preconditions });
        return;
      }
      if (meta['deletionTimestamp']) return;
      await this.storage.guaranteedUpdate(
        key,
        (current) => {
          // its finalizers went since the list: nothing holds it any more
          if (((current.metadata?.['finalizers'] as unknown[] | undefined) ?? []).length === 0) throw DELETE_INSTEAD;
          markAsDeleting(current as KObject);
          return current;
        },
        { preconditions },
      );
    } catch (error) {
      if (error === DELETE_INSTEAD) return this.deleteOne(prefix, { ...item, metadata: { ...meta, finalizers: [] } });
      // already gone, or replaced by a new object since the list: the remaining check sees it
      if (error instanceof NotFoundError || error instanceof ConflictError) return;
      throw error;
    }
  }
}
