/**
 * Leases for keys with a TTL, shared between writes as kube-apiserver's lease manager does: a
 * lease granted for a little longer than asked is reused by later writes while it still outlives
 * their TTL, so a flood of Events costs a lease every minute rather than one per Event. A key may
 * therefore live up to the reuse margin (5% of its TTL, at most 60 s) longer than asked.
 */
import type { Etcd3 } from 'etcd3';

const REUSE_PERCENT = 0.05;
const MAX_REUSE_SECONDS = 60;

export class LeaseManager {
  private previous: { id: string; expiresAt: number } | undefined;
  private granting: Promise<string> | undefined;

  constructor(private readonly client: Etcd3) {}

  /** A lease that lives at least `ttl` seconds from now. */
  async lease(ttl: number): Promise<string> {
    const now = Date.now();
    const reuse = Math.min(Math.floor(ttl * REUSE_PERCENT), MAX_REUSE_SECONDS);
    const previous = this.previous;
    if (previous && now + ttl * 1000 < previous.expiresAt && now + (ttl + reuse) * 1000 >= previous.expiresAt) return previous.id;
    // One grant at a time; writes that queued behind it check again.
    if (this.granting) {
      await this.granting.catch(() => {});
      return this.lease(ttl);
    }
    this.granting = this.client.leaseClient
      .leaseGrant({ TTL: ttl + reuse })
      .then((response) => {
        this.previous = { id: response.ID, expiresAt: now + (ttl + reuse) * 1000 };
        return response.ID;
      })
      .finally(() => (this.granting = undefined));
    return this.granting;
  }
}
