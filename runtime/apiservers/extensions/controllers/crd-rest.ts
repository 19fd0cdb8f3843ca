/**
 * The CustomResourceDefinition REST storage's delete (apiextensions-apiserver's
 * customresourcedefinition REST.Delete): the first DELETE of a CRD does not remove it but sets
 * its deletionTimestamp, adds the `customresourcecleanup.apiextensions.k8s.io` finalizer and
 * reports `Terminating=True` (InstanceDeletionPending); the finalizer controller then removes
 * the custom resources and the finalizer. A DELETE of a CRD already being deleted is the
 * Store's ordinary delete.
 *
 * DELETE on the collection takes the same path for each CRD. Upstream's collection delete
 * removes CRDs without the finalizer and leaves their custom resources in storage, where a CRD
 * created later under the same name would find them again; here they are cleaned up.
 */
import { newConflict, isNotFound } from '../../../machinery/errors.js';
import { deepCopyJSON } from '../../../machinery/generated-support.js';
import { invalidDeleteOptions, validateDeleteOptions } from '../../../registry/deletion.js';
import { metaOf, nowTimestamp, peekMeta, type KObject } from '../../../registry/meta.js';
import type { DeleteCallOptions, DeleteResult, ListOptions, ObjectList, RequestContext, RestStorage } from '../../../registry/rest.js';
import type { Store } from '../../../registry/store.js';
import type { CustomResourceDefinition } from '../../../../api-definitions/apiextensions/v1/types.js';
import { setCondition } from '../naming/conditions.js';
import { CLEANUP_FINALIZER } from './finalizer-controller.js';

const RESOURCE = { group: 'apiextensions.k8s.io', resource: 'customresourcedefinitions' };
/** CRDs read per page by a collection delete (the generic store's page size). */
const PAGE_SIZE = 500;
/** Pages a collection delete reads at most. */
const MAX_PAGES = 10_000;

export class CRDDeleter {
  constructor(private readonly store: Store) {}

  async delete(ctx: RequestContext, name: string, call: DeleteCallOptions): Promise<DeleteResult> {
    const crd = await this.store.get(ctx, name, {});
    const meta = peekMeta(crd);
    const options = call.options;
    const errs = validateDeleteOptions(options);
    if (errs.length > 0) throw invalidDeleteOptions(errs);
    const uid = options.preconditions?.uid ?? undefined;
    if (uid !== undefined && uid !== meta.uid) {
      throw newConflict(RESOURCE, name, `Precondition failed: UID in precondition: ${uid}, UID in object meta: ${meta.uid ?? ''}`);
    }
    const resourceVersion = options.preconditions?.resourceVersion ?? undefined;
    if (resourceVersion !== undefined && resourceVersion !== meta.resourceVersion) {
      throw newConflict(RESOURCE, name, `Precondition failed: ResourceVersion in precondition: ${resourceVersion}, ResourceVersion in object meta: ${meta.resourceVersion ?? ''}`);
    }
    if (meta.deletionTimestamp) return this.store.delete(ctx, name, call);

    // the first delete: mark it, and let the finalizer controller clean up
    const dryRun = (options.dryRun ?? []).includes('All');
    const marked = await this.store.updateRaw(
      ctx,
      name,
      async (current) => {
        await call.validate?.(deepCopyJSON(current));
        const m = metaOf(current);
        m.deletionTimestamp ??= nowTimestamp();
        const finalizers = m.finalizers ?? [];
        if (!finalizers.includes(CLEANUP_FINALIZER)) m.finalizers = [...finalizers, CLEANUP_FINALIZER];
        const target = current as unknown as CustomResourceDefinition;
        target.status = {
          ...target.status,
          conditions: setCondition(
            target.status?.conditions,
            {
              type: 'Terminating',
              status: 'True',
              reason: 'InstanceDeletionPending',
              message: 'CustomResourceDefinition marked for deletion; CustomResource deletion will begin soon',
            },
            nowTimestamp(),
          ),
        };
        return current;
      },
      { dryRun, preconditions: { uid: uid ?? meta.uid, ...(resourceVersion !== undefined ? { resourceVersion } : {}) } },
    );
    return { object: marked, deleted: false };
  }

  async deleteCollection(ctx: RequestContext, listOptions: ListOptions, call: DeleteCallOptions): Promise<ObjectList> {
    const hasLimit = listOptions.limit !== undefined && listOptions.limit > 0;
    let options: ListOptions = { ...listOptions, limit: hasLimit ? listOptions.limit : PAGE_SIZE };
    const items: KObject[] = [];
    let first: ObjectList | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const list = await this.store.list(ctx, options);
      first ??= list;
      for (const item of list.items) {
        try {
          await this.delete(ctx, peekMeta(item).name ?? '', { options: deepCopyJSON(call.options), validate: call.validate });
        } catch (error) {
          if (!isNotFound(error)) throw error;
        }
      }
      items.push(...list.items);
      if (hasLimit) return list;
      if (!list.continue) break;
      options = { ...options, continue: list.continue, resourceVersion: undefined, resourceVersionMatch: undefined };
    }
    return { items, resourceVersion: first?.resourceVersion ?? '' };
  }
}

/** The CRD resource's REST storage with upstream's delete path. */
export function crdRest(store: Store, base: RestStorage): RestStorage {
  const deleter = new CRDDeleter(store);
  return {
    ...base,
    responseKind: base.responseKind.bind(base),
    deleter: base.deleter ? deleter : undefined,
    collectionDeleter: base.collectionDeleter
      ? { deleteCollection: (ctx, listOptions, call) => deleter.deleteCollection(ctx, listOptions, call), supportsFieldLabel: (label) => store.supportsFieldLabel(label) }
      : undefined,
  };
}
