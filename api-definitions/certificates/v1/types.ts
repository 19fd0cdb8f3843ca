/** certificates.k8s.io/v1: API types imported from swagger.json and generated.proto by `kapi import`. */

import type { bytes, int32, ListMeta, ObjectMeta, Time, TypeMeta } from '../../meta/v1/types.js';

/**
 * +kubebuilder:resource:path=certificatesigningrequests,singular=certificatesigningrequest,scope=Cluster,shortName=csr
 * +kubebuilder:subresource:status
 */
export interface CertificateSigningRequest extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec: CertificateSigningRequestSpec;
  /** +protobuf=3 */
  status?: CertificateSigningRequestStatus;
}

export interface CertificateSigningRequestCondition {
  /** +protobuf=1 */
  type: string;
  /** +protobuf=2 */
  reason?: string;
  /** +protobuf=3 */
  message?: string;
  /** +protobuf=4 */
  lastUpdateTime?: Time;
  /** +protobuf=5 */
  lastTransitionTime?: Time;
  /** +protobuf=6 */
  status: string;
}

export interface CertificateSigningRequestList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: CertificateSigningRequest[];
}

export interface CertificateSigningRequestSpec {
  /** +protobuf=1 */
  request: bytes;
  /** +protobuf=2 */
  username?: string;
  /** +protobuf=3 */
  uid?: string;
  /**
   * +listType=atomic
   * +protobuf=4
   */
  groups?: string[];
  /**
   * +listType=atomic
   * +protobuf=5
   */
  usages?: string[];
  /** +protobuf=6 */
  extra?: Record<string, ExtraValue>;
  /** +protobuf=7 */
  signerName: string;
  /** +protobuf=8 */
  expirationSeconds?: int32;
}

export interface CertificateSigningRequestStatus {
  /**
   * +listType=map
   * +listMapKey=type
   * +protobuf=1
   */
  conditions?: CertificateSigningRequestCondition[];
  /** +protobuf=2 */
  certificate?: bytes;
}

// A named list: in protobuf a message of its own, `{ repeated … items = 1; }`.
export type ExtraValue = string[];
