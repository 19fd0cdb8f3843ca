/**
 * The path mux of one server (apiserver's PathRecorderMux): exact paths first, then the longest
 * registered prefix. Routes are read on every request, so routes added at runtime (a CRD's group)
 * are served at once.
 */
import type { RequestHandler } from './context.js';

export class PathMux {
  private readonly exact = new Map<string, RequestHandler>();
  private prefixes: { prefix: string; handler: RequestHandler }[] = [];
  private readonly matchers: { match: (path: string) => RequestHandler | undefined; list?: () => string[] }[] = [];

  /** Serves exactly `path`. */
  handle(path: string, handler: RequestHandler): void {
    this.exact.set(path, handler);
  }

  /** Serves every path under `prefix` (not the bare prefix itself: register that with `handle`). */
  handlePrefix(prefix: string, handler: RequestHandler): void {
    const normalized = prefix.endsWith('/') ? prefix : `${prefix}/`;
    this.prefixes = [...this.prefixes.filter((p) => p.prefix !== normalized), { prefix: normalized, handler }].sort(
      (a, b) => b.prefix.length - a.prefix.length,
    );
  }

  /**
   * Serves whatever paths `matcher` claims, asked after exact paths and before prefixes (for
   * routes known only at request time, such as discovery of groups added at runtime).
   */
  handleMatcher(matcher: (path: string) => RequestHandler | undefined, list?: () => string[]): void {
    this.matchers.push({ match: matcher, list });
  }

  /** Removes a route (exact or prefix) added before. */
  unregister(path: string): void {
    this.exact.delete(path);
    const normalized = path.endsWith('/') ? path : `${path}/`;
    this.prefixes = this.prefixes.filter((p) => p.prefix !== normalized);
  }

  match(path: string): RequestHandler | undefined {
    const exact = this.exact.get(path);
    if (exact) return exact;
    for (const matcher of this.matchers) {
      const handler = matcher.match(path);
      if (handler) return handler;
    }
    for (const { prefix, handler } of this.prefixes) {
      if (path.startsWith(prefix)) return handler;
    }
    return undefined;
  }

  /** Every registered path, sorted: what `GET /` lists. */
  listedPaths(): string[] {
    const listed = [...this.exact.keys(), ...this.prefixes.map((p) => p.prefix.slice(0, -1)), ...this.matchers.flatMap((m) => m.list?.() ?? [])];
    return [...new Set(listed.filter((p) => p === '/' || !p.endsWith('/')))].sort();
  }
}
