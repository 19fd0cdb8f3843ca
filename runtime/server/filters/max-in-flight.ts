/**
 * Max in flight (`--max-requests-inflight`, `--max-mutating-requests-inflight`): separate limits
 * for read-only and mutating requests; a request over its limit gets 429 TooManyRequests with
 * `Retry-After: 1`. Long-running requests are exempt. A limit of 0 means no limit.
 */
import type Koa from 'koa';
import { newTooManyRequests } from '../../machinery/errors.js';
import { writeStatus, type KapiState } from '../context.js';
import type { ServerMetrics } from '../metrics.js';
import { isMutating } from '../request-info.js';

export const TOO_MANY_REQUESTS_MESSAGE = 'Too many requests, please try again later.';

export function withMaxInFlight(limits: { readOnly: number; mutating: number }, metrics: ServerMetrics): Koa.Middleware<KapiState> {
  const current = { readOnly: 0, mutating: 0 };
  return async (ctx, next) => {
    if (ctx.state.longRunning) return next();
    const kind = isMutating(ctx.state.requestInfo) ? 'mutating' : 'readOnly';
    const limit = limits[kind];
    if (limit > 0 && current[kind] >= limit) {
      writeStatus(ctx, newTooManyRequests(TOO_MANY_REQUESTS_MESSAGE, 1));
      return;
    }
    current[kind]++;
    metrics.setInflight(kind, current[kind]);
    try {
      await next();
    } finally {
      current[kind]--;
      metrics.setInflight(kind, current[kind]);
    }
  };
}
