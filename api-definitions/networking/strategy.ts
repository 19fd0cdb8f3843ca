/** Per-kind behaviour of networking.k8s.io objects: kube-apiserver's Tables. */
import type { GroupStrategies } from '../../runtime/registry/strategy.js';
import { INGRESS_CLASS_TABLE, INGRESS_TABLE, IP_ADDRESS_TABLE, NETWORK_POLICY_TABLE, SERVICE_CIDR_TABLE } from './printers.js';

export const strategies: GroupStrategies = {
  Ingress: { table: INGRESS_TABLE },
  IngressClass: { table: INGRESS_CLASS_TABLE },
  NetworkPolicy: { table: NETWORK_POLICY_TABLE },
  IPAddress: { table: IP_ADDRESS_TABLE },
  ServiceCIDR: { table: SERVICE_CIDR_TABLE },
};
