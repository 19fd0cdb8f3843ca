/** -v verbosity and the request log line at -v=3. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Config } from '../../runtime/server/config.js';
import { createLogger } from '../../runtime/server/logging.js';
import { startServer } from './helpers.js';

function capture(): { lines: Record<string, unknown>[]; write: (s: string) => boolean } {
  const lines: Record<string, unknown>[] = [];
  return { lines, write: (s: string) => (lines.push(JSON.parse(s)), true) };
}

describe('logging', () => {
  it('maps -v to klog levels', () => {
    const sink = capture();
    const log = createLogger({ verbosity: 3, destination: sink });
    assert.ok(log.v(3));
    assert.ok(!log.v(4));
    log.logger.debug('hidden');
    log.logger.info('shown');
    assert.deepEqual(sink.lines.map((l) => l['msg']), ['shown']);
    const debug = createLogger({ verbosity: 6, destination: capture() });
    assert.equal(debug.logger.level, 'debug');
  });
  it('logs each request at -v=3', async () => {
    const sink = capture();
    const config = new Config();
    config.logging = createLogger({ verbosity: 3, destination: sink });
    const running = await startServer(config.complete().new('logged'));
    try {
      await fetch(`${running.url}/healthz`, { headers: { 'User-Agent': 'test-agent' } });
      await new Promise((r) => setTimeout(r, 50));
      const line = sink.lines.find((l) => l['msg'] === 'HTTP');
      assert.equal(line?.['verb'], 'GET');
      assert.equal(line?.['URI'], '/healthz');
      assert.equal(line?.['resp'], 200);
      assert.equal(line?.['userAgent'], 'test-agent');
      assert.equal(line?.['user'], 'system:anonymous');
    } finally {
      await running.stop();
    }
  });
});
