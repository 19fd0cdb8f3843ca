/**
 * An informer over one Store (client-go's reflector and informer, without a resync): lists once,
 * then watches from the list's resourceVersion and hands each change to its handler. A watch
 * that ends is resumed from the last resourceVersion seen; one that fails (410 Gone after a
 * compaction, a storage error) is followed by a fresh list, diffed against the objects known so
 * far, so objects deleted meanwhile are reported as deleted.
 */
import { isGone } from '../../../machinery/errors.js';
import { peekMeta, type KObject } from '../../../registry/meta.js';
import type { Lister, RegistryWatch, Watcher } from '../../../registry/rest.js';
import type { FieldSelector } from '../../../registry/selection.js';
import { controllerContext, objectKey, pause } from './context.js';

export interface InformerHandler {
  /** An object seen for the first time (listed or created). */
  added(object: KObject): void;
  /** A change of an object already seen. */
  updated(object: KObject): void;
  /**
   * An object gone: its last state, or (found missing by a relist) a tombstone carrying only
   * `metadata.name`, `metadata.namespace` and `metadata.uid`.
   */
  deleted(object: KObject): void;
}

export interface InformerOptions {
  /** Watch only what this selector matches (by name, across namespaces). */
  readonly fieldSelector?: FieldSelector;
  /** Who the requests are made as. */
  readonly controller: string;
  /** Delay before a failed watch is retried, doubled per failure up to 5 s. Default 100 ms. */
  readonly retryDelayMs?: number;
  /** Objects per page of a list. Default 500, as client-go's reflector. */
  readonly listPageSize?: number;
}

const MAX_RETRY_DELAY_MS = 5000;
/** Initial lists tried before a controller's start fails. */
const START_ATTEMPTS = 5;

export class StoreInformer {
  /** `<namespace>/<name>` → uid of every object seen and not yet deleted, for relist diffs. */
  private readonly known = new Map<string, string>();
  private readonly stop = new AbortController();
  private watch: RegistryWatch | undefined;
  private loop: Promise<void> | undefined;

  constructor(
    /** The Store (or anything that lists and watches like one). */
    readonly store: Lister & Watcher,
    private readonly handler: InformerHandler,
    private readonly options: InformerOptions,
  ) {}

  /** Lists and delivers every object, then keeps watching in the background. */
  async start(): Promise<void> {
    let resourceVersion: string | undefined;
    for (let attempt = 0; resourceVersion === undefined; attempt++) {
      try {
        resourceVersion = await this.relist();
      } catch (error) {
        // a page expired by a compaction, or storage not answering: a few tries, then the hook fails
        if (attempt + 1 >= START_ATTEMPTS || this.stop.signal.aborted) throw error;
        await pause(200 * 2 ** attempt, this.stop.signal);
      }
    }
    this.loop = this.run(resourceVersion);
  }

  async close(): Promise<void> {
    this.stop.abort();
    this.watch?.stop();
    await this.loop;
  }

  /** Lists, reports differences from what is known, and returns the list's resourceVersion. */
  private async relist(): Promise<string> {
    const ctx = controllerContext('', this.options.controller);
    const seen = new Set<string>();
    // pages of one consistent list (the first page's revision), as a reflector lists
    const limit = this.options.listPageSize ?? 500;
    let list = await this.store.list(ctx, { fieldSelector: this.options.fieldSelector, limit });
    const resourceVersion = list.resourceVersion;
    for (;;) {
      this.deliverPage(list.items, seen);
      if (!list.continue) break;
      list = await this.store.list(ctx, { fieldSelector: this.options.fieldSelector, limit, continue: list.continue });
    }
    for (const [key, uid] of [...this.known]) {
      if (seen.has(key)) continue;
      this.known.delete(key);
      this.deliver('deleted', tombstone(key, uid));
    }
    return resourceVersion;
  }

  private deliverPage(items: readonly KObject[], seen: Set<string>): void {
    for (const item of items) {
      const key = objectKey(item);
      const uid = peekMeta(item).uid ?? '';
      seen.add(key);
      const previous = this.known.get(key);
      if (previous === uid) {
        this.deliver('updated', item);
        continue;
      }
      if (previous !== undefined) this.deliver('deleted', tombstone(key, previous));
      this.known.set(key, uid);
      this.deliver('added', item);
    }
  }

  private async run(from: string): Promise<void> {
    let resourceVersion = from;
    let failures = 0;
    while (!this.stop.signal.aborted) {
      let relist = false;
      try {
        this.watch = await this.store.watch(controllerContext('', this.options.controller), {
          resourceVersion,
          fieldSelector: this.options.fieldSelector,
          allowWatchBookmarks: true,
        });
        if (this.stop.signal.aborted) this.watch.stop();
        for await (const event of this.watch) {
          if (event.type === 'ERROR') {
            relist = true;
            break;
          }
          const rv = peekMeta(event.object).resourceVersion;
          if (rv) resourceVersion = rv;
          failures = 0;
          if (event.type === 'BOOKMARK') continue;
          const key = objectKey(event.object);
          if (event.type === 'DELETED') {
            this.known.delete(key);
            this.deliver('deleted', event.object);
          } else if (this.known.get(key) === (peekMeta(event.object).uid ?? '')) {
            this.deliver('updated', event.object);
          } else {
            const previous = this.known.get(key);
            if (previous !== undefined) this.deliver('deleted', tombstone(key, previous));
            this.known.set(key, peekMeta(event.object).uid ?? '');
            this.deliver('added', event.object);
          }
        }
        this.watch.stop();
      } catch (error) {
        relist = true;
        if (!isGone(error)) failures++;
      }
      if (this.stop.signal.aborted) break;
      await pause(Math.min(MAX_RETRY_DELAY_MS, (this.options.retryDelayMs ?? 100) * 2 ** Math.min(failures, 6)), this.stop.signal);
      if (!relist || this.stop.signal.aborted) continue;
      try {
        resourceVersion = await this.relist();
      } catch {
        failures++;
      }
    }
  }

  private deliver(kind: keyof InformerHandler, object: KObject): void {
    try {
      this.handler[kind](object);
    } catch {
      // a handler only queues work; one that throws must not stop the watch
    }
  }
}

function tombstone(key: string, uid: string): KObject {
  const slash = key.indexOf('/');
  const metadata = slash < 0 ? { name: key, uid } : { namespace: key.slice(0, slash), name: key.slice(slash + 1), uid };
  return { metadata };
}
