/**
 * An acknowledged SQLite write survives kill -9: a child process writes and reports each
 * acknowledged revision, is SIGKILLed mid-stream, and the reopened store has every write it
 * acknowledged.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { openSqliteStorage } from '../../runtime/storage/sqlite/index.js';
import { tempDir } from './support/temp-dir.js';

const writerScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'support', 'durability-writer.ts');

describe('sqlite durability', () => {
  const temp = tempDir('durability');
  after(() => temp.remove());

  it('keeps every acknowledged write across SIGKILL', { timeout: 60_000 }, async () => {
    const file = path.join(temp.dir, 'kapi.db');
    const child = spawn(process.execPath, ['--import', 'tsx', writerScript, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked = new Map<string, string>();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    let buffered = '';
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));

    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the writer acknowledged ${acked.size} writes in 30 s; stderr:\n${stderr}`)), 30_000);
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) {
          const [word, key, rv] = line.split(' ');
          if (word === 'ack') acked.set(key, rv);
        }
        if (acked.size >= 300) {
          clearTimeout(timer);
          // Kill while writes are still in flight.
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.once('exit', () => {
        clearTimeout(timer);
        if (acked.size < 300) reject(new Error(`the writer exited after ${acked.size} writes; stderr:\n${stderr}`));
      });
    });
    assert.equal(await exited, 'SIGKILL');

    const storage = openSqliteStorage({ path: file });
    try {
      const list = await storage.list('/registry/durability/default');
      const stored = new Map(list.items.map((item) => [`/registry/durability/default/${String(item.metadata?.name)}`, item.metadata?.resourceVersion]));
      for (const [key, rv] of acked) assert.equal(stored.get(key), rv, `${key} was acknowledged at ${rv}`);
      const highest = Math.max(...[...acked.values()].map(Number));
      assert.ok((await storage.currentRevision()) >= highest);
    } finally {
      await storage.close();
    }
  });
});
