/**
 * The KV contract on etcd's own API: a key's revision is its mod_revision, writes are
 * transactions comparing it (mod_revision 0: the key is absent) that read the key back when
 * the comparison fails, and a TTL is a lease (leases.ts).
 */
import type { Etcd3, IRangeResponse, ITxnResponse } from 'etcd3';
import { CompactedError, FutureRevisionError } from '../kv.js';
import type { KV, KVWatch, KVWatchSink, KeyValue, RangeOptions, RangeResult, TxnResult } from '../kv.js';
import { mapEtcdError, toKeyValue } from './client.js';
import { compact } from './compaction.js';
import { LeaseManager } from './leases.js';
import { watchRange } from './watch.js';

/** Any key serves to read the store's revision from a response header. */
const REVISION_PROBE_KEY = Buffer.from('compact_rev_key');

export class Etcd3KV implements KV {
  private readonly leases: LeaseManager;

  constructor(readonly client: Etcd3) {
    this.leases = new LeaseManager(client);
  }

  async get(key: string): Promise<{ kv: KeyValue | undefined; revision: number }> {
    const response = await this.call(() => this.client.kv.range({ key: Buffer.from(key) }));
    return { kv: response.kvs[0] ? toKeyValue(response.kvs[0]) : undefined, revision: Number(response.header.revision) };
  }

  async range(start: string, end: string, options: RangeOptions = {}): Promise<RangeResult> {
    const revision = options.revision ?? 0;
    let response: IRangeResponse;
    try {
      response = await this.client.kv.range({
        key: Buffer.from(start),
        range_end: Buffer.from(end),
        limit: options.limit ? String(options.limit) : undefined,
        revision: revision > 0 ? String(revision) : undefined,
      });
    } catch (error) {
      const mapped = mapEtcdError(error, revision);
      if (mapped instanceof FutureRevisionError) throw new FutureRevisionError(revision, await this.currentRevision());
      if (mapped instanceof CompactedError) throw new CompactedError(revision, mapped.compacted);
      throw mapped;
    }
    return {
      kvs: response.kvs.map(toKeyValue),
      more: response.more,
      count: Number(response.count),
      revision: Number(response.header.revision),
    };
  }

  async count(start: string, end: string): Promise<number> {
    const response = await this.call(() => this.client.kv.range({ key: Buffer.from(start), range_end: Buffer.from(end), count_only: true }));
    return Number(response.count);
  }

  async put(key: string, value: string, expectedRevision: number, ttl: number): Promise<TxnResult> {
    const lease = ttl > 0 ? await this.call(() => this.leases.lease(ttl)) : undefined;
    const keyBytes = Buffer.from(key);
    const response = await this.call(() =>
      this.client.kv.txn({
        compare: [{ key: keyBytes, target: 'Mod', result: 'Equal', mod_revision: String(expectedRevision) }],
        success: [{ request_put: { key: keyBytes, value: Buffer.from(value), lease } }],
        failure: [{ request_range: { key: keyBytes } }],
      }),
    );
    return txnResult(response);
  }

  async delete(key: string, expectedRevision: number): Promise<TxnResult> {
    const keyBytes = Buffer.from(key);
    const response = await this.call(() =>
      this.client.kv.txn({
        compare: [{ key: keyBytes, target: 'Mod', result: 'Equal', mod_revision: String(expectedRevision) }],
        success: [{ request_delete_range: { key: keyBytes } }],
        failure: [{ request_range: { key: keyBytes } }],
      }),
    );
    return txnResult(response);
  }

  watch(start: string, end: string | undefined, fromRevision: number, sink: KVWatchSink): KVWatch {
    return watchRange(this.client, start, end, fromRevision, sink);
  }

  async currentRevision(): Promise<number> {
    const response = await this.call(() => this.client.kv.range({ key: REVISION_PROBE_KEY, count_only: true }));
    return Number(response.header.revision);
  }

  compact(revision: number): Promise<void> {
    return compact(this.client, revision);
  }

  async close(): Promise<void> {
    this.client.close();
  }

  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw mapEtcdError(error);
    }
  }
}

function txnResult(response: ITxnResponse): TxnResult {
  const revision = Number(response.header.revision);
  if (response.succeeded) return { succeeded: true, revision };
  const current = response.responses[0]?.response_range?.kvs[0];
  return { succeeded: false, current: current ? toKeyValue(current) : undefined, revision };
}
