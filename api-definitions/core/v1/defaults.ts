/**
 * Defaults of core/v1, as kube-apiserver applies them when it decodes a request: pods restart
 * Always with ClusterFirst DNS and a 30 s grace period, containers pull `:latest` images Always
 * and others IfNotPresent, probes check every 10 s, services are ClusterIP with ports targeting
 * themselves, secrets are Opaque, claims mount a filesystem, volumes start Pending and are
 * retained, nodes allocate what they have, limit ranges fill container defaults from max, default
 * and min, and the legacy volume plugins (iSCSI, Azure disk, ScaleIO, Ceph RBD) get their settings.
 */
import type * as v1 from './types.js';

export const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;
export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';
export const TERMINATION_MESSAGE_PATH_DEFAULT = '/dev/termination-log';
export const DEFAULT_CLIENT_IP_SERVICE_AFFINITY_SECONDS = 10800;
/** The mode of files projected from ConfigMaps, Secrets and the downward API (0644). */
export const DEFAULT_PROJECTED_FILE_MODE = 0o644;
/** The label every namespace carries with its own name. */
export const LABEL_METADATA_NAME = 'kubernetes.io/metadata.name';

/**
 * The tag of an image reference, `latest` when it names neither a tag nor a digest, as the
 * kubelet's image-name parser reads it; '' for a digest without a tag or an empty reference.
 */
export function imageTag(image: string): string {
  if (image.trim() === '') return '';
  let name = image;
  let digest = '';
  const at = name.indexOf('@');
  if (at >= 0) {
    digest = name.slice(at + 1);
    name = name.slice(0, at);
  }
  const lastSlash = name.lastIndexOf('/');
  const colon = name.indexOf(':', lastSlash + 1);
  const tag = colon >= 0 ? name.slice(colon + 1) : '';
  if (tag === '' && digest === '') return 'latest';
  return tag;
}

/** Requests default to limits for each resource a container limits but does not request. */
function defaultRequestsFromLimits(containers: v1.Container[] | undefined): void {
  for (const c of containers ?? []) {
    const limits = c.resources?.limits;
    if (!limits) continue;
    const resources = c.resources!;
    resources.requests ??= {};
    for (const [name, value] of Object.entries(limits)) {
      if (!(name in resources.requests)) resources.requests[name] = value;
    }
  }
}

/** With host networking, a container port's host port is the container port. */
function defaultHostNetworkPorts(containers: v1.Container[] | undefined): void {
  for (const c of containers ?? []) {
    for (const p of c.ports ?? []) {
      if (!p.hostPort) p.hostPort = p.containerPort;
    }
  }
}

export function SetDefaults_Pod(obj: v1.Pod): void {
  const spec = obj.spec;
  if (!spec) return;
  defaultRequestsFromLimits(spec.containers);
  defaultRequestsFromLimits(spec.initContainers);
  spec.enableServiceLinks ??= true;
  if (spec.hostNetwork) {
    defaultHostNetworkPorts(spec.containers);
    defaultHostNetworkPorts(spec.initContainers);
  }
}

export function SetDefaults_PodSpec(obj: v1.PodSpec): void {
  if (!obj.dnsPolicy) obj.dnsPolicy = 'ClusterFirst';
  if (!obj.restartPolicy) obj.restartPolicy = 'Always';
  obj.securityContext ??= {};
  obj.terminationGracePeriodSeconds ??= DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS;
  if (!obj.schedulerName) obj.schedulerName = DEFAULT_SCHEDULER_NAME;
}

export function SetDefaults_Container(obj: v1.Container): void {
  if (!obj.imagePullPolicy) obj.imagePullPolicy = imageTag(obj.image ?? '') === 'latest' ? 'Always' : 'IfNotPresent';
  if (!obj.terminationMessagePath) obj.terminationMessagePath = TERMINATION_MESSAGE_PATH_DEFAULT;
  if (!obj.terminationMessagePolicy) obj.terminationMessagePolicy = 'File';
}

export function SetDefaults_ContainerPort(obj: v1.ContainerPort): void {
  if (!obj.protocol) obj.protocol = 'TCP';
}

export function SetDefaults_Probe(obj: v1.Probe): void {
  if (!obj.timeoutSeconds) obj.timeoutSeconds = 1;
  if (!obj.periodSeconds) obj.periodSeconds = 10;
  if (!obj.successThreshold) obj.successThreshold = 1;
  if (!obj.failureThreshold) obj.failureThreshold = 3;
}

export function SetDefaults_HTTPGetAction(obj: v1.HTTPGetAction): void {
  if (!obj.path) obj.path = '/';
  if (!obj.scheme) obj.scheme = 'HTTP';
}

export function SetDefaults_ObjectFieldSelector(obj: v1.ObjectFieldSelector): void {
  if (!obj.apiVersion) obj.apiVersion = 'v1';
}

/** A volume that names no source is an emptyDir. */
export function SetDefaults_Volume(obj: v1.Volume): void {
  const sources = Object.entries(obj).filter(([k, v]) => k !== 'name' && v !== undefined && v !== null);
  if (sources.length === 0) obj.emptyDir = {};
}

export function SetDefaults_ConfigMapVolumeSource(obj: v1.ConfigMapVolumeSource): void {
  obj.defaultMode ??= DEFAULT_PROJECTED_FILE_MODE;
}

export function SetDefaults_SecretVolumeSource(obj: v1.SecretVolumeSource): void {
  obj.defaultMode ??= DEFAULT_PROJECTED_FILE_MODE;
}

export function SetDefaults_DownwardAPIVolumeSource(obj: v1.DownwardAPIVolumeSource): void {
  obj.defaultMode ??= DEFAULT_PROJECTED_FILE_MODE;
}

export function SetDefaults_ProjectedVolumeSource(obj: v1.ProjectedVolumeSource): void {
  obj.defaultMode ??= DEFAULT_PROJECTED_FILE_MODE;
}

export function SetDefaults_ServiceAccountTokenProjection(obj: v1.ServiceAccountTokenProjection): void {
  obj.expirationSeconds ??= 3600;
}

export function SetDefaults_HostPathVolumeSource(obj: v1.HostPathVolumeSource): void {
  obj.type ??= '';
}

/** Whether traffic from outside the cluster reaches the service (serviceutil.ExternallyAccessible). */
function externallyAccessible(spec: v1.ServiceSpec): boolean {
  return (
    spec.type === 'LoadBalancer' || spec.type === 'NodePort' || (spec.type === 'ClusterIP' && (spec.externalIPs ?? []).length > 0)
  );
}

export function SetDefaults_Service(obj: v1.Service): void {
  const spec = obj.spec;
  if (!spec) return;
  if (!spec.sessionAffinity) spec.sessionAffinity = 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP' && spec.sessionAffinityConfig?.clientIP?.timeoutSeconds == null) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_SERVICE_AFFINITY_SECONDS } };
  }
  if (!spec.type) spec.type = 'ClusterIP';
  for (const port of spec.ports ?? []) {
    if (!port.protocol) port.protocol = 'TCP';
    if (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === '') port.targetPort = port.port;
  }
  if (externallyAccessible(spec) && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster';
  if (spec.internalTrafficPolicy == null && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(spec.type)) {
    spec.internalTrafficPolicy = 'Cluster';
  }
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
}

export function SetDefaults_PersistentVolumeClaim(obj: v1.PersistentVolumeClaim): void {
  obj.status ??= {};
  if (!obj.status.phase) obj.status.phase = 'Pending';
}

export function SetDefaults_PersistentVolumeClaimSpec(obj: v1.PersistentVolumeClaimSpec): void {
  obj.volumeMode ??= 'Filesystem';
}

export function SetDefaults_Secret(obj: v1.Secret): void {
  if (!obj.type) obj.type = 'Opaque';
}

/** Every named namespace carries `kubernetes.io/metadata.name: <name>`. */
export function SetDefaults_Namespace(obj: v1.Namespace): void {
  obj.status ??= {};
  SetDefaults_NamespaceStatus(obj.status);
  const name = obj.metadata?.name;
  if (!name) return;
  obj.metadata!.labels ??= {};
  obj.metadata!.labels[LABEL_METADATA_NAME] = name;
}

export function SetDefaults_NamespaceStatus(obj: v1.NamespaceStatus): void {
  if (!obj.phase) obj.phase = 'Active';
}

export function SetDefaults_ReplicationController(obj: v1.ReplicationController): void {
  const spec = obj.spec;
  if (!spec) return;
  const labels = spec.template?.metadata?.labels;
  if (labels) {
    if (!spec.selector || Object.keys(spec.selector).length === 0) spec.selector = { ...labels };
    obj.metadata ??= {};
    if (!obj.metadata.labels || Object.keys(obj.metadata.labels).length === 0) obj.metadata.labels = { ...labels };
  }
  spec.replicas ??= 1;
}

/** A volume starts Pending, is retained when released and is a filesystem unless it says otherwise. */
export function SetDefaults_PersistentVolume(obj: v1.PersistentVolume): void {
  obj.status ??= {};
  if (!obj.status.phase) obj.status.phase = 'Pending';
  obj.spec ??= {};
  if (!obj.spec.persistentVolumeReclaimPolicy) obj.spec.persistentVolumeReclaimPolicy = 'Retain';
  obj.spec.volumeMode ??= 'Filesystem';
}

/** Without allocatable resources, a node offers all it has. */
export function SetDefaults_NodeStatus(obj: v1.NodeStatus): void {
  if (obj.allocatable == null && obj.capacity != null) obj.allocatable = { ...obj.capacity };
}

export function SetDefaults_EndpointPort(obj: v1.EndpointPort): void {
  if (!obj.protocol) obj.protocol = 'TCP';
}

/**
 * Container limits default to the max, default requests to the default limit, then to the min,
 * resource by resource.
 */
export function SetDefaults_LimitRangeItem(obj: v1.LimitRangeItem): void {
  if (obj.type !== 'Container') return;
  const limits = (obj.default ??= {});
  const requests = (obj.defaultRequest ??= {});
  for (const [key, value] of Object.entries(obj.max ?? {})) if (!(key in limits)) limits[key] = value;
  for (const [key, value] of Object.entries(limits)) if (!(key in requests)) requests[key] = value;
  for (const [key, value] of Object.entries(obj.min ?? {})) if (!(key in requests)) requests[key] = value;
}

export function SetDefaults_ISCSIVolumeSource(obj: v1.ISCSIVolumeSource): void {
  if (!obj.iscsiInterface) obj.iscsiInterface = 'default';
}

export function SetDefaults_ISCSIPersistentVolumeSource(obj: v1.ISCSIPersistentVolumeSource): void {
  if (!obj.iscsiInterface) obj.iscsiInterface = 'default';
}

export function SetDefaults_AzureDiskVolumeSource(obj: v1.AzureDiskVolumeSource): void {
  obj.cachingMode ??= 'ReadWrite';
  obj.kind ??= 'Shared';
  obj.fsType ??= 'ext4';
  obj.readOnly ??= false;
}

export function SetDefaults_ScaleIOVolumeSource(obj: v1.ScaleIOVolumeSource): void {
  if (!obj.storageMode) obj.storageMode = 'ThinProvisioned';
  if (!obj.fsType) obj.fsType = 'xfs';
}

export function SetDefaults_ScaleIOPersistentVolumeSource(obj: v1.ScaleIOPersistentVolumeSource): void {
  if (!obj.storageMode) obj.storageMode = 'ThinProvisioned';
  if (!obj.fsType) obj.fsType = 'xfs';
}

/** Ceph RBD volumes use the `rbd` pool as `admin` with the default keyring. */
export function SetDefaults_RBDVolumeSource(obj: v1.RBDVolumeSource): void {
  if (!obj.pool) obj.pool = 'rbd';
  if (!obj.user) obj.user = 'admin';
  if (!obj.keyring) obj.keyring = '/etc/ceph/keyring';
}

export function SetDefaults_RBDPersistentVolumeSource(obj: v1.RBDPersistentVolumeSource): void {
  if (!obj.pool) obj.pool = 'rbd';
  if (!obj.user) obj.user = 'admin';
  if (!obj.keyring) obj.keyring = '/etc/ceph/keyring';
}
