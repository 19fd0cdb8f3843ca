/**
 * The request deadline of non-long-running requests: `--request-timeout` (60s), shortened by a
 * `?timeout=` query parameter (a Go duration, as client-go sends `timeout=32s`). A request past
 * its deadline gets 504 Timeout; ctx.state.timeout is aborted so the handler can stop.
 */
import type Koa from 'koa';
import { newBadRequest, newTimeout } from '../../machinery/errors.js';
import { parseGoDuration } from '../../machinery/protobuf/go-duration.js';
import { writeStatus, type KapiState } from '../context.js';

export const TIMEOUT_MESSAGE = 'request did not complete within requested timeout - context deadline exceeded';

export function withTimeout(defaultTimeoutMs: number): Koa.Middleware<KapiState> {
  return async (ctx, next) => {
    if (ctx.state.longRunning || defaultTimeoutMs <= 0) return next();
    let timeoutMs = defaultTimeoutMs;
    const param = ctx.URL.searchParams.get('timeout');
    if (param !== null && param !== '') {
      let ns: bigint;
      try {
        ns = parseGoDuration(param);
      } catch {
        writeStatus(ctx, newBadRequest(`invalid timeout specified in the request URL: ${param}`));
        return;
      }
      const ms = Number(ns / 1_000_000n);
      if (ms > 0 && ms < timeoutMs) timeoutMs = ms;
    }
    const controller = new AbortController();
    ctx.state.timeout = controller.signal;
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const work = next().then(() => 'done' as const);
    work.catch(() => {}); // a handler that fails after its deadline has nobody left to tell
    try {
      const outcome = await Promise.race([work, expired]);
      if (outcome === 'timeout') {
        controller.abort();
        if (!ctx.headerSent && ctx.respond !== false) writeStatus(ctx, newTimeout(TIMEOUT_MESSAGE, 0));
      }
    } finally {
      clearTimeout(timer);
    }
  };
}
