/**
 * /healthz, /livez and /readyz: named checks, answered as apiserver's healthz package answers.
 *
 *   GET /readyz            → 200 `ok`, or 500 with the verbose list and `readyz check failed`
 *   GET /readyz?verbose    → `[+]ping ok` … `readyz check passed`
 *   GET /readyz?exclude=etcd → `[+]etcd excluded: ok`
 *   GET /readyz/etcd       → `ok`, or 500 `internal server error: <why>`
 */
import type Koa from 'koa';

/** A named check. Contract: resolve when healthy, throw (or reject) with the reason when not. */
export interface HealthChecker {
  readonly name: string;
  check(): Promise<void> | void;
}

export const pingCheck: HealthChecker = { name: 'ping', check: () => {} };

/** Healthy while logging works; the logger is asynchronous and never blocks, so this is `ping` by another name for now. */
export const logCheck: HealthChecker = { name: 'log', check: () => {} };

export function namedCheck(name: string, check: () => Promise<void> | void): HealthChecker {
  return { name, check };
}

function goQuoteList(names: readonly string[]): string {
  return names.map((n) => JSON.stringify(n)).join(', ');
}

function textPlain(ctx: Koa.Context, status: number, body: string): void {
  ctx.status = status;
  ctx.set('Content-Type', 'text/plain; charset=utf-8');
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.body = body;
}

async function runCheck(check: HealthChecker): Promise<Error | undefined> {
  try {
    await check.check();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * Serves `/<name>` over `checks` (read on every request, so checks added later count) and
 * `/<name>/<check>` for each. Returns whether the path was one of them.
 */
export async function serveHealth(
  ctx: Koa.Context,
  name: string,
  checks: readonly HealthChecker[],
  onFailure?: (failed: string) => void,
): Promise<boolean> {
  const base = `/${name}`;
  if (ctx.path === base || ctx.path === `${base}/`) {
    const excluded = new Set<string>();
    for (const value of ctx.URL.searchParams.getAll('exclude')) {
      for (const part of value.split(',')) if (part !== '') excluded.add(part);
    }
    let output = '';
    let failedLog = '';
    const failed: string[] = [];
    for (const check of checks) {
      if (excluded.has(check.name)) {
        excluded.delete(check.name);
        output += `[+]${check.name} excluded: ok\n`;
        continue;
      }
      const error = await runCheck(check);
      if (error) {
        output += `[-]${check.name} failed: reason withheld\n`;
        failedLog += `[-]${check.name} failed: ${error.message}\n`;
        failed.push(check.name);
      } else {
        output += `[+]${check.name} ok\n`;
      }
    }
    if (excluded.size > 0) {
      output += `warn: some health checks cannot be excluded: no matches for ${goQuoteList([...excluded].sort())}\n`;
    }
    if (failed.length > 0) {
      onFailure?.(`${failed.join(',')} check failed: ${name}\n${failedLog}`);
      textPlain(ctx, 500, `${output}${name} check failed\n`);
      return true;
    }
    textPlain(ctx, 200, ctx.URL.searchParams.has('verbose') ? `${output}${name} check passed\n` : 'ok');
    return true;
  }
  if (ctx.path.startsWith(`${base}/`)) {
    const checkName = ctx.path.slice(base.length + 1);
    const check = checks.find((c) => c.name === checkName);
    if (!check) return false;
    const error = await runCheck(check);
    if (error) textPlain(ctx, 500, `internal server error: ${error.message}\n`);
    else textPlain(ctx, 200, 'ok');
    return true;
  }
  return false;
}
