/**
 * Defaults of networking.k8s.io/v1: a NetworkPolicy without policyTypes is an Ingress policy,
 * and an Egress one too when it has egress rules; its ports are TCP; an IngressClass's
 * parameters are cluster-scoped unless they say otherwise. (Ingress paths have no default
 * pathType in v1: validation requires one.)
 */
import type * as v1 from './types.js';

export function SetDefaults_NetworkPolicyPort(obj: v1.NetworkPolicyPort): void {
  obj.protocol ??= 'TCP';
}

export function SetDefaults_NetworkPolicy(obj: v1.NetworkPolicy): void {
  obj.spec ??= {};
  const spec = obj.spec;
  if ((spec.policyTypes ?? []).length === 0) {
    spec.policyTypes = ['Ingress'];
    if ((spec.egress ?? []).length > 0) spec.policyTypes.push('Egress');
  }
}

export function SetDefaults_IngressClass(obj: v1.IngressClass): void {
  const parameters = obj.spec?.parameters;
  if (parameters) parameters.scope ??= 'Cluster';
}
