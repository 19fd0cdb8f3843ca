/**
 * SelfSubjectAccessReview, SubjectAccessReview and LocalSubjectAccessReview: each POST asks the
 * configured authorizer (every `--authorization-mode`, system:masters first) about the review's
 * attributes and answers the review with `status` filled in.
 */
import { newBadRequest, newInvalid, type FieldError } from '../../../machinery/errors.js';
import type { ResourceInfo } from '../../../machinery/scheme-types.js';
import type { KObject } from '../../../registry/meta.js';
import type { CreateOptions, RequestContext, RestStorage } from '../../../registry/rest.js';
import type { UserInfo } from '../../../server/authentication/types.js';
import type { AuthorizationAttributes, Authorizer } from '../../../server/authorization/types.js';
import { attributesOf, subjectOf } from './attributes.js';
import { specOf, validateEmptyMetadata, validateLocalReview, validateSelfSpec, validateSubjectSpec } from './validation.js';
import { createOnlyRest } from './virtual.js';

const GROUP = 'authorization.k8s.io';

/** The user a request was authenticated as, in the authorizer's shape. */
export function requestUser(ctx: RequestContext): UserInfo {
  const user = ctx.user;
  if (!user) throw newBadRequest('no user present on request');
  return { name: user.name, uid: user.uid, groups: [...(user.groups ?? [])], extra: user.extra };
}

/**
 * SubjectAccessReviewStatus of one decision: `allowed` always, the rest when set;
 * `evaluationError` joins the authorizer's failure and the selectors that did not parse.
 */
async function decide(authorizer: Authorizer, attributes: AuthorizationAttributes, selectorErrors: readonly string[]): Promise<Record<string, unknown>> {
  const errors: string[] = [];
  let status: Record<string, unknown>;
  try {
    const result = await authorizer.authorize(attributes);
    status = { allowed: result.decision === 'Allow' };
    if (result.decision === 'Deny') status['denied'] = true;
    if (result.reason) status['reason'] = result.reason;
  } catch (error) {
    status = { allowed: false };
    errors.push(error instanceof Error ? error.message : String(error));
  }
  errors.push(...selectorErrors);
  if (errors.length > 0) status['evaluationError'] = errors.join('; ');
  return status;
}

type Review = (ctx: RequestContext, object: KObject, options: CreateOptions) => Promise<KObject>;

function reviewRest(info: ResourceInfo, validate: (object: KObject) => FieldError[], subject: (ctx: RequestContext, object: KObject) => UserInfo, authorizer: Authorizer): RestStorage {
  const review: Review = async (ctx, object, options) => {
    const errs = validate(object);
    if (errs.length > 0) throw newInvalid({ group: GROUP, kind: info.kind }, '', errs);
    const user = subject(ctx, object);
    await options.validate?.(structuredClone(object));
    const { attributes, selectorErrors } = attributesOf(user, specOf(object));
    const status = await decide(authorizer, attributes, selectorErrors);
    return { ...object, status };
  };
  return createOnlyRest(info, review);
}

/** May I? The requesting user is the subject. */
export function selfSubjectAccessReviewRest(info: ResourceInfo, authorizer: Authorizer): RestStorage {
  return reviewRest(info, (o) => [...validateSelfSpec(specOf(o)), ...validateEmptyMetadata(o)], (ctx) => requestUser(ctx), authorizer);
}

/** May this user or these groups? The spec names the subject. */
export function subjectAccessReviewRest(info: ResourceInfo, authorizer: Authorizer): RestStorage {
  return reviewRest(info, (o) => [...validateSubjectSpec(specOf(o)), ...validateEmptyMetadata(o)], (_ctx, o) => subjectOf(specOf(o)), authorizer);
}

/** The same inside one namespace: the resource attributes must name the path's namespace. */
export function localSubjectAccessReviewRest(info: ResourceInfo, authorizer: Authorizer): RestStorage {
  return reviewRest(info, validateLocalReview, (_ctx, o) => subjectOf(specOf(o)), authorizer);
}
