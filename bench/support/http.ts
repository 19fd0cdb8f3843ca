/** One HTTPS request to a benchmarked server, bounded in time, with the whole body read. */
import https from 'node:https';

export interface Response {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

export interface Target {
  readonly host: string;
  readonly port: number;
  readonly agent: https.Agent;
}

export function request(target: Target, method: string, path: string, body?: unknown, timeoutMs = 120_000): Promise<Response> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = https.request(
      {
        host: target.host,
        port: target.port,
        agent: target.agent,
        method,
        path,
        timeout: timeoutMs,
        headers: { accept: 'application/json', ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer within ${timeoutMs} ms`)));
    req.end(payload);
  });
}

/** Like `request`, but throws unless the status is 2xx; the parsed JSON body. */
export async function requestJSON<T>(target: Target, method: string, path: string, body?: unknown): Promise<T> {
  const response = await request(target, method, path, body);
  if (response.status < 200 || response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${response.body.toString().slice(0, 500)}`);
  return JSON.parse(response.body.toString()) as T;
}
