/** spec.conversion (internal shape: strategy, webhookClientConfig, conversionReviewVersions), with apiserver's webhook URL and service rules. */
import type { CustomResourceConversion, WebhookClientConfig } from '../../../../api-definitions/apiextensions/v1/types.js';
import { isDNS1035Label, isValidPortNum } from '../../../machinery/validation/content.js';
import { forbidden, invalid, notSupported, required, type FieldError } from '../../../machinery/validation/field.js';
import type { FieldPath } from '../../../machinery/validation/path.js';
import { goStrings } from './go-values.js';

const ACCEPTED_REVIEW_VERSIONS = ['v1', 'v1beta1'];
const FORM = '; desired format: https://host[/path]';

export function validateConversion(conversion: CustomResourceConversion | undefined, path: FieldPath): FieldError[] {
  if (!conversion) return [];
  const errs: FieldError[] = [];
  const clientConfig = conversion.webhook?.clientConfig;
  const reviewVersions = conversion.webhook?.conversionReviewVersions;
  switch (conversion.strategy) {
    case 'None':
      if (clientConfig) errs.push(forbidden(path.child('webhookClientConfig'), 'should not be set when strategy is not set to Webhook'));
      if ((reviewVersions ?? []).length > 0) errs.push(forbidden(path.child('conversionReviewVersions'), 'should not be set when strategy is not set to Webhook'));
      break;
    case 'Webhook':
      if (!clientConfig) errs.push(required(path.child('webhookClientConfig'), 'required when strategy is set to Webhook'));
      else errs.push(...validateClientConfig(clientConfig, path.child('webhookClientConfig')));
      errs.push(...validateReviewVersions(reviewVersions, path.child('conversionReviewVersions')));
      break;
    default:
      errs.push(notSupported(path.child('strategy'), conversion.strategy, ['None', 'Webhook']));
  }
  return errs;
}

function validateClientConfig(cc: WebhookClientConfig, path: FieldPath): FieldError[] {
  if ((cc.url === undefined) === (cc.service === undefined)) return [required(path, 'exactly one of url or service is required')];
  if (cc.url !== undefined) return validateURL(cc.url, path.child('url'));
  const s = cc.service!;
  const errs: FieldError[] = [];
  if (!s.name) errs.push(required(path.child('service').child('name'), 'service name is required'));
  if (!s.namespace) errs.push(required(path.child('service').child('namespace'), 'service namespace is required'));
  const port = s.port ?? 443;
  const portErrs = isValidPortNum(port);
  if (portErrs.length > 0) errs.push(invalid(path.child('service').child('port'), port, `port is not valid: ${portErrs.join(', ')}`));
  const p = s.path;
  if (p !== undefined && p !== '' && p !== '/') {
    if (!p.startsWith('/')) errs.push(invalid(path.child('service').child('path'), p, "must start with a '/'"));
  }
  return errs;
}

function validateURL(raw: string, path: FieldPath): FieldError[] {
  let u: URL;
  try {
    u = new URL(raw);
  } catch (e) {
    return [required(path, `url must be a valid URL: ${(e as Error).message}${FORM}`)];
  }
  const errs: FieldError[] = [];
  const scheme = u.protocol.replace(/:$/, '');
  if (scheme !== 'https') errs.push(invalid(path, scheme, `'https' is the only allowed URL scheme${FORM}`));
  if (u.host === '') errs.push(invalid(path, u.host, `host must be specified${FORM}`));
  if (u.username || u.password) errs.push(invalid(path, u.password ? `${u.username}:xxxxx` : u.username, 'user information is not permitted in the URL'));
  if (u.hash.length > 1) errs.push(invalid(path, u.hash.slice(1), 'fragments are not permitted in the URL'));
  if (u.search.length > 1) errs.push(invalid(path, u.search.slice(1), 'query parameters are not permitted in the URL'));
  return errs;
}

function validateReviewVersions(versions: readonly string[] | undefined, path: FieldPath): FieldError[] {
  if (!versions || versions.length === 0) return [required(path, '')];
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  versions.forEach((v, i) => {
    if (seen.has(v)) {
      errs.push(invalid(path.index(i), v, 'duplicate version'));
      return;
    }
    seen.add(v);
    for (const m of isDNS1035Label(v)) errs.push(invalid(path.index(i), v, m));
  });
  if (!versions.some((v) => ACCEPTED_REVIEW_VERSIONS.includes(v))) {
    errs.push(invalid(path, goStrings(versions), `must include at least one of ${ACCEPTED_REVIEW_VERSIONS.join(', ')}`));
  }
  return errs;
}
