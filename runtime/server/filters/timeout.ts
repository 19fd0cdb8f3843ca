/**
 * The request deadline of non-long-running requests: `--request-timeout` (60s), shortened by a
 * `?timeout=` query parameter (a Go duration, as client-go sends `timeout=32s`). A request past
 * its deadline gets 504 Timeout; ctx.state.timeout is aborted so the handler can stop.
 *
 * Every short request runs under a deadline, but few handlers ever look at its signal, so the
 * AbortController behind ctx.state.timeout is made only when a handler reads it (RequestState's
 * getter); the deadline itself is one timer and one promise per request.
 */
import type Koa from 'koa';
import { newBadRequest, newTimeout, type StatusError } from '../../machinery/errors.js';
import { parseGoDuration } from '../../machinery/protobuf/go-duration.js';
import { RequestDeadline, RequestState, writeStatus, type KapiState } from '../context.js';

export const TIMEOUT_MESSAGE = 'request did not complete within requested timeout - context deadline exceeded';

/** The deadline a request asks for with `?timeout=`, capped by the server's; a Status error for a bad value. */
function requestTimeoutMs(ctx: Koa.ParameterizedContext<KapiState>, defaultTimeoutMs: number): number | StatusError {
  // Most requests have no query at all: skip parsing the URL for them.
  if (!ctx.querystring.includes('timeout')) return defaultTimeoutMs;
  const param = ctx.URL.searchParams.get('timeout');
  if (param === null || param === '') return defaultTimeoutMs;
  let ns: bigint;
  try {
    ns = parseGoDuration(param);
  } catch {
    return newBadRequest(`invalid timeout specified in the request URL: ${param}`);
  }
  const ms = Number(ns / 1_000_000n);
  return ms > 0 && ms < defaultTimeoutMs ? ms : defaultTimeoutMs;
}

export function withTimeout(defaultTimeoutMs: number): Koa.Middleware<KapiState> {
  return (ctx, next) => {
    if (ctx.state.longRunning || defaultTimeoutMs <= 0) return next();
    const timeoutMs = requestTimeoutMs(ctx, defaultTimeoutMs);
    if (typeof timeoutMs !== 'number') {
      writeStatus(ctx, timeoutMs);
      return Promise.resolve();
    }
    const deadline = new RequestDeadline();
    ctx.state.deadline = deadline;
    // A chain whose state is a plain object (no panic-recovery filter in front) gets the signal now.
    if (!(ctx.state instanceof RequestState)) ctx.state.timeout = deadline.signal;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        deadline.expire();
        if (!ctx.headerSent && ctx.respond !== false) writeStatus(ctx, newTimeout(TIMEOUT_MESSAGE, 0));
        resolve();
      }, timeoutMs);
      next().then(
        () => {
          clearTimeout(timer);
          resolve();
        },
        (error: unknown) => {
          clearTimeout(timer);
          // A handler that fails after its deadline has nobody left to tell.
          if (deadline.expired) resolve();
          else reject(error);
        },
      );
    });
  };
}
