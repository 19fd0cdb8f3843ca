/**
 * Create-only resources that store nothing (access reviews, token reviews, bindings): a POST
 * is answered with a computed object, every other verb is 405 as upstream, and there is no
 * Table form.
 */
import { ensureNamespace } from '../../../registry/store.js';
import { metaOf, type KObject } from '../../../registry/meta.js';
import type { CreateOptions, RequestContext, RestStorage } from '../../../registry/rest.js';

/** Computes the answer to one POST from the decoded hub object. */
export type VirtualCreate = (ctx: RequestContext, object: KObject, options: CreateOptions) => Promise<KObject> | KObject;

/** What a create-only resource answers with: its kind, in the request's group-version unless given. */
export interface VirtualKind {
  readonly namespaced: boolean;
  readonly kind: string;
  readonly group?: string;
  readonly version?: string;
}

/** A RestStorage that only creates; namespaced resources get the path's namespace on the object. */
export function createOnlyRest(info: VirtualKind, create: VirtualCreate): RestStorage {
  return {
    namespaced: info.namespaced,
    responseKind: (group, version) => ({ group: info.group ?? group, version: info.version ?? version, kind: info.kind }),
    creater: {
      async create(ctx, object, options) {
        // As the generic create handler does before any REST storage sees the object: the path's
        // namespace fills an empty one, a cluster-scoped object loses its namespace.
        ensureNamespace(info.namespaced ? ctx.namespace : '', metaOf(object));
        return create(ctx, object, options);
      },
    },
  };
}
