/** An HTTPS GET whose body is counted and dropped as it arrives, so the client holds no copy. */
import https from 'node:https';
import type { Target } from './http.js';

export function drainGet(target: Target, path: string, timeoutMs = 120_000): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = https.get({ host: target.host, port: target.port, agent: target.agent, path, timeout: timeoutMs, headers: { accept: 'application/json' } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error(`GET ${path}: no answer within ${timeoutMs} ms`)));
  });
}
