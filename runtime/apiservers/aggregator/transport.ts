/**
 * The TLS connections to aggregated servers: one keep-alive agent per APIService TLS setting
 * (CA bundle or insecureSkipTLSVerify, and the front-proxy client certificate), reused by the
 * proxy, the availability probes and the discovery and OpenAPI fetches alike.
 */
import http from 'node:http';
import https from 'node:https';
import type { APIService } from './apiservice.js';
import type { FrontProxyConfig } from './front-proxy.js';

/** The TLS options of requests to one APIService's server (the server name is set per request). */
export interface APIServiceTLS {
  readonly agent: https.Agent;
}

/** Sockets kept per aggregated server; enough for the proxy's parallel requests. */
const MAX_SOCKETS = 256;

/**
 * An agent whose TLS settings are its own (CA, client certificate and key, verification), the
 * same for every request it carries: its pool key is the endpoint and the server name only.
 * https.Agent's own key appends every TLS option, turning the CA bundle, certificate and key
 * into strings on each request, and looks sockets up by that key of several kilobytes. Requests
 * through it pass no TLS options of their own beyond `servername`.
 */
class APIServiceAgent extends https.Agent {
  override getName(options?: https.RequestOptions): string {
    return `${http.Agent.prototype.getName.call(this, options)}:${options?.servername ?? ''}`;
  }
}

export class AggregatorTransport {
  private readonly agents = new Map<string, https.Agent>();
  /** The agent each APIService object was given: an object from the cache is looked up without rebuilding its key. */
  private byService = new WeakMap<APIService, https.Agent>();

  constructor(private readonly frontProxy: FrontProxyConfig) {}

  /** The agent for an APIService's `caBundle` / `insecureSkipTLSVerify`; the same settings share one. */
  agentFor(service: APIService): https.Agent {
    const known = this.byService.get(service);
    if (known) return known;
    const caBundle = service.spec?.caBundle ?? '';
    const insecure = service.spec?.insecureSkipTLSVerify === true;
    const key = `${insecure}|${caBundle}`;
    let agent = this.agents.get(key);
    if (!agent) {
      agent = new APIServiceAgent({
        keepAlive: true,
        maxSockets: MAX_SOCKETS,
        maxFreeSockets: 32,
        cert: this.frontProxy.clientCert,
        key: this.frontProxy.clientKey,
        // an empty caBundle and no insecure flag leaves Node's own roots, as upstream uses the system's
        ...(caBundle !== '' ? { ca: Buffer.from(caBundle, 'base64') } : {}),
        rejectUnauthorized: !insecure,
      });
      this.agents.set(key, agent);
    }
    this.byService.set(service, agent);
    return agent;
  }

  close(): void {
    for (const agent of this.agents.values()) agent.destroy();
    this.agents.clear();
    this.byService = new WeakMap();
  }
}
