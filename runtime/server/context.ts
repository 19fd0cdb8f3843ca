/**
 * The per-request state the filter chain fills in and handlers read (`ctx.state`), and the one
 * way the server writes an error: a Status body with its HTTP code.
 */
import type Koa from 'koa';
import type { Logger } from 'pino';
import { type StatusError } from '../machinery/errors.js';
import type { UserInfo } from './authentication/types.js';
import type { MetricsHooks } from './metrics.js';
import type { RequestInfo } from './request-info.js';

export interface KapiState {
  /** Set by the request-info filter, before anything else reads it. */
  requestInfo: RequestInfo;
  /** Set by the authentication filter; the impersonated user when the request impersonates. */
  user?: UserInfo;
  /** The authenticated user behind an impersonating request. */
  impersonatedBy?: UserInfo;
  /** The audit ID, also sent as the `Audit-Id` response header. */
  auditID: string;
  /** Watches and other long-running requests: exempt from max-in-flight and the request timeout. */
  longRunning: boolean;
  /**
   * Aborted when the server shuts down: a long-running handler (a watch) ends its response
   * cleanly when it fires; other requests are left to finish.
   */
  shutdown: AbortSignal;
  /** Aborted when a non-long-running request hits the request timeout. */
  timeout?: AbortSignal;
  /** The deadline of a non-long-running request (its signal is `timeout`). */
  deadline?: RequestDeadline;
  /** Where handlers report storage object counts and watch events. */
  metrics: MetricsHooks;
  /** The request's logger (carries the audit ID). */
  log: Logger;
}

/**
 * A short request's deadline: whether it passed, and the signal handlers may watch, made only
 * when one reads it (most never do, and an AbortController per request is a measurable cost).
 */
export class RequestDeadline {
  expired = false;
  private controller: AbortController | undefined;

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.expired) this.controller.abort();
    }
    return this.controller.signal;
  }

  expire(): void {
    this.expired = true;
    this.controller?.abort();
  }
}

/**
 * ctx.state of every request served by the chain (the outermost filter installs it): a class,
 * so that `timeout` is a getter on its prototype reading the deadline's lazily made signal,
 * rather than a property defined per request.
 */
export class RequestState implements KapiState {
  requestInfo!: KapiState['requestInfo'];
  user?: UserInfo;
  impersonatedBy?: UserInfo;
  auditID = '';
  longRunning = false;
  shutdown!: AbortSignal;
  deadline?: RequestDeadline;
  metrics!: MetricsHooks;
  log!: Logger;

  get timeout(): AbortSignal | undefined {
    return this.deadline?.signal;
  }
}

export type KapiContext = Koa.ParameterizedContext<KapiState>;

/** A request handler: the director calls it when its route matches. */
export type RequestHandler = (ctx: KapiContext) => Promise<void> | void;

/** Writes a StatusError as the response: JSON Status, its code, and Retry-After when it asks for one. */
export function writeStatus(ctx: Koa.Context | KapiContext, error: StatusError): void {
  ctx.status = error.code;
  const retry = error.status.details?.retryAfterSeconds;
  if (retry !== undefined && retry > 0) ctx.set('Retry-After', String(retry));
  ctx.set('Content-Type', 'application/json');
  ctx.body = JSON.stringify(error);
}

/** Writes a JSON body the way apiserver does: compact, `Content-Type: application/json`. */
export function writeJSON(ctx: Koa.Context | KapiContext, status: number, value: unknown, contentType = 'application/json'): void {
  ctx.status = status;
  ctx.set('Content-Type', contentType);
  ctx.body = JSON.stringify(value);
}
