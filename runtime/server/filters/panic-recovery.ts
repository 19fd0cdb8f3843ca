/**
 * The outermost filter: gives the request its state object, audit ID and standard headers, and turns anything
 * thrown below into a Status (a StatusError as itself, anything else as a 500 InternalError), so
 * a failing handler never crashes the process or leaves a client without an answer.
 */
import { randomUUID } from 'node:crypto';
import type Koa from 'koa';
import { isStatusError, newInternalError } from '../../machinery/errors.js';
import { RequestState, writeStatus, type KapiState } from '../context.js';
import type { KapiLogger } from '../logging.js';

export function withPanicRecovery(logging: KapiLogger): Koa.Middleware<KapiState> {
  return async (ctx, next) => {
    ctx.state = new RequestState();
    const given = ctx.req.headers['audit-id'];
    const auditID = typeof given === 'string' && given !== '' ? given : randomUUID();
    ctx.state.auditID = auditID;
    ctx.state.log = logging.logger;
    ctx.res.setHeader('Audit-Id', auditID);
    ctx.res.setHeader('Cache-Control', 'no-cache, private');
    try {
      await next();
    } catch (error) {
      if (!isStatusError(error)) {
        logging.logger.error({ err: error, auditID, method: ctx.method, uri: ctx.url }, 'request handler failed');
      }
      if (ctx.headerSent || ctx.respond === false) {
        // A streaming handler failed after writing: end the response as cleanly as possible.
        if (!ctx.res.writableEnded) ctx.res.end();
        return;
      }
      writeStatus(ctx, isStatusError(error) ? error : newInternalError(error));
    }
  };
}
