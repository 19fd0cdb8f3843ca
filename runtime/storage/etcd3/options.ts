/**
 * Options of the etcd 3 store, completed with their defaults before the store is built.
 */
import type { KVStorageOptions } from '../store.js';

export interface Etcd3Options extends KVStorageOptions {
  /** Client URLs, as kube-apiserver's --etcd-servers: `http://127.0.0.1:2379`. */
  endpoints: readonly string[];
  /** Deadline of every unary request (reads, writes, leases, compaction), in ms. Default 10 000. */
  requestTimeoutMs?: number;
  /** How long connecting to an endpoint may take, in ms. Default 5000. */
  dialTimeoutMs?: number;
  /**
   * How often to compact, in ms, as kube-apiserver's --etcd-compaction-interval: each tick
   * compacts up to the revision the previous tick saw. 0 disables it. Default 5 minutes.
   */
  compactIntervalMs?: number;
}

export type CompletedEtcd3Options = Required<Etcd3Options>;

export function completeEtcd3Options(options: Etcd3Options): CompletedEtcd3Options {
  if (options.endpoints.length === 0) throw new Error('etcd3: at least one endpoint is required');
  for (const endpoint of options.endpoints) {
    if (!/^https?:\/\/[^/]+\/?$/.test(endpoint)) throw new Error(`etcd3: endpoint ${endpoint} is not a URL like http://127.0.0.1:2379`);
    if (endpoint.startsWith('https:')) throw new Error('etcd3: TLS endpoints are not supported yet');
  }
  return {
    endpoints: options.endpoints,
    requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
    dialTimeoutMs: options.dialTimeoutMs ?? 5000,
    compactIntervalMs: options.compactIntervalMs ?? 5 * 60_000,
    bookmarkIntervalMs: options.bookmarkIntervalMs ?? 60_000,
    listPageSize: options.listPageSize ?? 1000,
    watchCapacity: options.watchCapacity ?? 100_000,
  };
}
