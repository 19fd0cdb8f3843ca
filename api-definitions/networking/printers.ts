/**
 * The Tables of networking.k8s.io kinds, with kube-apiserver's columns and cells (printIngress,
 * printIngressClass, printNetworkPolicy, printIPAddress, printServiceCIDR).
 */
import { AGE_COLUMN, NAME_COLUMN, age, column, formatLabelSelector, nameOf } from '../../runtime/registry/printers.js';
import type { KObject } from '../../runtime/registry/meta.js';
import type { KindTable } from '../../runtime/registry/table.js';
import type * as networking from './types.js';

/** formatHosts: the first three rule hosts, `*` when no rule names one. */
export function ingressHosts(rules: readonly networking.IngressRule[] | undefined): string {
  const list: string[] = [];
  const max = 3;
  let more = false;
  for (const rule of rules ?? []) {
    if (list.length === max) more = true;
    if (!more && rule.host) list.push(rule.host);
  }
  if (list.length === 0) return '*';
  const joined = list.join(',');
  return more ? `${joined} + ${(rules?.length ?? 0) - max} more...` : joined;
}

/** The load balancer's IPs or host names, sorted and without duplicates. */
export function ingressAddress(status: networking.IngressLoadBalancerStatus | undefined): string {
  const found = new Set<string>();
  for (const entry of status?.ingress ?? []) {
    if (entry.ip) found.add(entry.ip);
    else if (entry.hostname) found.add(entry.hostname);
  }
  return [...found].sort().join(',');
}

export const INGRESS_TABLE: KindTable = {
  columns: [
    NAME_COLUMN,
    column('Class', 'string', 'The name of the IngressClass resource that should be used for additional configuration'),
    column('Hosts', 'string', 'Hosts that incoming requests are matched against before the ingress rule'),
    column('Address', 'string', 'Address is a list containing ingress points for the load-balancer'),
    column('Ports', 'string', 'Ports of TLS configurations that open'),
    AGE_COLUMN,
  ],
  cells(hub: KObject, now: number) {
    const ing = hub as networking.Ingress;
    const ports = (ing.spec?.tls ?? []).length > 0 ? '80, 443' : '80';
    return [nameOf(hub), ing.spec?.ingressClassName ?? '<none>', ingressHosts(ing.spec?.rules), ingressAddress(ing.status?.loadBalancer), ports, age(hub, now)];
  },
};

export const INGRESS_CLASS_TABLE: KindTable = {
  columns: [
    NAME_COLUMN,
    column('Controller', 'string', 'Controller that is responsible for handling this class'),
    column('Parameters', 'string', 'A reference to a resource with additional parameters'),
    AGE_COLUMN,
  ],
  cells(hub: KObject, now: number) {
    const spec = (hub as networking.IngressClass).spec;
    const p = spec?.parameters;
    const parameters = p ? `${p.kind}${p.apiGroup !== undefined ? `.${p.apiGroup}` : ''}/${p.name}` : '<none>';
    return [nameOf(hub), spec?.controller ?? '', parameters, age(hub, now)];
  },
};

export const NETWORK_POLICY_TABLE: KindTable = {
  columns: [NAME_COLUMN, column('Pod-Selector', 'string', 'Selects the pods to which this NetworkPolicy object applies.'), AGE_COLUMN],
  cells(hub: KObject, now: number) {
    // The pod selector is a struct upstream: absent reads as the empty selector.
    return [nameOf(hub), formatLabelSelector((hub as networking.NetworkPolicy).spec?.podSelector ?? {}), age(hub, now)];
  },
};

export const IP_ADDRESS_TABLE: KindTable = {
  columns: [NAME_COLUMN, column('ParentRef', 'string', 'ParentRef references the resource that an IPAddress is attached to.')],
  cells(hub: KObject) {
    const ref = (hub as unknown as networking.IPAddress).spec?.parentRef;
    let parent = '<none>';
    if (ref) {
      parent = (ref.group ? `${ref.resource}.${ref.group}` : ref.resource).toLowerCase();
      if (ref.namespace) parent += `/${ref.namespace}`;
      parent += `/${ref.name}`;
    }
    return [nameOf(hub), parent];
  },
};

export const SERVICE_CIDR_TABLE: KindTable = {
  columns: [NAME_COLUMN, column('CIDRs', 'string', 'CIDRs defines the IP blocks in CIDR notation.'), AGE_COLUMN],
  cells(hub: KObject, now: number) {
    return [nameOf(hub), ((hub as networking.ServiceCIDR).spec?.cidrs ?? []).join(','), age(hub, now)];
  },
};
