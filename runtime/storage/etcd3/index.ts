/**
 * The etcd 3 store: etcd's KV API (kv.ts) with watches (watch.ts) and periodic compaction
 * (compaction.ts), composed into the KV contract that KVStorage turns into Storage. The
 * resourceVersion of an object is its etcd mod_revision, so several kapi processes on one etcd
 * agree on every resourceVersion.
 *
 *   const storage = openEtcd3Storage({ endpoints: ['http://127.0.0.1:2379'] });
 */
import { KVStorage } from '../store.js';
import { connect } from './client.js';
import { Compactor } from './compaction.js';
import { Etcd3KV } from './kv.js';
import { completeEtcd3Options } from './options.js';
import type { CompletedEtcd3Options, Etcd3Options } from './options.js';

export type { Etcd3Options } from './options.js';

export class Etcd3Storage extends KVStorage {
  private readonly compactor: Compactor;

  constructor(
    override readonly kv: Etcd3KV,
    options: CompletedEtcd3Options,
  ) {
    super(kv, options);
    this.compactor = new Compactor(kv.client, options.compactIntervalMs);
    this.compactor.start();
  }

  override async close(): Promise<void> {
    this.compactor.close();
    await super.close();
  }
}

/** A Storage on etcd. Connecting is lazy: the first request dials. */
export function openEtcd3Storage(options: Etcd3Options): Etcd3Storage {
  const completed = completeEtcd3Options(options);
  return new Etcd3Storage(new Etcd3KV(connect(completed)), completed);
}
