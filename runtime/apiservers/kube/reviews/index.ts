/**
 * The review resources of authentication.k8s.io and authorization.k8s.io, served by the kube
 * tier as create-only resources that store nothing (pkg/registry/authentication and
 * pkg/registry/authorization upstream):
 *
 *   customStorage: reviewStorage({ authorizer, tokenAuthenticators })
 */
import type { ResourceInfo } from '../../../machinery/scheme-types.js';
import type { RestStorage } from '../../../registry/rest.js';
import type { Authenticator } from '../../../server/authentication/types.js';
import type { Authorizer } from '../../../server/authorization/types.js';
import { localSubjectAccessReviewRest, selfSubjectAccessReviewRest, subjectAccessReviewRest } from './access-reviews.js';
import { selfSubjectReviewRest, tokenReviewRest } from './authentication.js';
import { selfSubjectRulesReviewRest } from './rules-review.js';

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
