/**
 * The conversion webhook tests serve: CronTab-like objects of group stable.example.com whose v1
 * keeps `spec.hostPort: "<host>:<port>"` and whose v2 splits it into `spec.host` and `spec.port`.
 */
import type { WebhookAnswer, WebhookHandler } from '../../webhook/support/webhook-server.js';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One object converted between v1 and v2, as the user's webhook would. */
export function convertHostPort(object: Obj, desiredAPIVersion: string): Obj {
  const out: Obj = { ...object, apiVersion: desiredAPIVersion };
  const spec = isObj(object['spec']) ? { ...object['spec'] } : {};
  if (desiredAPIVersion.endsWith('/v2') && typeof spec['hostPort'] === 'string') {
    const [host, port] = spec['hostPort'].split(':');
    delete spec['hostPort'];
    spec['host'] = host ?? '';
    spec['port'] = port ?? '';
  } else if (desiredAPIVersion.endsWith('/v1') && ('host' in spec || 'port' in spec)) {
    spec['hostPort'] = `${String(spec['host'] ?? '')}:${String(spec['port'] ?? '')}`;
    delete spec['host'];
    delete spec['port'];
  }
  out['spec'] = spec;
  return out;
}

/**
 * A ConversionReview handler: answers in the review's own version with its uid, converting each
 * object with `convert`; `tamper` may change the answer (for bad-response cases).
 */
export function conversionReviewHandler(convert: (object: Obj, desired: string) => Obj = convertHostPort, tamper?: (review: Obj) => Obj): WebhookHandler {
  return (body): WebhookAnswer => {
    const review = isObj(body) ? body : {};
    const request = isObj(review['request']) ? review['request'] : {};
    const desired = String(request['desiredAPIVersion'] ?? '');
    const objects = Array.isArray(request['objects']) ? (request['objects'] as Obj[]) : [];
    const answer: Obj = {
      apiVersion: review['apiVersion'],
      kind: 'ConversionReview',
      response: { uid: request['uid'], result: { status: 'Success' }, convertedObjects: objects.map((o) => convert(o, desired)) },
    };
    return { body: tamper ? tamper(answer) : answer };
  };
}
