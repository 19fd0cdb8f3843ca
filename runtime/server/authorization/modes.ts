/**
 * The built-in authorization modes and their union. RBAC, Node and Webhook are supplied by the
 * auth layer through `AuthorizerFactories`; a mode named but not supplied is a startup error.
 */
import { MASTERS_GROUP } from '../authentication/types.js';
import type { AuthorizationAttributes, AuthorizationResult, Authorizer } from './types.js';

export const alwaysAllow: Authorizer = { name: 'AlwaysAllow', authorize: () => ({ decision: 'Allow' }) };
export const alwaysDeny: Authorizer = { name: 'AlwaysDeny', authorize: () => ({ decision: 'NoOpinion', reason: 'Everything is forbidden.' }) };

/** system:masters may do anything, before any mode is asked (upstream's privileged group authorizer). */
export const privilegedGroups: Authorizer = {
  name: 'privileged-groups',
  authorize: (a: AuthorizationAttributes) => ({ decision: a.user.groups.includes(MASTERS_GROUP) ? 'Allow' : 'NoOpinion' }),
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
  };
}
