/**
 * Periodic compaction, as kube-apiserver does it: every interval, compact up to the revision
 * seen at the previous tick, so history is kept for at least one interval. Several kapi
 * processes on one etcd agree through the version of the `compact_rev_key` key: only the one
 * whose transaction bumps it compacts, the others adopt its count and wait for the next tick.
 */
import type { Etcd3 } from 'etcd3';
import { mapEtcdError } from './client.js';
import { CompactedError } from '../kv.js';

const COMPACT_REV_KEY = Buffer.from('compact_rev_key');

export class Compactor {
  private timer: NodeJS.Timeout | undefined;
  private version = 0;
  private revision = 0;
  private running = false;

  constructor(
    private readonly client: Etcd3,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    if (this.intervalMs === 0 || this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = true;
      this.tick()
        .catch(() => {
          /* the next tick tries again */
        })
        .finally(() => (this.running = false));
    }, this.intervalMs);
    this.timer.unref();
  }

  /** One tick: claim this round through compact_rev_key, then compact the previous round's revision. */
  async tick(): Promise<void> {
    const response = await this.client.kv.txn({
      compare: [{ key: COMPACT_REV_KEY, target: 'Version', result: 'Equal', version: String(this.version) }],
      success: [{ request_put: { key: COMPACT_REV_KEY, value: Buffer.from(String(this.revision)) } }],
      failure: [{ request_range: { key: COMPACT_REV_KEY } }],
    });
    const current = Number(response.header.revision);
    if (!response.succeeded) {
      this.version = Number(response.responses[0].response_range.kvs[0]?.version ?? 0);
      this.revision = current;
      return;
    }
    this.version++;
    const target = this.revision;
    this.revision = current;
    if (target > 0) await compact(this.client, target);
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

/** Compacts to `revision`; an already compacted revision is not an error. */
export async function compact(client: Etcd3, revision: number): Promise<void> {
  try {
    await client.kv.compact({ revision: String(revision), physical: false });
  } catch (error) {
    const mapped = mapEtcdError(error, revision);
    if (!(mapped instanceof CompactedError)) throw mapped;
  }
}
