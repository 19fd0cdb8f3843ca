/**
 * The etcd client connection and the translation of its errors into storage errors.
 */
import { Etcd3, GRPCDeadlineExceededError, GRPCGenericError, GRPCInternalError } from 'etcd3';
import type { IKeyValue } from 'etcd3';
import { InternalError, StorageError, TimeoutError, UnavailableError } from '../errors.js';
import { CompactedError, FutureRevisionError } from '../kv.js';
import type { KeyValue } from '../kv.js';
import type { CompletedEtcd3Options } from './options.js';

export function connect(options: CompletedEtcd3Options): Etcd3 {
  const hosts = options.endpoints.map((endpoint) => endpoint.replace(/\/$/, ''));
  return new Etcd3({
    hosts,
    dialTimeout: options.dialTimeoutMs,
    // Watches are long-lived streams; every other call gets a deadline.
    defaultCallOptions: (context) => (context.isStream ? {} : { deadline: Date.now() + options.requestTimeoutMs }),
  });
}

export function toKeyValue(kv: IKeyValue): KeyValue {
  return {
    key: kv.key.toString('utf8'),
    value: kv.value.toString('utf8'),
    modRevision: Number(kv.mod_revision),
    createRevision: Number(kv.create_revision),
    lease: Number(kv.lease),
  };
}

/** Turns a client error into a storage error (or the KV layer's compaction errors). */
export function mapEtcdError(error: unknown, requestedRevision = 0): Error {
  if (error instanceof StorageError || error instanceof CompactedError || error instanceof FutureRevisionError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/required revision has been compacted/.test(message)) return new CompactedError(requestedRevision, 0);
  if (/required revision is a future revision/.test(message)) return new FutureRevisionError(requestedRevision, 0);
  if (error instanceof GRPCDeadlineExceededError || /deadline exceeded|request timed out/i.test(message)) return new TimeoutError(`etcd: ${message}`);
  if (error instanceof GRPCInternalError) return new InternalError(`etcd: ${message}`);
  if (error instanceof GRPCGenericError) return new UnavailableError(`etcd: ${message}`);
  // Connection failures, a closed client and an open circuit breaker all mean etcd cannot be used now.
  return new UnavailableError(`etcd: ${message}`);
}
