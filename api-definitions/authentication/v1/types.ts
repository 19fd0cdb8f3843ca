/**
 * authentication.k8s.io/v1: API types imported from swagger.json and generated.proto by `kapi import`.
 */

import type { int64, ObjectMeta, Time, TypeMeta } from '../../meta/v1/types.js';

// Only in generated.proto (newer than the OpenAPI document).
export type AttestationValue = string[];

export interface BoundObjectReference {
  /** +protobuf=1 */
  kind?: string;
  /** +protobuf=2 */
  apiVersion?: string;
  /** +protobuf=3 */
  name?: string;
  /** +protobuf=4 */
  uid?: string;
}

// A named list: in protobuf a message of its own, `{ repeated … items = 1; }`.
export type ExtraValue = string[];

/**
 * +kubebuilder:resource:path=selfsubjectreviews,singular=selfsubjectreview,scope=Cluster
 * +genclient:onlyVerbs=create
 */
export interface SelfSubjectReview extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  status?: SelfSubjectReviewStatus;
}

export interface SelfSubjectReviewStatus {
  /** +protobuf=1 */
  userInfo?: UserInfo;
}

export interface TokenRequest extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec?: TokenRequestSpec;
  /** +protobuf=3 */
  status?: TokenRequestStatus;
}

export interface TokenRequestSpec {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  audiences?: string[];
  /** +protobuf=3 */
  boundObjectRef?: BoundObjectReference;
  /** +protobuf=4 */
  expirationSeconds?: int64;
  // Only in generated.proto (newer than the OpenAPI document).
  /** +protobuf=5 */
  attestations?: Record<string, AttestationValue>;
}

export interface TokenRequestStatus {
  /** +protobuf=1 */
  token?: string;
  /** +protobuf=2 */
  expirationTimestamp?: Time;
}

/**
 * +kubebuilder:resource:path=tokenreviews,singular=tokenreview,scope=Cluster
 * +genclient:onlyVerbs=create
 */
export interface TokenReview extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec: TokenReviewSpec;
  /** +protobuf=3 */
  status?: TokenReviewStatus;
}

export interface TokenReviewSpec {
  /** +protobuf=1 */
  token: string;
  /**
   * +listType=atomic
   * +protobuf=2
   */
  audiences?: string[];
}

export interface TokenReviewStatus {
  /** +protobuf=1 */
  authenticated?: boolean;
  /** +protobuf=2 */
  user?: UserInfo;
  /** +protobuf=3 */
  error?: string;
  /**
   * +listType=atomic
   * +protobuf=4
   */
  audiences?: string[];
}

export interface UserInfo {
  /** +protobuf=1 */
  username?: string;
  /** +protobuf=2 */
  uid?: string;
  /**
   * +listType=atomic
   * +protobuf=3
   */
  groups?: string[];
  /** +protobuf=4 */
  extra?: Record<string, ExtraValue>;
}
