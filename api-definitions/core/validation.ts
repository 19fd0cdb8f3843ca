/**
 * Validation of core objects over the internal types, with kube-apiserver's messages: object
 * names per kind, pod specs (containers, ports, volumes, probes, resources, enums), Services,
 * ConfigMaps, Secrets, Namespaces and PersistentVolumeClaims, and what an update may not change.
 */
import { isIP } from 'node:net';
import type { IntOrString } from '../meta/v1/types.js';
import {
  compareQuantities,
  duplicate,
  forbidden,
  goStringMap,
  goStringSlice,
  invalid,
  isConfigMapKey,
  isDNS1123Label,
  isDNS1123Subdomain,
  isEnvVarName,
  isValidPortName,
  isValidPortNum,
  isInRange,
  inclusiveRangeError,
  nameIsDNS1035Label,
  nameIsDNSLabel,
  nameIsDNSSubdomain,
  newPath,
  notFound,
  notSupported,
  printedValue,
  quantitiesEqual,
  required,
  semanticEqual,
  tooLong,
  tryParseQuantity,
  validateAnnotations,
  validateImmutableField,
  validateLabelSelector,
  validateLabels,
  validateNonnegativeField,
  validateNonnegativeQuantity,
  validateObjectMeta,
  validateObjectMetaUpdate,
  type FieldError,
  type FieldPath,
} from '../../runtime/machinery/validation/index.js';
import type * as core from './types.js';
import { validateHostPortConflicts, validateTolerations } from './validation/pod-scheduling.js';
import {
  validateServicePortUniqueness,
  validateSessionAffinityConfig,
  validateTrafficPolicies,
  validateTypeSpecificFields,
} from './validation/service-policies.js';

/** The largest ConfigMap or Secret payload (1 MiB). */
export const MAX_SECRET_SIZE = 1024 * 1024;
const MAX_INT32 = 2147483647;

const SUPPORTED_PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const SUPPORTED_PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const SUPPORTED_TERMINATION_MESSAGE_POLICIES = ['FallbackToLogsOnError', 'File'];
const SUPPORTED_DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const SUPPORTED_RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const SUPPORTED_SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const SUPPORTED_SESSION_AFFINITY = ['ClientIP', 'None'];
const SUPPORTED_ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const SUPPORTED_VOLUME_MODES = ['Block', 'Filesystem'];
const STANDARD_FINALIZERS = new Set(['kubernetes']);

/** Object names: most kinds are DNS subdomains. */
export const validatePodName = nameIsDNSSubdomain;
export const validateServiceName = nameIsDNS1035Label;
export const validateNamespaceNameFn = nameIsDNSLabel;
export const validateConfigMapName = nameIsDNSSubdomain;
export const validateSecretName = nameIsDNSSubdomain;
export const validateReplicationControllerName = nameIsDNSSubdomain;

const dns1123Label = (value: string, path: FieldPath): FieldError[] => isDNS1123Label(value).map((m) => invalid(path, value, m));
const dns1123Subdomain = (value: string, path: FieldPath): FieldError[] => isDNS1123Subdomain(value).map((m) => invalid(path, value, m));

/** A port given as a number or a name (intstr). */
export function validatePortNumOrName(port: IntOrString | undefined, path: FieldPath): FieldError[] {
  if (typeof port === 'number') return isValidPortNum(port).map((m) => invalid(path, port, m));
  if (typeof port === 'string') return isValidPortName(port).map((m) => invalid(path, port, m));
  return [];
}

// ---------------------------------------------------------------------------------------------
// Pods

function validateContainerPorts(ports: core.ContainerPort[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (ports ?? []).forEach((port, i) => {
    const p = path.index(i);
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length > 0) for (const m of msgs) errs.push(invalid(p.child('name'), port.name, m));
      else if (names.has(port.name)) errs.push(duplicate(p.child('name'), port.name));
      else names.add(port.name);
    }
    if (!port.containerPort) errs.push(required(p.child('containerPort')));
    else for (const m of isValidPortNum(port.containerPort)) errs.push(invalid(p.child('containerPort'), port.containerPort, m));
    if (port.hostPort) for (const m of isValidPortNum(port.hostPort)) errs.push(invalid(p.child('hostPort'), port.hostPort, m));
    if (!port.protocol) errs.push(required(p.child('protocol')));
    else if (!SUPPORTED_PORT_PROTOCOLS.includes(port.protocol)) errs.push(notSupported(p.child('protocol'), port.protocol, SUPPORTED_PORT_PROTOCOLS));
  });
  return errs;
}

function validateEnv(env: core.EnvVar[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (env ?? []).forEach((ev, i) => {
    const p = path.index(i);
    if (!ev.name) errs.push(required(p.child('name')));
    else for (const m of isEnvVarName(ev.name)) errs.push(invalid(p.child('name'), ev.name, m));
    if (ev.value && ev.valueFrom) errs.push(invalid(p.child('valueFrom'), '', 'may not be specified when `value` is not empty'));
  });
  return errs;
}

function validateVolumeMounts(mounts: core.VolumeMount[] | undefined, volumes: ReadonlySet<string>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const mountPoints = new Set<string>();
  (mounts ?? []).forEach((m, i) => {
    const p = path.index(i);
    if (!m.name) errs.push(required(p.child('name')));
    else if (!volumes.has(m.name)) errs.push(notFound(p.child('name'), m.name));
    if (!m.mountPath) errs.push(required(p.child('mountPath')));
    else if (mountPoints.has(m.mountPath)) errs.push(invalid(p.child('mountPath'), m.mountPath, 'must be unique'));
    else mountPoints.add(m.mountPath);
  });
  return errs;
}

function validateResourceRequirements(res: core.ResourceRequirements | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const limits = res?.limits ?? {};
  const requests = res?.requests ?? {};
  for (const [name, q] of Object.entries(limits)) errs.push(...validateNonnegativeQuantity(q, path.child('limits').key(name)));
  for (const [name, q] of Object.entries(requests)) {
    const p = path.child('requests').key(name);
    const e = validateNonnegativeQuantity(q, p);
    errs.push(...e);
    const limit = limits[name];
    if (e.length === 0 && limit !== undefined) {
      const rq = tryParseQuantity(q);
      const lq = tryParseQuantity(limit);
      if (rq && lq && compareQuantities(rq, lq) > 0) errs.push(invalid(p, q, `must be less than or equal to ${name} limit of ${limit}`));
    }
  }
  return errs;
}

const HANDLER_FIELDS = ['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep'] as const;

function validateHandler(handler: Record<string, unknown>, path: FieldPath): FieldError[] {
  const set = HANDLER_FIELDS.filter((f) => handler[f] != null);
  if (set.length === 0) return [required(path, 'must specify a handler type')];
  const errs: FieldError[] = [];
  for (const f of set.slice(1)) errs.push(forbidden(path.child(f), 'may not specify more than 1 handler type'));
  const http = handler['httpGet'] as core.HTTPGetAction | undefined;
  if (http) {
    const p = path.child('httpGet');
    if (!http.path) errs.push(required(p.child('path')));
    errs.push(...validatePortNumOrName(http.port, p.child('port')));
    if (http.scheme && http.scheme !== 'HTTP' && http.scheme !== 'HTTPS') errs.push(notSupported(p.child('scheme'), http.scheme, ['HTTP', 'HTTPS']));
  }
  const tcp = handler['tcpSocket'] as core.TCPSocketAction | undefined;
  if (tcp) errs.push(...validatePortNumOrName(tcp.port, path.child('tcpSocket', 'port')));
  return errs;
}

function validateProbe(probe: core.Probe | undefined, path: FieldPath): FieldError[] {
  if (!probe) return [];
  const errs = validateHandler(probe as unknown as Record<string, unknown>, path);
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const) {
    errs.push(...validateNonnegativeField(probe[f], path.child(f)));
  }
  if (probe.terminationGracePeriodSeconds != null && probe.terminationGracePeriodSeconds <= 0) {
    errs.push(invalid(path.child('terminationGracePeriodSeconds'), probe.terminationGracePeriodSeconds, 'must be greater than 0'));
  }
  return errs;
}

function validateContainer(c: core.Container, names: Set<string>, volumes: ReadonlySet<string>, path: FieldPath, forPod: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const namePath = path.child('name');
  if (!c.name) errs.push(required(namePath));
  else errs.push(...dns1123Label(c.name, namePath));
  if (c.name && names.has(c.name)) errs.push(duplicate(namePath, c.name));
  else if (c.name) names.add(c.name);
  if (!c.image) errs.push(required(path.child('image')));
  else if (forPod && c.image.trim() !== c.image) errs.push(invalid(path.child('image'), c.image, 'must not have leading or trailing whitespace'));
  if (c.lifecycle?.preStop) errs.push(...validateHandler(c.lifecycle.preStop as unknown as Record<string, unknown>, path.child('lifecycle', 'preStop')));
  if (c.lifecycle?.postStart) errs.push(...validateHandler(c.lifecycle.postStart as unknown as Record<string, unknown>, path.child('lifecycle', 'postStart')));
  errs.push(...validateProbe(c.livenessProbe, path.child('livenessProbe')));
  if (c.livenessProbe?.successThreshold != null && c.livenessProbe.successThreshold !== 1) {
    errs.push(invalid(path.child('livenessProbe', 'successThreshold'), c.livenessProbe.successThreshold, 'must be 1'));
  }
  errs.push(...validateProbe(c.readinessProbe, path.child('readinessProbe')));
  errs.push(...validateProbe(c.startupProbe, path.child('startupProbe')));
  if (c.startupProbe?.successThreshold != null && c.startupProbe.successThreshold !== 1) {
    errs.push(invalid(path.child('startupProbe', 'successThreshold'), c.startupProbe.successThreshold, 'must be 1'));
  }
  errs.push(...validateContainerPorts(c.ports, path.child('ports')));
  errs.push(...validateEnv(c.env, path.child('env')));
  errs.push(...validateVolumeMounts(c.volumeMounts, volumes, path.child('volumeMounts')));
  if (!c.imagePullPolicy) errs.push(required(path.child('imagePullPolicy')));
  else if (!SUPPORTED_PULL_POLICIES.includes(c.imagePullPolicy)) errs.push(notSupported(path.child('imagePullPolicy'), c.imagePullPolicy, SUPPORTED_PULL_POLICIES));
  if (!c.terminationMessagePolicy) errs.push(required(path.child('terminationMessagePolicy')));
  else if (!SUPPORTED_TERMINATION_MESSAGE_POLICIES.includes(c.terminationMessagePolicy)) {
    errs.push(notSupported(path.child('terminationMessagePolicy'), c.terminationMessagePolicy, SUPPORTED_TERMINATION_MESSAGE_POLICIES));
  }
  errs.push(...validateResourceRequirements(c.resources, path.child('resources')));
  return errs;
}

/** Volume names (DNS labels, unique) and exactly one source each; returns the names too. */
export function validateVolumes(volumes: core.Volume[] | undefined, path: FieldPath): { errors: FieldError[]; names: Set<string> } {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (volumes ?? []).forEach((v, i) => {
    const p = path.index(i);
    const namePath = p.child('name');
    if (!v.name) errs.push(required(namePath));
    else {
      errs.push(...dns1123Label(v.name, namePath));
      if (names.has(v.name)) errs.push(duplicate(namePath, v.name));
      else names.add(v.name);
    }
    const sources = Object.keys(v).filter((k) => k !== 'name' && (v as unknown as Record<string, unknown>)[k] != null);
    if (sources.length === 0) errs.push(required(p, 'must specify a volume type'));
    for (const s of sources.slice(1)) errs.push(forbidden(p.child(s), 'may not specify more than 1 volume type'));
  });
  return { errors: errs, names };
}

export interface PodSpecOptions {
  /** Volume names that exist besides the spec's own (a StatefulSet's claim templates). */
  readonly extraVolumes?: readonly string[];
  /** Container checks that apply to pods only, not templates (image whitespace). */
  readonly forPod?: boolean;
}

/** A pod spec at `path` (`spec`, or `spec.template.spec`). */
export function validatePodSpec(spec: core.PodSpec | undefined, path: FieldPath, options: PodSpecOptions = {}): FieldError[] {
  if (!spec) return [required(path)];
  const errs: FieldError[] = [];
  const vols = validateVolumes(spec.volumes, path.child('volumes'));
  errs.push(...vols.errors);
  for (const v of options.extraVolumes ?? []) vols.names.add(v);
  const names = new Set<string>();
  if (!spec.containers || spec.containers.length === 0) errs.push(required(path.child('containers')));
  (spec.containers ?? []).forEach((c, i) => errs.push(...validateContainer(c, names, vols.names, path.child('containers').index(i), !!options.forPod)));
  (spec.initContainers ?? []).forEach((c, i) =>
    errs.push(...validateContainer(c, names, vols.names, path.child('initContainers').index(i), !!options.forPod)),
  );
  errs.push(...validateHostPortConflicts(spec.containers, path.child('containers')));
  errs.push(...validateTolerations(spec.tolerations, path.child('tolerations')));
  if (!spec.restartPolicy) errs.push(required(path.child('restartPolicy')));
  else if (!SUPPORTED_RESTART_POLICIES.includes(spec.restartPolicy)) errs.push(notSupported(path.child('restartPolicy'), spec.restartPolicy, SUPPORTED_RESTART_POLICIES));
  if (!spec.dnsPolicy) errs.push(required(path.child('dnsPolicy')));
  else if (!SUPPORTED_DNS_POLICIES.includes(spec.dnsPolicy)) errs.push(notSupported(path.child('dnsPolicy'), spec.dnsPolicy, SUPPORTED_DNS_POLICIES));
  if (spec.dnsPolicy === 'None' && !spec.dnsConfig) errs.push(required(path.child('dnsConfig'), 'must provide `dnsConfig` when `dnsPolicy` is None'));
  errs.push(...validateLabels(spec.nodeSelector, path.child('nodeSelector')));
  if (spec.serviceAccountName) errs.push(...dns1123Subdomain(spec.serviceAccountName, path.child('serviceAccountName')));
  if (spec.nodeName) errs.push(...dns1123Subdomain(spec.nodeName, path.child('nodeName')));
  if (spec.hostname) errs.push(...dns1123Label(spec.hostname, path.child('hostname')));
  if (spec.subdomain) errs.push(...dns1123Label(spec.subdomain, path.child('subdomain')));
  if (spec.activeDeadlineSeconds != null && isInRange(spec.activeDeadlineSeconds, 1, MAX_INT32).length > 0) {
    errs.push(invalid(path.child('activeDeadlineSeconds'), spec.activeDeadlineSeconds, inclusiveRangeError(1, MAX_INT32)));
  }
  if (spec.terminationGracePeriodSeconds != null && spec.terminationGracePeriodSeconds < 0) {
    errs.push(invalid(path.child('terminationGracePeriodSeconds'), spec.terminationGracePeriodSeconds, 'must be >= 0'));
  }
  return errs;
}

/** A pod template (`spec.template` of workloads). */
export function validatePodTemplateSpec(template: core.PodTemplateSpec | undefined, path: FieldPath, options: PodSpecOptions = {}): FieldError[] {
  if (!template) return [required(path)];
  const errs: FieldError[] = [];
  errs.push(...validateLabels(template.metadata?.labels, path.child('labels')));
  errs.push(...validateAnnotations(template.metadata?.annotations, path.child('annotations')));
  errs.push(...validatePodSpec(template.spec, path.child('spec'), options));
  if ((template.spec?.ephemeralContainers ?? []).length > 0) {
    errs.push(forbidden(path.child('spec', 'ephemeralContainers'), 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}

export function validatePod(pod: core.Pod): FieldError[] {
  return [
    ...validateObjectMeta(pod.metadata, { namespaced: true, nameFn: validatePodName }),
    ...validatePodSpec(pod.spec, newPath('spec'), { forPod: true }),
  ];
}

/** The spec with the fields an update may change set to the old values. */
function podSpecMutableMasked(spec: core.PodSpec | undefined, old: core.PodSpec | undefined): unknown {
  if (!spec || !old) return spec;
  const masked: core.PodSpec = { ...spec };
  masked.containers = (spec.containers ?? []).map((c, i) => ({ ...c, image: old.containers?.[i]?.image ?? c.image }));
  if (spec.initContainers) masked.initContainers = spec.initContainers.map((c, i) => ({ ...c, image: old.initContainers?.[i]?.image ?? c.image }));
  masked.activeDeadlineSeconds = old.activeDeadlineSeconds;
  masked.tolerations = old.tolerations;
  masked.terminationGracePeriodSeconds = old.terminationGracePeriodSeconds;
  return masked;
}

export function validatePodUpdate(pod: core.Pod, old: core.Pod): FieldError[] {
  const errs = validateObjectMetaUpdate(pod.metadata, old.metadata);
  const specPath = newPath('spec');
  errs.push(...validatePodSpec(pod.spec, specPath, { forPod: true }));
  if ((pod.spec?.containers ?? []).length !== (old.spec?.containers ?? []).length) {
    errs.push(forbidden(specPath.child('containers'), 'pod updates may not add or remove containers'));
    return errs;
  }
  const oldDeadline = old.spec?.activeDeadlineSeconds;
  const newDeadline = pod.spec?.activeDeadlineSeconds;
  if (oldDeadline != null && (newDeadline == null || newDeadline > oldDeadline)) {
    errs.push(invalid(specPath.child('activeDeadlineSeconds'), newDeadline ?? null, 'must be less than or equal to previous value'));
  }
  for (const t of old.spec?.tolerations ?? []) {
    if (!(pod.spec?.tolerations ?? []).some((n) => semanticEqual(n, t))) {
      errs.push(forbidden(specPath.child('tolerations'), 'existing toleration can not be modified except its tolerationSeconds'));
      break;
    }
  }
  if (!semanticEqual(podSpecMutableMasked(pod.spec, old.spec), old.spec)) {
    errs.push(
      forbidden(
        specPath,
        'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
      ),
    );
  }
  return errs;
}

export function validatePodTemplate(obj: core.PodTemplate): FieldError[] {
  return [
    ...validateObjectMeta(obj.metadata, { namespaced: true, nameFn: nameIsDNSSubdomain }),
    ...validatePodTemplateSpec(obj.template, newPath('template')),
  ];
}

export function validatePodTemplateUpdate(obj: core.PodTemplate, old: core.PodTemplate): FieldError[] {
  return [...validateObjectMetaUpdate(obj.metadata, old.metadata), ...validatePodTemplateSpec(obj.template, newPath('template'))];
}

// ---------------------------------------------------------------------------------------------
// Services

function validateServicePort(sp: core.ServicePort, requireName: boolean, names: Set<string>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !sp.name) errs.push(required(path.child('name')));
  else if (sp.name) {
    errs.push(...dns1123Label(sp.name, path.child('name')));
    if (names.has(sp.name)) errs.push(duplicate(path.child('name'), sp.name));
    else names.add(sp.name);
  }
  for (const m of isValidPortNum(sp.port)) errs.push(invalid(path.child('port'), sp.port, m));
  if (!sp.protocol) errs.push(required(path.child('protocol')));
  else if (!SUPPORTED_PORT_PROTOCOLS.includes(sp.protocol)) errs.push(notSupported(path.child('protocol'), sp.protocol, SUPPORTED_PORT_PROTOCOLS));
  errs.push(...validatePortNumOrName(sp.targetPort, path.child('targetPort')));
  if (sp.nodePort) for (const m of isValidPortNum(sp.nodePort)) errs.push(invalid(path.child('nodePort'), sp.nodePort, m));
  return errs;
}

const VALID_IP_MSG = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';

export function validateService(svc: core.Service): FieldError[] {
  const errs = validateObjectMeta(svc.metadata, { namespaced: true, nameFn: validateServiceName });
  const specPath = newPath('spec');
  const spec = svc.spec;
  if (!spec) return [...errs, required(specPath)];
  const type = spec.type ?? '';
  if (type === 'ExternalName') {
    if (spec.clusterIP) errs.push(forbidden(specPath.child('clusterIP'), 'may not be set for ExternalName services'));
    if (!spec.externalName) errs.push(required(specPath.child('externalName')));
    else {
      const name = spec.externalName.endsWith('.') ? spec.externalName.slice(0, -1) : spec.externalName;
      const msgs = isDNS1123Subdomain(name);
      if (msgs.length > 0) errs.push(invalid(specPath.child('externalName'), name, msgs.join(',')));
      else if (name.split('.').length < 2) errs.push(invalid(specPath.child('externalName'), name, 'should be a domain with at least two segments separated by dots'));
    }
  } else if ((spec.ports ?? []).length === 0) {
    errs.push(required(specPath.child('ports')));
  }
  const names = new Set<string>();
  const ports = spec.ports ?? [];
  ports.forEach((sp, i) => errs.push(...validateServicePort(sp, ports.length > 1, names, specPath.child('ports').index(i))));
  errs.push(...validateServicePortUniqueness(ports, specPath.child('ports')));
  if (spec.clusterIP && spec.clusterIP !== 'None' && isIP(spec.clusterIP) === 0) errs.push(invalid(specPath.child('clusterIPs').index(0), spec.clusterIP, VALID_IP_MSG));
  if (spec.selector) errs.push(...validateLabels(spec.selector, specPath.child('selector')));
  if (!spec.sessionAffinity) errs.push(required(specPath.child('sessionAffinity')));
  else if (!SUPPORTED_SESSION_AFFINITY.includes(spec.sessionAffinity)) {
    errs.push(notSupported(specPath.child('sessionAffinity'), spec.sessionAffinity, SUPPORTED_SESSION_AFFINITY));
  }
  if (!type) errs.push(required(specPath.child('type')));
  else if (!SUPPORTED_SERVICE_TYPES.includes(type)) errs.push(notSupported(specPath.child('type'), type, SUPPORTED_SERVICE_TYPES));
  if (type === 'ClusterIP') {
    ports.forEach((sp, i) => {
      if (sp.nodePort) errs.push(forbidden(specPath.child('ports').index(i).child('nodePort'), "may not be used when `type` is 'ClusterIP'"));
    });
  }
  (spec.externalIPs ?? []).forEach((ip, i) => {
    if (isIP(ip) === 0) errs.push(invalid(specPath.child('externalIPs').index(i), ip, VALID_IP_MSG));
  });
  errs.push(...validateTypeSpecificFields(spec, specPath));
  errs.push(...validateSessionAffinityConfig(spec, specPath));
  errs.push(...validateTrafficPolicies(spec, specPath));
  return errs;
}

const clusterIPsOf = (spec: core.ServiceSpec | undefined): string[] => spec?.clusterIPs ?? (spec?.clusterIP ? [spec.clusterIP] : []);

export function validateServiceUpdate(svc: core.Service, old: core.Service): FieldError[] {
  const errs = validateObjectMetaUpdate(svc.metadata, old.metadata);
  if (svc.spec?.type !== 'ExternalName' && old.spec?.type !== 'ExternalName') {
    const oldIPs = clusterIPsOf(old.spec);
    const newIPs = clusterIPsOf(svc.spec);
    oldIPs.forEach((ip, i) => {
      if (i < newIPs.length || i === 0) {
        if (newIPs[i] !== ip) errs.push(invalid(newPath('spec', 'clusterIPs').index(i), printedValue(goStringSlice(newIPs)), 'may not change once set'));
      }
    });
  }
  errs.push(...validateService(svc).filter((e) => !e.field.startsWith('metadata.')));
  return errs;
}

// ---------------------------------------------------------------------------------------------
// ConfigMaps and Secrets

const decodedLength = (b64: string): number => Buffer.from(b64, 'base64').length;

export function validateConfigMap(cm: core.ConfigMap): FieldError[] {
  const errs = validateObjectMeta(cm.metadata, { namespaced: true, nameFn: validateConfigMapName });
  let total = 0;
  for (const [key, value] of Object.entries(cm.data ?? {})) {
    const p = newPath('data').key(key);
    for (const m of isConfigMapKey(key)) errs.push(invalid(p, key, m));
    if (cm.binaryData && key in cm.binaryData) errs.push(invalid(p, key, 'duplicate of key present in binaryData'));
    total += Buffer.byteLength(value, 'utf8');
  }
  for (const [key, value] of Object.entries(cm.binaryData ?? {})) {
    const p = newPath('binaryData').key(key);
    for (const m of isConfigMapKey(key)) errs.push(invalid(p, key, m));
    if (cm.data && key in cm.data) errs.push(invalid(p, key, 'duplicate of key present in data'));
    total += decodedLength(value);
  }
  if (total > MAX_SECRET_SIZE) errs.push(tooLong('', '', MAX_SECRET_SIZE));
  return errs;
}

const IMMUTABLE_WHEN_SET = 'field is immutable when `immutable` is set';

export function validateConfigMapUpdate(cm: core.ConfigMap, old: core.ConfigMap): FieldError[] {
  const errs = validateObjectMetaUpdate(cm.metadata, old.metadata);
  if (old.immutable === true) {
    if (cm.immutable !== true) errs.push(forbidden(newPath('immutable'), IMMUTABLE_WHEN_SET));
    if (!semanticEqual(cm.data, old.data)) errs.push(forbidden(newPath('data'), IMMUTABLE_WHEN_SET));
    if (!semanticEqual(cm.binaryData, old.binaryData)) errs.push(forbidden(newPath('binaryData'), IMMUTABLE_WHEN_SET));
  }
  errs.push(...validateConfigMap(cm).filter((e) => !e.field.startsWith('metadata.')));
  return errs;
}

/** The data keys each secret type requires. */
const SECRET_REQUIRED_KEYS: Record<string, string[]> = {
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
};

export function validateSecret(secret: core.Secret): FieldError[] {
  const errs = validateObjectMeta(secret.metadata, { namespaced: true, nameFn: validateSecretName });
  const dataPath = newPath('data');
  let total = 0;
  const data = secret.data ?? {};
  for (const [key, value] of Object.entries(data)) {
    for (const m of isConfigMapKey(key)) errs.push(invalid(dataPath.key(key), key, m));
    total += decodedLength(value);
  }
  if (total > MAX_SECRET_SIZE) errs.push(tooLong(dataPath, '', MAX_SECRET_SIZE));
  const type = secret.type ?? '';
  if (type === 'kubernetes.io/service-account-token') {
    if (!secret.metadata?.annotations?.['kubernetes.io/service-account.name']) {
      errs.push(required(newPath('metadata', 'annotations').key('kubernetes.io/service-account.name')));
    }
  } else if (type === 'kubernetes.io/basic-auth') {
    if (!('username' in data) && !('password' in data)) {
      errs.push(required(dataPath.key('username')));
      errs.push(required(dataPath.key('password')));
    }
  } else {
    for (const key of SECRET_REQUIRED_KEYS[type] ?? []) if (!(key in data)) errs.push(required(dataPath.key(key)));
  }
  return errs;
}

export function validateSecretUpdate(secret: core.Secret, old: core.Secret): FieldError[] {
  const errs = validateObjectMetaUpdate(secret.metadata, old.metadata);
  errs.push(...validateImmutableField(secret.type ?? '', old.type ?? '', newPath('type')));
  if (old.immutable === true) {
    if (secret.immutable !== true) errs.push(forbidden(newPath('immutable'), IMMUTABLE_WHEN_SET));
    if (!semanticEqual(secret.data, old.data)) errs.push(forbidden(newPath('data'), IMMUTABLE_WHEN_SET));
  }
  errs.push(...validateSecret(secret).filter((e) => !e.field.startsWith('metadata.')));
  return errs;
}

// ---------------------------------------------------------------------------------------------
// Namespaces

function validateKubeFinalizerName(name: string, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (!name.includes('/') && !STANDARD_FINALIZERS.has(name)) {
    errs.push(invalid(path, name, 'name is neither a standard finalizer name nor is it fully qualified'));
  }
  return errs;
}

export function validateNamespace(ns: core.Namespace): FieldError[] {
  const errs = validateObjectMeta(ns.metadata, { namespaced: false, nameFn: validateNamespaceNameFn });
  for (const f of ns.spec?.finalizers ?? []) errs.push(...validateKubeFinalizerName(f, newPath('spec', 'finalizers')));
  return errs;
}

export function validateNamespaceUpdate(ns: core.Namespace, old: core.Namespace): FieldError[] {
  const errs = validateObjectMetaUpdate(ns.metadata, old.metadata);
  for (const f of ns.spec?.finalizers ?? []) errs.push(...validateKubeFinalizerName(f, newPath('spec', 'finalizers')));
  return errs;
}

// ---------------------------------------------------------------------------------------------
// PersistentVolumeClaims

export function validatePersistentVolumeClaimSpec(spec: core.PersistentVolumeClaimSpec | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const s = spec ?? {};
  if ((s.accessModes ?? []).length === 0) errs.push(required(path.child('accessModes'), 'at least 1 access mode is required'));
  if (s.selector) errs.push(...validateLabelSelector(s.selector, {}, path.child('selector')));
  for (const mode of s.accessModes ?? []) {
    if (!SUPPORTED_ACCESS_MODES.includes(mode)) errs.push(notSupported(path.child('accessModes'), mode, SUPPORTED_ACCESS_MODES));
  }
  const storagePath = path.child('resources').key('storage');
  const storage = s.resources?.requests?.['storage'];
  if (storage === undefined) errs.push(required(storagePath));
  else {
    const q = tryParseQuantity(storage);
    if (!q) errs.push(...validateNonnegativeQuantity(storage, storagePath));
    else if (q.num <= 0n) errs.push(invalid(storagePath, storage, 'must be greater than zero'));
  }
  if (s.storageClassName) errs.push(...dns1123Subdomain(s.storageClassName, path.child('storageClassName')));
  if (s.volumeMode != null && !SUPPORTED_VOLUME_MODES.includes(s.volumeMode)) errs.push(notSupported(path.child('volumeMode'), s.volumeMode, SUPPORTED_VOLUME_MODES));
  return errs;
}

export function validatePersistentVolumeClaim(pvc: core.PersistentVolumeClaim): FieldError[] {
  return [
    ...validateObjectMeta(pvc.metadata, { namespaced: true, nameFn: nameIsDNSSubdomain }),
    ...validatePersistentVolumeClaimSpec(pvc.spec, newPath('spec')),
  ];
}

export function validatePersistentVolumeClaimUpdate(pvc: core.PersistentVolumeClaim, old: core.PersistentVolumeClaim): FieldError[] {
  const errs = validatePersistentVolumeClaim(pvc).filter((e) => !e.field.startsWith('metadata.'));
  errs.unshift(...validateObjectMetaUpdate(pvc.metadata, old.metadata));
  const newSpec = pvc.spec ?? {};
  const oldSpec = old.spec ?? {};
  // What may change: requests (storage may grow), the volume name once, the attributes class.
  const masked = {
    ...newSpec,
    resources: { ...newSpec.resources, requests: oldSpec.resources?.requests },
    volumeName: oldSpec.volumeName ? newSpec.volumeName : oldSpec.volumeName,
    volumeAttributesClassName: oldSpec.volumeAttributesClassName,
  };
  const oldMasked = { ...oldSpec, resources: { ...oldSpec.resources, requests: oldSpec.resources?.requests } };
  if (!semanticEqual(masked, oldMasked)) {
    errs.push(forbidden(newPath('spec'), 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims'));
  }
  const oldSize = tryParseQuantity(oldSpec.resources?.requests?.['storage'] ?? '0');
  const newSize = tryParseQuantity(newSpec.resources?.requests?.['storage'] ?? '0');
  if (oldSize && newSize && compareQuantities(newSize, oldSize) < 0 && !quantitiesEqual(newSpec.resources?.requests?.['storage'], oldSpec.resources?.requests?.['storage'])) {
    errs.push(forbidden(newPath('spec', 'resources', 'requests', 'storage'), 'field can not be less than previous value'));
  }
  return errs;
}

// ---------------------------------------------------------------------------------------------
// ReplicationControllers

export function validateReplicationController(rc: core.ReplicationController): FieldError[] {
  const errs = validateObjectMeta(rc.metadata, { namespaced: true, nameFn: validateReplicationControllerName });
  const specPath = newPath('spec');
  const spec = rc.spec;
  if (!spec) return [...errs, required(specPath)];
  errs.push(...validateNonnegativeField(spec.replicas, specPath.child('replicas')));
  errs.push(...validateNonnegativeField(spec.minReadySeconds, specPath.child('minReadySeconds')));
  const selector = spec.selector ?? {};
  if (Object.keys(selector).length === 0) errs.push(required(specPath.child('selector')));
  else errs.push(...validateLabels(selector, specPath.child('selector')));
  const tpl = spec.template;
  if (!tpl) errs.push(required(specPath.child('template')));
  else {
    const labels = tpl.metadata?.labels ?? {};
    if (Object.keys(selector).length > 0 && !Object.entries(selector).every(([k, v]) => labels[k] === v)) {
      errs.push(invalid(specPath.child('template', 'metadata', 'labels'), goStringMap(tpl.metadata?.labels), '`selector` does not match template `labels`'));
    }
    errs.push(...validatePodTemplateSpec(tpl, specPath.child('template')));
    if (tpl.spec && tpl.spec.restartPolicy !== 'Always') errs.push(notSupported(specPath.child('template', 'spec', 'restartPolicy'), tpl.spec.restartPolicy ?? '', ['Always']));
    if (tpl.spec?.activeDeadlineSeconds != null) {
      errs.push(forbidden(specPath.child('template', 'spec', 'activeDeadlineSeconds'), 'activeDeadlineSeconds in ReplicationController is not Supported'));
    }
  }
  return errs;
}

export function validateReplicationControllerUpdate(rc: core.ReplicationController, old: core.ReplicationController): FieldError[] {
  return [...validateObjectMetaUpdate(rc.metadata, old.metadata), ...validateReplicationController(rc).filter((e) => !e.field.startsWith('metadata.'))];
}

// ---------------------------------------------------------------------------------------------
// Status updates: the metadata rules; what status may hold is not checked beyond its schema.

export const validatePodStatusUpdate = (obj: core.Pod, old: core.Pod): FieldError[] => validateObjectMetaUpdate(obj.metadata, old.metadata);
export const validateServiceStatusUpdate = (obj: core.Service, old: core.Service): FieldError[] => validateObjectMetaUpdate(obj.metadata, old.metadata);
export const validateNamespaceStatusUpdate = (obj: core.Namespace, old: core.Namespace): FieldError[] => validateObjectMetaUpdate(obj.metadata, old.metadata);
export const validatePersistentVolumeClaimStatusUpdate = (obj: core.PersistentVolumeClaim, old: core.PersistentVolumeClaim): FieldError[] =>
  validateObjectMetaUpdate(obj.metadata, old.metadata);
export const validateReplicationControllerStatusUpdate = (obj: core.ReplicationController, old: core.ReplicationController): FieldError[] => {
  const errs = validateObjectMetaUpdate(obj.metadata, old.metadata);
  const s = obj.status;
  if (s) {
    for (const f of ['replicas', 'fullyLabeledReplicas', 'readyReplicas', 'availableReplicas', 'observedGeneration'] as const) {
      if (s[f] != null) errs.push(...validateNonnegativeField(s[f], newPath('status').child(f)));
    }
  }
  return errs;
};
