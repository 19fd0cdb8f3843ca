/** authorization.k8s.io/v1: API types imported from swagger.json and generated.proto by `kapi import`. */

import type {
  FieldSelectorRequirement,
  LabelSelectorRequirement,
  ObjectMeta,
  TypeMeta,
} from '../../meta/v1/types.js';

// A named list: in protobuf a message of its own, `{ repeated … items = 1; }`.
export type ExtraValue = string[];

export interface FieldSelectorAttributes {
  /** +protobuf=1 */
  rawSelector?: string;
  /**
   * +listType=atomic
   * +protobuf=2
   */
  requirements?: FieldSelectorRequirement[];
}

export interface LabelSelectorAttributes {
  /** +protobuf=1 */
  rawSelector?: string;
  /**
   * +listType=atomic
   * +protobuf=2
   */
  requirements?: LabelSelectorRequirement[];
}

/**
 * +kubebuilder:resource:path=localsubjectaccessreviews,singular=localsubjectaccessreview,scope=Namespaced
 * +genclient:onlyVerbs=create
 */
export interface LocalSubjectAccessReview extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec: SubjectAccessReviewSpec;
  /** +protobuf=3 */
  status?: SubjectAccessReviewStatus;
}

export interface NonResourceAttributes {
  /** +protobuf=1 */
  path?: string;
  /** +protobuf=2 */
  verb?: string;
}

export interface NonResourceRule {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  verbs: string[];
  /**
   * +listType=atomic
   * +protobuf=2
   */
  nonResourceURLs?: string[];
}

export interface ResourceAttributes {
  /** +protobuf=1 */
  namespace?: string;
  /** +protobuf=2 */
  verb?: string;
  /** +protobuf=3 */
  group?: string;
  /** +protobuf=4 */
  version?: string;
  /** +protobuf=5 */
  resource?: string;
  /** +protobuf=6 */
  subresource?: string;
  /** +protobuf=7 */
  name?: string;
  /** +protobuf=8 */
  fieldSelector?: FieldSelectorAttributes;
  /** +protobuf=9 */
  labelSelector?: LabelSelectorAttributes;
}

export interface ResourceRule {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  verbs: string[];
  /**
   * +listType=atomic
   * +protobuf=2
   */
  apiGroups?: string[];
  /**
   * +listType=atomic
   * +protobuf=3
   */
  resources?: string[];
  /**
   * +listType=atomic
   * +protobuf=4
   */
  resourceNames?: string[];
}

/**
 * +kubebuilder:resource:path=selfsubjectaccessreviews,singular=selfsubjectaccessreview,scope=Cluster
 * +genclient:onlyVerbs=create
 */
export interface SelfSubjectAccessReview extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec: SelfSubjectAccessReviewSpec;
  /** +protobuf=3 */
  status?: SubjectAccessReviewStatus;
}

export interface SelfSubjectAccessReviewSpec {
  /** +protobuf=1 */
  resourceAttributes?: ResourceAttributes;
  /** +protobuf=2 */
  nonResourceAttributes?: NonResourceAttributes;
}

/**
 * +kubebuilder:resource:path=selfsubjectrulesreviews,singular=selfsubjectrulesreview,scope=Cluster
 * +genclient:onlyVerbs=create
 */
export interface SelfSubjectRulesReview extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec: SelfSubjectRulesReviewSpec;
  /** +protobuf=3 */
  status?: SubjectRulesReviewStatus;
}

export interface SelfSubjectRulesReviewSpec {
  /** +protobuf=1 */
  namespace?: string;
}

/**
 * +kubebuilder:resource:path=subjectaccessreviews,singular=subjectaccessreview,scope=Cluster
 * +genclient:onlyVerbs=create
 */
export interface SubjectAccessReview extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec: SubjectAccessReviewSpec;
  /** +protobuf=3 */
  status?: SubjectAccessReviewStatus;
}

export interface SubjectAccessReviewSpec {
  /** +protobuf=1 */
  resourceAttributes?: ResourceAttributes;
  /** +protobuf=2 */
  nonResourceAttributes?: NonResourceAttributes;
  /** +protobuf=3 */
  user?: string;
  /**
   * +listType=atomic
   * +protobuf=4
   */
  groups?: string[];
  /** +protobuf=5 */
  extra?: Record<string, ExtraValue>;
  /** +protobuf=6 */
  uid?: string;
}

export interface SubjectAccessReviewStatus {
  /** +protobuf=1 */
  allowed: boolean;
  /** +protobuf=2 */
  reason?: string;
  /** +protobuf=3 */
  evaluationError?: string;
  /** +protobuf=4 */
  denied?: boolean;
}

export interface SubjectRulesReviewStatus {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  resourceRules: ResourceRule[];
  /**
   * +listType=atomic
   * +protobuf=2
   */
  nonResourceRules: NonResourceRule[];
  /** +protobuf=3 */
  incomplete: boolean;
  /** +protobuf=4 */
  evaluationError?: string;
}
