/**
 * The TLS connections to aggregated servers: one keep-alive agent per APIService TLS setting
 * (CA bundle or insecureSkipTLSVerify, and the front-proxy client certificate), reused by the
 * proxy, the availability probes and the discovery and OpenAPI fetches alike.
 */
import https from 'node:https';
import type { APIService } from './apiservice.js';
import type { FrontProxyConfig } from './front-proxy.js';

/** The TLS options of requests to one APIService's server (the server name is set per request). */
export interface APIServiceTLS {
  readonly agent: https.Agent;
}

/** Sockets kept per aggregated server; enough for the proxy's parallel requests. */
const MAX_SOCKETS = 256;

export class AggregatorTransport {
  private readonly agents = new Map<string, https.Agent>();

  constructor(private readonly frontProxy: FrontProxyConfig) {}

  /** The agent for an APIService's `caBundle` / `insecureSkipTLSVerify`; the same settings share one. */
  agentFor(service: APIService): https.Agent {
    const caBundle = service.spec?.caBundle ?? '';
    const insecure = service.spec?.insecureSkipTLSVerify === true;
    const key = `${insecure}|${caBundle}`;
    let agent = this.agents.get(key);
    if (!agent) {
      agent = new https.Agent({
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
    return agent;
  }

  close(): void {
    for (const agent of this.agents.values()) agent.destroy();
    this.agents.clear();
  }
}
