/** The etcd lease manager shares a lease between writes while it outlives their TTL. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Etcd3 } from 'etcd3';
import { LeaseManager } from '../../../runtime/storage/etcd3/leases.js';

function fakeClient(): { client: Etcd3; grants: number[] } {
  const grants: number[] = [];
  const leaseClient = {
    leaseGrant: async ({ TTL }: { TTL: number }) => {
      grants.push(TTL);
      return { ID: String(grants.length) };
    },
  };
  return { client: { leaseClient } as unknown as Etcd3, grants };
}

describe('LeaseManager', () => {
  it('grants TTL plus a 5% margin and reuses the lease for writes it outlives', async () => {
    const { client, grants } = fakeClient();
    const leases = new LeaseManager(client);
    const [a, b, c] = await Promise.all([leases.lease(3600), leases.lease(3600), leases.lease(3600)]);
    assert.deepEqual([a, b, c], ['1', '1', '1']);
    assert.deepEqual(grants, [3660]);
  });

  it('grants a new lease when the old one would not outlive the TTL, or would outlive it by too much', async () => {
    const { client, grants } = fakeClient();
    const leases = new LeaseManager(client);
    await leases.lease(100);
    assert.equal(await leases.lease(200), '2', 'too short for 200 s');
    assert.equal(await leases.lease(10), '3', 'would keep a 10 s key far too long');
    assert.deepEqual(grants, [105, 210, 10]);
  });
});
