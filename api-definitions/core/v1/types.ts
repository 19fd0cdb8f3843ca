/** core/v1: API types imported from swagger.json and generated.proto by `kapi import`. */

import type {
  bytes,
  Condition,
  int32,
  int64,
  IntOrString,
  LabelSelector,
  ListMeta,
  MicroTime,
  ObjectMeta,
  Quantity,
  Time,
  TypeMeta,
} from '../../meta/v1/types.js';

export interface AWSElasticBlockStoreVolumeSource {
  /** +protobuf=1 */
  volumeID: string;
  /** +protobuf=2 */
  fsType?: string;
  /** +protobuf=3 */
  partition?: int32;
  /** +protobuf=4 */
  readOnly?: boolean;
}

export interface Affinity {
  /** +protobuf=1 */
  nodeAffinity?: NodeAffinity;
  /** +protobuf=2 */
  podAffinity?: PodAffinity;
  /** +protobuf=3 */
  podAntiAffinity?: PodAntiAffinity;
}

export interface AppArmorProfile {
  /** +protobuf=1 */
  type: string;
  /** +protobuf=2 */
  localhostProfile?: string;
}

export interface AttachedVolume {
  /** +protobuf=1 */
  name: string;
  /** +protobuf=2 */
  devicePath: string;
}

export interface AzureDiskVolumeSource {
  /** +protobuf=1 */
  diskName: string;
  /** +protobuf=2 */
  diskURI: string;
  /** +protobuf=3 */
  cachingMode?: string;
  /** +protobuf=4 */
  fsType?: string;
  /** +protobuf=5 */
  readOnly?: boolean;
  /** +protobuf=6 */
  kind?: string;
}

export interface AzureFilePersistentVolumeSource {
  /** +protobuf=1 */
  secretName: string;
  /** +protobuf=2 */
  shareName: string;
  /** +protobuf=3 */
  readOnly?: boolean;
  /** +protobuf=4 */
  secretNamespace?: string;
}

export interface AzureFileVolumeSource {
  /** +protobuf=1 */
  secretName: string;
  /** +protobuf=2 */
  shareName: string;
  /** +protobuf=3 */
  readOnly?: boolean;
}

/**
 * +kubebuilder:resource:path=bindings,singular=binding,scope=Namespaced
 * +genclient:onlyVerbs=create
 */
export interface Binding extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  target: ObjectReference;
}

export interface CSIPersistentVolumeSource {
  /** +protobuf=1 */
  driver: string;
  /** +protobuf=2 */
  volumeHandle: string;
  /** +protobuf=3 */
  readOnly?: boolean;
  /** +protobuf=4 */
  fsType?: string;
  /** +protobuf=5 */
  volumeAttributes?: Record<string, string>;
  /** +protobuf=6 */
  controllerPublishSecretRef?: SecretReference;
  /** +protobuf=7 */
  nodeStageSecretRef?: SecretReference;
  /** +protobuf=8 */
  nodePublishSecretRef?: SecretReference;
  /** +protobuf=9 */
  controllerExpandSecretRef?: SecretReference;
  /** +protobuf=10 */
  nodeExpandSecretRef?: SecretReference;
}

export interface CSIVolumeSource {
  /** +protobuf=1 */
  driver: string;
  /** +protobuf=2 */
  readOnly?: boolean;
  /** +protobuf=3 */
  fsType?: string;
  /** +protobuf=4 */
  volumeAttributes?: Record<string, string>;
  /** +protobuf=5 */
  nodePublishSecretRef?: LocalObjectReference;
}

export interface Capabilities {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  add?: string[];
  /**
   * +listType=atomic
   * +protobuf=2
   */
  drop?: string[];
}

export interface CephFSPersistentVolumeSource {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  monitors: string[];
  /** +protobuf=2 */
  path?: string;
  /** +protobuf=3 */
  user?: string;
  /** +protobuf=4 */
  secretFile?: string;
  /** +protobuf=5 */
  secretRef?: SecretReference;
  /** +protobuf=6 */
  readOnly?: boolean;
}

export interface CephFSVolumeSource {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  monitors: string[];
  /** +protobuf=2 */
  path?: string;
  /** +protobuf=3 */
  user?: string;
  /** +protobuf=4 */
  secretFile?: string;
  /** +protobuf=5 */
  secretRef?: LocalObjectReference;
  /** +protobuf=6 */
  readOnly?: boolean;
}

export interface CinderPersistentVolumeSource {
  /** +protobuf=1 */
  volumeID: string;
  /** +protobuf=2 */
  fsType?: string;
  /** +protobuf=3 */
  readOnly?: boolean;
  /** +protobuf=4 */
  secretRef?: SecretReference;
}

export interface CinderVolumeSource {
  /** +protobuf=1 */
  volumeID: string;
  /** +protobuf=2 */
  fsType?: string;
  /** +protobuf=3 */
  readOnly?: boolean;
  /** +protobuf=4 */
  secretRef?: LocalObjectReference;
}

export interface ClientIPConfig {
  /** +protobuf=1 */
  timeoutSeconds?: int32;
}

export interface ClusterTrustBundleProjection {
  /** +protobuf=1 */
  name?: string;
  /** +protobuf=2 */
  signerName?: string;
  /** +protobuf=3 */
  labelSelector?: LabelSelector;
  /** +protobuf=4 */
  path: string;
  /** +protobuf=5 */
  optional?: boolean;
  // Only in generated.proto (newer than the OpenAPI document).
  /** +protobuf=6 */
  user?: int64;
}

export interface ComponentCondition {
  /** +protobuf=1 */
  type: string;
  /** +protobuf=2 */
  status: string;
  /** +protobuf=3 */
  message?: string;
  /** +protobuf=4 */
  error?: string;
}

/**
 * +kubebuilder:resource:path=componentstatuses,singular=componentstatus,scope=Cluster,shortName=cs
 * +genclient:onlyVerbs=get;list
 */
export interface ComponentStatus extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /**
   * +listType=map
   * +listMapKey=type
   * +patchStrategy=merge
   * +patchMergeKey=type
   * +protobuf=2
   */
  conditions?: ComponentCondition[];
}

export interface ComponentStatusList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: ComponentStatus[];
}

/** +kubebuilder:resource:path=configmaps,singular=configmap,scope=Namespaced,shortName=cm */
export interface ConfigMap extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  data?: Record<string, string>;
  /** +protobuf=3 */
  binaryData?: Record<string, bytes>;
  /** +protobuf=4 */
  immutable?: boolean;
}

/** +protobufEmbed=LocalObjectReference:1 */
export interface ConfigMapEnvSource extends LocalObjectReference {
  /** +protobuf=2 */
  optional?: boolean;
}

/**
 * +protobufEmbed=LocalObjectReference:1
 * +structType=atomic
 */
export interface ConfigMapKeySelector extends LocalObjectReference {
  /** +protobuf=2 */
  key: string;
  /** +protobuf=3 */
  optional?: boolean;
}

export interface ConfigMapList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: ConfigMap[];
}

export interface ConfigMapNodeConfigSource {
  /** +protobuf=1 */
  namespace: string;
  /** +protobuf=2 */
  name: string;
  /** +protobuf=3 */
  uid?: string;
  /** +protobuf=4 */
  resourceVersion?: string;
  /** +protobuf=5 */
  kubeletConfigKey: string;
}

/** +protobufEmbed=LocalObjectReference:1 */
export interface ConfigMapProjection extends LocalObjectReference {
  /**
   * +listType=atomic
   * +protobuf=2
   */
  items?: KeyToPath[];
  /** +protobuf=4 */
  optional?: boolean;
}

/** +protobufEmbed=LocalObjectReference:1 */
export interface ConfigMapVolumeSource extends LocalObjectReference {
  /**
   * +listType=atomic
   * +protobuf=2
   */
  items?: KeyToPath[];
  /** +protobuf=3 */
  defaultMode?: int32;
  /** +protobuf=4 */
  optional?: boolean;
  // Only in generated.proto (newer than the OpenAPI document).
  /** +protobuf=5 */
  defaultUser?: int64;
}

export interface Container {
  /** +protobuf=1 */
  name: string;
  /** +protobuf=2 */
  image?: string;
  /**
   * +listType=atomic
   * +protobuf=3
   */
  command?: string[];
  /**
   * +listType=atomic
   * +protobuf=4
   */
  args?: string[];
  /** +protobuf=5 */
  workingDir?: string;
  /**
   * +listType=map
   * +listMapKey=containerPort
   * +listMapKey=protocol
   * +patchStrategy=merge
   * +patchMergeKey=containerPort
   * +protobuf=6
   */
  ports?: ContainerPort[];
  /**
   * +listType=map
   * +listMapKey=name
   * +patchStrategy=merge
   * +patchMergeKey=name
   * +protobuf=7
   */
  env?: EnvVar[];
  /** +protobuf=8 */
  resources?: ResourceRequirements;
  /**
   * +listType=map
   * +listMapKey=mountPath
   * +patchStrategy=merge
   * +patchMergeKey=mountPath
   * +protobuf=9
   */
  volumeMounts?: VolumeMount[];
  /** +protobuf=10 */
  livenessProbe?: Probe;
  /** +protobuf=11 */
  readinessProbe?: Probe;
  /** +protobuf=12 */
  lifecycle?: Lifecycle;
  /** +protobuf=13 */
  terminationMessagePath?: string;
  /** +protobuf=14 */
  imagePullPolicy?: string;
  /** +protobuf=15 */
  securityContext?: SecurityContext;
  /** +protobuf=16 */
  stdin?: boolean;
  /** +protobuf=17 */
  stdinOnce?: boolean;
  /** +protobuf=18 */
  tty?: boolean;
  /**
   * +listType=atomic
   * +protobuf=19
   */
  envFrom?: EnvFromSource[];
  /** +protobuf=20 */
  terminationMessagePolicy?: string;
  /**
   * +listType=map
   * +listMapKey=devicePath
   * +patchStrategy=merge
   * +patchMergeKey=devicePath
   * +protobuf=21
   */
  volumeDevices?: VolumeDevice[];
  /** +protobuf=22 */
  startupProbe?: Probe;
  /**
   * +listType=atomic
   * +protobuf=23
   */
  resizePolicy?: ContainerResizePolicy[];
  /** +protobuf=24 */
  restartPolicy?: string;
  /**
   * +listType=atomic
   * +protobuf=25
   */
  restartPolicyRules?: ContainerRestartRule[];
}

export interface ContainerExtendedResourceRequest {
  /** +protobuf=1 */
  containerName: string;
  /** +protobuf=2 */
  resourceName: string;
  /** +protobuf=3 */
  requestName: string;
}

export interface ContainerImage {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  names?: string[];
  /** +protobuf=2 */
  sizeBytes?: int64;
}

export interface ContainerPort {
  /** +protobuf=1 */
  name?: string;
  /** +protobuf=2 */
  hostPort?: int32;
  /** +protobuf=3 */
  containerPort: int32;
  /** +protobuf=4 */
  protocol?: string;
  /** +protobuf=5 */
  hostIP?: string;
}

export interface ContainerResizePolicy {
  /** +protobuf=1 */
  resourceName: string;
  /** +protobuf=2 */
  restartPolicy: string;
}

export interface ContainerRestartRule {
  /** +protobuf=1 */
  action: string;
  /** +protobuf=2 */
  exitCodes?: ContainerRestartRuleOnExitCodes;
}

export interface ContainerRestartRuleOnExitCodes {
  /** +protobuf=1 */
  operator: string;
  /**
   * +listType=set
   * +protobuf=2
   */
  values?: int32[];
}

export interface ContainerState {
  /** +protobuf=1 */
  waiting?: ContainerStateWaiting;
  /** +protobuf=2 */
  running?: ContainerStateRunning;
  /** +protobuf=3 */
  terminated?: ContainerStateTerminated;
}

export interface ContainerStateRunning {
  /** +protobuf=1 */
  startedAt?: Time;
}

export interface ContainerStateTerminated {
  /** +protobuf=1 */
  exitCode: int32;
  /** +protobuf=2 */
  signal?: int32;
  /** +protobuf=3 */
  reason?: string;
  /** +protobuf=4 */
  message?: string;
  /** +protobuf=5 */
  startedAt?: Time;
  /** +protobuf=6 */
  finishedAt?: Time;
  /** +protobuf=7 */
  containerID?: string;
}

export interface ContainerStateWaiting {
  /** +protobuf=1 */
  reason?: string;
  /** +protobuf=2 */
  message?: string;
}

export interface ContainerStatus {
  /** +protobuf=1 */
  name: string;
  /** +protobuf=2 */
  state?: ContainerState;
  /** +protobuf=3 */
  lastState?: ContainerState;
  /** +protobuf=4 */
  ready: boolean;
  /** +protobuf=5 */
  restartCount: int32;
  /** +protobuf=6 */
  image: string;
  /** +protobuf=7 */
  imageID: string;
  /** +protobuf=8 */
  containerID?: string;
  /** +protobuf=9 */
  started?: boolean;
  /** +protobuf=10 */
  allocatedResources?: Record<string, Quantity>;
  /** +protobuf=11 */
  resources?: ResourceRequirements;
  /**
   * +listType=map
   * +listMapKey=mountPath
   * +patchStrategy=merge
   * +patchMergeKey=mountPath
   * +protobuf=12
   */
  volumeMounts?: VolumeMountStatus[];
  /** +protobuf=13 */
  user?: ContainerUser;
  /**
   * +listType=map
   * +listMapKey=name
   * +patchStrategy=merge
   * +patchMergeKey=name
   * +protobuf=14
   */
  allocatedResourcesStatus?: ResourceStatus[];
  /** +protobuf=15 */
  stopSignal?: string;
}

export interface ContainerUser {
  /** +protobuf=1 */
  linux?: LinuxContainerUser;
}

export interface DaemonEndpoint {
  /** +protobuf=1 */
  Port: int32;
}

export interface DownwardAPIProjection {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  items?: DownwardAPIVolumeFile[];
}

export interface DownwardAPIVolumeFile {
  /** +protobuf=1 */
  path: string;
  /** +protobuf=2 */
  fieldRef?: ObjectFieldSelector;
  /** +protobuf=3 */
  resourceFieldRef?: ResourceFieldSelector;
  /** +protobuf=4 */
  mode?: int32;
  // Only in generated.proto (newer than the OpenAPI document).
  /** +protobuf=5 */
  user?: int64;
}

export interface DownwardAPIVolumeSource {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  items?: DownwardAPIVolumeFile[];
  /** +protobuf=2 */
  defaultMode?: int32;
  // Only in generated.proto (newer than the OpenAPI document).
  /** +protobuf=3 */
  defaultUser?: int64;
}

export interface EmptyDirVolumeSource {
  /** +protobuf=1 */
  medium?: string;
  /** +protobuf=2 */
  sizeLimit?: Quantity;
  // Only in generated.proto (newer than the OpenAPI document).
  /** +protobuf=3 */
  mode?: int32;
}

/** +structType=atomic */
export interface EndpointAddress {
  /** +protobuf=1 */
  ip: string;
  /** +protobuf=2 */
  targetRef?: ObjectReference;
  /** +protobuf=3 */
  hostname?: string;
  /** +protobuf=4 */
  nodeName?: string;
}

/** +structType=atomic */
export interface EndpointPort {
  /** +protobuf=1 */
  name?: string;
  /** +protobuf=2 */
  port: int32;
  /** +protobuf=3 */
  protocol?: string;
  /** +protobuf=4 */
  appProtocol?: string;
}

export interface EndpointSubset {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  addresses?: EndpointAddress[];
  /**
   * +listType=atomic
   * +protobuf=2
   */
  notReadyAddresses?: EndpointAddress[];
  /**
   * +listType=atomic
   * +protobuf=3
   */
  ports?: EndpointPort[];
}

/** +kubebuilder:resource:path=endpoints,singular=endpoints,scope=Namespaced,shortName=ep */
export interface Endpoints extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /**
   * +listType=atomic
   * +protobuf=2
   */
  subsets?: EndpointSubset[];
}

export interface EndpointsList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: Endpoints[];
}

export interface EnvFromSource {
  /** +protobuf=1 */
  prefix?: string;
  /** +protobuf=2 */
  configMapRef?: ConfigMapEnvSource;
  /** +protobuf=3 */
  secretRef?: SecretEnvSource;
}

export interface EnvVar {
  /** +protobuf=1 */
  name: string;
  /** +protobuf=2 */
  value?: string;
  /** +protobuf=3 */
  valueFrom?: EnvVarSource;
}

export interface EnvVarSource {
  /** +protobuf=1 */
  fieldRef?: ObjectFieldSelector;
  /** +protobuf=2 */
  resourceFieldRef?: ResourceFieldSelector;
  /** +protobuf=3 */
  configMapKeyRef?: ConfigMapKeySelector;
  /** +protobuf=4 */
  secretKeyRef?: SecretKeySelector;
  /** +protobuf=5 */
  fileKeyRef?: FileKeySelector;
}

/** +protobufEmbed=EphemeralContainerCommon:1 */
export interface EphemeralContainer extends EphemeralContainerCommon {
  /** +protobuf=2 */
  targetContainerName?: string;
}

export interface EphemeralContainerCommon {
  /** +protobuf=1 */
  name: string;
  /** +protobuf=2 */
  image?: string;
  /**
   * +listType=atomic
   * +protobuf=3
   */
  command?: string[];
  /**
   * +listType=atomic
   * +protobuf=4
   */
  args?: string[];
  /** +protobuf=5 */
  workingDir?: string;
  /**
   * +listType=map
   * +listMapKey=containerPort
   * +listMapKey=protocol
   * +patchStrategy=merge
   * +patchMergeKey=containerPort
   * +protobuf=6
   */
  ports?: ContainerPort[];
  /**
   * +listType=map
   * +listMapKey=name
   * +patchStrategy=merge
   * +patchMergeKey=name
   * +protobuf=7
   */
  env?: EnvVar[];
  /** +protobuf=8 */
  resources?: ResourceRequirements;
  /**
   * +listType=map
   * +listMapKey=mountPath
   * +patchStrategy=merge
   * +patchMergeKey=mountPath
   * +protobuf=9
   */
  volumeMounts?: VolumeMount[];
  /** +protobuf=10 */
  livenessProbe?: Probe;
  /** +protobuf=11 */
  readinessProbe?: Probe;
  /** +protobuf=12 */
  lifecycle?: Lifecycle;
  /** +protobuf=13 */
  terminationMessagePath?: string;
  /** +protobuf=14 */
  imagePullPolicy?: string;
  /** +protobuf=15 */
  securityContext?: SecurityContext;
  /** +protobuf=16 */
  stdin?: boolean;
  /** +protobuf=17 */
  stdinOnce?: boolean;
  /** +protobuf=18 */
  tty?: boolean;
  /**
   * +listType=atomic
   * +protobuf=19
   */
  envFrom?: EnvFromSource[];
  /** +protobuf=20 */
  terminationMessagePolicy?: string;
  /**
   * +listType=map
   * +listMapKey=devicePath
   * +patchStrategy=merge
   * +patchMergeKey=devicePath
   * +protobuf=21
   */
  volumeDevices?: VolumeDevice[];
  /** +protobuf=22 */
  startupProbe?: Probe;
  /**
   * +listType=atomic
   * +protobuf=23
   */
  resizePolicy?: ContainerResizePolicy[];
  /** +protobuf=24 */
  restartPolicy?: string;
  /**
   * +listType=atomic
   * +protobuf=25
   */
  restartPolicyRules?: ContainerRestartRule[];
}

export interface EphemeralVolumeSource {
  /** +protobuf=1 */
  volumeClaimTemplate?: PersistentVolumeClaimTemplate;
}

/** +kubebuilder:resource:path=events,singular=event,scope=Namespaced,shortName=ev */
export interface Event extends TypeMeta {
  /** +protobuf=1 */
  metadata: ObjectMeta;
  /** +protobuf=2 */
  involvedObject: ObjectReference;
  /** +protobuf=3 */
  reason?: string;
  /** +protobuf=4 */
  message?: string;
  /** +protobuf=5 */
  source?: EventSource;
  /** +protobuf=6 */
  firstTimestamp?: Time;
  /** +protobuf=7 */
  lastTimestamp?: Time;
  /** +protobuf=8 */
  count?: int32;
  /** +protobuf=9 */
  type?: string;
  /** +protobuf=10 */
  eventTime?: MicroTime;
  /** +protobuf=11 */
  series?: EventSeries;
  /** +protobuf=12 */
  action?: string;
  /** +protobuf=13 */
  related?: ObjectReference;
  /** +protobuf=14 */
  reportingComponent?: string;
  /** +protobuf=15 */
  reportingInstance?: string;
}

export interface EventList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: Event[];
}

export interface EventSeries {
  /** +protobuf=1 */
  count?: int32;
  /** +protobuf=2 */
  lastObservedTime?: MicroTime;
}

export interface EventSource {
  /** +protobuf=1 */
  component?: string;
  /** +protobuf=2 */
  host?: string;
}

// Only in generated.proto (newer than the OpenAPI document).
export interface EvictionResponder {
  /** +protobuf=1 */
  name?: string;
  /** +protobuf=2 */
  priority?: int32;
}

export interface ExecAction {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  command?: string[];
}

export interface FCVolumeSource {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  targetWWNs?: string[];
  /** +protobuf=2 */
  lun?: int32;
  /** +protobuf=3 */
  fsType?: string;
  /** +protobuf=4 */
  readOnly?: boolean;
  /**
   * +listType=atomic
   * +protobuf=5
   */
  wwids?: string[];
}

/** +structType=atomic */
export interface FileKeySelector {
  /** +protobuf=1 */
  volumeName: string;
  /** +protobuf=2 */
  path: string;
  /** +protobuf=3 */
  key: string;
  /** +protobuf=4 */
  optional?: boolean;
}

export interface FlexPersistentVolumeSource {
  /** +protobuf=1 */
  driver: string;
  /** +protobuf=2 */
  fsType?: string;
  /** +protobuf=3 */
  secretRef?: SecretReference;
  /** +protobuf=4 */
  readOnly?: boolean;
  /** +protobuf=5 */
  options?: Record<string, string>;
}

export interface FlexVolumeSource {
  /** +protobuf=1 */
  driver: string;
  /** +protobuf=2 */
  fsType?: string;
  /** +protobuf=3 */
  secretRef?: LocalObjectReference;
  /** +protobuf=4 */
  readOnly?: boolean;
  /** +protobuf=5 */
  options?: Record<string, string>;
}

export interface FlockerVolumeSource {
  /** +protobuf=1 */
  datasetName?: string;
  /** +protobuf=2 */
  datasetUUID?: string;
}

export interface GCEPersistentDiskVolumeSource {
  /** +protobuf=1 */
  pdName: string;
  /** +protobuf=2 */
  fsType?: string;
  /** +protobuf=3 */
  partition?: int32;
  /** +protobuf=4 */
  readOnly?: boolean;
}

export interface GRPCAction {
  /** +protobuf=1 */
  port: int32;
  /** +protobuf=2 */
  service?: string;
  // Only in generated.proto (newer than the OpenAPI document).
  /** +protobuf=3 */
  mode?: string;
}

export interface GitRepoVolumeSource {
  /** +protobuf=1 */
  repository: string;
  /** +protobuf=2 */
  revision?: string;
  /** +protobuf=3 */
  directory?: string;
}

export interface GlusterfsPersistentVolumeSource {
  /** +protobuf=1 */
  endpoints: string;
  /** +protobuf=2 */
  path: string;
  /** +protobuf=3 */
  readOnly?: boolean;
  /** +protobuf=4 */
  endpointsNamespace?: string;
}

export interface GlusterfsVolumeSource {
  /** +protobuf=1 */
  endpoints: string;
  /** +protobuf=2 */
  path: string;
  /** +protobuf=3 */
  readOnly?: boolean;
}

export interface HTTPGetAction {
  /** +protobuf=1 */
  path?: string;
  /** +protobuf=2 */
  port: IntOrString;
  /** +protobuf=3 */
  host?: string;
  /** +protobuf=4 */
  scheme?: string;
  /**
   * +listType=atomic
   * +protobuf=5
   */
  httpHeaders?: HTTPHeader[];
  // Only in generated.proto (newer than the OpenAPI document).
  /** +protobuf=6 */
  protocol?: string;
}

export interface HTTPHeader {
  /** +protobuf=1 */
  name: string;
  /** +protobuf=2 */
  value: string;
}

export interface HostAlias {
  /** +protobuf=1 */
  ip: string;
  /**
   * +listType=atomic
   * +protobuf=2
   */
  hostnames?: string[];
}

export interface HostIP {
  /** +protobuf=1 */
  ip: string;
}

export interface HostPathVolumeSource {
  /** +protobuf=1 */
  path: string;
  /** +protobuf=2 */
  type?: string;
}

export interface ISCSIPersistentVolumeSource {
  /** +protobuf=1 */
  targetPortal: string;
  /** +protobuf=2 */
  iqn: string;
  /** +protobuf=3 */
  lun: int32;
  /** +protobuf=4 */
  iscsiInterface?: string;
  /** +protobuf=5 */
  fsType?: string;
  /** +protobuf=6 */
  readOnly?: boolean;
  /**
   * +listType=atomic
   * +protobuf=7
   */
  portals?: string[];
  /** +protobuf=8 */
  chapAuthDiscovery?: boolean;
  /** +protobuf=10 */
  secretRef?: SecretReference;
  /** +protobuf=11 */
  chapAuthSession?: boolean;
  /** +protobuf=12 */
  initiatorName?: string;
}

export interface ISCSIVolumeSource {
  /** +protobuf=1 */
  targetPortal: string;
  /** +protobuf=2 */
  iqn: string;
  /** +protobuf=3 */
  lun: int32;
  /** +protobuf=4 */
  iscsiInterface?: string;
  /** +protobuf=5 */
  fsType?: string;
  /** +protobuf=6 */
  readOnly?: boolean;
  /**
   * +listType=atomic
   * +protobuf=7
   */
  portals?: string[];
  /** +protobuf=8 */
  chapAuthDiscovery?: boolean;
  /** +protobuf=10 */
  secretRef?: LocalObjectReference;
  /** +protobuf=11 */
  chapAuthSession?: boolean;
  /** +protobuf=12 */
  initiatorName?: string;
}

export interface ImageVolumeSource {
  /** +protobuf=1 */
  reference?: string;
  /** +protobuf=2 */
  pullPolicy?: string;
}

export interface ImageVolumeStatus {
  /** +protobuf=1 */
  imageRef: string;
}

export interface KeyToPath {
  /** +protobuf=1 */
  key: string;
  /** +protobuf=2 */
  path: string;
  /** +protobuf=3 */
  mode?: int32;
  // Only in generated.proto (newer than the OpenAPI document).
  /** +protobuf=4 */
  user?: int64;
}

export interface Lifecycle {
  /** +protobuf=1 */
  postStart?: LifecycleHandler;
  /** +protobuf=2 */
  preStop?: LifecycleHandler;
  /** +protobuf=3 */
  stopSignal?: string;
}

export interface LifecycleHandler {
  /** +protobuf=1 */
  exec?: ExecAction;
  /** +protobuf=2 */
  httpGet?: HTTPGetAction;
  /** +protobuf=3 */
  tcpSocket?: TCPSocketAction;
  /** +protobuf=4 */
  sleep?: SleepAction;
}

/** +kubebuilder:resource:path=limitranges,singular=limitrange,scope=Namespaced,shortName=limits */
export interface LimitRange extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec?: LimitRangeSpec;
}

export interface LimitRangeItem {
  /** +protobuf=1 */
  type: string;
  /** +protobuf=2 */
  max?: Record<string, Quantity>;
  /** +protobuf=3 */
  min?: Record<string, Quantity>;
  /** +protobuf=4 */
  default?: Record<string, Quantity>;
  /** +protobuf=5 */
  defaultRequest?: Record<string, Quantity>;
  /** +protobuf=6 */
  maxLimitRequestRatio?: Record<string, Quantity>;
}

export interface LimitRangeList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: LimitRange[];
}

export interface LimitRangeSpec {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  limits: LimitRangeItem[];
}

export interface LinuxContainerUser {
  /** +protobuf=1 */
  uid: int64;
  /** +protobuf=2 */
  gid: int64;
  /**
   * +listType=atomic
   * +protobuf=3
   */
  supplementalGroups?: int64[];
}

export interface LoadBalancerIngress {
  /** +protobuf=1 */
  ip?: string;
  /** +protobuf=2 */
  hostname?: string;
  /** +protobuf=3 */
  ipMode?: string;
  /**
   * +listType=atomic
   * +protobuf=4
   */
  ports?: PortStatus[];
}

export interface LoadBalancerStatus {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  ingress?: LoadBalancerIngress[];
}

/** +structType=atomic */
export interface LocalObjectReference {
  /** +protobuf=1 */
  name?: string;
}

export interface LocalVolumeSource {
  /** +protobuf=1 */
  path: string;
  /** +protobuf=2 */
  fsType?: string;
}

export interface ModifyVolumeStatus {
  /** +protobuf=1 */
  targetVolumeAttributesClassName?: string;
  /** +protobuf=2 */
  status: string;
}

export interface NFSVolumeSource {
  /** +protobuf=1 */
  server: string;
  /** +protobuf=2 */
  path: string;
  /** +protobuf=3 */
  readOnly?: boolean;
}

/**
 * +kubebuilder:resource:path=namespaces,singular=namespace,scope=Cluster,shortName=ns
 * +kubebuilder:subresource:status
 * +genclient:onlyVerbs=create;delete;get;list;patch;update;watch
 */
export interface Namespace extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec?: NamespaceSpec;
  /** +protobuf=3 */
  status?: NamespaceStatus;
}

export interface NamespaceCondition {
  /** +protobuf=1 */
  type: string;
  /** +protobuf=2 */
  status: string;
  /** +protobuf=4 */
  lastTransitionTime?: Time;
  /** +protobuf=5 */
  reason?: string;
  /** +protobuf=6 */
  message?: string;
}

export interface NamespaceList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: Namespace[];
}

export interface NamespaceSpec {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  finalizers?: string[];
}

export interface NamespaceStatus {
  /** +protobuf=1 */
  phase?: string;
  /**
   * +listType=map
   * +listMapKey=type
   * +patchStrategy=merge
   * +patchMergeKey=type
   * +protobuf=2
   */
  conditions?: NamespaceCondition[];
}

/**
 * +kubebuilder:resource:path=nodes,singular=node,scope=Cluster,shortName=no
 * +kubebuilder:subresource:status
 */
export interface Node extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec?: NodeSpec;
  /** +protobuf=3 */
  status?: NodeStatus;
}

export interface NodeAddress {
  /** +protobuf=1 */
  type: string;
  /** +protobuf=2 */
  address: string;
}

export interface NodeAffinity {
  /** +protobuf=1 */
  requiredDuringSchedulingIgnoredDuringExecution?: NodeSelector;
  /**
   * +listType=atomic
   * +protobuf=2
   */
  preferredDuringSchedulingIgnoredDuringExecution?: PreferredSchedulingTerm[];
}

// Only in generated.proto (newer than the OpenAPI document).
export interface NodeAllocatableMappedResources {
  /** +protobuf=1 */
  name?: string;
  /** +protobuf=2 */
  quantity?: Quantity;
}

// Only in generated.proto (newer than the OpenAPI document).
export interface NodeAllocatableOverheadResources {
  /** +protobuf=1 */
  name?: string;
  /** +protobuf=2 */
  perPod?: Quantity;
  /** +protobuf=3 */
  perContainer?: Quantity;
}

export interface NodeAllocatableResourceClaimStatus {
  /**
   * +listType=set
   * +protobuf=2
   */
  containers?: string[];
  /** +protobuf=1 */
  resourceClaimName: string;
  // Only in generated.proto (newer than the OpenAPI document).
  /** +protobuf=4 */
  mapping?: NodeAllocatableMappedResources[];
  // Only in generated.proto (newer than the OpenAPI document).
  /** +protobuf=5 */
  overhead?: NodeAllocatableOverheadResources[];
}

export interface NodeCondition {
  /** +protobuf=1 */
  type: string;
  /** +protobuf=2 */
  status: string;
  /** +protobuf=3 */
  lastHeartbeatTime?: Time;
  /** +protobuf=4 */
  lastTransitionTime?: Time;
  /** +protobuf=5 */
  reason?: string;
  /** +protobuf=6 */
  message?: string;
}

export interface NodeConfigSource {
  /** +protobuf=2 */
  configMap?: ConfigMapNodeConfigSource;
}

export interface NodeConfigStatus {
  /** +protobuf=1 */
  assigned?: NodeConfigSource;
  /** +protobuf=2 */
  active?: NodeConfigSource;
  /** +protobuf=3 */
  lastKnownGood?: NodeConfigSource;
  /** +protobuf=4 */
  error?: string;
}

export interface NodeDaemonEndpoints {
  /** +protobuf=1 */
  kubeletEndpoint?: DaemonEndpoint;
}

export interface NodeFeatures {
  /** +protobuf=1 */
  supplementalGroupsPolicy?: boolean;
}

export interface NodeList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: Node[];
}

// Only in generated.proto (newer than the OpenAPI document).
export interface NodePodPreemptionPolicy {
  /** +protobuf=1 */
  disableResizePreemption?: string[];
}

export interface NodeRuntimeHandler {
  /** +protobuf=1 */
  name?: string;
  /** +protobuf=2 */
  features?: NodeRuntimeHandlerFeatures;
}

export interface NodeRuntimeHandlerFeatures {
  /** +protobuf=1 */
  recursiveReadOnlyMounts?: boolean;
  /** +protobuf=2 */
  userNamespaces?: boolean;
}

/** +structType=atomic */
export interface NodeSelector {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  nodeSelectorTerms: NodeSelectorTerm[];
}

export interface NodeSelectorRequirement {
  /** +protobuf=1 */
  key: string;
  /** +protobuf=2 */
  operator: string;
  /**
   * +listType=atomic
   * +protobuf=3
   */
  values?: string[];
}

/** +structType=atomic */
export interface NodeSelectorTerm {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  matchExpressions?: NodeSelectorRequirement[];
  /**
   * +listType=atomic
   * +protobuf=2
   */
  matchFields?: NodeSelectorRequirement[];
}

export interface NodeSpec {
  /** +protobuf=1 */
  podCIDR?: string;
  /** +protobuf=2 */
  externalID?: string;
  /** +protobuf=3 */
  providerID?: string;
  /** +protobuf=4 */
  unschedulable?: boolean;
  /**
   * +listType=atomic
   * +protobuf=5
   */
  taints?: Taint[];
  /** +protobuf=6 */
  configSource?: NodeConfigSource;
  /**
   * +listType=set
   * +patchStrategy=merge
   * +protobuf=7
   */
  podCIDRs?: string[];
  // Only in generated.proto (newer than the OpenAPI document).
  /** +protobuf=8 */
  podPreemptionPolicy?: NodePodPreemptionPolicy;
}

export interface NodeStatus {
  /** +protobuf=1 */
  capacity?: Record<string, Quantity>;
  /** +protobuf=2 */
  allocatable?: Record<string, Quantity>;
  /** +protobuf=3 */
  phase?: string;
  /**
   * +listType=map
   * +listMapKey=type
   * +patchStrategy=merge
   * +patchMergeKey=type
   * +protobuf=4
   */
  conditions?: NodeCondition[];
  /**
   * +listType=map
   * +listMapKey=type
   * +patchStrategy=merge
   * +patchMergeKey=type
   * +protobuf=5
   */
  addresses?: NodeAddress[];
  /** +protobuf=6 */
  daemonEndpoints?: NodeDaemonEndpoints;
  /** +protobuf=7 */
  nodeInfo?: NodeSystemInfo;
  /**
   * +listType=atomic
   * +protobuf=8
   */
  images?: ContainerImage[];
  /**
   * +listType=atomic
   * +protobuf=9
   */
  volumesInUse?: string[];
  /**
   * +listType=atomic
   * +protobuf=10
   */
  volumesAttached?: AttachedVolume[];
  /** +protobuf=11 */
  config?: NodeConfigStatus;
  /**
   * +listType=atomic
   * +protobuf=12
   */
  runtimeHandlers?: NodeRuntimeHandler[];
  /** +protobuf=13 */
  features?: NodeFeatures;
  /**
   * +listType=atomic
   * +protobuf=14
   */
  declaredFeatures?: string[];
}

export interface NodeSwapStatus {
  /** +protobuf=1 */
  capacity?: int64;
}

export interface NodeSystemInfo {
  /** +protobuf=1 */
  machineID: string;
  /** +protobuf=2 */
  systemUUID: string;
  /** +protobuf=3 */
  bootID: string;
  /** +protobuf=4 */
  kernelVersion: string;
  /** +protobuf=5 */
  osImage: string;
  /** +protobuf=6 */
  containerRuntimeVersion: string;
  /** +protobuf=7 */
  kubeletVersion: string;
  /** +protobuf=8 */
  kubeProxyVersion: string;
  /** +protobuf=9 */
  operatingSystem: string;
  /** +protobuf=10 */
  architecture: string;
  /** +protobuf=11 */
  swap?: NodeSwapStatus;
}

/** +structType=atomic */
export interface ObjectFieldSelector {
  /** +protobuf=1 */
  apiVersion?: string;
  /** +protobuf=2 */
  fieldPath: string;
}

/** +structType=atomic */
export interface ObjectReference {
  /** +protobuf=1 */
  kind?: string;
  /** +protobuf=2 */
  namespace?: string;
  /** +protobuf=3 */
  name?: string;
  /** +protobuf=4 */
  uid?: string;
  /** +protobuf=5 */
  apiVersion?: string;
  /** +protobuf=6 */
  resourceVersion?: string;
  /** +protobuf=7 */
  fieldPath?: string;
}

/**
 * +kubebuilder:resource:path=persistentvolumes,singular=persistentvolume,scope=Cluster,shortName=pv
 * +kubebuilder:subresource:status
 */
export interface PersistentVolume extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec?: PersistentVolumeSpec;
  /** +protobuf=3 */
  status?: PersistentVolumeStatus;
}

/**
 * +kubebuilder:resource:path=persistentvolumeclaims,singular=persistentvolumeclaim,scope=Namespaced,shortName=pvc
 * +kubebuilder:subresource:status
 */
export interface PersistentVolumeClaim extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec?: PersistentVolumeClaimSpec;
  /** +protobuf=3 */
  status?: PersistentVolumeClaimStatus;
}

export interface PersistentVolumeClaimCondition {
  /** +protobuf=1 */
  type: string;
  /** +protobuf=2 */
  status: string;
  /** +protobuf=3 */
  lastProbeTime?: Time;
  /** +protobuf=4 */
  lastTransitionTime?: Time;
  /** +protobuf=5 */
  reason?: string;
  /** +protobuf=6 */
  message?: string;
}

export interface PersistentVolumeClaimList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: PersistentVolumeClaim[];
}

export interface PersistentVolumeClaimSpec {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  accessModes?: string[];
  /** +protobuf=2 */
  resources?: VolumeResourceRequirements;
  /** +protobuf=3 */
  volumeName?: string;
  /** +protobuf=4 */
  selector?: LabelSelector;
  /** +protobuf=5 */
  storageClassName?: string;
  /** +protobuf=6 */
  volumeMode?: string;
  /** +protobuf=7 */
  dataSource?: TypedLocalObjectReference;
  /** +protobuf=8 */
  dataSourceRef?: TypedObjectReference;
  /** +protobuf=9 */
  volumeAttributesClassName?: string;
}

export interface PersistentVolumeClaimStatus {
  /** +protobuf=1 */
  phase?: string;
  /**
   * +listType=atomic
   * +protobuf=2
   */
  accessModes?: string[];
  /** +protobuf=3 */
  capacity?: Record<string, Quantity>;
  /**
   * +listType=map
   * +listMapKey=type
   * +patchStrategy=merge
   * +patchMergeKey=type
   * +protobuf=4
   */
  conditions?: PersistentVolumeClaimCondition[];
  /** +protobuf=5 */
  allocatedResources?: Record<string, Quantity>;
  /**
   * +mapType=granular
   * +protobuf=7
   */
  allocatedResourceStatuses?: Record<string, string>;
  /** +protobuf=8 */
  currentVolumeAttributesClassName?: string;
  /** +protobuf=9 */
  modifyVolumeStatus?: ModifyVolumeStatus;
  // Only in generated.proto (newer than the OpenAPI document).
  /** +protobuf=10 */
  healthStatus?: VolumeHealthStatus;
}

export interface PersistentVolumeClaimTemplate {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec: PersistentVolumeClaimSpec;
}

export interface PersistentVolumeClaimVolumeSource {
  /** +protobuf=1 */
  claimName: string;
  /** +protobuf=2 */
  readOnly?: boolean;
}

export interface PersistentVolumeList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: PersistentVolume[];
}

export interface PersistentVolumeSource {
  /** +protobuf=1 */
  gcePersistentDisk?: GCEPersistentDiskVolumeSource;
  /** +protobuf=2 */
  awsElasticBlockStore?: AWSElasticBlockStoreVolumeSource;
  /** +protobuf=3 */
  hostPath?: HostPathVolumeSource;
  /** +protobuf=4 */
  glusterfs?: GlusterfsPersistentVolumeSource;
  /** +protobuf=5 */
  nfs?: NFSVolumeSource;
  /** +protobuf=6 */
  rbd?: RBDPersistentVolumeSource;
  /** +protobuf=7 */
  iscsi?: ISCSIPersistentVolumeSource;
  /** +protobuf=8 */
  cinder?: CinderPersistentVolumeSource;
  /** +protobuf=9 */
  cephfs?: CephFSPersistentVolumeSource;
  /** +protobuf=10 */
  fc?: FCVolumeSource;
  /** +protobuf=11 */
  flocker?: FlockerVolumeSource;
  /** +protobuf=12 */
  flexVolume?: FlexPersistentVolumeSource;
  /** +protobuf=13 */
  azureFile?: AzureFilePersistentVolumeSource;
  /** +protobuf=14 */
  vsphereVolume?: VsphereVirtualDiskVolumeSource;
  /** +protobuf=15 */
  quobyte?: QuobyteVolumeSource;
  /** +protobuf=16 */
  azureDisk?: AzureDiskVolumeSource;
  /** +protobuf=17 */
  photonPersistentDisk?: PhotonPersistentDiskVolumeSource;
  /** +protobuf=18 */
  portworxVolume?: PortworxVolumeSource;
  /** +protobuf=19 */
  scaleIO?: ScaleIOPersistentVolumeSource;
  /** +protobuf=20 */
  local?: LocalVolumeSource;
  /** +protobuf=21 */
  storageos?: StorageOSPersistentVolumeSource;
  /** +protobuf=22 */
  csi?: CSIPersistentVolumeSource;
}

/** +protobufEmbed=PersistentVolumeSource:2 */
export interface PersistentVolumeSpec extends PersistentVolumeSource {
  /** +protobuf=1 */
  capacity?: Record<string, Quantity>;
  /**
   * +listType=atomic
   * +protobuf=3
   */
  accessModes?: string[];
  /**
   * +structType=granular
   * +protobuf=4
   */
  claimRef?: ObjectReference;
  /** +protobuf=5 */
  persistentVolumeReclaimPolicy?: string;
  /** +protobuf=6 */
  storageClassName?: string;
  /**
   * +listType=atomic
   * +protobuf=7
   */
  mountOptions?: string[];
  /** +protobuf=8 */
  volumeMode?: string;
  /** +protobuf=9 */
  nodeAffinity?: VolumeNodeAffinity;
  /** +protobuf=10 */
  volumeAttributesClassName?: string;
}

export interface PersistentVolumeStatus {
  /** +protobuf=1 */
  phase?: string;
  /** +protobuf=2 */
  message?: string;
  /** +protobuf=3 */
  reason?: string;
  /** +protobuf=4 */
  lastPhaseTransitionTime?: Time;
}

export interface PhotonPersistentDiskVolumeSource {
  /** +protobuf=1 */
  pdID: string;
  /** +protobuf=2 */
  fsType?: string;
}

/**
 * +kubebuilder:resource:path=pods,singular=pod,scope=Namespaced,shortName=po,categories=all
 * +kubebuilder:subresource:status
 */
export interface Pod extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec?: PodSpec;
  /** +protobuf=3 */
  status?: PodStatus;
}

export interface PodAffinity {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  requiredDuringSchedulingIgnoredDuringExecution?: PodAffinityTerm[];
  /**
   * +listType=atomic
   * +protobuf=2
   */
  preferredDuringSchedulingIgnoredDuringExecution?: WeightedPodAffinityTerm[];
}

export interface PodAffinityTerm {
  /** +protobuf=1 */
  labelSelector?: LabelSelector;
  /**
   * +listType=atomic
   * +protobuf=2
   */
  namespaces?: string[];
  /** +protobuf=3 */
  topologyKey: string;
  /** +protobuf=4 */
  namespaceSelector?: LabelSelector;
  /**
   * +listType=atomic
   * +protobuf=5
   */
  matchLabelKeys?: string[];
  /**
   * +listType=atomic
   * +protobuf=6
   */
  mismatchLabelKeys?: string[];
}

export interface PodAntiAffinity {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  requiredDuringSchedulingIgnoredDuringExecution?: PodAffinityTerm[];
  /**
   * +listType=atomic
   * +protobuf=2
   */
  preferredDuringSchedulingIgnoredDuringExecution?: WeightedPodAffinityTerm[];
}

export interface PodCertificateProjection {
  /** +protobuf=1 */
  signerName: string;
  /** +protobuf=2 */
  keyType: string;
  /** +protobuf=3 */
  maxExpirationSeconds?: int32;
  /** +protobuf=4 */
  credentialBundlePath?: string;
  /** +protobuf=5 */
  keyPath?: string;
  /** +protobuf=6 */
  certificateChainPath?: string;
  /** +protobuf=7 */
  userAnnotations?: Record<string, string>;
  // Only in generated.proto (newer than the OpenAPI document).
  /** +protobuf=8 */
  user?: int64;
}

export interface PodCondition {
  /** +protobuf=1 */
  type: string;
  /** +protobuf=2 */
  status: string;
  /** +protobuf=3 */
  lastProbeTime?: Time;
  /** +protobuf=4 */
  lastTransitionTime?: Time;
  /** +protobuf=5 */
  reason?: string;
  /** +protobuf=6 */
  message?: string;
  /** +protobuf=7 */
  observedGeneration?: int64;
}

export interface PodDNSConfig {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  nameservers?: string[];
  /**
   * +listType=atomic
   * +protobuf=2
   */
  searches?: string[];
  /**
   * +listType=atomic
   * +protobuf=3
   */
  options?: PodDNSConfigOption[];
}

export interface PodDNSConfigOption {
  /** +protobuf=1 */
  name?: string;
  /** +protobuf=2 */
  value?: string;
}

export interface PodExtendedResourceClaimStatus {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  requestMappings: ContainerExtendedResourceRequest[];
  /** +protobuf=2 */
  resourceClaimName: string;
}

export interface PodIP {
  /** +protobuf=1 */
  ip: string;
}

export interface PodList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: Pod[];
}

export interface PodOS {
  /** +protobuf=1 */
  name: string;
}

export interface PodReadinessGate {
  /** +protobuf=1 */
  conditionType: string;
}

export interface PodResourceClaim {
  /** +protobuf=1 */
  name: string;
  /** +protobuf=3 */
  resourceClaimName?: string;
  /** +protobuf=4 */
  resourceClaimTemplateName?: string;
}

export interface PodResourceClaimStatus {
  /** +protobuf=1 */
  name: string;
  /** +protobuf=2 */
  resourceClaimName?: string;
}

export interface PodSchedulingGate {
  /** +protobuf=1 */
  name: string;
}

export interface PodSchedulingGroup {
  /** +protobuf=1 */
  podGroupName?: string;
}

export interface PodSecurityContext {
  /** +protobuf=1 */
  seLinuxOptions?: SELinuxOptions;
  /** +protobuf=2 */
  runAsUser?: int64;
  /** +protobuf=3 */
  runAsNonRoot?: boolean;
  /**
   * +listType=atomic
   * +protobuf=4
   */
  supplementalGroups?: int64[];
  /** +protobuf=5 */
  fsGroup?: int64;
  /** +protobuf=6 */
  runAsGroup?: int64;
  /**
   * +listType=atomic
   * +protobuf=7
   */
  sysctls?: Sysctl[];
  /** +protobuf=8 */
  windowsOptions?: WindowsSecurityContextOptions;
  /** +protobuf=9 */
  fsGroupChangePolicy?: string;
  /** +protobuf=10 */
  seccompProfile?: SeccompProfile;
  /** +protobuf=11 */
  appArmorProfile?: AppArmorProfile;
  /** +protobuf=12 */
  supplementalGroupsPolicy?: string;
  /** +protobuf=13 */
  seLinuxChangePolicy?: string;
}

export interface PodSpec {
  /**
   * +listType=map
   * +listMapKey=name
   * +patchStrategy=merge,retainKeys
   * +patchMergeKey=name
   * +protobuf=1
   */
  volumes?: Volume[];
  /**
   * +listType=map
   * +listMapKey=name
   * +patchStrategy=merge
   * +patchMergeKey=name
   * +protobuf=2
   */
  containers: Container[];
  /** +protobuf=3 */
  restartPolicy?: string;
  /** +protobuf=4 */
  terminationGracePeriodSeconds?: int64;
  /** +protobuf=5 */
  activeDeadlineSeconds?: int64;
  /** +protobuf=6 */
  dnsPolicy?: string;
  /**
   * +mapType=atomic
   * +protobuf=7
   */
  nodeSelector?: Record<string, string>;
  /** +protobuf=8 */
  serviceAccountName?: string;
  /** +protobuf=9 */
  serviceAccount?: string;
  /** +protobuf=10 */
  nodeName?: string;
  /** +protobuf=11 */
  hostNetwork?: boolean;
  /** +protobuf=12 */
  hostPID?: boolean;
  /** +protobuf=13 */
  hostIPC?: boolean;
  /** +protobuf=14 */
  securityContext?: PodSecurityContext;
  /**
   * +listType=map
   * +listMapKey=name
   * +patchStrategy=merge
   * +patchMergeKey=name
   * +protobuf=15
   */
  imagePullSecrets?: LocalObjectReference[];
  /** +protobuf=16 */
  hostname?: string;
  /** +protobuf=17 */
  subdomain?: string;
  /** +protobuf=18 */
  affinity?: Affinity;
  /** +protobuf=19 */
  schedulerName?: string;
  /**
   * +listType=map
   * +listMapKey=name
   * +patchStrategy=merge
   * +patchMergeKey=name
   * +protobuf=20
   */
  initContainers?: Container[];
  /** +protobuf=21 */
  automountServiceAccountToken?: boolean;
  /**
   * +listType=atomic
   * +protobuf=22
   */
  tolerations?: Toleration[];
  /**
   * +listType=map
   * +listMapKey=ip
   * +patchStrategy=merge
   * +patchMergeKey=ip
   * +protobuf=23
   */
  hostAliases?: HostAlias[];
  /** +protobuf=24 */
  priorityClassName?: string;
  /** +protobuf=25 */
  priority?: int32;
  /** +protobuf=26 */
  dnsConfig?: PodDNSConfig;
  /** +protobuf=27 */
  shareProcessNamespace?: boolean;
  /**
   * +listType=atomic
   * +protobuf=28
   */
  readinessGates?: PodReadinessGate[];
  /** +protobuf=29 */
  runtimeClassName?: string;
  /** +protobuf=30 */
  enableServiceLinks?: boolean;
  /** +protobuf=31 */
  preemptionPolicy?: string;
  /** +protobuf=32 */
  overhead?: Record<string, Quantity>;
  /**
   * +listType=map
   * +listMapKey=topologyKey
   * +listMapKey=whenUnsatisfiable
   * +patchStrategy=merge
   * +patchMergeKey=topologyKey
   * +protobuf=33
   */
  topologySpreadConstraints?: TopologySpreadConstraint[];
  /**
   * +listType=map
   * +listMapKey=name
   * +patchStrategy=merge
   * +patchMergeKey=name
   * +protobuf=34
   */
  ephemeralContainers?: EphemeralContainer[];
  /** +protobuf=35 */
  setHostnameAsFQDN?: boolean;
  /** +protobuf=36 */
  os?: PodOS;
  /** +protobuf=37 */
  hostUsers?: boolean;
  /**
   * +listType=map
   * +listMapKey=name
   * +patchStrategy=merge
   * +patchMergeKey=name
   * +protobuf=38
   */
  schedulingGates?: PodSchedulingGate[];
  /**
   * +listType=map
   * +listMapKey=name
   * +patchStrategy=merge,retainKeys
   * +patchMergeKey=name
   * +protobuf=39
   */
  resourceClaims?: PodResourceClaim[];
  /** +protobuf=40 */
  resources?: ResourceRequirements;
  /** +protobuf=41 */
  hostnameOverride?: string;
  /** +protobuf=43 */
  schedulingGroup?: PodSchedulingGroup;
  // Only in generated.proto (newer than the OpenAPI document).
  /** +protobuf=44 */
  evictionResponders?: EvictionResponder[];
}

export interface PodStatus {
  /** +protobuf=1 */
  phase?: string;
  /**
   * +listType=map
   * +listMapKey=type
   * +patchStrategy=merge
   * +patchMergeKey=type
   * +protobuf=2
   */
  conditions?: PodCondition[];
  /** +protobuf=3 */
  message?: string;
  /** +protobuf=4 */
  reason?: string;
  /** +protobuf=5 */
  hostIP?: string;
  /** +protobuf=6 */
  podIP?: string;
  /** +protobuf=7 */
  startTime?: Time;
  /**
   * +listType=atomic
   * +protobuf=8
   */
  containerStatuses?: ContainerStatus[];
  /** +protobuf=9 */
  qosClass?: string;
  /**
   * +listType=atomic
   * +protobuf=10
   */
  initContainerStatuses?: ContainerStatus[];
  /** +protobuf=11 */
  nominatedNodeName?: string;
  /**
   * +listType=map
   * +listMapKey=ip
   * +patchStrategy=merge
   * +patchMergeKey=ip
   * +protobuf=12
   */
  podIPs?: PodIP[];
  /**
   * +listType=atomic
   * +protobuf=13
   */
  ephemeralContainerStatuses?: ContainerStatus[];
  /** +protobuf=14 */
  resize?: string;
  /**
   * +listType=map
   * +listMapKey=name
   * +patchStrategy=merge,retainKeys
   * +patchMergeKey=name
   * +protobuf=15
   */
  resourceClaimStatuses?: PodResourceClaimStatus[];
  /**
   * +listType=atomic
   * +patchStrategy=merge
   * +patchMergeKey=ip
   * +protobuf=16
   */
  hostIPs?: HostIP[];
  /** +protobuf=17 */
  observedGeneration?: int64;
  /** +protobuf=18 */
  extendedResourceClaimStatus?: PodExtendedResourceClaimStatus;
  /** +protobuf=19 */
  allocatedResources?: Record<string, Quantity>;
  /** +protobuf=20 */
  resources?: ResourceRequirements;
  /**
   * +listType=atomic
   * +protobuf=21
   */
  nodeAllocatableResourceClaimStatuses?: NodeAllocatableResourceClaimStatus[];
  // Only in generated.proto (newer than the OpenAPI document).
  /** +protobuf=22 */
  volumeHealth?: PodVolumeHealth[];
}

/** +kubebuilder:resource:path=podtemplates,singular=podtemplate,scope=Namespaced */
export interface PodTemplate extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  template?: PodTemplateSpec;
}

export interface PodTemplateList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: PodTemplate[];
}

export interface PodTemplateSpec {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec?: PodSpec;
}

// Only in generated.proto (newer than the OpenAPI document).
export interface PodVolumeHealth {
  /** +protobuf=1 */
  name?: string;
  /** +protobuf=2 */
  healthConditions?: VolumeHealthCondition[];
  /** +protobuf=3 */
  lastTransitionTime?: Time;
}

export interface PortStatus {
  /** +protobuf=1 */
  port: int32;
  /** +protobuf=2 */
  protocol: string;
  /** +protobuf=3 */
  error?: string;
}

export interface PortworxVolumeSource {
  /** +protobuf=1 */
  volumeID: string;
  /** +protobuf=2 */
  fsType?: string;
  /** +protobuf=3 */
  readOnly?: boolean;
}

export interface PreferredSchedulingTerm {
  /** +protobuf=1 */
  weight: int32;
  /** +protobuf=2 */
  preference: NodeSelectorTerm;
}

/** +protobufEmbed=ProbeHandler:1 */
export interface Probe extends ProbeHandler {
  /** +protobuf=2 */
  initialDelaySeconds?: int32;
  /** +protobuf=3 */
  timeoutSeconds?: int32;
  /** +protobuf=4 */
  periodSeconds?: int32;
  /** +protobuf=5 */
  successThreshold?: int32;
  /** +protobuf=6 */
  failureThreshold?: int32;
  /** +protobuf=7 */
  terminationGracePeriodSeconds?: int64;
}

export interface ProbeHandler {
  /** +protobuf=1 */
  exec?: ExecAction;
  /** +protobuf=2 */
  httpGet?: HTTPGetAction;
  /** +protobuf=3 */
  tcpSocket?: TCPSocketAction;
  /** +protobuf=4 */
  grpc?: GRPCAction;
}

export interface ProjectedVolumeSource {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  sources?: VolumeProjection[];
  /** +protobuf=2 */
  defaultMode?: int32;
  // Only in generated.proto (newer than the OpenAPI document).
  /** +protobuf=3 */
  defaultUser?: int64;
}

export interface QuobyteVolumeSource {
  /** +protobuf=1 */
  registry: string;
  /** +protobuf=2 */
  volume: string;
  /** +protobuf=3 */
  readOnly?: boolean;
  /** +protobuf=4 */
  user?: string;
  /** +protobuf=5 */
  group?: string;
  /** +protobuf=6 */
  tenant?: string;
}

export interface RBDPersistentVolumeSource {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  monitors: string[];
  /** +protobuf=2 */
  image: string;
  /** +protobuf=3 */
  fsType?: string;
  /** +protobuf=4 */
  pool?: string;
  /** +protobuf=5 */
  user?: string;
  /** +protobuf=6 */
  keyring?: string;
  /** +protobuf=7 */
  secretRef?: SecretReference;
  /** +protobuf=8 */
  readOnly?: boolean;
}

export interface RBDVolumeSource {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  monitors: string[];
  /** +protobuf=2 */
  image: string;
  /** +protobuf=3 */
  fsType?: string;
  /** +protobuf=4 */
  pool?: string;
  /** +protobuf=5 */
  user?: string;
  /** +protobuf=6 */
  keyring?: string;
  /** +protobuf=7 */
  secretRef?: LocalObjectReference;
  /** +protobuf=8 */
  readOnly?: boolean;
}

/**
 * +kubebuilder:resource:path=replicationcontrollers,singular=replicationcontroller,scope=Namespaced,shortName=rc,categories=all
 * +kubebuilder:subresource:status
 * +kubebuilder:subresource:scale:specpath=.spec.replicas,statuspath=.status.replicas,selectorpath=.spec.selector
 */
export interface ReplicationController extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec?: ReplicationControllerSpec;
  /** +protobuf=3 */
  status?: ReplicationControllerStatus;
}

export interface ReplicationControllerCondition {
  /** +protobuf=1 */
  type: string;
  /** +protobuf=2 */
  status: string;
  /** +protobuf=3 */
  lastTransitionTime?: Time;
  /** +protobuf=4 */
  reason?: string;
  /** +protobuf=5 */
  message?: string;
}

export interface ReplicationControllerList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: ReplicationController[];
}

export interface ReplicationControllerSpec {
  /** +protobuf=1 */
  replicas?: int32;
  /**
   * +mapType=atomic
   * +protobuf=2
   */
  selector?: Record<string, string>;
  /** +protobuf=3 */
  template?: PodTemplateSpec;
  /** +protobuf=4 */
  minReadySeconds?: int32;
}

export interface ReplicationControllerStatus {
  /** +protobuf=1 */
  replicas: int32;
  /** +protobuf=2 */
  fullyLabeledReplicas?: int32;
  /** +protobuf=3 */
  observedGeneration?: int64;
  /** +protobuf=4 */
  readyReplicas?: int32;
  /** +protobuf=5 */
  availableReplicas?: int32;
  /**
   * +listType=map
   * +listMapKey=type
   * +patchStrategy=merge
   * +patchMergeKey=type
   * +protobuf=6
   */
  conditions?: ReplicationControllerCondition[];
}

export interface ResourceClaim {
  /** +protobuf=1 */
  name: string;
  /** +protobuf=2 */
  request?: string;
}

/** +structType=atomic */
export interface ResourceFieldSelector {
  /** +protobuf=1 */
  containerName?: string;
  /** +protobuf=2 */
  resource: string;
  /** +protobuf=3 */
  divisor?: Quantity;
}

export interface ResourceHealth {
  /** +protobuf=1 */
  resourceID: string;
  /** +protobuf=2 */
  health?: string;
  /** +protobuf=6 */
  message?: string;
}

/**
 * +kubebuilder:resource:path=resourcequotas,singular=resourcequota,scope=Namespaced,shortName=quota
 * +kubebuilder:subresource:status
 */
export interface ResourceQuota extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec?: ResourceQuotaSpec;
  /** +protobuf=3 */
  status?: ResourceQuotaStatus;
}

export interface ResourceQuotaList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: ResourceQuota[];
}

export interface ResourceQuotaSpec {
  /** +protobuf=1 */
  hard?: Record<string, Quantity>;
  /**
   * +listType=atomic
   * +protobuf=2
   */
  scopes?: string[];
  /** +protobuf=3 */
  scopeSelector?: ScopeSelector;
}

export interface ResourceQuotaStatus {
  /** +protobuf=1 */
  hard?: Record<string, Quantity>;
  /** +protobuf=2 */
  used?: Record<string, Quantity>;
}

export interface ResourceRequirements {
  /** +protobuf=1 */
  limits?: Record<string, Quantity>;
  /** +protobuf=2 */
  requests?: Record<string, Quantity>;
  /**
   * +listType=map
   * +listMapKey=name
   * +protobuf=3
   */
  claims?: ResourceClaim[];
}

export interface ResourceStatus {
  /** +protobuf=1 */
  name: string;
  /**
   * +listType=map
   * +listMapKey=resourceID
   * +protobuf=2
   */
  resources?: ResourceHealth[];
}

export interface SELinuxOptions {
  /** +protobuf=1 */
  user?: string;
  /** +protobuf=2 */
  role?: string;
  /** +protobuf=3 */
  type?: string;
  /** +protobuf=4 */
  level?: string;
}

export interface ScaleIOPersistentVolumeSource {
  /** +protobuf=1 */
  gateway: string;
  /** +protobuf=2 */
  system: string;
  /** +protobuf=3 */
  secretRef: SecretReference;
  /** +protobuf=4 */
  sslEnabled?: boolean;
  /** +protobuf=5 */
  protectionDomain?: string;
  /** +protobuf=6 */
  storagePool?: string;
  /** +protobuf=7 */
  storageMode?: string;
  /** +protobuf=8 */
  volumeName?: string;
  /** +protobuf=9 */
  fsType?: string;
  /** +protobuf=10 */
  readOnly?: boolean;
}

export interface ScaleIOVolumeSource {
  /** +protobuf=1 */
  gateway: string;
  /** +protobuf=2 */
  system: string;
  /** +protobuf=3 */
  secretRef: LocalObjectReference;
  /** +protobuf=4 */
  sslEnabled?: boolean;
  /** +protobuf=5 */
  protectionDomain?: string;
  /** +protobuf=6 */
  storagePool?: string;
  /** +protobuf=7 */
  storageMode?: string;
  /** +protobuf=8 */
  volumeName?: string;
  /** +protobuf=9 */
  fsType?: string;
  /** +protobuf=10 */
  readOnly?: boolean;
}

/** +structType=atomic */
export interface ScopeSelector {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  matchExpressions?: ScopedResourceSelectorRequirement[];
}

export interface ScopedResourceSelectorRequirement {
  /** +protobuf=1 */
  scopeName: string;
  /** +protobuf=2 */
  operator: string;
  /**
   * +listType=atomic
   * +protobuf=3
   */
  values?: string[];
}

export interface SeccompProfile {
  /** +protobuf=1 */
  type: string;
  /** +protobuf=2 */
  localhostProfile?: string;
}

/** +kubebuilder:resource:path=secrets,singular=secret,scope=Namespaced */
export interface Secret extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  data?: Record<string, bytes>;
  /** +protobuf=3 */
  type?: string;
  /** +protobuf=4 */
  stringData?: Record<string, string>;
  /** +protobuf=5 */
  immutable?: boolean;
}

/** +protobufEmbed=LocalObjectReference:1 */
export interface SecretEnvSource extends LocalObjectReference {
  /** +protobuf=2 */
  optional?: boolean;
}

/**
 * +protobufEmbed=LocalObjectReference:1
 * +structType=atomic
 */
export interface SecretKeySelector extends LocalObjectReference {
  /** +protobuf=2 */
  key: string;
  /** +protobuf=3 */
  optional?: boolean;
}

export interface SecretList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: Secret[];
}

/** +protobufEmbed=LocalObjectReference:1 */
export interface SecretProjection extends LocalObjectReference {
  /**
   * +listType=atomic
   * +protobuf=2
   */
  items?: KeyToPath[];
  /** +protobuf=4 */
  optional?: boolean;
}

/** +structType=atomic */
export interface SecretReference {
  /** +protobuf=1 */
  name?: string;
  /** +protobuf=2 */
  namespace?: string;
}

export interface SecretVolumeSource {
  /** +protobuf=1 */
  secretName?: string;
  /**
   * +listType=atomic
   * +protobuf=2
   */
  items?: KeyToPath[];
  /** +protobuf=3 */
  defaultMode?: int32;
  /** +protobuf=4 */
  optional?: boolean;
  // Only in generated.proto (newer than the OpenAPI document).
  /** +protobuf=5 */
  defaultUser?: int64;
}

export interface SecurityContext {
  /** +protobuf=1 */
  capabilities?: Capabilities;
  /** +protobuf=2 */
  privileged?: boolean;
  /** +protobuf=3 */
  seLinuxOptions?: SELinuxOptions;
  /** +protobuf=4 */
  runAsUser?: int64;
  /** +protobuf=5 */
  runAsNonRoot?: boolean;
  /** +protobuf=6 */
  readOnlyRootFilesystem?: boolean;
  /** +protobuf=7 */
  allowPrivilegeEscalation?: boolean;
  /** +protobuf=8 */
  runAsGroup?: int64;
  /** +protobuf=9 */
  procMount?: string;
  /** +protobuf=10 */
  windowsOptions?: WindowsSecurityContextOptions;
  /** +protobuf=11 */
  seccompProfile?: SeccompProfile;
  /** +protobuf=12 */
  appArmorProfile?: AppArmorProfile;
}

/**
 * +kubebuilder:resource:path=services,singular=service,scope=Namespaced,shortName=svc,categories=all
 * +kubebuilder:subresource:status
 */
export interface Service extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec?: ServiceSpec;
  /** +protobuf=3 */
  status?: ServiceStatus;
}

/** +kubebuilder:resource:path=serviceaccounts,singular=serviceaccount,scope=Namespaced,shortName=sa */
export interface ServiceAccount extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /**
   * +listType=map
   * +listMapKey=name
   * +patchStrategy=merge
   * +patchMergeKey=name
   * +protobuf=2
   */
  secrets?: ObjectReference[];
  /**
   * +listType=atomic
   * +protobuf=3
   */
  imagePullSecrets?: LocalObjectReference[];
  /** +protobuf=4 */
  automountServiceAccountToken?: boolean;
}

export interface ServiceAccountList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: ServiceAccount[];
}

export interface ServiceAccountTokenProjection {
  /** +protobuf=1 */
  audience?: string;
  /** +protobuf=2 */
  expirationSeconds?: int64;
  /** +protobuf=3 */
  path: string;
  // Only in generated.proto (newer than the OpenAPI document).
  /** +protobuf=4 */
  user?: int64;
}

export interface ServiceList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: Service[];
}

export interface ServicePort {
  /** +protobuf=1 */
  name?: string;
  /** +protobuf=2 */
  protocol?: string;
  /** +protobuf=3 */
  port: int32;
  /** +protobuf=4 */
  targetPort?: IntOrString;
  /** +protobuf=5 */
  nodePort?: int32;
  /** +protobuf=6 */
  appProtocol?: string;
}

export interface ServiceSpec {
  /**
   * +listType=map
   * +listMapKey=port
   * +listMapKey=protocol
   * +patchStrategy=merge
   * +patchMergeKey=port
   * +protobuf=1
   */
  ports?: ServicePort[];
  /**
   * +mapType=atomic
   * +protobuf=2
   */
  selector?: Record<string, string>;
  /** +protobuf=3 */
  clusterIP?: string;
  /** +protobuf=4 */
  type?: string;
  /**
   * +listType=atomic
   * +protobuf=5
   */
  externalIPs?: string[];
  /** +protobuf=7 */
  sessionAffinity?: string;
  /** +protobuf=8 */
  loadBalancerIP?: string;
  /**
   * +listType=atomic
   * +protobuf=9
   */
  loadBalancerSourceRanges?: string[];
  /** +protobuf=10 */
  externalName?: string;
  /** +protobuf=11 */
  externalTrafficPolicy?: string;
  /** +protobuf=12 */
  healthCheckNodePort?: int32;
  /** +protobuf=13 */
  publishNotReadyAddresses?: boolean;
  /** +protobuf=14 */
  sessionAffinityConfig?: SessionAffinityConfig;
  /** +protobuf=17 */
  ipFamilyPolicy?: string;
  /**
   * +listType=atomic
   * +protobuf=18
   */
  clusterIPs?: string[];
  /**
   * +listType=atomic
   * +protobuf=19
   */
  ipFamilies?: string[];
  /** +protobuf=20 */
  allocateLoadBalancerNodePorts?: boolean;
  /** +protobuf=21 */
  loadBalancerClass?: string;
  /** +protobuf=22 */
  internalTrafficPolicy?: string;
  /** +protobuf=23 */
  trafficDistribution?: string;
}

export interface ServiceStatus {
  /** +protobuf=1 */
  loadBalancer?: LoadBalancerStatus;
  /**
   * +listType=map
   * +listMapKey=type
   * +patchStrategy=merge
   * +patchMergeKey=type
   * +protobuf=2
   */
  conditions?: Condition[];
}

export interface SessionAffinityConfig {
  /** +protobuf=1 */
  clientIP?: ClientIPConfig;
}

export interface SleepAction {
  /** +protobuf=1 */
  seconds: int64;
}

export interface StorageOSPersistentVolumeSource {
  /** +protobuf=1 */
  volumeName?: string;
  /** +protobuf=2 */
  volumeNamespace?: string;
  /** +protobuf=3 */
  fsType?: string;
  /** +protobuf=4 */
  readOnly?: boolean;
  /** +protobuf=5 */
  secretRef?: ObjectReference;
}

export interface StorageOSVolumeSource {
  /** +protobuf=1 */
  volumeName?: string;
  /** +protobuf=2 */
  volumeNamespace?: string;
  /** +protobuf=3 */
  fsType?: string;
  /** +protobuf=4 */
  readOnly?: boolean;
  /** +protobuf=5 */
  secretRef?: LocalObjectReference;
}

export interface Sysctl {
  /** +protobuf=1 */
  name: string;
  /** +protobuf=2 */
  value: string;
}

export interface TCPSocketAction {
  /** +protobuf=1 */
  port: IntOrString;
  /** +protobuf=2 */
  host?: string;
}

export interface Taint {
  /** +protobuf=1 */
  key: string;
  /** +protobuf=2 */
  value?: string;
  /** +protobuf=3 */
  effect: string;
  /** +protobuf=4 */
  timeAdded?: Time;
}

export interface Toleration {
  /** +protobuf=1 */
  key?: string;
  /** +protobuf=2 */
  operator?: string;
  /** +protobuf=3 */
  value?: string;
  /** +protobuf=4 */
  effect?: string;
  /** +protobuf=5 */
  tolerationSeconds?: int64;
}

export interface TopologySelectorLabelRequirement {
  /** +protobuf=1 */
  key: string;
  /**
   * +listType=atomic
   * +protobuf=2
   */
  values: string[];
}

/** +structType=atomic */
export interface TopologySelectorTerm {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  matchLabelExpressions?: TopologySelectorLabelRequirement[];
}

export interface TopologySpreadConstraint {
  /** +protobuf=1 */
  maxSkew: int32;
  /** +protobuf=2 */
  topologyKey: string;
  /** +protobuf=3 */
  whenUnsatisfiable: string;
  /** +protobuf=4 */
  labelSelector?: LabelSelector;
  /** +protobuf=5 */
  minDomains?: int32;
  /** +protobuf=6 */
  nodeAffinityPolicy?: string;
  /** +protobuf=7 */
  nodeTaintsPolicy?: string;
  /**
   * +listType=atomic
   * +protobuf=8
   */
  matchLabelKeys?: string[];
}

/** +structType=atomic */
export interface TypedLocalObjectReference {
  /** +protobuf=1 */
  apiGroup?: string;
  /** +protobuf=2 */
  kind: string;
  /** +protobuf=3 */
  name: string;
}

export interface TypedObjectReference {
  /** +protobuf=1 */
  apiGroup?: string;
  /** +protobuf=2 */
  kind: string;
  /** +protobuf=3 */
  name: string;
  /** +protobuf=4 */
  namespace?: string;
}

/** +protobufEmbed=VolumeSource:2 */
export interface Volume extends VolumeSource {
  /** +protobuf=1 */
  name: string;
}

export interface VolumeDevice {
  /** +protobuf=1 */
  name: string;
  /** +protobuf=2 */
  devicePath: string;
}

// Only in generated.proto (newer than the OpenAPI document).
export interface VolumeHealthCondition {
  /** +protobuf=1 */
  status?: string;
  /** +protobuf=2 */
  reason?: string;
  /** +protobuf=3 */
  message?: string;
}

// Only in generated.proto (newer than the OpenAPI document).
export interface VolumeHealthStatus {
  /** +protobuf=1 */
  healthConditions?: VolumeHealthCondition[];
  /** +protobuf=2 */
  lastTransitionTime?: Time;
}

export interface VolumeMount {
  /** +protobuf=1 */
  name: string;
  /** +protobuf=2 */
  readOnly?: boolean;
  /** +protobuf=3 */
  mountPath: string;
  /** +protobuf=4 */
  subPath?: string;
  /** +protobuf=5 */
  mountPropagation?: string;
  /** +protobuf=6 */
  subPathExpr?: string;
  /** +protobuf=7 */
  recursiveReadOnly?: string;
  // Only in generated.proto (newer than the OpenAPI document).
  /** +protobuf=8 */
  bindMountOptions?: string[];
}

export interface VolumeMountStatus {
  /** +protobuf=1 */
  name: string;
  /** +protobuf=2 */
  mountPath: string;
  /** +protobuf=3 */
  readOnly?: boolean;
  /** +protobuf=4 */
  recursiveReadOnly?: string;
  /** +protobuf=5 */
  volumeStatus?: VolumeStatus;
}

export interface VolumeNodeAffinity {
  /** +protobuf=1 */
  required?: NodeSelector;
}

export interface VolumeProjection {
  /** +protobuf=1 */
  secret?: SecretProjection;
  /** +protobuf=2 */
  downwardAPI?: DownwardAPIProjection;
  /** +protobuf=3 */
  configMap?: ConfigMapProjection;
  /** +protobuf=4 */
  serviceAccountToken?: ServiceAccountTokenProjection;
  /** +protobuf=5 */
  clusterTrustBundle?: ClusterTrustBundleProjection;
  /** +protobuf=6 */
  podCertificate?: PodCertificateProjection;
}

export interface VolumeResourceRequirements {
  /** +protobuf=1 */
  limits?: Record<string, Quantity>;
  /** +protobuf=2 */
  requests?: Record<string, Quantity>;
}

export interface VolumeSource {
  /** +protobuf=1 */
  hostPath?: HostPathVolumeSource;
  /** +protobuf=2 */
  emptyDir?: EmptyDirVolumeSource;
  /** +protobuf=3 */
  gcePersistentDisk?: GCEPersistentDiskVolumeSource;
  /** +protobuf=4 */
  awsElasticBlockStore?: AWSElasticBlockStoreVolumeSource;
  /** +protobuf=5 */
  gitRepo?: GitRepoVolumeSource;
  /** +protobuf=6 */
  secret?: SecretVolumeSource;
  /** +protobuf=7 */
  nfs?: NFSVolumeSource;
  /** +protobuf=8 */
  iscsi?: ISCSIVolumeSource;
  /** +protobuf=9 */
  glusterfs?: GlusterfsVolumeSource;
  /** +protobuf=10 */
  persistentVolumeClaim?: PersistentVolumeClaimVolumeSource;
  /** +protobuf=11 */
  rbd?: RBDVolumeSource;
  /** +protobuf=12 */
  flexVolume?: FlexVolumeSource;
  /** +protobuf=13 */
  cinder?: CinderVolumeSource;
  /** +protobuf=14 */
  cephfs?: CephFSVolumeSource;
  /** +protobuf=15 */
  flocker?: FlockerVolumeSource;
  /** +protobuf=16 */
  downwardAPI?: DownwardAPIVolumeSource;
  /** +protobuf=17 */
  fc?: FCVolumeSource;
  /** +protobuf=18 */
  azureFile?: AzureFileVolumeSource;
  /** +protobuf=19 */
  configMap?: ConfigMapVolumeSource;
  /** +protobuf=20 */
  vsphereVolume?: VsphereVirtualDiskVolumeSource;
  /** +protobuf=21 */
  quobyte?: QuobyteVolumeSource;
  /** +protobuf=22 */
  azureDisk?: AzureDiskVolumeSource;
  /** +protobuf=23 */
  photonPersistentDisk?: PhotonPersistentDiskVolumeSource;
  /** +protobuf=24 */
  portworxVolume?: PortworxVolumeSource;
  /** +protobuf=25 */
  scaleIO?: ScaleIOVolumeSource;
  /** +protobuf=26 */
  projected?: ProjectedVolumeSource;
  /** +protobuf=27 */
  storageos?: StorageOSVolumeSource;
  /** +protobuf=28 */
  csi?: CSIVolumeSource;
  /** +protobuf=29 */
  ephemeral?: EphemeralVolumeSource;
  /** +protobuf=30 */
  image?: ImageVolumeSource;
}

export interface VolumeStatus {
  /** +protobuf=1 */
  image?: ImageVolumeStatus;
}

export interface VsphereVirtualDiskVolumeSource {
  /** +protobuf=1 */
  volumePath: string;
  /** +protobuf=2 */
  fsType?: string;
  /** +protobuf=3 */
  storagePolicyName?: string;
  /** +protobuf=4 */
  storagePolicyID?: string;
}

export interface WeightedPodAffinityTerm {
  /** +protobuf=1 */
  weight: int32;
  /** +protobuf=2 */
  podAffinityTerm: PodAffinityTerm;
}

export interface WindowsSecurityContextOptions {
  /** +protobuf=1 */
  gmsaCredentialSpecName?: string;
  /** +protobuf=2 */
  gmsaCredentialSpec?: string;
  /** +protobuf=3 */
  runAsUserName?: string;
  /** +protobuf=4 */
  hostProcess?: boolean;
}
