/**
 * A ServiceResolver over the kube tier's Services, Endpoints and EndpointSlices: the endpoint
 * routing of apiserver's `proxy.ResolveEndpoint`, with the aggregator availability controller's
 * reasons and messages when a service cannot be reached.
 */
import type { Endpoints, Service } from '../../../api-definitions/core/types.js';
import type { EndpointSlice } from '../../../api-definitions/discovery/types.js';
import { isNotFound } from '../../machinery/errors.js';
import { parseLabelSelector } from '../../machinery/selectors/index.js';
import type { KObject } from '../../registry/meta.js';
import type { Getter, Lister, RequestContext } from '../../registry/rest.js';
import { ServiceResolutionError, type ResolvedService, type ServiceResolver } from './service-resolver.js';

/** Where the resolver reads; the stores of the kube tier fit these shapes. */
export interface ServiceLookups {
  readonly services: Getter;
  /** Endpoints objects named after their service. */
  readonly endpoints?: Getter;
  /** EndpointSlices labelled `kubernetes.io/service-name=<service>`. */
  readonly endpointSlices?: Lister;
}

/** The label EndpointSlices carry to name their service (discoveryv1.LabelServiceName). */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** Service types reached through their endpoints; ExternalName is reached by its name. */
const ENDPOINT_ROUTED_TYPES = new Set(['ClusterIP', 'NodePort', 'LoadBalancer']);

/** The store keys of the kube tier's registry (`<group>/<plural>`). */
export const SERVICE_STORE_KEYS = { services: '/services', endpoints: '/endpoints', endpointSlices: 'discovery.k8s.io/endpointslices' } as const;

/** The resolver over the kube tier's stores, e.g. `(await installer.ready).stores`. */
export function serviceResolverForStores(stores: ReadonlyMap<string, Getter & Lister>): ServiceResolver {
  const services = stores.get(SERVICE_STORE_KEYS.services);
  if (!services) throw new Error('the registry has no Services store');
  return endpointServiceResolver({
    services,
    endpoints: stores.get(SERVICE_STORE_KEYS.endpoints),
    endpointSlices: stores.get(SERVICE_STORE_KEYS.endpointSlices),
  });
}

/** The server reads these objects for itself, with the rights of the loopback client. */
function lookupContext(namespace: string): RequestContext {
  return { namespace, user: { name: 'system:apiserver', groups: ['system:masters'] }, warn: () => {} };
}

async function getOrUndefined<T>(getter: Getter | undefined, namespace: string, name: string): Promise<T | undefined> {
  if (!getter) return undefined;
  try {
    return (await getter.get(lookupContext(namespace), name, {})) as unknown as T;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** `host:port` for a URL, bracketing IPv6 literals. */
function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** The ready `host:port`s found, and whether any endpoints object of the service exists at all. */
interface Candidates {
  readonly found: boolean;
  readonly addresses: string[];
}

/** Ready addresses of the Endpoints subsets that carry the port named `portName`, at that port. */
function fromEndpoints(endpoints: Endpoints | undefined, portName: string): Candidates {
  if (!endpoints) return { found: false, addresses: [] };
  const addresses: string[] = [];
  for (const subset of endpoints.subsets ?? []) {
    const port = (subset.ports ?? []).find((p) => (p.name ?? '') === portName);
    if (!port) continue;
    for (const address of subset.addresses ?? []) addresses.push(hostPort(address.ip, port.port));
  }
  return { found: true, addresses };
}

/** Ready (or unknown-readiness, as upstream counts them) endpoints of the slices, at the port named `portName`. */
function fromEndpointSlices(slices: readonly EndpointSlice[], portName: string): Candidates {
  const addresses: string[] = [];
  for (const slice of slices) {
    if (slice.addressType === 'FQDN') continue;
    const port = (slice.ports ?? []).find((p) => (p.name ?? '') === portName && p.port !== undefined);
    if (!port || port.port === undefined) continue;
    for (const endpoint of slice.endpoints ?? []) {
      if (endpoint.conditions?.ready === false) continue;
      const ip = endpoint.addresses[0];
      if (ip) addresses.push(hostPort(ip, port.port));
    }
  }
  return { found: slices.length > 0, addresses };
}

/** A ServiceResolver reading Services, then Endpoints and EndpointSlices of the service. */
export function endpointServiceResolver(lookups: ServiceLookups, random: () => number = Math.random): ServiceResolver {
  return {
    async resolve(namespace, name, port): Promise<ResolvedService> {
      const serverName = `${name}.${namespace}.svc`;
      const service = await getOrUndefined<Service>(lookups.services, namespace, name);
      if (!service) throw new ServiceResolutionError('ServiceNotFound', `service/${name} in "${namespace}" is not present`);
      const type = service.spec?.type ?? 'ClusterIP';
      if (type === 'ExternalName') {
        const external = service.spec?.externalName ?? '';
        if (external === '') throw new ServiceResolutionError('ServiceNotFound', `service/${name} in "${namespace}" has no externalName`);
        return { url: new URL(`https://${hostPort(external, port)}`), serverName };
      }
      // Validation admits no other type; a stored object from elsewhere gets apiserver's answer.
      if (!ENDPOINT_ROUTED_TYPES.has(type)) throw new Error(`unsupported service type "${type}"`);
      const servicePort = (service.spec?.ports ?? []).find((p) => p.port === port);
      if (!servicePort) throw new ServiceResolutionError('ServicePortError', `service/${name} in "${namespace}" is not listening on port ${port}`);
      const portName = servicePort.name ?? '';

      const endpoints = fromEndpoints(await getOrUndefined<Endpoints>(lookups.endpoints, namespace, name), portName);
      let slices: EndpointSlice[] = [];
      if (lookups.endpointSlices) {
        const list = await lookups.endpointSlices.list(lookupContext(namespace), { labelSelector: parseLabelSelector(`${SERVICE_NAME_LABEL}=${name}`) });
        slices = list.items as KObject[] as unknown as EndpointSlice[];
      }
      const sliced = fromEndpointSlices(slices, portName);
      if (!endpoints.found && !sliced.found) {
        throw new ServiceResolutionError('EndpointsNotFound', `cannot find endpoints for service/${name} in "${namespace}"`);
      }
      // The same address may be listed by both an Endpoints object and its mirrored slice.
      const addresses = [...new Set([...endpoints.addresses, ...sliced.addresses])];
      if (addresses.length === 0) {
        throw new ServiceResolutionError('MissingEndpoints', `endpoints for service/${name} in "${namespace}" have no addresses with port name "${portName}"`);
      }
      const chosen = addresses[Math.min(addresses.length - 1, Math.floor(random() * addresses.length))]!;
      return { url: new URL(`https://${chosen}`), serverName };
    },
  };
}
