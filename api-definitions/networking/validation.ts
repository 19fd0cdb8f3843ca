/**
 * Validation of networking.k8s.io objects over the internal types, with kube-apiserver's
 * messages: Ingresses (rules, hosts, paths and their types, backends, TLS, class name),
 * IngressClasses (a domain-prefixed controller that never changes) and NetworkPolicies (peers,
 * ports, IP blocks, policy types).
 */
import { BlockList, isIP } from 'node:net';
import {
  DNS1123_SUBDOMAIN_MAX_LENGTH,
  forbidden,
  invalid,
  isDNS1035Label,
  isDNS1123Subdomain,
  isValidPathSegmentName,
  isValidPortName,
  isValidPortNum,
  maxLenError,
  nameIsDNSSubdomain,
  newPath,
  notSupported,
  printedValue,
  regexError,
  required,
  tooLong,
  validateImmutableField,
  validateLabelSelector,
  validateObjectMeta,
  validateObjectMetaUpdate,
  type FieldError,
  type FieldPath,
} from '../../runtime/machinery/validation/index.js';
import type * as networking from './types.js';

export const validateIngressName = nameIsDNSSubdomain;
export const validateIngressClassName = nameIsDNSSubdomain;
export const validateNetworkPolicyName = nameIsDNSSubdomain;

const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';
const MAX_LEN_INGRESS_CLASS_CONTROLLER = 250;

const wildcardFmt = '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*';
const wildcardErrMsg =
  "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character";

/** IsWildcardDNS1123Subdomain. */
export function isWildcardDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (value.length > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!new RegExp(`^(?:${wildcardFmt})$`).test(value)) errs.push(regexError(wildcardErrMsg, wildcardFmt, '*.example.com'));
  return errs;
}

/** A host that is a DNS name, or a wildcard one. */
function validateHost(host: string, path: FieldPath): FieldError[] {
  const msgs = host.includes('*') ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host);
  return msgs.map((m) => invalid(path, host, m));
}

// ---------------------------------------------------------------------------------------------
// Ingresses

const INVALID_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_PATH_SUFFIXES = ['/..', '/.'];
const SUPPORTED_PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];

function validateTypedLocalObjectReference(ref: networking.IngressBackend['resource'], path: FieldPath): FieldError[] {
  if (!ref) return [];
  const errs: FieldError[] = [];
  if (ref.apiGroup !== undefined && ref.apiGroup !== null) for (const m of isDNS1123Subdomain(ref.apiGroup)) errs.push(invalid(path.child('apiGroup'), ref.apiGroup, m));
  if (!ref.kind) errs.push(required(path.child('kind'), 'kind is required'));
  else for (const m of isValidPathSegmentName(ref.kind)) errs.push(invalid(path.child('kind'), ref.kind, m));
  if (!ref.name) errs.push(required(path.child('name'), 'name is required'));
  else for (const m of isValidPathSegmentName(ref.name)) errs.push(invalid(path.child('name'), ref.name, m));
  return errs;
}

/** validateIngressBackend: a service (with a port name or number) or a resource, not both. */
export function validateIngressBackend(backend: networking.IngressBackend | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const hasResource = !!backend?.resource;
  const service = backend?.service;
  if (hasResource && service) return [invalid(path, '', 'cannot set both resource and service backends')];
  if (hasResource) return validateTypedLocalObjectReference(backend?.resource, path.child('resource'));
  if (!service) return [invalid(path, '', 'resource or service backend is required')];
  if (!service.name) errs.push(required(path.child('service', 'name')));
  else for (const m of isDNS1035Label(service.name)) errs.push(invalid(path.child('service', 'name'), service.name, m));
  const portName = service.port?.name ?? '';
  const portNumber = service.port?.number ?? 0;
  if (portName && portNumber) errs.push(invalid(path, '', 'cannot set both port name & port number'));
  else if (portName) for (const m of isValidPortName(portName)) errs.push(invalid(path.child('service', 'port', 'name'), portName, m));
  else if (portNumber) for (const m of isValidPortNum(portNumber)) errs.push(invalid(path.child('service', 'port', 'number'), portNumber, m));
  else errs.push(required(path, 'port name or number is required'));
  return errs;
}

function validateHTTPIngressPath(p: networking.HTTPIngressPath, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (!p.pathType) return [required(path.child('pathType'), 'pathType must be specified')];
  const value = p.path ?? '';
  switch (p.pathType) {
    case 'Exact':
    case 'Prefix':
      if (!value.startsWith('/')) errs.push(invalid(path.child('path'), value, 'must be an absolute path'));
      if (value.length > 0) {
        for (const seq of INVALID_PATH_SEQUENCES) if (value.includes(seq)) errs.push(invalid(path.child('path'), value, `must not contain '${seq}'`));
        for (const suffix of INVALID_PATH_SUFFIXES) if (value.endsWith(suffix)) errs.push(invalid(path.child('path'), value, `cannot end with '${suffix}'`));
      }
      break;
    case 'ImplementationSpecific':
      if (value.length > 0 && !value.startsWith('/')) errs.push(invalid(path.child('path'), value, 'must be an absolute path'));
      break;
    default:
      errs.push(notSupported(path.child('pathType'), p.pathType, SUPPORTED_PATH_TYPES));
  }
  errs.push(...validateIngressBackend(p.backend, path.child('backend')));
  return errs;
}

function validateIngressRules(rules: readonly networking.IngressRule[], path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  rules.forEach((rule, i) => {
    const rulePath = path.index(i);
    let wildcard = false;
    if (rule.host) {
      if (isIP(rule.host) !== 0) errs.push(invalid(rulePath.child('host'), rule.host, 'must be a DNS name, not an IP address'));
      wildcard = rule.host.includes('*');
      errs.push(...validateHost(rule.host, rulePath.child('host')));
    }
    // Upstream skips the paths of rules with an invalid wildcard host; a valid wildcard is checked.
    if (rule.http && !(wildcard && isWildcardDNS1123Subdomain(rule.host ?? '').length > 0)) {
      const paths = rule.http.paths ?? [];
      if (paths.length === 0) errs.push(required(rulePath.child('http', 'paths')));
      paths.forEach((p, j) => errs.push(...validateHTTPIngressPath(p, rulePath.child('http', 'paths').index(j))));
    }
  });
  return errs;
}

function validateIngressTLS(tls: readonly networking.IngressTLS[], path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  tls.forEach((entry, i) => {
    (entry.hosts ?? []).forEach((host, j) => errs.push(...validateHost(host, path.index(i).child('hosts').index(j))));
    if (entry.secretName) for (const m of nameIsDNSSubdomain(entry.secretName, false)) errs.push(invalid(path.index(i).child('secretName'), entry.secretName, m));
  });
  return errs;
}

function validateIngressSpec(spec: networking.IngressSpec | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const rules = spec?.rules ?? [];
  if (rules.length === 0 && !spec?.defaultBackend) errs.push(invalid(path, printedRules(spec?.rules), 'either `defaultBackend` or `rules` must be specified'));
  if (spec?.defaultBackend) errs.push(...validateIngressBackend(spec.defaultBackend, path.child('defaultBackend')));
  if (rules.length > 0) errs.push(...validateIngressRules(rules, path.child('rules')));
  if ((spec?.tls ?? []).length > 0) errs.push(...validateIngressTLS(spec?.tls ?? [], path.child('tls')));
  const className = spec?.ingressClassName;
  if (className !== undefined && className !== null) for (const m of validateIngressClassName(className, false)) errs.push(invalid(path.child('ingressClassName'), className, m));
  return errs;
}

/** Go prints an absent rule list as `[]networking.IngressRule(nil)` (an empty one as `{}`). */
function printedRules(rules: readonly networking.IngressRule[] | undefined): object {
  return printedValue(rules === undefined ? '[]networking.IngressRule(nil)' : '[]networking.IngressRule{}');
}

function ingressClassAnnotationMatches(ingress: networking.Ingress): FieldError[] {
  const annotation = ingress.metadata?.annotations?.[INGRESS_CLASS_ANNOTATION];
  const className = ingress.spec?.ingressClassName;
  if (annotation === undefined || className === undefined || className === null || annotation === className) return [];
  return [invalid(newPath('annotations').child(INGRESS_CLASS_ANNOTATION), annotation, 'must match `ingressClassName` when both are specified')];
}

export function validateIngress(ingress: networking.Ingress): FieldError[] {
  return [
    ...validateObjectMeta(ingress.metadata, { namespaced: true, nameFn: validateIngressName }),
    ...validateIngressSpec(ingress.spec, newPath('spec')),
    ...ingressClassAnnotationMatches(ingress),
  ];
}

export function validateIngressUpdate(ingress: networking.Ingress, old: networking.Ingress): FieldError[] {
  return [...validateObjectMetaUpdate(ingress.metadata, old.metadata), ...validateIngressSpec(ingress.spec, newPath('spec'))];
}

export function validateIngressStatusUpdate(ingress: networking.Ingress, old: networking.Ingress): FieldError[] {
  return validateObjectMetaUpdate(ingress.metadata, old.metadata);
}

// ---------------------------------------------------------------------------------------------
// IngressClasses

const httpPathRegexp = /^[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$/;

/** IsDomainPrefixedPath: `acme.io/foo`. */
function isDomainPrefixedPath(path: FieldPath, value: string): FieldError[] {
  if (value.length === 0) return [required(path)];
  const slash = value.indexOf('/');
  const host = slash < 0 ? value : value.slice(0, slash);
  const rest = slash < 0 ? '' : value.slice(slash + 1);
  if (slash < 0 || host.length === 0 || rest.length === 0) return [invalid(path, value, 'must be a domain-prefixed path (such as "acme.io/foo")')];
  const errs = isDNS1123Subdomain(host).map((m) => invalid(path, host, m));
  if (!httpPathRegexp.test(rest)) errs.push(invalid(path, rest, regexError('Invalid path', "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+")));
  return errs;
}

function validateParametersReference(params: networking.IngressClassParametersReference | undefined, path: FieldPath): FieldError[] {
  if (!params) return [];
  const errs: FieldError[] = [];
  if (params.apiGroup !== undefined && params.apiGroup !== null) for (const m of isDNS1123Subdomain(params.apiGroup)) errs.push(invalid(path.child('apiGroup'), params.apiGroup, m));
  if (!params.kind) errs.push(required(path.child('kind'), 'kind is required'));
  else for (const m of isValidPathSegmentName(params.kind)) errs.push(invalid(path.child('kind'), params.kind, m));
  if (!params.name) errs.push(required(path.child('name'), 'name is required'));
  else for (const m of isValidPathSegmentName(params.name)) errs.push(invalid(path.child('name'), params.name, m));
  const scope = params.scope;
  if (scope === undefined || scope === null) errs.push(required(path.child('scope')));
  else if (scope === 'Namespace') {
    if (!params.namespace) errs.push(required(path.child('namespace'), '`parameters.scope` is set to "Namespace"'));
  } else if (scope === 'Cluster') {
    if (params.namespace) errs.push(forbidden(path.child('namespace'), '`parameters.scope` is set to "Cluster"'));
  } else errs.push(notSupported(path.child('scope'), scope, ['Cluster', 'Namespace']));
  return errs;
}

function validateIngressClassSpec(spec: networking.IngressClassSpec | undefined, path: FieldPath): FieldError[] {
  const controller = spec?.controller ?? '';
  const errs: FieldError[] = [];
  if (controller.length > MAX_LEN_INGRESS_CLASS_CONTROLLER) errs.push(tooLong(path.child('controller'), controller, MAX_LEN_INGRESS_CLASS_CONTROLLER));
  errs.push(...isDomainPrefixedPath(path.child('controller'), controller));
  errs.push(...validateParametersReference(spec?.parameters, path.child('parameters')));
  return errs;
}

export function validateIngressClass(ic: networking.IngressClass): FieldError[] {
  return [...validateObjectMeta(ic.metadata, { namespaced: false, nameFn: validateIngressClassName }), ...validateIngressClassSpec(ic.spec, newPath('spec'))];
}

export function validateIngressClassUpdate(ic: networking.IngressClass, old: networking.IngressClass): FieldError[] {
  return [
    ...validateObjectMetaUpdate(ic.metadata, old.metadata),
    ...validateImmutableField(ic.spec?.controller ?? '', old.spec?.controller ?? '', newPath('spec', 'controller')),
    ...validateIngressClass(ic).filter((e) => !e.field.startsWith('metadata.')),
  ];
}

// ---------------------------------------------------------------------------------------------
// NetworkPolicies

const CIDR_MESSAGE = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

interface Cidr {
  readonly address: string;
  readonly prefix: number;
  readonly family: 'ipv4' | 'ipv6';
}

/** A CIDR's address, prefix length and family, or undefined when it does not parse. */
export function parseCIDR(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const address = text.slice(0, slash);
  const bits = text.slice(slash + 1);
  const version = isIP(address);
  if (version === 0 || !/^[0-9]{1,3}$/.test(bits)) return undefined;
  const prefix = Number(bits);
  if (prefix > (version === 4 ? 32 : 128)) return undefined;
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

function validateIPBlock(block: networking.IPBlock, path: FieldPath): FieldError[] {
  if (!block.cidr) return [required(path.child('cidr'))];
  const cidr = parseCIDR(block.cidr);
  if (!cidr) return [invalid(path.child('cidr'), block.cidr, CIDR_MESSAGE)];
  const errs: FieldError[] = [];
  const within = new BlockList();
  within.addSubnet(cidr.address, cidr.prefix, cidr.family);
  (block.except ?? []).forEach((text, i) => {
    const except = parseCIDR(text);
    if (!except) {
      errs.push(invalid(path.child('except').index(i), text, CIDR_MESSAGE));
      return;
    }
    if (except.family !== cidr.family || !within.check(except.address, except.family) || cidr.prefix >= except.prefix) {
      errs.push(invalid(path.child('except').index(i), text, 'must be a strict subset of `cidr`'));
    }
  });
  return errs;
}

function validatePeer(peer: networking.NetworkPolicyPeer, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let peers = 0;
  if (peer.podSelector) {
    peers++;
    errs.push(...validateLabelSelector(peer.podSelector, {}, path.child('podSelector')));
  }
  if (peer.namespaceSelector) {
    peers++;
    errs.push(...validateLabelSelector(peer.namespaceSelector, {}, path.child('namespaceSelector')));
  }
  if (peer.ipBlock) {
    peers++;
    errs.push(...validateIPBlock(peer.ipBlock, path.child('ipBlock')));
  }
  if (peers === 0) errs.push(required(path, 'must specify a peer'));
  else if (peers > 1 && peer.ipBlock) errs.push(forbidden(path, 'may not specify both ipBlock and another peer'));
  return errs;
}

function validatePort(port: networking.NetworkPolicyPort, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (port.protocol !== undefined && port.protocol !== null && !['TCP', 'UDP', 'SCTP'].includes(port.protocol)) {
    errs.push(notSupported(path.child('protocol'), port.protocol, ['TCP', 'UDP', 'SCTP']));
  }
  const endPort = port.endPort;
  if (typeof port.port === 'number') {
    for (const m of isValidPortNum(port.port)) errs.push(invalid(path.child('port'), port.port, m));
    if (endPort !== undefined && endPort !== null) {
      if (endPort < port.port) errs.push(invalid(path.child('endPort'), port.port, 'must be greater than or equal to `port`'));
      for (const m of isValidPortNum(endPort)) errs.push(invalid(path.child('endPort'), endPort, m));
    }
  } else if (typeof port.port === 'string') {
    if (endPort !== undefined && endPort !== null) errs.push(invalid(path.child('endPort'), endPort, 'may not be specified when `port` is non-numeric'));
    for (const m of isValidPortName(port.port)) errs.push(invalid(path.child('port'), port.port, m));
  } else if (endPort !== undefined && endPort !== null) {
    errs.push(invalid(path.child('endPort'), endPort, 'may not be specified when `port` is not specified'));
  }
  return errs;
}

function validateNetworkPolicySpec(spec: networking.NetworkPolicySpec | undefined, path: FieldPath): FieldError[] {
  const errs = validateLabelSelector(spec?.podSelector ?? {}, {}, path.child('podSelector'));
  (spec?.ingress ?? []).forEach((rule, i) => {
    const rulePath = path.child('ingress').index(i);
    (rule.ports ?? []).forEach((p, j) => errs.push(...validatePort(p, rulePath.child('ports').index(j))));
    (rule.from ?? []).forEach((p, j) => errs.push(...validatePeer(p, rulePath.child('from').index(j))));
  });
  (spec?.egress ?? []).forEach((rule, i) => {
    const rulePath = path.child('egress').index(i);
    (rule.ports ?? []).forEach((p, j) => errs.push(...validatePort(p, rulePath.child('ports').index(j))));
    (rule.to ?? []).forEach((p, j) => errs.push(...validatePeer(p, rulePath.child('to').index(j))));
  });
  const types = spec?.policyTypes ?? [];
  if (types.length > 2) {
    const shown = printedValue(`[]networking.PolicyType{${types.map((t) => JSON.stringify(t)).join(', ')}}`);
    errs.push(invalid(path.child('policyTypes'), shown, 'may not specify more than two policyTypes'));
    return errs;
  }
  types.forEach((t, i) => {
    if (t !== 'Ingress' && t !== 'Egress') errs.push(notSupported(path.child('policyTypes').index(i), t, ['Ingress', 'Egress']));
  });
  return errs;
}

export function validateNetworkPolicy(np: networking.NetworkPolicy): FieldError[] {
  return [...validateObjectMeta(np.metadata, { namespaced: true, nameFn: validateNetworkPolicyName }), ...validateNetworkPolicySpec(np.spec, newPath('spec'))];
}

export function validateNetworkPolicyUpdate(np: networking.NetworkPolicy, old: networking.NetworkPolicy): FieldError[] {
  return [...validateObjectMetaUpdate(np.metadata, old.metadata), ...validateNetworkPolicySpec(np.spec, newPath('spec'))];
}
