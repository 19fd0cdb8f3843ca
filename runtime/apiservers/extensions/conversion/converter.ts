/**
 * The converter the custom resource tier uses: asynchronous, because a `Webhook` strategy asks a
 * server over HTTPS. `None` rewrites apiVersion (none.ts); `Webhook` sends ConversionReviews
 * (webhook.ts). Both throw ConversionError, which the tier answers as a 500 InternalError.
 */
import type { CustomResourceDefinition } from '../../../../api-definitions/apiextensions/v1/types.js';
import { WebhookClient, type WebhookCallOptions } from '../../webhook/client.js';
import type { ServiceResolver } from '../../webhook/service-resolver.js';
import type { JSONObject } from '../schema/schema.js';
import { ConversionError, noneConverter } from './none.js';
import { webhookConverter } from './webhook.js';

export { ConversionError } from './none.js';

export interface AsyncCustomResourceConverter {
  /** The object (or a `<Kind>List`, item by item) at `version` of the CRD's group; may convert in place. */
  convert(obj: JSONObject, version: string): Promise<JSONObject>;
}

export interface ConverterDependencies {
  /** Resolves `spec.conversion.webhook.clientConfig.service`. */
  readonly resolver?: ServiceResolver;
  /** The HTTPS client webhooks are called with; absent, one shared per `resolver`. */
  readonly client?: WebhookClient;
  /** Deadline and response bound of each webhook call (30 s and 64 MiB by default). */
  readonly call?: WebhookCallOptions;
}

/**
 * One client per resolver, shared by every CRD's converter: a CRD update builds a new converter,
 * and its webhook connections should outlive that.
 */
const sharedClients = new WeakMap<ServiceResolver, WebhookClient>();
let urlOnlyClient: WebhookClient | undefined;

function sharedClient(resolver: ServiceResolver | undefined): WebhookClient {
  if (!resolver) return (urlOnlyClient ??= new WebhookClient());
  let client = sharedClients.get(resolver);
  if (!client) {
    client = new WebhookClient(resolver);
    sharedClients.set(resolver, client);
  }
  return client;
}

/** The converter of a CRD, chosen by `spec.conversion.strategy`. */
export function converterFor(crd: CustomResourceDefinition, dependencies: ConverterDependencies = {}): AsyncCustomResourceConverter {
  const strategy = crd.spec.conversion?.strategy ?? 'None';
  if (strategy === 'Webhook') {
    const client = dependencies.client ?? sharedClient(dependencies.resolver);
    return webhookConverter(crd, { ...dependencies.call, client });
  }
  if (strategy !== 'None') {
    const reason = `unknown conversion strategy ${JSON.stringify(strategy)}`;
    return { convert: () => Promise.reject(new ConversionError(reason)) };
  }
  const none = noneConverter(crd);
  return { convert: async (obj, version) => none.convert(obj, version) };
}
