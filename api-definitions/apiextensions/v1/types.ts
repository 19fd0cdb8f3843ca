/** apiextensions.k8s.io/v1: API types imported from swagger.json by `kapi import`. */

import type {
  bytes,
  float64,
  int32,
  int64,
  JSON as MetaV1JSON,
  ListMeta,
  ObjectMeta,
  Time,
  TypeMeta,
} from '../../meta/v1/types.js';

export interface CustomResourceColumnDefinition {
  description?: string;
  format?: string;
  name: string;
  type: string;
  priority?: int32;
  jsonPath: string;
}

export interface CustomResourceConversion {
  strategy: string;
  webhook?: WebhookConversion;
}

/**
 * +kubebuilder:resource:path=customresourcedefinitions,singular=customresourcedefinition,scope=Cluster,shortName=crd;crds,categories=api-extensions
 * +kubebuilder:subresource:status
 */
export interface CustomResourceDefinition extends TypeMeta {
  metadata?: ObjectMeta;
  spec: CustomResourceDefinitionSpec;
  status?: CustomResourceDefinitionStatus;
}

export interface CustomResourceDefinitionCondition {
  lastTransitionTime?: Time;
  message?: string;
  observedGeneration?: int64;
  reason?: string;
  type: string;
  status: string;
}

export interface CustomResourceDefinitionList extends TypeMeta {
  items: CustomResourceDefinition[];
  metadata?: ListMeta;
}

export interface CustomResourceDefinitionNames {
  /** +listType=atomic */
  categories?: string[];
  plural: string;
  listKind?: string;
  kind: string;
  /** +listType=atomic */
  shortNames?: string[];
  singular?: string;
}

export interface CustomResourceDefinitionSpec {
  conversion?: CustomResourceConversion;
  group: string;
  names: CustomResourceDefinitionNames;
  preserveUnknownFields?: boolean;
  scope: string;
  /** +listType=atomic */
  versions: CustomResourceDefinitionVersion[];
}

export interface CustomResourceDefinitionStatus {
  acceptedNames?: CustomResourceDefinitionNames;
  /**
   * +listType=map
   * +listMapKey=type
   */
  conditions?: CustomResourceDefinitionCondition[];
  observedGeneration?: int64;
  /** +listType=atomic */
  storedVersions?: string[];
}

export interface CustomResourceDefinitionVersion {
  /** +listType=atomic */
  additionalPrinterColumns?: CustomResourceColumnDefinition[];
  deprecated?: boolean;
  deprecationWarning?: string;
  name: string;
  schema?: CustomResourceValidation;
  /** +listType=atomic */
  selectableFields?: SelectableField[];
  served: boolean;
  storage: boolean;
  subresources?: CustomResourceSubresources;
}

export interface CustomResourceSubresourceScale {
  labelSelectorPath?: string;
  specReplicasPath: string;
  statusReplicasPath: string;
}

export interface CustomResourceSubresourceStatus {}

export interface CustomResourceSubresources {
  scale?: CustomResourceSubresourceScale;
  status?: CustomResourceSubresourceStatus;
}

export interface CustomResourceValidation {
  openAPIV3Schema?: JSONSchemaProps;
}

export interface ExternalDocumentation {
  url?: string;
}

export type JSON = MetaV1JSON;

export interface JSONSchemaProps {
  $ref?: string;
  $schema?: string;
  additionalItems?: JSONSchemaPropsOrBool;
  additionalProperties?: JSONSchemaPropsOrBool;
  /** +listType=atomic */
  allOf?: JSONSchemaProps[];
  /** +listType=atomic */
  anyOf?: JSONSchemaProps[];
  default?: JSON;
  description?: string;
  definitions?: Record<string, JSONSchemaProps>;
  dependencies?: Record<string, JSONSchemaPropsOrStringArray>;
  /** +listType=atomic */
  enum?: JSON[];
  example?: JSON;
  exclusiveMaximum?: boolean;
  exclusiveMinimum?: boolean;
  externalDocs?: ExternalDocumentation;
  format?: string;
  id?: string;
  items?: JSONSchemaPropsOrArray;
  maxItems?: int64;
  maxLength?: int64;
  maxProperties?: int64;
  maximum?: float64;
  minItems?: int64;
  minLength?: int64;
  minProperties?: int64;
  minimum?: float64;
  multipleOf?: float64;
  not?: JSONSchemaProps;
  nullable?: boolean;
  /** +listType=atomic */
  oneOf?: JSONSchemaProps[];
  pattern?: string;
  patternProperties?: Record<string, JSONSchemaProps>;
  properties?: Record<string, JSONSchemaProps>;
  /** +listType=atomic */
  required?: string[];
  title?: string;
  type?: string;
  uniqueItems?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  /** +listType=atomic */
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-list-type'?: string;
  'x-kubernetes-map-type'?: string;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  /**
   * +listType=map
   * +listMapKey=rule
   * +patchStrategy=merge
   * +patchMergeKey=rule
   */
  'x-kubernetes-validations'?: ValidationRule[];
}

export type JSONSchemaPropsOrArray = MetaV1JSON;

export type JSONSchemaPropsOrBool = MetaV1JSON;

export type JSONSchemaPropsOrStringArray = MetaV1JSON;

export interface SelectableField {
  jsonPath: string;
}

export interface ServiceReference {
  namespace: string;
  name: string;
  path?: string;
  port?: int32;
}

export interface ValidationRule {
  fieldPath?: string;
  message?: string;
  messageExpression?: string;
  optionalOldSelf?: boolean;
  reason?: string;
  rule: string;
}

export interface WebhookClientConfig {
  caBundle?: bytes;
  service?: ServiceReference;
  url?: string;
}

export interface WebhookConversion {
  clientConfig?: WebhookClientConfig;
  /** +listType=atomic */
  conversionReviewVersions: string[];
}
