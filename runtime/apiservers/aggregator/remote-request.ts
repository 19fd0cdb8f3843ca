/**
 * One bounded GET to an aggregated server, for the aggregator's own use (availability probes,
 * discovery and OpenAPI documents): as the front proxy, speaking for `system:kube-aggregator`
 * in `system:masters` as upstream's probe does, with a deadline and a cap on the body.
 */
import https from 'node:https';
import { REMOTE_GROUP_HEADER, REMOTE_USER_HEADER } from './front-proxy.js';

export interface RemoteResponse {
  readonly status: number;
  readonly body: Buffer;
}

export interface RemoteRequest {
  /** `https://host:port` of the endpoint. */
  readonly url: URL;
  readonly serverName: string;
  readonly path: string;
  readonly agent: https.Agent;
  readonly timeoutMs: number;
  /** Bodies larger than this are refused. */
  readonly maxBytes: number;
  readonly accept?: string;
}

export const AGGREGATOR_USER = 'system:kube-aggregator';

/** The body and status of `GET path`; rejects on connection errors, timeouts and oversized bodies. */
export function remoteGet(request: RemoteRequest): Promise<RemoteResponse> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        protocol: 'https:',
        hostname: request.url.hostname.replace(/^\[|\]$/g, ''),
        port: request.url.port === '' ? 443 : Number(request.url.port),
        method: 'GET',
        path: request.path,
        agent: request.agent,
        servername: request.serverName,
        headers: { Accept: request.accept ?? 'application/json', [REMOTE_USER_HEADER]: AGGREGATOR_USER, [REMOTE_GROUP_HEADER]: 'system:masters' },
        timeout: request.timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > request.maxBytes) {
            req.destroy(new Error(`response larger than ${request.maxBytes} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    const deadline = setTimeout(() => req.destroy(new Error(`Client.Timeout exceeded while awaiting headers`)), request.timeoutMs);
    req.on('close', () => clearTimeout(deadline));
    req.on('timeout', () => req.destroy(new Error('Client.Timeout exceeded while awaiting headers')));
    req.on('error', reject);
    req.end();
  });
}

/** `https://host:port/path` as Go prints a URL. */
export function urlString(url: URL, path: string): string {
  return `${url.protocol}//${url.host}${path}`;
}
