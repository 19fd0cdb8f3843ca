/**
 * The built-in authorization modes and their union. RBAC, Node and Webhook are supplied by the
 * auth layer through `AuthorizerFactories`; a mode named but not supplied is a startup error.
 */
import { MASTERS_GROUP } from '../authentication/types.js';
import type { AuthorizationAttributes, AuthorizationResult, Authorizer, NonResourceRuleInfo, ResourceRuleInfo, RulesResult } from './types.js';

const NO_RULES: RulesResult = { resourceRules: [], nonResourceRules: [], incomplete: false };

/** AlwaysAllow lists one rule allowing every verb on everything, and says it is complete. */
export const alwaysAllow: Authorizer = {
  name: 'AlwaysAllow',
  authorize: () => ({ decision: 'Allow' }),
  rulesFor: () => ({
    resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
    nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }],
    incomplete: false,
  }),
};
export const alwaysDeny: Authorizer = {
  name: 'AlwaysDeny',
  authorize: () => ({ decision: 'NoOpinion', reason: 'Everything is forbidden.' }),
  rulesFor: () => NO_RULES,
};

/**
 * system:masters may do anything, before any mode is asked (upstream's privileged group
 * authorizer). Upstream gives it no rule resolver, so it adds no rules to a rules review.
 */
export const privilegedGroups: Authorizer = {
  name: 'privileged-groups',
  authorize: (a: AuthorizationAttributes) => ({ decision: a.user.groups.includes(MASTERS_GROUP) ? 'Allow' : 'NoOpinion' }),
  rulesFor: () => NO_RULES,
};

export type AuthorizerFactories = Readonly<Record<string, () => Authorizer>>;

const BUILT_IN: AuthorizerFactories = { AlwaysAllow: () => alwaysAllow, AlwaysDeny: () => alwaysDeny };

/** The authorizers of `--authorization-mode=A,B`, in order, with the privileged-group check first. */
export function authorizersForModes(modes: readonly string[], extra: AuthorizerFactories = {}): Authorizer[] {
  const factories = { ...BUILT_IN, ...extra };
  const out: Authorizer[] = [];
  if (!(modes.length === 1 && modes[0] === 'AlwaysAllow')) out.push(privilegedGroups);
  for (const mode of modes) {
    const factory = factories[mode];
    if (!factory) {
      throw new Error(`authorization mode "${mode}" is not available; available modes: ${Object.keys(factories).sort().join(', ')}`);
    }
    out.push(factory());
  }
  return out;
}

/** Asks each authorizer in turn; the first Allow or Deny wins; no opinion at all is a denial. */
export function unionAuthorizer(authorizers: readonly Authorizer[]): Authorizer {
  return {
    name: 'union',
    async authorize(attributes): Promise<AuthorizationResult> {
      const reasons: string[] = [];
      for (const authorizer of authorizers) {
        const result = await authorizer.authorize(attributes);
        if (result.decision !== 'NoOpinion') return result;
        if (result.reason) reasons.push(result.reason);
      }
      return { decision: 'NoOpinion', reason: reasons.join(', ') };
    },
    // Every mode's rules together; a mode that cannot list its rules makes the answer incomplete.
    async rulesFor(user, namespace): Promise<RulesResult> {
      const resourceRules: ResourceRuleInfo[] = [];
      const nonResourceRules: NonResourceRuleInfo[] = [];
      const errors: string[] = [];
      let incomplete = false;
      for (const authorizer of authorizers) {
        if (!authorizer.rulesFor) {
          incomplete = true;
          continue;
        }
        const rules = await authorizer.rulesFor(user, namespace);
        resourceRules.push(...rules.resourceRules);
        nonResourceRules.push(...rules.nonResourceRules);
        if (rules.incomplete) incomplete = true;
        if (rules.evaluationError) errors.push(rules.evaluationError);
      }
      const evaluationError = errors.length === 0 ? undefined : errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
      return { resourceRules, nonResourceRules, incomplete, evaluationError };
    },
  };
}
