/**
 * The tables of services and endpoints, cells as kube-apiserver's printers compute them: the
 * first cluster IP, external IPs by service type (`<pending>` for a LoadBalancer without
 * ingress), `port[:nodePort]/protocol` lists and up to three endpoint addresses.
 */
import { isIPv6 } from 'node:net';
import type { KObject } from '../../../runtime/registry/meta.js';
import { AGE_COLUMN, age, column, formatLabels, NAME_COLUMN, nameOf } from '../../../runtime/registry/printers.js';
import type { KindTable } from '../../../runtime/registry/table.js';
import type * as core from '../types.js';

/** The load balancer's ingress IPs (or hostnames), sorted and without duplicates. */
function loadBalancerIngress(status: core.LoadBalancerStatus | undefined): string[] {
  const set = new Set<string>();
  for (const ingress of status?.ingress ?? []) {
    if (ingress.ip) set.add(ingress.ip);
    else if (ingress.hostname) set.add(ingress.hostname);
  }
  return [...set].sort();
}

/** getServiceExternalIP (wide, as the server prints it). */
export function serviceExternalIP(svc: core.Service): string {
  const externalIPs = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const ingress = loadBalancerIngress(svc.status?.loadBalancer);
      if (externalIPs.length > 0) return [...ingress, ...externalIPs].join(',');
      return ingress.length > 0 ? ingress.join(',') : '<pending>';
    }
    case 'ExternalName':
      return svc.spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** makePortString: `80/TCP`, or `80:30080/TCP` with a node port. */
export function servicePorts(ports: readonly core.ServicePort[] | undefined): string {
  return (ports ?? []).map((p) => (p.nodePort && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol ?? ''}` : `${p.port}/${p.protocol ?? ''}`)).join(',');
}

export const SERVICE_TABLE: KindTable = {
  columns: [
    NAME_COLUMN,
    column('Type', 'string', 'How the service is exposed (spec.type).'),
    column('Cluster-IP', 'string', 'The IP address of the service inside the cluster (spec.clusterIP).'),
    column('External-IP', 'string', 'The addresses the service is reachable at from outside the cluster (spec.externalIPs, load balancer ingress).'),
    column('Port(s)', 'string', 'The ports the service exposes (spec.ports).'),
    AGE_COLUMN,
    column('Selector', 'string', 'The labels of the pods the service routes traffic to (spec.selector).', 1),
  ],
  cells(hub: KObject, now: number) {
    const svc = hub as unknown as core.Service;
    const ports = servicePorts(svc.spec?.ports);
    return [
      nameOf(hub),
      svc.spec?.type ?? '',
      svc.spec?.clusterIPs?.[0] || '<none>',
      serviceExternalIP(svc),
      ports === '' ? '<none>' : ports,
      age(hub, now),
      formatLabels(svc.spec?.selector),
    ];
  },
};

const MAX_ENDPOINTS_SHOWN = 3;

/** net.JoinHostPort. */
function hostPort(ip: string, port: number): string {
  return isIPv6(ip) ? `[${ip}]:${port}` : `${ip}:${port}`;
}

/** formatEndpoints: up to three `ip:port` (or bare IPs for port-less subsets), then ` + N more...`. */
export function formatEndpoints(endpoints: core.Endpoints): string {
  const subsets = endpoints.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let total = 0;
  const add = (value: string): boolean => {
    if (list.length === MAX_ENDPOINTS_SHOWN) {
      more = true;
      return false;
    }
    list.push(value);
    return true;
  };
  for (const subset of subsets) {
    const addresses = subset.addresses ?? [];
    const ports = subset.ports ?? [];
    if (ports.length === 0) {
      total += addresses.length;
      for (const a of addresses) if (!add(a.ip)) break;
      continue;
    }
    for (const port of ports) {
      total += addresses.length;
      for (const a of addresses) if (!add(hostPort(a.ip, port.port))) break;
    }
  }
  const shown = list.join(',');
  return more ? `${shown} + ${total - MAX_ENDPOINTS_SHOWN} more...` : shown;
}

export const ENDPOINTS_TABLE: KindTable = {
  columns: [NAME_COLUMN, column('Endpoints', 'string', 'The addresses and ports of the endpoints (subsets).'), AGE_COLUMN],
  cells: (hub: KObject, now: number) => [nameOf(hub), formatEndpoints(hub as unknown as core.Endpoints), age(hub, now)],
};
