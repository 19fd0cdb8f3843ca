/** An HTTPS server on loopback answering JSON POSTs, standing in for a webhook a user deploys. */
import https from 'node:https';
import type { ServingPair } from './test-ca.js';

/** What the handler answers: a status and a body (JSON-encoded unless a string). */
export interface WebhookAnswer {
  readonly status?: number;
  readonly body: unknown;
}

export type WebhookHandler = (body: unknown, path: string) => WebhookAnswer | Promise<WebhookAnswer>;

export interface RunningWebhook {
  readonly port: number;
  /** The requests received, decoded. */
  readonly requests: { path: string; body: unknown }[];
  /** Replaces the handler. */
  handle(handler: WebhookHandler): void;
  close(): Promise<void>;
}

const MAX_REQUEST_BYTES = 16 * 1024 * 1024;

/** Starts the server on 127.0.0.1 (a free port unless `port` is given). */
export async function startWebhookServer(pair: ServingPair, handler: WebhookHandler, port = 0): Promise<RunningWebhook> {
  let current = handler;
  const requests: { path: string; body: unknown }[] = [];
  const server = https.createServer({ cert: pair.cert, key: pair.key }, (req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      void (async () => {
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          body = undefined;
        }
        const path = req.url ?? '/';
        requests.push({ path, body });
        try {
          const answer = await current(body, path);
          const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
          res.writeHead(answer.status ?? 200, { 'Content-Type': 'application/json' });
          res.end(text);
        } catch (error) {
          res.writeHead(500, { 'Content-Type': 'text/plain' });
          res.end(String(error));
        }
      })();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    requests,
    handle(next) {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
