/**
 * Facts about built-in kinds that the generic strategy cannot derive from a ResourceInfo, as
 * kube-apiserver's per-kind strategies have them: which kinds keep metadata.generation, which
 * answer DELETE with the deleted object, and the namespace's phase and finalizer. They sit under the group's own
 * `api-definitions/<group>/strategy.ts` hooks, which win wherever they say otherwise.
 */
import type { KindStrategyHooks } from '../../registry/strategy.js';
import { NAMESPACE_HOOKS } from './namespaces.js';

const noGeneration: KindStrategyHooks = { trackGeneration: false };
const generation: KindStrategyHooks = { trackGeneration: true };

/** Hooks by API group, then kind. */
export const BUILTIN_DEFAULTS: Readonly<Record<string, Readonly<Record<string, KindStrategyHooks>>>> = {
  '': {
    Namespace: { trackGeneration: false, returnDeletedObject: true, ...NAMESPACE_HOOKS },
    Node: noGeneration,
    PersistentVolume: noGeneration,
    PersistentVolumeClaim: noGeneration,
    Pod: { trackGeneration: false, returnDeletedObject: true },
    ResourceQuota: noGeneration,
    Service: noGeneration,
  },
  'admissionregistration.k8s.io': {
    MutatingWebhookConfiguration: generation,
    ValidatingWebhookConfiguration: generation,
    ValidatingAdmissionPolicyBinding: generation,
  },
  'apiregistration.k8s.io': { APIService: noGeneration },
  autoscaling: { HorizontalPodAutoscaler: noGeneration },
  'certificates.k8s.io': { CertificateSigningRequest: noGeneration },
  'networking.k8s.io': { NetworkPolicy: generation, ServiceCIDR: noGeneration },
  'storage.k8s.io': { VolumeAttachment: noGeneration },
};

/** The built-in facts of a kind under the group's hooks. */
export function withBuiltinDefaults(group: string, kind: string, hooks: KindStrategyHooks): KindStrategyHooks {
  const builtin = BUILTIN_DEFAULTS[group]?.[kind];
  return builtin ? { ...builtin, ...hooks } : hooks;
}
