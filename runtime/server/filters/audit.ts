/** The audit hook: records one Metadata-level event per request when the response completes. */
import type Koa from 'koa';
import type { AuditBackend, AuditEvent } from '../audit/types.js';
import type { KapiState } from '../context.js';
import type { RequestInfo } from '../request-info.js';

function microTime(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

function objectRef(info: RequestInfo): AuditEvent['objectRef'] {
  const ref: Record<string, string> = {};
  const fields = { resource: info.resource, namespace: info.namespace, name: info.name, apiGroup: info.apiGroup, apiVersion: info.apiVersion, subresource: info.subresource };
  for (const [key, value] of Object.entries(fields)) if (value !== '') ref[key] = value;
  return ref;
}

export function withAudit(backend: AuditBackend | undefined): Koa.Middleware<KapiState> {
  return async (ctx, next) => {
    if (!backend) return next();
    const received = new Date();
    const info = ctx.state.requestInfo;
    const user = ctx.state.impersonatedBy ?? ctx.state.user;
    const impersonated = ctx.state.impersonatedBy ? ctx.state.user : undefined;
    const emit = (): void => {
      const event: AuditEvent = {
        kind: 'Event',
        apiVersion: 'audit.k8s.io/v1',
        level: 'Metadata',
        auditID: ctx.state.auditID,
        stage: 'ResponseComplete',
        requestURI: ctx.url,
        verb: info.verb,
        user: { username: user?.name ?? '', ...(user?.uid ? { uid: user.uid } : {}), groups: user?.groups ?? [] },
        ...(impersonated ? { impersonatedUser: { username: impersonated.name, groups: impersonated.groups } } : {}),
        sourceIPs: [ctx.req.socket.remoteAddress ?? ''],
        userAgent: ctx.get('User-Agent') || undefined,
        objectRef: info.isResourceRequest ? objectRef(info) : undefined,
        responseStatus: { metadata: {}, code: ctx.res.statusCode },
        requestReceivedTimestamp: microTime(received),
        stageTimestamp: microTime(new Date()),
      };
      backend.processEvent(event);
    };
    ctx.res.once('close', emit);
    await next();
  };
}
