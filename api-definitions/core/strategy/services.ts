/**
 * svcStrategy without IP and port allocators: `clusterIP` and `clusterIPs` are kept in step
 * (NormalizeClusterIPs), and an update that omits the allocated cluster IPs, node ports or
 * health check node port keeps the stored ones (patchAllocatedValues), so that only a real
 * change reaches validation's `may not change once set`. Services are selectable by
 * `spec.clusterIP` and `spec.type`.
 */
import type { KObject } from '../../../runtime/registry/meta.js';
import type { KindStrategyHooks } from '../../../runtime/registry/strategy.js';
import { SERVICE_TABLE } from '../printers/services.js';
import type * as core from '../types.js';

const needsClusterIP = (svc: core.Service): boolean => svc.spec?.type !== 'ExternalName';
const needsNodePort = (svc: core.Service): boolean => svc.spec?.type === 'NodePort' || svc.spec?.type === 'LoadBalancer';
const needsHealthCheckNodePort = (svc: core.Service): boolean => svc.spec?.type === 'LoadBalancer' && svc.spec.externalTrafficPolicy === 'Local';

const sameClusterIPs = (a: core.Service, b: core.Service): boolean => JSON.stringify(a.spec?.clusterIPs ?? []) === JSON.stringify(b.spec?.clusterIPs ?? []);

/** NormalizeClusterIPs: what a client that knows only `clusterIP` (or both fields) meant. */
export function normalizeClusterIPs(svc: core.Service, old: core.Service | undefined): void {
  const spec = svc.spec;
  if (!spec) return;
  if (!old) {
    if (spec.clusterIP && (spec.clusterIPs ?? []).length === 0) spec.clusterIPs = [spec.clusterIP];
    return;
  }
  const oldSpec = old.spec ?? {};
  if ((oldSpec.clusterIPs ?? []).length > 0 && (spec.clusterIPs ?? []).length === 0 && (oldSpec.clusterIP ?? '') === (spec.clusterIP ?? '')) {
    spec.clusterIPs = oldSpec.clusterIPs;
  }
  if ((oldSpec.clusterIP ?? '') !== (spec.clusterIP ?? '')) {
    if (oldSpec.clusterIP && !spec.clusterIP && sameClusterIPs(svc, old)) delete spec.clusterIPs;
    if (spec.clusterIP && sameClusterIPs(svc, old)) spec.clusterIPs = [spec.clusterIP];
  }
}

/** patchAllocatedValues: allocated values an update left out are taken from the stored service. */
export function patchAllocatedValues(svc: core.Service, old: core.Service): void {
  const spec = svc.spec;
  const oldSpec = old.spec;
  if (!spec || !oldSpec) return;
  if (needsClusterIP(old) && needsClusterIP(svc)) {
    if (!spec.clusterIP && oldSpec.clusterIP) spec.clusterIP = oldSpec.clusterIP;
    if ((spec.clusterIPs ?? []).length === 0 && (oldSpec.clusterIPs ?? []).length > 0) spec.clusterIPs = oldSpec.clusterIPs;
  }
  if (needsNodePort(old) && needsNodePort(svc)) {
    const usedBy = (s: core.ServiceSpec): Set<number> => new Set((s.ports ?? []).map((p) => p.nodePort ?? 0).filter((n) => n !== 0));
    const newUsed = usedBy(spec);
    const used = new Set([...usedBy(oldSpec)].filter((n) => newUsed.has(n)));
    const byName = new Map((oldSpec.ports ?? []).map((p) => [p.name ?? '', p.nodePort ?? 0]));
    for (const port of spec.ports ?? []) {
      if (port.nodePort) continue;
      const oldValue = byName.get(port.name ?? '') ?? 0;
      if (oldValue !== 0 && !used.has(oldValue)) port.nodePort = oldValue;
    }
  }
  if (needsHealthCheckNodePort(old) && needsHealthCheckNodePort(svc) && !spec.healthCheckNodePort && oldSpec.healthCheckNodePort) {
    spec.healthCheckNodePort = oldSpec.healthCheckNodePort;
  }
}

export const SERVICE_STRATEGY: KindStrategyHooks = {
  fieldLabels: ['spec.clusterIP', 'spec.type'],
  selectableFields(object: KObject) {
    const spec = (object as unknown as core.Service).spec;
    return { 'spec.clusterIP': spec?.clusterIP ?? '', 'spec.type': spec?.type ?? '' };
  },
  table: SERVICE_TABLE,
  prepareForCreate(_ctx, object) {
    normalizeClusterIPs(object as unknown as core.Service, undefined);
  },
  prepareForUpdate(_ctx, object, old) {
    const svc = object as unknown as core.Service;
    const before = old as unknown as core.Service;
    patchAllocatedValues(svc, before);
    normalizeClusterIPs(svc, before);
  },
};
