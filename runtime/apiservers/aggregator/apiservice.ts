/**
 * APIService facts the aggregator's parts share: the `Available` condition (read and set as
 * upstream's helper does, keeping lastTransitionTime when the status does not change), the
 * automanaged label, and the sort of APIServices into discovery order.
 */
import type { APIService, APIServiceCondition } from '../../../api-definitions/apiregistration/types.js';
import { nowTimestamp } from '../../registry/meta.js';
import { compareKubeAwareVersions } from './versions.js';

export type { APIService, APIServiceCondition };

export const AVAILABLE = 'Available';

/** Set on APIServices the server registers itself; `onstart` ones are built-ins, `true` ones follow CRDs. */
export const AUTOMANAGED_LABEL = 'kube-aggregator.kubernetes.io/automanaged';

export function availableCondition(service: APIService): APIServiceCondition | undefined {
  return service.status?.conditions?.find((c) => c.type === AVAILABLE);
}

export function isAvailable(service: APIService): boolean {
  return availableCondition(service)?.status === 'True';
}

/** Whether the APIService is served by this server's own tiers (no `spec.service`). */
export function isLocal(service: APIService): boolean {
  return service.spec?.service === undefined || service.spec.service === null;
}

/**
 * `status.conditions` with `condition` set (SetAPIServiceCondition): the transition time stays
 * when the status is unchanged, so a repeated probe writes nothing.
 */
export function withCondition(conditions: readonly APIServiceCondition[] | undefined, condition: Omit<APIServiceCondition, 'lastTransitionTime'>, now = new Date()): APIServiceCondition[] {
  const list = [...(conditions ?? [])];
  const index = list.findIndex((c) => c.type === condition.type);
  const existing = index >= 0 ? list[index] : undefined;
  const lastTransitionTime = existing && existing.status === condition.status && existing.lastTransitionTime ? existing.lastTransitionTime : nowTimestamp(now);
  const next: APIServiceCondition = { type: condition.type, status: condition.status, lastTransitionTime, reason: condition.reason, message: condition.message };
  if (index >= 0) list[index] = next;
  else list.push(next);
  return list;
}

/** Whether two conditions say the same (the transition time aside). */
export function sameCondition(a: APIServiceCondition | undefined, b: APIServiceCondition | undefined): boolean {
  return a?.status === b?.status && (a?.reason ?? '') === (b?.reason ?? '') && (a?.message ?? '') === (b?.message ?? '');
}

/** The APIServices of one group, preferred version first: versionPriority, then kube-aware version order. */
export function sortVersions(services: readonly APIService[]): APIService[] {
  return [...services].sort(
    (a, b) => (b.spec?.versionPriority ?? 0) - (a.spec?.versionPriority ?? 0) || compareKubeAwareVersions(a.spec?.version ?? '', b.spec?.version ?? ''),
  );
}

/** A group's priority: the highest groupPriorityMinimum of its APIServices. */
export function groupPriority(services: readonly APIService[]): number {
  return Math.max(0, ...services.map((s) => s.spec?.groupPriorityMinimum ?? 0));
}
