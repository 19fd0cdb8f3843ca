/**
 * The HTTPS client the server calls webhooks with (conversion webhooks today): a JSON POST to a
 * `clientConfig` (a URL, or a Service reached through a ServiceResolver), trusting the config's
 * `caBundle` or the system roots, with a deadline and a bounded response, as apiserver's
 * util/webhook ClientManager builds its REST clients.
 */
import https from 'node:https';
import { isIP } from 'node:net';
import type { WebhookClientConfig } from '../../../api-definitions/apiextensions/v1/types.js';
import { ServiceResolutionError, type ServiceResolver } from './service-resolver.js';

/** What one call may take. */
export interface WebhookCallOptions {
  /** The whole call, connecting to the last byte of the response. Default 30 s, apiserver's default webhook timeout. */
  readonly timeoutMs?: number;
  /** The largest response body accepted. Default 64 MiB (a conversion response can hold a whole list). */
  readonly maxResponseBytes?: number;
}

export const DEFAULT_WEBHOOK_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** A failed call; `message` is worded as Go's HTTP client words it (`Post "<url>": <cause>`). */
export class WebhookCallError extends Error {
  constructor(
    message: string,
    /** The HTTP status when the server answered with one outside 2xx. */
    readonly statusCode?: number,
  ) {
    super(message);
  }
}

/** Where a call goes: the URL to dial, the name TLS verifies, and the URL as messages name it. */
interface Target {
  readonly url: URL;
  readonly serverName: string | undefined;
  readonly display: string;
}

/** The agents are kept per CA bundle and server name, so calls to one webhook reuse connections. */
const MAX_AGENTS = 64;
const IDLE_CONNECTION_TIMEOUT_MS = 90_000;

export class WebhookClient {
  private readonly agents = new Map<string, https.Agent>();

  constructor(private readonly resolver?: ServiceResolver) {}

  /** POSTs `body` as JSON and returns the decoded JSON answer; rejects with a WebhookCallError. */
  async postJSON(config: WebhookClientConfig, body: unknown, options: WebhookCallOptions = {}): Promise<unknown> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS;
    const target = await this.target(config, timeoutMs);
    const ca = decodeCABundle(config.caBundle);
    const text = await this.post(target, ca, JSON.stringify(body), timeoutMs, options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES);
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new WebhookCallError(`${postPrefix(target)}: invalid JSON in the response: ${(error as Error).message}`);
    }
  }

  /** Closes the pooled connections. */
  close(): void {
    for (const agent of this.agents.values()) agent.destroy();
    this.agents.clear();
  }

  private async target(config: WebhookClientConfig, timeoutMs: number): Promise<Target> {
    // client-go puts the client's timeout in the query (`?timeout=30s`); webhooks may read it.
    const timeout = goDuration(timeoutMs);
    if (config.url !== undefined) {
      let url: URL;
      try {
        url = new URL(config.url);
      } catch {
        throw new WebhookCallError(`invalid webhook URL ${JSON.stringify(config.url)}`);
      }
      if (url.protocol !== 'https:') throw new WebhookCallError(`webhook URL ${JSON.stringify(config.url)}: 'https' is the only allowed URL scheme`);
      url.searchParams.set('timeout', timeout);
      const host = url.hostname.replace(/^\[|\]$/g, '');
      return { url, serverName: isIP(host) === 0 ? host : undefined, display: url.href };
    }
    const service = config.service;
    if (!service) throw new WebhookCallError('the webhook client config names neither a url nor a service');
    if (!this.resolver) throw new WebhookCallError(`no service resolver to reach service ${service.namespace}/${service.name}`);
    const port = service.port ?? 443;
    const path = service.path === undefined || service.path === '' ? '/' : service.path;
    // How the webhook is named in messages: the service's cluster name, as upstream clients dial it.
    const display = `https://${service.name}.${service.namespace}.svc:${port}${path}?timeout=${timeout}`;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new WebhookCallError(`Post "${display}": context deadline exceeded`)), timeoutMs);
    });
    try {
      const resolved = await Promise.race([this.resolver.resolve(service.namespace, service.name, port), deadline]);
      const url = new URL(resolved.url.href);
      url.pathname = path;
      url.searchParams.set('timeout', timeout);
      return { url, serverName: resolved.serverName, display };
    } catch (error) {
      if (error instanceof WebhookCallError) throw error;
      throw new WebhookCallError(`Post "${display}": ${resolutionMessage(error, service.name, port)}`);
    } finally {
      clearTimeout(timer);
    }
  }

  private agentFor(ca: string | undefined, serverName: string | undefined): https.Agent {
    const key = `${serverName ?? ''}\u0000${ca ?? ''}`;
    let agent = this.agents.get(key);
    if (agent) {
      // Most recently used last, so the oldest is evicted first.
      this.agents.delete(key);
      this.agents.set(key, agent);
      return agent;
    }
    // Idle pooled connections close after 90 s, as Go's default transport does (IdleConnTimeout);
    // the agent only closes free sockets on timeout, calls keep their own deadline.
    agent = new https.Agent({ keepAlive: true, maxSockets: 16, timeout: IDLE_CONNECTION_TIMEOUT_MS, ca, servername: serverName });
    this.agents.set(key, agent);
    if (this.agents.size > MAX_AGENTS) {
      const [oldestKey, oldest] = this.agents.entries().next().value as [string, https.Agent];
      oldest.destroy();
      this.agents.delete(oldestKey);
    }
    return agent;
  }

  private post(target: Target, ca: string | undefined, payload: string, timeoutMs: number, maxBytes: number): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      let settled = false;
      const fail = (error: WebhookCallError): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        request.destroy();
        reject(error);
      };
      const request = https.request(target.url, {
        method: 'POST',
        agent: this.agentFor(ca, target.serverName),
        servername: target.serverName,
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Content-Length': Buffer.byteLength(payload) },
      });
      const timer = setTimeout(() => fail(new WebhookCallError(`${postPrefix(target)}: context deadline exceeded`)), timeoutMs);
      request.on('error', (error) => fail(new WebhookCallError(`${postPrefix(target)}: ${describeNetworkError(error, target)}`)));
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            fail(new WebhookCallError(`${postPrefix(target)}: the response body is larger than ${maxBytes} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        response.on('error', (error) => fail(new WebhookCallError(`${postPrefix(target)}: ${error.message}`)));
        response.on('end', () => {
          if (settled) return;
          const text = Buffer.concat(chunks).toString('utf8');
          const status = response.statusCode ?? 0;
          if (status < 200 || status > 299) {
            fail(new WebhookCallError(describeStatus(status, text), status));
            return;
          }
          settled = true;
          clearTimeout(timer);
          resolve(text);
        });
      });
      request.end(payload);
    });
  }
}

/**
 * Why a service could not be dialled, in the words of apiserver's proxy.ResolveEndpoint, which
 * webhook clients report (the aggregator's availability condition words the same reasons its own way).
 */
function resolutionMessage(error: unknown, name: string, port: number): string {
  if (!(error instanceof ServiceResolutionError)) return error instanceof Error ? error.message : String(error);
  switch (error.reason) {
    case 'ServiceNotFound':
      return `service ${JSON.stringify(name)} not found`;
    case 'ServicePortError':
      return `no service port ${port} found for service ${JSON.stringify(name)}`;
    case 'EndpointsNotFound':
      return `endpoints ${JSON.stringify(name)} not found`;
    case 'MissingEndpoints':
      return `no endpoints available for service ${JSON.stringify(name)}`;
  }
}

/** A duration as Go's time.Duration prints it: `30s`, `500ms`, `1.5s`, `1m30s`. */
export function goDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = (ms % 60_000) / 1000;
  if (minutes === 0) return `${seconds}s`;
  return `${minutes}m${seconds}s`;
}

function postPrefix(target: Target): string {
  return `Post "${target.display}"`;
}

/** `caBundle` is base64 in the API object (`[]byte` in Go); PEM text is taken as it is. */
export function decodeCABundle(caBundle: string | undefined): string | undefined {
  if (caBundle === undefined || caBundle === '') return undefined;
  if (caBundle.includes('-----BEGIN')) return caBundle;
  return Buffer.from(caBundle, 'base64').toString('utf8');
}

/** Node's TLS and socket errors in the words of Go's crypto/tls and net packages. */
function describeNetworkError(error: NodeJS.ErrnoException, target: Target): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return `dial tcp ${target.url.host}: connect: connection refused`;
    case 'ECONNRESET':
      return `read tcp ${target.url.host}: read: connection reset by peer`;
    case 'ENOTFOUND':
      return `dial tcp: lookup ${target.url.hostname}: no such host`;
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
      return 'tls: failed to verify certificate: x509: certificate signed by unknown authority';
    case 'CERT_HAS_EXPIRED':
      return 'tls: failed to verify certificate: x509: certificate has expired or is not yet valid';
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `tls: failed to verify certificate: x509: certificate is not valid for ${target.serverName ?? target.url.hostname}: ${error.message}`;
    default:
      return error.message;
  }
}

/** A non-2xx answer: its Status message when it sent one, as client-go reports it. */
function describeStatus(status: number, body: string): string {
  try {
    const parsed = JSON.parse(body) as unknown;
    if (parsed !== null && typeof parsed === 'object' && (parsed as Record<string, unknown>)['kind'] === 'Status') {
      const message = (parsed as Record<string, unknown>)['message'];
      if (typeof message === 'string' && message !== '') return message;
    }
  } catch {
    // not JSON: described below
  }
  const excerpt = body.length > 256 ? `${body.slice(0, 256)}…` : body;
  if (status === 404) return 'the server could not find the requested resource';
  if (status >= 500) return `an error on the server (${JSON.stringify(excerpt)}) has prevented the request from succeeding`;
  return `the server responded with the status code ${status} but did not return more information`;
}
