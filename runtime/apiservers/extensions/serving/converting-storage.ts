/**
 * The storage one version of a custom resource is served from: the CRD's storage (its watch
 * cache) holds objects in the storage version, or in an older one they were written in; this
 * layer hands the Store every object in its own version and writes what the Store hands it in
 * the storage version, as apiextensions-apiserver's per-version storage codec does.
 *
 *   Store(v1beta1) ──create/update──▶ convert to storage version ──▶ Storage
 *   Store(v1beta1) ◀──get/list/watch── default (stored version), convert to v1beta1 ◀── Storage
 *
 * Conversion is asynchronous (a `Webhook` strategy asks a server), which is why it lives here,
 * under the Store, and not in the Scheme. Conversions of shared objects (watch-cache reads and
 * watch events) are remembered per stored object, so N watchers of a version convert each event
 * once; objects already in the wanted version pass through untouched.
 */
import { StatusError } from '../../../machinery/errors.js';
import { deepCopyJSON } from '../../../machinery/generated-support.js';
import type { DeleteOptions, GetOptions, ListOptions, ListResult, Storage, StoredObject, UpdateFunc, UpdateOptions, Watch, WatchEvent, WatchOptions } from '../../../storage/interface.js';
import type { AsyncCustomResourceConverter } from '../conversion/converter.js';
import type { CompiledVersionSchema } from '../schema/compile.js';

export interface ConvertingStorageOptions {
  /** The CRD's storage (normally its watch cache), shared by every version. */
  readonly inner: Storage;
  readonly group: string;
  /** The version this storage hands out. */
  readonly version: string;
  /** The version objects are written in. */
  readonly storageVersion: string;
  readonly listKind: string;
  readonly converter: AsyncCustomResourceConverter;
  /** A version's compiled schema: objects read in an older version get its defaults before conversion. */
  schemaFor(version: string): CompiledVersionSchema | undefined;
}

/** Thrown when a conversion fails; the Store answers it as an internal error, as upstream. */
export class ConversionFailedError extends Error {}

export class ConvertingStorage implements Storage {
  private readonly apiVersion: string;
  private readonly storageApiVersion: string;
  private readonly converted = new WeakMap<StoredObject, Promise<StoredObject>>();

  constructor(private readonly options: ConvertingStorageOptions) {
    this.apiVersion = `${options.group}/${options.version}`;
    this.storageApiVersion = `${options.group}/${options.storageVersion}`;
  }

  /** The object in this storage's version; the same object when it already is. */
  private toVersion(stored: StoredObject): Promise<StoredObject> {
    if (stored['apiVersion'] === this.apiVersion) return Promise.resolve(stored);
    let pending = this.converted.get(stored);
    if (!pending) {
      pending = this.convert(stored);
      this.converted.set(stored, pending);
    }
    return pending;
  }

  private async convert(stored: StoredObject): Promise<StoredObject> {
    const copy = deepCopyJSON(stored);
    this.defaultInOwnVersion(copy);
    const resourceVersion = copy.metadata?.resourceVersion;
    const out = (await this.runConverter(copy, this.options.version)) as StoredObject;
    // the store owns resourceVersion: a conversion must not move it
    if (resourceVersion !== undefined && out.metadata) out.metadata.resourceVersion = resourceVersion;
    return out;
  }

  private defaultInOwnVersion(object: StoredObject): void {
    const apiVersion = object['apiVersion'];
    if (typeof apiVersion !== 'string' || !apiVersion.startsWith(`${this.options.group}/`)) return;
    this.options.schemaFor(apiVersion.slice(this.options.group.length + 1))?.default(object);
  }

  private async runConverter(object: Record<string, unknown>, version: string, write = false): Promise<Record<string, unknown>> {
    try {
      return await this.options.converter.convert(object, version);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (write) throw new ConversionFailedError(message);
      // A read fails as apiserver fails to decode a stored object: 500 with the converter's words
      // and no reason, which kubectl prints as `Error from server: conversion webhook for …`.
      throw new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: '', code: 500 });
    }
  }

  /** What the Store wrote, in the storage version. */
  private async toStorage(object: StoredObject): Promise<StoredObject> {
    if (object['apiVersion'] === this.storageApiVersion) return object;
    return (await this.runConverter(object, this.options.storageVersion, true)) as StoredObject;
  }

  async create(key: string, object: StoredObject, ttl?: number): Promise<StoredObject> {
    return this.toVersion(await this.options.inner.create(key, await this.toStorage(object), ttl));
  }

  get(key: string, options: GetOptions & { ignoreNotFound: true }): Promise<StoredObject | undefined>;
  get(key: string, options?: GetOptions): Promise<StoredObject>;
  async get(key: string, options?: GetOptions): Promise<StoredObject | undefined> {
    const stored = await this.options.inner.get(key, options ?? {});
    return stored === undefined ? undefined : this.toVersion(stored);
  }

  async list(prefix: string, options?: ListOptions): Promise<ListResult> {
    const result = await this.options.inner.list(prefix, options);
    const items = result.items;
    // Objects not yet converted go to the converter as one list (one ConversionReview for a
    // webhook), as upstream converts a list read from storage.
    const missing = items.filter((item) => item['apiVersion'] !== this.apiVersion && !this.converted.has(item));
    if (missing.length > 1) {
      const copies = missing.map((item) => {
        const copy = deepCopyJSON(item);
        this.defaultInOwnVersion(copy);
        return copy;
      });
      const pending = this.runConverter({ apiVersion: this.storageApiVersion, kind: this.options.listKind, items: copies }, this.options.version).then((list) => {
        const out = list['items'];
        if (!Array.isArray(out) || out.length !== missing.length) throw new ConversionFailedError('conversion returned a list of another length');
        return out as StoredObject[];
      });
      missing.forEach((item, i) =>
        this.converted.set(
          item,
          pending.then((out) => {
            const converted = out[i]!;
            const resourceVersion = item.metadata?.resourceVersion;
            if (resourceVersion !== undefined && converted.metadata) converted.metadata.resourceVersion = resourceVersion;
            return converted;
          }),
        ),
      );
    }
    return { ...result, items: await Promise.all(items.map((item) => this.toVersion(item))) };
  }

  async guaranteedUpdate(key: string, tryUpdate: UpdateFunc, options?: UpdateOptions): Promise<StoredObject> {
    const updated = await this.options.inner.guaranteedUpdate(
      key,
      async (current, meta) => {
        // a missing object (ignoreNotFound) arrives empty, in no version
        const existing = current['apiVersion'] === undefined ? current : await this.toVersion(current);
        return this.toStorage(await tryUpdate(existing === current ? current : deepCopyJSON(existing), meta));
      },
      { ...options, cachedExisting: undefined },
    );
    return this.toVersion(updated);
  }

  async delete(key: string, options?: DeleteOptions): Promise<StoredObject> {
    const validate = options?.validateDeletion;
    const deleted = await this.options.inner.delete(key, {
      ...options,
      cachedExisting: undefined,
      validateDeletion: validate ? async (current) => validate(await this.toVersion(current)) : undefined,
    });
    return this.toVersion(deleted);
  }

  async watch(key: string, options?: WatchOptions): Promise<Watch> {
    const inner = await this.options.inner.watch(key, options);
    const toVersion = (object: StoredObject): Promise<StoredObject> => this.toVersion(object);
    return {
      stop: () => inner.stop(),
      done: inner.done,
      async *[Symbol.asyncIterator](): AsyncIterator<WatchEvent> {
        for await (const event of inner) {
          if (event.type === 'BOOKMARK' || event.type === 'ERROR') {
            yield event;
            continue;
          }
          let object: StoredObject;
          try {
            object = await toVersion(event.object);
          } catch (error) {
            inner.stop();
            const message = error instanceof Error ? error.message : String(error);
            yield { type: 'ERROR', object: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'InternalError', code: 500 } };
            return;
          }
          yield { type: event.type, object, key: event.key };
        }
      },
    };
  }

  count(prefix: string): Promise<number> {
    return this.options.inner.count(prefix);
  }

  currentRevision(): Promise<number> {
    return this.options.inner.currentRevision();
  }

  /** The CRD's storage is closed by whoever opened it. */
  async close(): Promise<void> {}
}
