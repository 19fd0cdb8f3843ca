/**
 * Where a Service reference (`namespace/name:port`, as APIServices, conversion webhooks and
 * admission webhooks name their servers) is reached. kapi runs no kube-proxy and no cluster DNS,
 * so a service is reached at one of its endpoints' addresses; TLS still verifies the serving
 * certificate against the name upstream clients use, `<name>.<namespace>.svc`.
 */

/** A resolved service: the URL to dial and the host name the serving certificate must carry. */
export interface ResolvedService {
  readonly url: URL;
  readonly serverName: string;
}

export interface ServiceResolver {
  /**
   * The address of `namespace/name` on service port `port`. Rejects with a ServiceResolutionError
   * when the service, its port or a ready endpoint is missing.
   */
  resolve(namespace: string, name: string, port: number): Promise<ResolvedService>;
}

/** Why a service could not be reached; `reason` is what the aggregator's availability condition reports. */
export class ServiceResolutionError extends Error {
  constructor(
    readonly reason: 'ServiceNotFound' | 'ServicePortError' | 'EndpointsNotFound' | 'MissingEndpoints',
    message: string,
  ) {
    super(message);
  }
}
