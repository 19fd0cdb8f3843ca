/**
 * End to end: `kapi serve` on SQLite killed with SIGKILL in the middle of concurrent creates over
 * HTTPS loses none it acknowledged. The test counts the 201s, kills the process while requests
 * are in flight, restarts it on the same data dir and lists what is there.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { startKapi, type Kapi } from './support/kapi.js';

const NS = 'durable';
const WORKERS = 8;
/** Acknowledged creates to wait for before the kill (the kill lands while more are in flight). */
const ACKS_BEFORE_KILL = 120;

describe('durability on SQLite', () => {
  const servers: Kapi[] = [];
  after(async () => {
    for (const server of servers.reverse()) await server.stop();
  });

  it('a SIGKILL during concurrent creates loses no acknowledged create', async (t) => {
    const first = await startKapi();
    servers.push(first);
    const ns = await first.request('/api/v1/namespaces', { method: 'POST', contentType: 'application/json', body: JSON.stringify({ metadata: { name: NS } }) });
    assert.equal(ns.status, 201, ns.body);

    const acknowledged = new Set<string>();
    let sent = 0;
    let killed = false;
    let reachedTarget: () => void = () => undefined;
    const target = new Promise<void>((resolve) => (reachedTarget = resolve));
    const worker = async (id: number): Promise<void> => {
      // Bounded: each worker stops at the kill or after 2,000 requests.
      for (let i = 0; !killed && i < 2000; i++) {
        const name = `cm-${id}-${i}`;
        sent++;
        try {
          const response = await first.request(`/api/v1/namespaces/${NS}/configmaps`, {
            method: 'POST',
            contentType: 'application/json',
            body: JSON.stringify({ metadata: { name }, data: { worker: String(id), index: String(i) } }),
            timeoutMs: 10_000,
          });
          if (response.status === 201) acknowledged.add(name);
          else if (!killed) assert.fail(`create ${name}: ${response.status} ${response.body}`);
        } catch (error) {
          // A connection cut by the kill is not an acknowledgement.
          if (!killed) throw error;
        }
        if (acknowledged.size >= ACKS_BEFORE_KILL) reachedTarget();
      }
    };
    const workers = Array.from({ length: WORKERS }, (_, id) => worker(id));
    await Promise.race([target, new Promise((_, reject) => setTimeout(() => reject(new Error(`only ${acknowledged.size} creates in 60 s`)), 60_000))]);
    killed = true;
    await first.kill();
    const outcomes = await Promise.allSettled(workers);
    assert.deepEqual(outcomes.filter((o) => o.status === 'rejected'), [], 'a create failed before the kill');
    const acked = [...acknowledged];
    assert.ok(acked.length >= ACKS_BEFORE_KILL, `${acked.length} acknowledged`);

    const second = await startKapi({ dataDir: first.dataDir });
    servers.splice(0, 1, second);
    const list = await second.request(`/api/v1/namespaces/${NS}/configmaps`);
    assert.equal(list.status, 200, list.body);
    const present = new Set((list.json as { items: { metadata: { name: string } }[] }).items.map((i) => i.metadata.name));
    const lost = acked.filter((name) => !present.has(name));
    assert.deepEqual(lost, [], `${lost.length} of ${acked.length} acknowledged creates lost; ${present.size} present of ${sent} sent`);
    t.diagnostic(`${acked.length} acknowledged, ${present.size} present after the restart, ${sent} sent`);
    // Anything present beyond the acknowledged ones was committed as the process died.
    assert.ok(present.size <= sent);
  });
});
