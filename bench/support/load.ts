/**
 * HTTP load with autocannon (its own HTTP/1.1 client over raw sockets, so the load generator costs
 * less than the servers it measures), bounded by a duration and a request cap. Only 2xx answers
 * count towards the rate.
 */
import autocannon from 'autocannon';
import type { Rate } from '../harness.js';

export interface LoadOptions {
  readonly name: string;
  readonly url: string;
  readonly connections: number;
  readonly seconds: number;
  readonly maxRequests?: number;
  readonly method?: 'GET' | 'POST';
  readonly body?: string;
  readonly headers?: Record<string, string>;
}

export interface LoadResult extends Rate {
  readonly non2xx: number;
  readonly errors: number;
  readonly p99Ms: number;
}

export async function load(options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    maxOverallRequests: options.maxRequests ?? 1_000_000,
    method: options.method ?? 'GET',
    body: options.body,
    headers: { accept: 'application/json', ...(options.body ? { 'content-type': 'application/json' } : {}), ...options.headers },
    timeout: 30,
  });
  const ok = result['2xx'];
  return { name: options.name, ops: ok, perSecond: ok / result.duration, non2xx: result.non2xx, errors: result.errors, p99Ms: result.latency.p99 };
}

/** Throws when more than a small share of a load's requests failed: its rate would mean nothing. */
export function checkLoad(result: LoadResult): void {
  const failed = result.non2xx + result.errors;
  if (failed > Math.max(10, result.ops * 0.01)) {
    throw new Error(`${result.name}: ${failed} of ${result.ops + failed} requests failed (non-2xx ${result.non2xx}, errors ${result.errors})`);
  }
}
