/**
 * Watches on etcd: one gRPC watch stream per watch, created at the start revision with the
 * previous values (prev_kv) so that deletes carry the last state. Progress notifications are
 * not requested: etcd 3.4 before 3.4.25 can send them ahead of pending events, so nothing here
 * may take one as a promise that all events were delivered. A compacted start revision, a
 * cancellation or a broken stream ends the watch; the caller starts a new one.
 */
import type { Etcd3, IEvent, IWatchResponse } from 'etcd3';
import { UnavailableError } from '../errors.js';
import { CompactedError } from '../kv.js';
import type { KVEvent, KVWatch, KVWatchSink } from '../kv.js';
import { mapEtcdError, toKeyValue } from './client.js';

function toEvent(event: IEvent): KVEvent {
  return {
    type: event.type === 'Delete' ? 'delete' : 'put',
    kv: toKeyValue(event.kv),
    prevKv: event.prev_kv ? toKeyValue(event.prev_kv) : undefined,
  };
}

export function watchRange(client: Etcd3, start: string, end: string | undefined, fromRevision: number, sink: KVWatchSink): KVWatch {
  let stream: { cancel(): void } | undefined;
  let over = false;
  const finish = (error: Error): void => {
    if (over) return;
    over = true;
    stream?.cancel();
    sink.error(error);
  };

  client.watchClient.watch().then(
    (duplex) => {
      if (over) {
        duplex.on('error', () => {});
        duplex.cancel();
        return;
      }
      stream = duplex;
      duplex.on('data', (response: IWatchResponse) => {
        if (over) return;
        if (response.canceled) {
          const compacted = Number(response.compact_revision);
          if (compacted > 0) finish(new CompactedError(fromRevision, compacted));
          else finish(new UnavailableError(`etcd cancelled the watch: ${response.cancel_reason || 'no reason given'}`));
          return;
        }
        if (response.events.length > 0) sink.events(response.events.map(toEvent));
      });
      duplex.on('error', (error: Error) => finish(mapEtcdError(error)));
      duplex.on('end', () => finish(new UnavailableError('etcd closed the watch stream')));
      duplex.write({
        create_request: {
          key: Buffer.from(start),
          range_end: end === undefined ? undefined : Buffer.from(end),
          start_revision: String(fromRevision),
          prev_kv: true,
        },
      });
    },
    (error: unknown) => finish(mapEtcdError(error)),
  );

  return {
    cancel() {
      if (over) return;
      over = true;
      stream?.cancel();
    },
  };
}
