/**
 * Validation of a Service's ports and policies beyond the single port, with kube-apiserver's
 * messages: (protocol, port) pairs and node ports unique, traffic policies only where they
 * apply, ClientIP affinity timeouts in range, no headless NodePort or LoadBalancer services, and
 * source ranges only on load balancers.
 */
import { duplicate, forbidden, invalid, notSupported, printedValue, required, type FieldError, type FieldPath } from '../../../runtime/machinery/validation/index.js';
import type * as core from '../types.js';

/** The longest ClientIP affinity a service may ask for (a day). */
const MAX_CLIENT_IP_AFFINITY_SECONDS = 86400;
const TRAFFIC_POLICIES = ['Cluster', 'Local'];

/** Go's %#v of the (protocol, port) key upstream compares ports by. */
function goPortKey(protocol: string, port: number): object {
  return printedValue(
    `core.ServicePort{Name:"", Protocol:${JSON.stringify(protocol)}, AppProtocol:(*string)(nil), Port:${port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`,
  );
}

/** Duplicate (protocol, port) pairs and duplicate (protocol, nodePort) pairs. */
export function validateServicePortUniqueness(ports: readonly core.ServicePort[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (ports ?? []).forEach((p, i) => {
    const key = `${p.protocol ?? ''}/${p.port}`;
    if (seen.has(key)) errs.push(duplicate(path.index(i), goPortKey(p.protocol ?? '', p.port)));
    seen.add(key);
  });
  const nodePorts = new Set<string>();
  (ports ?? []).forEach((p, i) => {
    if (!p.nodePort) return;
    const key = `${p.protocol ?? ''}/${p.nodePort}`;
    if (nodePorts.has(key)) errs.push(duplicate(path.index(i).child('nodePort'), p.nodePort));
    nodePorts.add(key);
  });
  return errs;
}

/** serviceutil.ExternallyAccessible. */
function externallyAccessible(spec: core.ServiceSpec): boolean {
  return spec.type === 'LoadBalancer' || spec.type === 'NodePort' || (spec.type === 'ClusterIP' && (spec.externalIPs ?? []).length > 0);
}

/** externalTrafficPolicy, healthCheckNodePort and internalTrafficPolicy. */
export function validateTrafficPolicies(spec: core.ServiceSpec, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const etp = spec.externalTrafficPolicy ?? '';
  if (!externallyAccessible(spec)) {
    if (etp !== '') errs.push(invalid(path.child('externalTrafficPolicy'), etp, 'may only be set for externally-accessible services'));
  } else if (etp === '') {
    errs.push(required(path.child('externalTrafficPolicy')));
  } else if (!TRAFFIC_POLICIES.includes(etp)) {
    errs.push(notSupported(path.child('externalTrafficPolicy'), etp, TRAFFIC_POLICIES));
  }
  if (spec.healthCheckNodePort && (spec.type !== 'LoadBalancer' || etp !== 'Local')) {
    errs.push(invalid(path.child('healthCheckNodePort'), spec.healthCheckNodePort, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
  }
  const itp = spec.internalTrafficPolicy;
  if (itp != null && !TRAFFIC_POLICIES.includes(itp)) errs.push(notSupported(path.child('internalTrafficPolicy'), itp, TRAFFIC_POLICIES));
  return errs;
}

/** sessionAffinityConfig: required with ClientIP (timeout in (0, 86400]), forbidden with None. */
export function validateSessionAffinityConfig(spec: core.ServiceSpec, path: FieldPath): FieldError[] {
  const p = path.child('sessionAffinityConfig');
  if (spec.sessionAffinity === 'None') {
    return spec.sessionAffinityConfig ? [forbidden(p, 'must not be set when session affinity is None')] : [];
  }
  if (spec.sessionAffinity !== 'ClientIP') return [];
  const detail = 'when session affinity type is ClientIP';
  const config = spec.sessionAffinityConfig;
  if (!config) return [required(p, detail)];
  if (!config.clientIP) return [required(p.child('clientIP'), detail)];
  const timeout = config.clientIP.timeoutSeconds;
  if (timeout == null) return [required(p.child('clientIP', 'timeoutSeconds'), detail)];
  if (timeout <= 0 || timeout > MAX_CLIENT_IP_AFFINITY_SECONDS) {
    return [invalid(p.child('clientIP', 'timeoutSeconds'), timeout, `must be greater than 0 and less than ${MAX_CLIENT_IP_AFFINITY_SECONDS}`)];
  }
  return [];
}

/** Headless (`clusterIP: None`) NodePort and LoadBalancer services, and source ranges off load balancers. */
export function validateTypeSpecificFields(spec: core.ServiceSpec, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const clusterIPs = spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : []);
  const headless = clusterIPs.length === 1 && clusterIPs[0] === 'None';
  if (headless && (spec.type === 'LoadBalancer' || spec.type === 'NodePort')) {
    errs.push(invalid(path.child('clusterIPs').index(0), 'None', `may not be set to 'None' for ${spec.type} services`));
  }
  if ((spec.loadBalancerSourceRanges ?? []).length > 0 && spec.type !== 'LoadBalancer') {
    errs.push(forbidden(path.child('loadBalancerSourceRanges'), "may only be used when `type` is 'LoadBalancer'"));
  }
  return errs;
}
