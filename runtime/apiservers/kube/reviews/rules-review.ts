/**
 * SelfSubjectRulesReview: what the requesting user may do in a namespace, as the authorizer's
 * rule resolver lists it (`kubectl auth can-i --list`). Authorizers that cannot list their rules
 * make the answer `incomplete`.
 */
import { newBadRequest } from '../../../machinery/errors.js';
import type { ResourceInfo } from '../../../machinery/scheme-types.js';
import type { RestStorage } from '../../../registry/rest.js';
import type { Authorizer, NonResourceRuleInfo, ResourceRuleInfo, RulesResult } from '../../../server/authorization/types.js';
import { requestUser } from './access-reviews.js';
import { createOnlyRest } from './virtual.js';

function resourceRule(rule: ResourceRuleInfo): Record<string, unknown> {
  const out: Record<string, unknown> = { verbs: [...rule.verbs] };
  if (rule.apiGroups.length > 0) out['apiGroups'] = [...rule.apiGroups];
  if (rule.resources.length > 0) out['resources'] = [...rule.resources];
  if (rule.resourceNames && rule.resourceNames.length > 0) out['resourceNames'] = [...rule.resourceNames];
  return out;
}

function nonResourceRule(rule: NonResourceRuleInfo): Record<string, unknown> {
  const out: Record<string, unknown> = { verbs: [...rule.verbs] };
  if (rule.nonResourceURLs.length > 0) out['nonResourceURLs'] = [...rule.nonResourceURLs];
  return out;
}

async function rulesOf(authorizer: Authorizer, user: Parameters<NonNullable<Authorizer['rulesFor']>>[0], namespace: string): Promise<RulesResult> {
  if (!authorizer.rulesFor) return { resourceRules: [], nonResourceRules: [], incomplete: true };
  try {
    return await authorizer.rulesFor(user, namespace);
  } catch (error) {
    return { resourceRules: [], nonResourceRules: [], incomplete: true, evaluationError: error instanceof Error ? error.message : String(error) };
  }
}

export function selfSubjectRulesReviewRest(info: ResourceInfo, authorizer: Authorizer): RestStorage {
  return createOnlyRest(info, async (ctx, object, options) => {
    const user = requestUser(ctx);
    const namespace = ((object['spec'] ?? {}) as { namespace?: string }).namespace ?? '';
    if (namespace === '') throw newBadRequest('no namespace on request');
    await options.validate?.(structuredClone(object));
    const rules = await rulesOf(authorizer, user, namespace);
    const status: Record<string, unknown> = {
      resourceRules: rules.resourceRules.map(resourceRule),
      nonResourceRules: rules.nonResourceRules.map(nonResourceRule),
      incomplete: rules.incomplete,
    };
    if (rules.evaluationError) status['evaluationError'] = rules.evaluationError;
    // Upstream answers with a new review holding only the status.
    return { metadata: {}, spec: {}, status };
  });
}
