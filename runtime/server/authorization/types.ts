/** Authorization: may this user do this verb on this resource or path? */
import type { UserInfo } from '../authentication/types.js';

/** authorizer.Attributes: the request as the authorizer sees it. */
export interface AuthorizationAttributes {
  readonly user: UserInfo;
  readonly verb: string;
  readonly resourceRequest: boolean;
  /** For non-resource requests. */
  readonly path: string;
  readonly apiGroup: string;
  readonly apiVersion: string;
  readonly namespace: string;
  readonly resource: string;
  readonly subresource: string;
  readonly name: string;
  /** The label selector a request is limited by, in its string form (an access review's resourceAttributes.labelSelector). */
  readonly labelSelector?: string;
  /** The same for fields. */
  readonly fieldSelector?: string;
}

export type Decision = 'Allow' | 'Deny' | 'NoOpinion';

export interface AuthorizationResult {
  readonly decision: Decision;
  /** Why; appended to a 403's message. */
  readonly reason?: string;
}

/** A resource rule a user holds in a namespace (authorizer.ResourceRuleInfo). */
export interface ResourceRuleInfo {
  readonly verbs: readonly string[];
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly resourceNames?: readonly string[];
}

/** A non-resource rule (authorizer.NonResourceRuleInfo). */
export interface NonResourceRuleInfo {
  readonly verbs: readonly string[];
  readonly nonResourceURLs: readonly string[];
}

/** What a rules resolver knows of a user's permissions in one namespace (authorizer.RuleResolver). */
export interface RulesResult {
  readonly resourceRules: readonly ResourceRuleInfo[];
  readonly nonResourceRules: readonly NonResourceRuleInfo[];
  /** The rules may not be all the user holds: the authorizer cannot enumerate what it would allow. */
  readonly incomplete: boolean;
  readonly evaluationError?: string;
}

/**
 * An authorizer (one `--authorization-mode`). Contract: `Allow` and `Deny` are final; `NoOpinion`
 * passes the question to the next mode; a request no mode allows is denied.
 */
export interface Authorizer {
  readonly name: string;
  authorize(attributes: AuthorizationAttributes): Promise<AuthorizationResult> | AuthorizationResult;
  /**
   * The rules `user` holds in `namespace`, for SelfSubjectRulesReview. An authorizer that cannot
   * list what it would allow (a webhook) leaves this out, and the union reports `incomplete`.
   */
  rulesFor?(user: UserInfo, namespace: string): Promise<RulesResult> | RulesResult;
}
