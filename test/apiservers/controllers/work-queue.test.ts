/** WorkQueue: deduplication, a key re-added while it runs, bounded retries with backoff, close. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WorkQueue } from '../../../runtime/apiservers/kube/controllers/work-queue.js';
import { eventually } from './support.js';

describe('WorkQueue', () => {
  it('processes a key added several times before it starts once', async () => {
    const runs: string[] = [];
    const queue = new WorkQueue(async (key) => void runs.push(key));
    queue.add('a');
    queue.add('a');
    queue.add('b');
    assert.equal(runs.length, 0, 'nothing runs before start');
    queue.start();
    await eventually('both keys ran', async () => queue.length === 0);
    assert.deepEqual(runs.sort(), ['a', 'b']);
    await queue.close();
  });

  it('runs a key again when it is added while being processed', async () => {
    let runs = 0;
    let release: () => void = () => {};
    const queue = new WorkQueue(async () => {
      runs++;
      if (runs === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    queue.start();
    queue.add('k');
    await eventually('the first run started', async () => runs === 1);
    queue.add('k');
    queue.add('k');
    release();
    await eventually('the key ran once more', async () => runs === 2 && queue.length === 0);
    await queue.close();
  });

  it('retries a failing key with backoff, then drops it', async () => {
    let attempts = 0;
    const dropped: string[] = [];
    const queue = new WorkQueue(
      async () => {
        attempts++;
        throw new Error('no');
      },
      { maxRetries: 3, baseDelayMs: 5, onDrop: (key) => dropped.push(key) },
    );
    queue.start();
    queue.add('bad');
    await eventually('the key was dropped', async () => dropped.length === 1);
    assert.equal(attempts, 4);
    await queue.close();
  });

  it('waits for running work on close and takes no more keys', async () => {
    let finished = false;
    const queue = new WorkQueue(async () => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      finished = true;
    });
    queue.start();
    queue.add('slow');
    await queue.close();
    assert.equal(finished, true);
    queue.add('late');
    assert.equal(queue.length, 0);
  });
});
