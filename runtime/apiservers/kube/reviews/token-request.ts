/**
 * TokenRequest: POST to `serviceaccounts/<name>/token` (`kubectl create token`) returns a signed
 * token for the service account, for the requested audiences (the API audiences by default)
 * and lifetime (an hour by default, 10 minutes to 2^32 seconds), optionally bound to a pod or
 * secret so that it stops authenticating when that object goes
 * (pkg/registry/core/serviceaccount/storage/token.go upstream).
 */
import { newBadRequest, newConflict, newInvalid, type FieldError } from '../../../machinery/errors.js';
import { metaOf, type KObject } from '../../../registry/meta.js';
import type { RestStorage } from '../../../registry/rest.js';
import { createOnlyRest } from './virtual.js';
import type { ObjectGetter } from './service-account-authenticator.js';
import { issueToken, type KubernetesClaims, type ObjectRef, type TokenSettings } from './service-account-tokens.js';

export const TOKEN_REQUEST_KIND = { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest' } as const;
const GROUP_KIND = { group: TOKEN_REQUEST_KIND.group, kind: TOKEN_REQUEST_KIND.kind };

/** SetDefaults_TokenRequestSpec: an hour. */
const DEFAULT_EXPIRATION_SECONDS = 3600;
const MIN_EXPIRATION_SECONDS = 600;
const MAX_EXPIRATION_SECONDS = 2 ** 32;

interface TokenRequestSpec {
  audiences?: string[] | null;
  boundObjectRef?: { kind?: string; apiVersion?: string; name?: string; uid?: string } | null;
  expirationSeconds?: number | null;
}

/** ValidateTokenRequest. */
function validateSpec(spec: TokenRequestSpec): FieldError[] {
  const errs: FieldError[] = [];
  const seconds = spec.expirationSeconds ?? DEFAULT_EXPIRATION_SECONDS;
  if (seconds < MIN_EXPIRATION_SECONDS) errs.push({ type: 'Invalid', field: 'spec.expirationSeconds', badValue: seconds, detail: 'may not specify a duration less than 10 minutes' });
  if (seconds > MAX_EXPIRATION_SECONDS) errs.push({ type: 'Invalid', field: 'spec.expirationSeconds', badValue: seconds, detail: 'may not specify a duration larger than 2^32 seconds' });
  return errs;
}

const refOf = (object: KObject): ObjectRef => {
  const meta = (object['metadata'] ?? {}) as { name?: string; uid?: string };
  return { name: meta.name ?? '', uid: meta.uid ?? '' };
};

export function tokenRequestRest(settings: TokenSettings, get: () => Promise<ObjectGetter>): RestStorage {
  return createOnlyRest({ namespaced: true, ...TOKEN_REQUEST_KIND }, async (ctx, object, options) => {
    const name = options.name ?? '';
    const namespace = ctx.namespace;
    const meta = metaOf(object);
    if (meta.name && meta.name !== name) {
      throw newInvalid(GROUP_KIND, name, [{ type: 'Invalid', field: 'metadata.name', badValue: meta.name, detail: 'must match the service account name if specified' }]);
    }
    const getter = await get();
    const account = await getter('serviceaccounts', namespace, name);
    const spec = ((object['spec'] ??= {}) as TokenRequestSpec);
    if (!spec.audiences || spec.audiences.length === 0) spec.audiences = [...settings.audiences];
    spec.expirationSeconds ??= DEFAULT_EXPIRATION_SECONDS;
    meta.name = name;
    meta.namespace = namespace;
    const now = new Date();
    meta.creationTimestamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
    delete object['status'];
    const errs = validateSpec(spec);
    if (errs.length > 0) throw newInvalid(GROUP_KIND, '', errs);
    await options.validate?.(structuredClone(object));

    const claims: { -readonly [K in keyof KubernetesClaims]: KubernetesClaims[K] } = { namespace, serviceaccount: refOf(account) };
    const ref = spec.boundObjectRef;
    if (ref) {
      const group = (ref.apiVersion ?? '').includes('/') ? (ref.apiVersion ?? '').split('/')[0] : '';
      const version = (ref.apiVersion ?? '').split('/').pop() ?? '';
      let bound: ObjectRef;
      if (group === '' && ref.kind === 'Pod') {
        const pod = await getter('pods', namespace, ref.name ?? '');
        const podAccount = ((pod['spec'] ?? {}) as { serviceAccountName?: string }).serviceAccountName ?? '';
        if (podAccount !== name) throw newBadRequest(`cannot bind token for serviceaccount ${JSON.stringify(name)} to pod running with different serviceaccount name.`);
        bound = refOf(pod);
        claims.pod = bound;
      } else if (group === '' && ref.kind === 'Secret') {
        bound = refOf(await getter('secrets', namespace, ref.name ?? ''));
        claims.secret = bound;
      } else {
        const gvk = group === '' ? `/${version}, Kind=${ref.kind ?? ''}` : `${group}/${version}, Kind=${ref.kind ?? ''}`;
        throw newBadRequest(`cannot bind token to object of type ${gvk}`);
      }
      if (ref.uid && ref.uid !== bound.uid) {
        throw newConflict(
          { group, resource: ref.kind ?? '' },
          ref.name ?? '',
          `the UID in the bound object reference (${ref.uid}) does not match the UID in record. The object might have been deleted and then recreated`,
        );
      }
    }
    const issued = await issueToken(settings, claims, spec.audiences, spec.expirationSeconds, now);
    return { ...object, status: { token: issued.token, expirationTimestamp: issued.expiresAt.toISOString().replace(/\.\d{3}Z$/, 'Z') } };
  });
}
