/**
 * Authorization delegated to the core API server, as upstream's sample-apiserver does it
 * (apiserver's DelegatingAuthorizationOptions): each request's user and attributes go to kapi as
 * a SubjectAccessReview, whose answer is kept for 10 s (allowed and denied alike). system:masters
 * and the health paths are allowed without asking. An unreachable or failing core server is an
 * error (500), never an allow.
 */
import https from 'node:https';
import type { AuthorizationAttributes, AuthorizationResult, Authorizer } from '../../runtime/server/authorization/types.js';
import type { ClusterConnection } from './kubeconfig.js';

const SAR_PATH = '/apis/authorization.k8s.io/v1/subjectaccessreviews';
const HEALTH_PATHS = ['/healthz', '/livez', '/readyz'];
const PRIVILEGED_GROUP = 'system:masters';
/** How the reviews show up in the core server's audit log. */
export const USER_AGENT = 'sample-apiserver/delegated-authorization';

export interface DelegatedAuthorizationOptions {
  /** How long answers are kept. Default 10 s, as upstream's allow and deny cache TTLs. */
  readonly cacheTTLMs?: number;
  /** The deadline of one review. Default 10 s. */
  readonly timeoutMs?: number;
  /** Answers kept at most; the oldest go first. Default 10,000. */
  readonly cacheSize?: number;
}

interface ReviewStatus {
  allowed?: boolean;
  denied?: boolean;
  reason?: string;
  evaluationError?: string;
}

/** The SubjectAccessReview spec of a request, as the webhook authorizer writes it. */
export function reviewSpec(a: AuthorizationAttributes): Record<string, unknown> {
  const spec: Record<string, unknown> = { user: a.user.name, groups: a.user.groups };
  if (a.user.uid) spec['uid'] = a.user.uid;
  if (a.user.extra && Object.keys(a.user.extra).length > 0) spec['extra'] = a.user.extra;
  if (a.resourceRequest) {
    spec['resourceAttributes'] = {
      namespace: a.namespace,
      verb: a.verb,
      group: a.apiGroup,
      version: a.apiVersion,
      resource: a.resource,
      subresource: a.subresource,
      name: a.name,
    };
  } else {
    spec['nonResourceAttributes'] = { path: a.path, verb: a.verb };
  }
  return spec;
}

/** The authorizer, and `close` to drop its connections to the core server at shutdown. */
export function delegatedAuthorizer(connection: ClusterConnection, options: DelegatedAuthorizationOptions = {}): Authorizer & { close(): void } {
  const ttl = options.cacheTTLMs ?? 10_000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const cacheSize = options.cacheSize ?? 10_000;
  const cache = new Map<string, { until: number; result: AuthorizationResult }>();
  const agent = new https.Agent({ keepAlive: true, maxSockets: 16, ca: connection.ca, cert: connection.cert, key: connection.key });

  const review = (spec: Record<string, unknown>): Promise<ReviewStatus> =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify({ apiVersion: 'authorization.k8s.io/v1', kind: 'SubjectAccessReview', spec });
      const req = https.request(
        {
          protocol: 'https:',
          hostname: connection.server.hostname.replace(/^\[|\]$/g, ''),
          port: connection.server.port === '' ? 443 : Number(connection.server.port),
          method: 'POST',
          path: SAR_PATH,
          agent,
          timeout: timeoutMs,
          headers: {
            'Content-Type': 'application/json',
            Accept: 'application/json',
            'Content-Length': Buffer.byteLength(body),
            'User-Agent': USER_AGENT,
            ...(connection.token ? { Authorization: `Bearer ${connection.token}` } : {}),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => {
            if (res.statusCode !== 201 && res.statusCode !== 200) {
              reject(new Error(`SubjectAccessReview: ${res.statusCode} ${text.slice(0, 300)}`));
              return;
            }
            try {
              resolve(((JSON.parse(text) as { status?: ReviewStatus }).status ?? {}) as ReviewStatus);
            } catch (error) {
              reject(error instanceof Error ? error : new Error(String(error)));
            }
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`SubjectAccessReview: no answer within ${timeoutMs} ms`)));
      req.on('error', reject);
      req.end(body);
    });

  return {
    name: 'Webhook',
    close: () => agent.destroy(),
    async authorize(attributes) {
      if (attributes.user.groups.includes(PRIVILEGED_GROUP)) return { decision: 'Allow' };
      if (!attributes.resourceRequest && attributes.verb === 'get' && HEALTH_PATHS.some((p) => attributes.path === p || attributes.path.startsWith(`${p}/`))) {
        return { decision: 'Allow' };
      }
      const spec = reviewSpec(attributes);
      const key = JSON.stringify(spec);
      const now = Date.now();
      const cached = cache.get(key);
      if (cached && now < cached.until) return cached.result;
      const status = await review(spec);
      const result: AuthorizationResult = status.allowed
        ? { decision: 'Allow', reason: status.reason ?? '' }
        : { decision: status.denied ? 'Deny' : 'NoOpinion', reason: status.reason ?? status.evaluationError ?? '' };
      cache.delete(key);
      cache.set(key, { until: now + ttl, result });
      if (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
      return result;
    },
  };
}
