/** Parses the RequestInfo of the request into ctx.state.requestInfo, and marks long-running requests. */
import type Koa from 'koa';
import type { KapiState } from '../context.js';
import { isLongRunning, parseRequestInfo } from '../request-info.js';

export function withRequestInfo(): Koa.Middleware<KapiState> {
  return async (ctx, next) => {
    ctx.state.requestInfo = parseRequestInfo(ctx.method, ctx.path, ctx.URL.searchParams);
    ctx.state.longRunning = isLongRunning(ctx.state.requestInfo);
    await next();
  };
}
