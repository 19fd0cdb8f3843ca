/** networking.k8s.io/v1: API types imported from swagger.json and generated.proto by `kapi import`. */

import type {
  Condition,
  int32,
  IntOrString,
  LabelSelector,
  ListMeta,
  ObjectMeta,
  TypeMeta,
} from '../../meta/v1/types.js';
import type { TypedLocalObjectReference } from '../../core/v1/types.js';

export interface HTTPIngressPath {
  /** +protobuf=1 */
  path?: string;
  /** +protobuf=3 */
  pathType: string;
  /** +protobuf=2 */
  backend: IngressBackend;
}

export interface HTTPIngressRuleValue {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  paths: HTTPIngressPath[];
}

/** +kubebuilder:resource:path=ipaddresses,singular=ipaddress,scope=Cluster */
export interface IPAddress extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec: IPAddressSpec;
}

export interface IPAddressList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: IPAddress[];
}

export interface IPAddressSpec {
  /** +protobuf=1 */
  parentRef: ParentReference;
}

export interface IPBlock {
  /** +protobuf=1 */
  cidr: string;
  /**
   * +listType=atomic
   * +protobuf=2
   */
  except?: string[];
}

/**
 * +kubebuilder:resource:path=ingresses,singular=ingress,scope=Namespaced,shortName=ing
 * +kubebuilder:subresource:status
 */
export interface Ingress extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec?: IngressSpec;
  /** +protobuf=3 */
  status?: IngressStatus;
}

export interface IngressBackend {
  /** +protobuf=3 */
  resource?: TypedLocalObjectReference;
  /** +protobuf=4 */
  service?: IngressServiceBackend;
}

/** +kubebuilder:resource:path=ingressclasses,singular=ingressclass,scope=Cluster */
export interface IngressClass extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec?: IngressClassSpec;
}

export interface IngressClassList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: IngressClass[];
}

export interface IngressClassParametersReference {
  /** +protobuf=1 */
  apiGroup?: string;
  /** +protobuf=2 */
  kind: string;
  /** +protobuf=3 */
  name: string;
  /** +protobuf=4 */
  scope?: string;
  /** +protobuf=5 */
  namespace?: string;
}

export interface IngressClassSpec {
  /** +protobuf=1 */
  controller?: string;
  /** +protobuf=2 */
  parameters?: IngressClassParametersReference;
}

export interface IngressList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: Ingress[];
}

export interface IngressLoadBalancerIngress {
  /** +protobuf=1 */
  ip?: string;
  /** +protobuf=2 */
  hostname?: string;
  /**
   * +listType=atomic
   * +protobuf=4
   */
  ports?: IngressPortStatus[];
}

export interface IngressLoadBalancerStatus {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  ingress?: IngressLoadBalancerIngress[];
}

export interface IngressPortStatus {
  /** +protobuf=1 */
  port: int32;
  /** +protobuf=2 */
  protocol: string;
  /** +protobuf=3 */
  error?: string;
}

/** +protobufEmbed=IngressRuleValue:2 */
export interface IngressRule extends IngressRuleValue {
  /** +protobuf=1 */
  host?: string;
}

export interface IngressRuleValue {
  /** +protobuf=1 */
  http?: HTTPIngressRuleValue;
}

export interface IngressServiceBackend {
  /** +protobuf=1 */
  name: string;
  /** +protobuf=2 */
  port?: ServiceBackendPort;
}

export interface IngressSpec {
  /** +protobuf=1 */
  defaultBackend?: IngressBackend;
  /**
   * +listType=atomic
   * +protobuf=2
   */
  tls?: IngressTLS[];
  /**
   * +listType=atomic
   * +protobuf=3
   */
  rules?: IngressRule[];
  /** +protobuf=4 */
  ingressClassName?: string;
}

export interface IngressStatus {
  /** +protobuf=1 */
  loadBalancer?: IngressLoadBalancerStatus;
}

export interface IngressTLS {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  hosts?: string[];
  /** +protobuf=2 */
  secretName?: string;
}

/** +kubebuilder:resource:path=networkpolicies,singular=networkpolicy,scope=Namespaced,shortName=netpol */
export interface NetworkPolicy extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec?: NetworkPolicySpec;
}

export interface NetworkPolicyEgressRule {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  ports?: NetworkPolicyPort[];
  /**
   * +listType=atomic
   * +protobuf=2
   */
  to?: NetworkPolicyPeer[];
}

export interface NetworkPolicyIngressRule {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  ports?: NetworkPolicyPort[];
  /**
   * +listType=atomic
   * +protobuf=2
   */
  from?: NetworkPolicyPeer[];
}

export interface NetworkPolicyList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: NetworkPolicy[];
}

export interface NetworkPolicyPeer {
  /** +protobuf=1 */
  podSelector?: LabelSelector;
  /** +protobuf=2 */
  namespaceSelector?: LabelSelector;
  /** +protobuf=3 */
  ipBlock?: IPBlock;
}

export interface NetworkPolicyPort {
  /** +protobuf=1 */
  protocol?: string;
  /** +protobuf=2 */
  port?: IntOrString;
  /** +protobuf=3 */
  endPort?: int32;
}

export interface NetworkPolicySpec {
  /** +protobuf=1 */
  podSelector?: LabelSelector;
  /**
   * +listType=atomic
   * +protobuf=2
   */
  ingress?: NetworkPolicyIngressRule[];
  /**
   * +listType=atomic
   * +protobuf=3
   */
  egress?: NetworkPolicyEgressRule[];
  /**
   * +listType=atomic
   * +protobuf=4
   */
  policyTypes?: string[];
}

export interface ParentReference {
  /** +protobuf=1 */
  group?: string;
  /** +protobuf=2 */
  resource: string;
  /** +protobuf=3 */
  namespace?: string;
  /** +protobuf=4 */
  name: string;
}

/** +structType=atomic */
export interface ServiceBackendPort {
  /** +protobuf=1 */
  name?: string;
  /** +protobuf=2 */
  number?: int32;
}

/**
 * +kubebuilder:resource:path=servicecidrs,singular=servicecidr,scope=Cluster
 * +kubebuilder:subresource:status
 */
export interface ServiceCIDR extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec?: ServiceCIDRSpec;
  /** +protobuf=3 */
  status?: ServiceCIDRStatus;
}

export interface ServiceCIDRList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: ServiceCIDR[];
}

export interface ServiceCIDRSpec {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  cidrs?: string[];
}

export interface ServiceCIDRStatus {
  /**
   * +listType=map
   * +listMapKey=type
   * +patchStrategy=merge
   * +patchMergeKey=type
   * +protobuf=1
   */
  conditions?: Condition[];
}
