/**
 * The review resources of authentication.k8s.io and authorization.k8s.io, served by the kube
 * tier as create-only resources that store nothing (pkg/registry/authentication and
 * pkg/registry/authorization upstream):
 *
 *   customStorage: reviewStorage({ authorizer, tokenAuthenticators })
 *
 * and TokenRequest (`serviceaccounts/<name>/token`) with the authenticator of the tokens it issues.
 */
import type { DiscoverySubresource } from '../../../endpoints/discovery/source.js';
import type { ResourceInfo } from '../../../machinery/scheme-types.js';
import type { Store } from '../../../registry/store.js';
import type { RestStorage } from '../../../registry/rest.js';
import type { Authenticator } from '../../../server/authentication/types.js';
import type { Authorizer } from '../../../server/authorization/types.js';
import { localSubjectAccessReviewRest, selfSubjectAccessReviewRest, subjectAccessReviewRest } from './access-reviews.js';
import { selfSubjectReviewRest, tokenReviewRest } from './authentication.js';
import { selfSubjectRulesReviewRest } from './rules-review.js';
import { ServiceAccountTokenAuthenticator, type ObjectGetter } from './service-account-authenticator.js';
import { loadOrCreateSigningKey } from './service-account-keys.js';
import { TOKEN_REQUEST_KIND, tokenRequestRest } from './token-request.js';

export interface ReviewDependencies {
  /** The server's authorizer: every `--authorization-mode` in order. */
  readonly authorizer: Authorizer;
  /** The authenticators a TokenReview asks (the anonymous one excluded). */
  readonly tokenAuthenticators: readonly Authenticator[];
}

type Factory = (info: ResourceInfo, deps: ReviewDependencies) => RestStorage;

const REVIEWS: Readonly<Record<string, Factory>> = {
  'authentication.k8s.io/selfsubjectreviews': (info) => selfSubjectReviewRest(info),
  'authentication.k8s.io/tokenreviews': (info, deps) => tokenReviewRest(info, deps.tokenAuthenticators),
  'authorization.k8s.io/selfsubjectaccessreviews': (info, deps) => selfSubjectAccessReviewRest(info, deps.authorizer),
  'authorization.k8s.io/subjectaccessreviews': (info, deps) => subjectAccessReviewRest(info, deps.authorizer),
  'authorization.k8s.io/localsubjectaccessreviews': (info, deps) => localSubjectAccessReviewRest(info, deps.authorizer),
  'authorization.k8s.io/selfsubjectrulesreviews': (info, deps) => selfSubjectRulesReviewRest(info, deps.authorizer),
};

/** Whether a resource is one of the reviews served here. */
export function isReviewResource(group: string, info: ResourceInfo): boolean {
  return `${group}/${info.plural}` in REVIEWS;
}

/** The REST storage of a review resource, or undefined for any other resource. */
export function reviewStorage(deps: ReviewDependencies): (group: string, version: string, info: ResourceInfo) => RestStorage | undefined {
  return (group, _version, info) => REVIEWS[`${group}/${info.plural}`]?.(info, deps);
}

/** The Store of `<group>/<plural>` (`/serviceaccounts`), looked up per request. */
export type StoreLookup = (key: string) => Store | undefined;

/**
 * `serviceaccounts/token` over the tier's stores, and the service account token authenticator
 * bound to the same stores so that the tokens it issues authenticate.
 */
export function serviceAccountTokenStorages(authenticator: ServiceAccountTokenAuthenticator, stores: StoreLookup): Map<string, RestStorage> {
  const getter: ObjectGetter = (resource, namespace, name) => {
    const store = stores(`/${resource}`);
    if (!store) throw new Error(`the ${resource} store is not built`);
    return store.get({ namespace, warn: () => {} }, name, {});
  };
  authenticator.bind(Promise.resolve(getter));
  return new Map([['serviceaccounts/token', tokenRequestRest(authenticator.settings, async () => getter)]]);
}

const TOKEN_SUBRESOURCES: readonly DiscoverySubresource[] = [{ name: 'token', ...TOKEN_REQUEST_KIND, verbs: ['create'] }];

/** Discovery's extra subresources of core/v1 serviceaccounts. */
export function serviceAccountDiscoverySubresources(group: string, version: string, resource: string): readonly DiscoverySubresource[] {
  return group === '' && version === 'v1' && resource === 'serviceaccounts' ? TOKEN_SUBRESOURCES : [];
}

/** kube-apiserver's usual --service-account-issuer, also the default API audience. */
export const DEFAULT_SERVICE_ACCOUNT_ISSUER = 'https://kubernetes.default.svc.cluster.local';

/** The token authenticator of a server whose signing key lives in `keyFile` (created there when missing). */
export function serviceAccountTokenAuthenticator(keyFile: string, issuer = DEFAULT_SERVICE_ACCOUNT_ISSUER, audiences: readonly string[] = [issuer]): ServiceAccountTokenAuthenticator {
  return new ServiceAccountTokenAuthenticator({ key: loadOrCreateSigningKey(keyFile), issuer, audiences });
}
