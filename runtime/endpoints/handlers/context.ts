/**
 * What the REST handlers read from a request's Koa context: the state the server's filter chain
 * fills in (request info, user, shutdown signal, metrics), declared here by shape so that this
 * layer does not import the server above it.
 */
import type Koa from 'koa';
import type { StatusError } from '../../machinery/errors.js';
import type { RequestContext } from '../../registry/rest.js';
import type { UserInfo } from '../../registry/strategy.js';
import { Warnings } from './warnings.js';

/** The request info the server parsed (server/request-info.ts RequestInfo). */
export interface EndpointRequestInfo {
  readonly isResourceRequest: boolean;
  readonly path: string;
  readonly verb: string;
  readonly apiPrefix: string;
  readonly apiGroup: string;
  readonly apiVersion: string;
  readonly namespace: string;
  readonly resource: string;
  readonly subresource: string;
  readonly name: string;
  /** The path segments from the resource on: `[resource, name, subresource]`. */
  readonly parts: readonly string[];
}

export interface EndpointState {
  requestInfo: EndpointRequestInfo;
  user?: UserInfo;
  /** Aborted when the server shuts down: watches end cleanly. */
  shutdown?: AbortSignal;
  /** Aborted when a short request runs past its deadline. */
  timeout?: AbortSignal;
  metrics?: { watchEvent(group: string, version: string, kind: string): void };
}

export type EndpointContext = Koa.ParameterizedContext<EndpointState>;

/** A REST handler. */
export type EndpointHandler = (ctx: EndpointContext) => Promise<void>;

/**
 * The registry context of a request: namespace, user, warnings and cancellation. Its signal
 * (aborted when the client goes away or the deadline passes) is made when something reads it:
 * most requests never do, and an AbortController and two listeners per request add up.
 */
export function requestContext(ctx: EndpointContext, namespace: string, warnings: Warnings): RequestContext {
  let controller: AbortController | undefined;
  return {
    namespace,
    user: ctx.state.user,
    warn: (m) => warnings.add(m),
    get signal(): AbortSignal {
      if (controller) return controller.signal;
      const created = new AbortController();
      controller = created;
      const abort = (): void => created.abort();
      const res = ctx.res;
      // The response closing before it finished means the client went away.
      if (res.closed) {
        if (!res.writableFinished) abort();
      } else {
        res.once('close', () => {
          if (!res.writableFinished) abort();
        });
      }
      const timeout = ctx.state.timeout;
      if (timeout?.aborted) abort();
      else timeout?.addEventListener('abort', abort, { once: true });
      return created.signal;
    },
  };
}

/** Writes a StatusError as the response (JSON Status, its code, Retry-After when asked). */
export function writeStatusError(ctx: EndpointContext, error: StatusError): void {
  ctx.status = error.code;
  const retry = error.status.details?.retryAfterSeconds;
  if (retry !== undefined && retry > 0) ctx.set('Retry-After', String(retry));
  ctx.set('Content-Type', 'application/json');
  ctx.body = JSON.stringify(error);
}

export { Warnings };
