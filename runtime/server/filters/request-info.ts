/** Parses the RequestInfo of the request into ctx.state.requestInfo, and marks long-running requests. */
import type Koa from 'koa';
import type { KapiState } from '../context.js';
import { isLongRunning, parseRequestInfo, type RequestInfo } from '../request-info.js';

/** How many parsed requests are remembered; the cache starts over when it is full. */
const CACHE_SIZE = 4096;

interface Parsed {
  readonly info: RequestInfo;
  readonly longRunning: boolean;
}

/**
 * The same method and URL always parse to the same RequestInfo (clients repeat the same GETs,
 * creates and lists), so parsed infos are kept, frozen since every request that repeats the
 * URL shares one. Bounded: at CACHE_SIZE entries the cache is dropped and refilled.
 */
export function withRequestInfo(): Koa.Middleware<KapiState> {
  const cache = new Map<string, Parsed>();
  return (ctx, next) => {
    const key = `${ctx.method} ${ctx.url}`;
    let parsed = cache.get(key);
    if (parsed === undefined) {
      const info = parseRequestInfo(ctx.method, ctx.path, ctx.URL.searchParams);
      Object.freeze(info.parts);
      parsed = { info: Object.freeze(info), longRunning: isLongRunning(info) };
      if (cache.size >= CACHE_SIZE) cache.clear();
      cache.set(key, parsed);
    }
    ctx.state.requestInfo = parsed.info;
    ctx.state.longRunning = parsed.longRunning;
    return next();
  };
}
