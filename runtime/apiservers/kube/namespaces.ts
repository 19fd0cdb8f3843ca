/**
 * Namespaces as kube-apiserver serves them: the lookup NamespaceLifecycle asks, the system
 * namespaces that exist from the first start, and namespace deletion. A DELETE marks the
 * namespace Terminating (deletionTimestamp set, the `kubernetes` finalizer still in
 * spec.finalizers); the finalizer here then deletes everything in the namespace, removes the
 * finalizer through the `finalize` subresource's rules, and deletes the namespace, as
 * pkg/registry/core/namespace and the namespace controller do together.
 */
import type { NamespaceLookup } from '../../admission/namespace-lifecycle.js';
import { isAlreadyExists, isNotFound } from '../../machinery/errors.js';
import { deepCopyJSON } from '../../machinery/generated-support.js';
import type { ResourceInfo } from '../../machinery/scheme-types.js';
import { metaOf, nowTimestamp, peekMeta, type KObject } from '../../registry/meta.js';
import type { DeleteCallOptions, DeleteResult, RequestContext, RestStorage } from '../../registry/rest.js';
import type { Store } from '../../registry/store.js';
import type { DeleteOptions, KindStrategyHooks } from '../../registry/strategy.js';
import { FINALIZER_DELETE_DEPENDENTS, FINALIZER_ORPHAN_DEPENDENTS } from '../../registry/validation.js';

export const SYSTEM_NAMESPACES: readonly string[] = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/** The finalizer of namespace content (api.FinalizerKubernetes). */
export const FINALIZER_KUBERNETES = 'kubernetes';

const systemContext: RequestContext = { namespace: '', user: { name: 'system:apiserver', groups: ['system:masters'] }, warn: () => {} };

function specFinalizers(ns: KObject): string[] {
  return [...(((ns['spec'] as { finalizers?: string[] } | undefined)?.finalizers) ?? [])];
}

/** namespaceStrategy: Active on create with the `kubernetes` finalizer; spec.finalizers and status kept on update. */
export const NAMESPACE_HOOKS: KindStrategyHooks = {
  prepareForCreate(_ctx, ns) {
    ns['status'] = { phase: 'Active' };
    const spec = (ns['spec'] ??= {}) as { finalizers?: string[] };
    const finalizers = spec.finalizers ?? [];
    if (!finalizers.includes(FINALIZER_KUBERNETES)) spec.finalizers = [...finalizers, FINALIZER_KUBERNETES];
  },
  prepareForUpdate(_ctx, ns, old) {
    const spec = (ns['spec'] ??= {}) as { finalizers?: string[] };
    const oldFinalizers = (old['spec'] as { finalizers?: string[] } | undefined)?.finalizers;
    if (oldFinalizers === undefined) delete spec.finalizers;
    else spec.finalizers = oldFinalizers;
  },
};

/**
 * Reads namespaces from their store: from the watch cache (resourceVersion 0), as upstream's
 * lifecycle plugin reads its lister, and live when asked or when the cache does not have the
 * namespace (it may have been created a moment ago). Saves a storage round trip per write.
 */
export function storeNamespaceLookup(namespaces: Store): NamespaceLookup {
  const read = async (name: string, resourceVersion: string | undefined): Promise<{ phase?: string } | undefined> => {
    try {
      const ns = await namespaces.get(systemContext, name, { resourceVersion });
      return { phase: (ns['status'] as { phase?: string } | undefined)?.phase };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  };
  return {
    async get(name, options) {
      if (!options?.live) {
        const cached = await read(name, '0');
        if (cached) return cached;
      }
      return read(name, undefined);
    },
  };
}

/** Creates the system namespaces that do not exist yet. */
export async function ensureSystemNamespaces(namespaces: Store, names: readonly string[] = SYSTEM_NAMESPACES): Promise<void> {
  for (const name of names) {
    try {
      await namespaces.get(systemContext, name);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      try {
        await namespaces.create(systemContext, { metadata: { name }, spec: {} });
      } catch (createError) {
        if (!isAlreadyExists(createError)) throw createError;
      }
    }
  }
}

/** Whether the delete options ask for the orphan / foregroundDeletion finalizers (shouldHave…Finalizer). */
function wantsFinalizer(options: DeleteOptions, finalizer: string, has: boolean): boolean {
  if (typeof options.orphanDependents === 'boolean') return finalizer === FINALIZER_ORPHAN_DEPENDENTS ? options.orphanDependents : !options.orphanDependents;
  if (options.propagationPolicy) return options.propagationPolicy === (finalizer === FINALIZER_ORPHAN_DEPENDENTS ? 'Orphan' : 'Foreground');
  return has;
}

/** Deletes the content of Terminating namespaces, then finalizes and deletes them. */
export class NamespaceFinalizer {
  private readonly queue = new Set<string>();
  private running: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly namespaces: Store,
    /** Every namespaced store whose objects a namespace holds. */
    private readonly content: () => Iterable<Store>,
    private readonly remove: (name: string) => Promise<unknown>,
    private readonly retryDelayMs = 500,
    private readonly maxAttempts = 120,
  ) {}

  /** Finalizes every namespace that is Terminating (after a restart). */
  async resume(): Promise<void> {
    const list = await this.namespaces.list(systemContext, {});
    for (const ns of list.items) if (peekMeta(ns).deletionTimestamp && specFinalizers(ns).includes(FINALIZER_KUBERNETES)) this.enqueue(peekMeta(ns).name ?? '');
  }

  enqueue(name: string): void {
    if (this.closed || name === '') return;
    this.queue.add(name);
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
      if (this.queue.size > 0 && !this.closed) this.enqueue([...this.queue][0]);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.running;
  }

  private async drain(): Promise<void> {
    while (this.queue.size > 0 && !this.closed) {
      const [name] = this.queue;
      this.queue.delete(name);
      try {
        await this.finalize(name);
      } catch {
        // the next DELETE of the namespace, or the next start, tries again
      }
    }
  }

  private async finalize(name: string): Promise<void> {
    const ctx: RequestContext = { ...systemContext, namespace: name };
    for (let attempt = 0; attempt < this.maxAttempts && !this.closed; attempt++) {
      let remaining = 0;
      for (const store of this.content()) {
        await store.deleteCollection(ctx, {}, { options: { propagationPolicy: 'Background' } });
        remaining += (await store.list(ctx, { limit: 1 })).items.length;
      }
      if (remaining === 0) {
        await this.namespaces.updateRaw(systemContext, name, (ns) => {
          const spec = (ns['spec'] ??= {}) as { finalizers?: string[] };
          spec.finalizers = specFinalizers(ns).filter((f) => f !== FINALIZER_KUBERNETES);
          return ns;
        });
        await this.remove(name);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs));
    }
  }
}

/**
 * The namespaces resource: its first DELETE marks it Terminating; it is removed once
 * spec.finalizers is empty (pkg/registry/core/namespace/storage Delete).
 */
export function namespaceRest(store: Store, base: RestStorage, finalizer: () => NamespaceFinalizer | undefined): RestStorage {
  const deleter = {
    async delete(ctx: RequestContext, name: string, call: DeleteCallOptions): Promise<DeleteResult> {
      const ns = await store.get(ctx, name);
      const meta = peekMeta(ns);
      const options = call.options;
      if (!meta.deletionTimestamp) {
        await call.validate?.(deepCopyJSON(ns));
        const preconditions: { uid?: string; resourceVersion?: string } = {};
        if (options.preconditions?.uid) preconditions.uid = options.preconditions.uid;
        if (options.preconditions?.resourceVersion) preconditions.resourceVersion = options.preconditions.resourceVersion;
        const dryRun = (options.dryRun ?? []).length > 0;
        const updated = await store.updateRaw(
          ctx,
          name,
          (current) => {
            const m = metaOf(current);
            m.deletionTimestamp ??= nowTimestamp();
            current['status'] = { ...((current['status'] as object | undefined) ?? {}), phase: 'Terminating' };
            const finalizers = new Set(m.finalizers ?? []);
            for (const f of [FINALIZER_ORPHAN_DEPENDENTS, FINALIZER_DELETE_DEPENDENTS]) {
              if (wantsFinalizer(options, f, finalizers.has(f))) finalizers.add(f);
              else finalizers.delete(f);
            }
            if (finalizers.size > 0) m.finalizers = [...finalizers];
            else delete m.finalizers;
            return current;
          },
          { dryRun, preconditions },
        );
        if (!dryRun) {
          if (specFinalizers(updated).length === 0) return store.delete(ctx, name, call);
          finalizer()?.enqueue(name);
        }
        return { object: updated, deleted: false };
      }
      if (specFinalizers(ns).length > 0) return { object: ns, deleted: false };
      return store.delete(ctx, name, call);
    },
  };
  return { ...base, deleter };
}

/** The `finalize` subresource: PUT changes only spec.finalizers. */
export function finalizeRest(store: Store, info: ResourceInfo): RestStorage {
  const strategy = {
    ...store.strategy,
    prepareForCreate() {},
    prepareForUpdate(_ctx: unknown, ns: KObject, old: KObject) {
      const finalizers = (ns['spec'] as { finalizers?: string[] } | undefined)?.finalizers;
      for (const key of Object.keys(ns)) if (key !== 'metadata') delete ns[key];
      for (const key of Object.keys(old)) if (key !== 'metadata') ns[key] = deepCopyJSON(old[key]);
      const spec = (ns['spec'] ??= {}) as { finalizers?: string[] };
      if (finalizers === undefined) delete spec.finalizers;
      else spec.finalizers = finalizers;
    },
    allowCreateOnUpdate: () => false,
  };
  return {
    namespaced: info.namespaced,
    responseKind: (group, version) => ({ group, version, kind: info.kind }),
    updater: { update: (ctx, name, objInfo, options) => store.updateWith(strategy, ctx, name, objInfo, { ...options, forceAllowCreate: false }) },
  };
}
