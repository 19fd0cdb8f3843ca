/**
 * admissionregistration.k8s.io/v1: API types imported from swagger.json and generated.proto by `kapi import`.
 */

import type {
  bytes,
  Condition,
  int32,
  int64,
  LabelSelector,
  ListMeta,
  ObjectMeta,
  TypeMeta,
} from '../../meta/v1/types.js';

export interface ApplyConfiguration {
  /** +protobuf=1 */
  expression?: string;
}

export interface AuditAnnotation {
  /** +protobuf=1 */
  key: string;
  /** +protobuf=2 */
  valueExpression: string;
}

export interface ExpressionWarning {
  /** +protobuf=2 */
  fieldRef: string;
  /** +protobuf=3 */
  warning: string;
}

export interface JSONPatch {
  /** +protobuf=1 */
  expression?: string;
}

export interface MatchCondition {
  /** +protobuf=1 */
  name: string;
  /** +protobuf=2 */
  expression: string;
}

/** +structType=atomic */
export interface MatchResources {
  /** +protobuf=1 */
  namespaceSelector?: LabelSelector;
  /** +protobuf=2 */
  objectSelector?: LabelSelector;
  /**
   * +listType=atomic
   * +protobuf=3
   */
  resourceRules?: NamedRuleWithOperations[];
  /**
   * +listType=atomic
   * +protobuf=4
   */
  excludeResourceRules?: NamedRuleWithOperations[];
  /** +protobuf=7 */
  matchPolicy?: string;
}

/**
 * +kubebuilder:resource:path=mutatingadmissionpolicies,singular=mutatingadmissionpolicy,scope=Cluster,categories=api-extensions
 */
export interface MutatingAdmissionPolicy extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec?: MutatingAdmissionPolicySpec;
}

/**
 * +kubebuilder:resource:path=mutatingadmissionpolicybindings,singular=mutatingadmissionpolicybinding,scope=Cluster,categories=api-extensions
 */
export interface MutatingAdmissionPolicyBinding extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec?: MutatingAdmissionPolicyBindingSpec;
}

export interface MutatingAdmissionPolicyBindingList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: MutatingAdmissionPolicyBinding[];
}

export interface MutatingAdmissionPolicyBindingSpec {
  /** +protobuf=1 */
  policyName?: string;
  /** +protobuf=2 */
  paramRef?: ParamRef;
  /** +protobuf=3 */
  matchResources?: MatchResources;
}

export interface MutatingAdmissionPolicyList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: MutatingAdmissionPolicy[];
}

export interface MutatingAdmissionPolicySpec {
  /** +protobuf=1 */
  paramKind?: ParamKind;
  /** +protobuf=2 */
  matchConstraints?: MatchResources;
  /**
   * +listType=atomic
   * +protobuf=3
   */
  variables?: Variable[];
  /**
   * +listType=atomic
   * +protobuf=4
   */
  mutations?: Mutation[];
  /** +protobuf=5 */
  failurePolicy?: string;
  /**
   * +listType=map
   * +listMapKey=name
   * +patchStrategy=merge
   * +patchMergeKey=name
   * +protobuf=6
   */
  matchConditions?: MatchCondition[];
  /** +protobuf=7 */
  reinvocationPolicy?: string;
}

export interface MutatingWebhook {
  /** +protobuf=1 */
  name: string;
  /** +protobuf=2 */
  clientConfig: WebhookClientConfig;
  /**
   * +listType=atomic
   * +protobuf=3
   */
  rules?: RuleWithOperations[];
  /** +protobuf=4 */
  failurePolicy?: string;
  /** +protobuf=5 */
  namespaceSelector?: LabelSelector;
  /** +protobuf=6 */
  sideEffects: string;
  /** +protobuf=7 */
  timeoutSeconds?: int32;
  /**
   * +listType=atomic
   * +protobuf=8
   */
  admissionReviewVersions: string[];
  /** +protobuf=9 */
  matchPolicy?: string;
  /** +protobuf=10 */
  reinvocationPolicy?: string;
  /** +protobuf=11 */
  objectSelector?: LabelSelector;
  /**
   * +listType=map
   * +listMapKey=name
   * +patchStrategy=merge
   * +patchMergeKey=name
   * +protobuf=12
   */
  matchConditions?: MatchCondition[];
}

/**
 * +kubebuilder:resource:path=mutatingwebhookconfigurations,singular=mutatingwebhookconfiguration,scope=Cluster,categories=api-extensions
 */
export interface MutatingWebhookConfiguration extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /**
   * +listType=map
   * +listMapKey=name
   * +patchStrategy=merge
   * +patchMergeKey=name
   * +protobuf=2
   */
  webhooks?: MutatingWebhook[];
}

export interface MutatingWebhookConfigurationList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: MutatingWebhookConfiguration[];
}

export interface Mutation {
  /** +protobuf=2 */
  patchType: string;
  /** +protobuf=3 */
  applyConfiguration?: ApplyConfiguration;
  /** +protobuf=4 */
  jsonPatch?: JSONPatch;
}

/**
 * +protobufEmbed=RuleWithOperations:2
 * +structType=atomic
 */
export interface NamedRuleWithOperations extends RuleWithOperations {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  resourceNames?: string[];
}

/** +structType=atomic */
export interface ParamKind {
  /** +protobuf=1 */
  apiVersion?: string;
  /** +protobuf=2 */
  kind?: string;
}

/** +structType=atomic */
export interface ParamRef {
  /** +protobuf=1 */
  name?: string;
  /** +protobuf=2 */
  namespace?: string;
  /** +protobuf=3 */
  selector?: LabelSelector;
  /** +protobuf=4 */
  parameterNotFoundAction?: string;
}

export interface Rule {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  apiGroups?: string[];
  /**
   * +listType=atomic
   * +protobuf=2
   */
  apiVersions?: string[];
  /**
   * +listType=atomic
   * +protobuf=3
   */
  resources?: string[];
  /** +protobuf=4 */
  scope?: string;
}

/** +protobufEmbed=Rule:2 */
export interface RuleWithOperations extends Rule {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  operations?: string[];
}

export interface ServiceReference {
  /** +protobuf=1 */
  namespace: string;
  /** +protobuf=2 */
  name: string;
  /** +protobuf=3 */
  path?: string;
  /** +protobuf=4 */
  port?: int32;
}

export interface TypeChecking {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  expressionWarnings?: ExpressionWarning[];
}

/**
 * +kubebuilder:resource:path=validatingadmissionpolicies,singular=validatingadmissionpolicy,scope=Cluster,categories=api-extensions
 * +kubebuilder:subresource:status
 */
export interface ValidatingAdmissionPolicy extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec?: ValidatingAdmissionPolicySpec;
  /** +protobuf=3 */
  status?: ValidatingAdmissionPolicyStatus;
}

/**
 * +kubebuilder:resource:path=validatingadmissionpolicybindings,singular=validatingadmissionpolicybinding,scope=Cluster,categories=api-extensions
 */
export interface ValidatingAdmissionPolicyBinding extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec: ValidatingAdmissionPolicyBindingSpec;
}

export interface ValidatingAdmissionPolicyBindingList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: ValidatingAdmissionPolicyBinding[];
}

export interface ValidatingAdmissionPolicyBindingSpec {
  /** +protobuf=1 */
  policyName: string;
  /** +protobuf=2 */
  paramRef?: ParamRef;
  /** +protobuf=3 */
  matchResources?: MatchResources;
  /**
   * +listType=set
   * +protobuf=4
   */
  validationActions: string[];
}

export interface ValidatingAdmissionPolicyList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: ValidatingAdmissionPolicy[];
}

export interface ValidatingAdmissionPolicySpec {
  /** +protobuf=1 */
  paramKind?: ParamKind;
  /** +protobuf=2 */
  matchConstraints?: MatchResources;
  /**
   * +listType=atomic
   * +protobuf=3
   */
  validations?: Validation[];
  /** +protobuf=4 */
  failurePolicy?: string;
  /**
   * +listType=atomic
   * +protobuf=5
   */
  auditAnnotations?: AuditAnnotation[];
  /**
   * +listType=map
   * +listMapKey=name
   * +patchStrategy=merge
   * +patchMergeKey=name
   * +protobuf=6
   */
  matchConditions?: MatchCondition[];
  /**
   * +listType=map
   * +listMapKey=name
   * +patchStrategy=merge
   * +patchMergeKey=name
   * +protobuf=7
   */
  variables?: Variable[];
}

export interface ValidatingAdmissionPolicyStatus {
  /** +protobuf=1 */
  observedGeneration?: int64;
  /** +protobuf=2 */
  typeChecking?: TypeChecking;
  /**
   * +listType=map
   * +listMapKey=type
   * +protobuf=3
   */
  conditions?: Condition[];
}

export interface ValidatingWebhook {
  /** +protobuf=1 */
  name: string;
  /** +protobuf=2 */
  clientConfig: WebhookClientConfig;
  /**
   * +listType=atomic
   * +protobuf=3
   */
  rules?: RuleWithOperations[];
  /** +protobuf=4 */
  failurePolicy?: string;
  /** +protobuf=5 */
  namespaceSelector?: LabelSelector;
  /** +protobuf=6 */
  sideEffects: string;
  /** +protobuf=7 */
  timeoutSeconds?: int32;
  /**
   * +listType=atomic
   * +protobuf=8
   */
  admissionReviewVersions: string[];
  /** +protobuf=9 */
  matchPolicy?: string;
  /** +protobuf=10 */
  objectSelector?: LabelSelector;
  /**
   * +listType=map
   * +listMapKey=name
   * +patchStrategy=merge
   * +patchMergeKey=name
   * +protobuf=11
   */
  matchConditions?: MatchCondition[];
}

/**
 * +kubebuilder:resource:path=validatingwebhookconfigurations,singular=validatingwebhookconfiguration,scope=Cluster,categories=api-extensions
 */
export interface ValidatingWebhookConfiguration extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /**
   * +listType=map
   * +listMapKey=name
   * +patchStrategy=merge
   * +patchMergeKey=name
   * +protobuf=2
   */
  webhooks?: ValidatingWebhook[];
}

export interface ValidatingWebhookConfigurationList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: ValidatingWebhookConfiguration[];
}

export interface Validation {
  /** +protobuf=1 */
  expression: string;
  /** +protobuf=2 */
  message?: string;
  /** +protobuf=3 */
  reason?: string;
  /** +protobuf=4 */
  messageExpression?: string;
}

/** +structType=atomic */
export interface Variable {
  /** +protobuf=1 */
  name: string;
  /** +protobuf=2 */
  expression: string;
}

export interface WebhookClientConfig {
  /** +protobuf=1 */
  service?: ServiceReference;
  /** +protobuf=2 */
  caBundle?: bytes;
  /** +protobuf=3 */
  url?: string;
}
