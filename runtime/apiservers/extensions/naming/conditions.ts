/** CRD status conditions (apiextensions helpers' SetCRDCondition / FindCRDCondition). */
import type { CustomResourceDefinition, CustomResourceDefinitionCondition } from '../../../../api-definitions/apiextensions/v1/types.js';

export function findCondition(crd: CustomResourceDefinition, type: string): CustomResourceDefinitionCondition | undefined {
  return (crd.status?.conditions ?? []).find((c) => c.type === type);
}

export function isConditionTrue(crd: CustomResourceDefinition, type: string): boolean {
  return findCondition(crd, type)?.status === 'True';
}

/**
 * The conditions with `next` set: lastTransitionTime moves only when the status changes, as
 * upstream keeps it; the list keeps its order and a new type is appended.
 */
export function setCondition(
  conditions: readonly CustomResourceDefinitionCondition[] | undefined,
  next: CustomResourceDefinitionCondition,
  now: string,
): CustomResourceDefinitionCondition[] {
  const list = [...(conditions ?? [])];
  const i = list.findIndex((c) => c.type === next.type);
  if (i < 0) return [...list, { ...next, lastTransitionTime: next.lastTransitionTime ?? now }];
  const existing = list[i];
  const lastTransitionTime = existing.status !== next.status ? (next.lastTransitionTime ?? now) : existing.lastTransitionTime;
  list[i] = { ...existing, ...next, lastTransitionTime };
  return list;
}
