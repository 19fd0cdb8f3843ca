/**
 * The converter the custom resource tier uses: asynchronous, because a `Webhook` strategy asks a
 * server over HTTPS. `None` rewrites apiVersion (none.ts).
 */
import type { CustomResourceDefinition } from '../../../../api-definitions/apiextensions/v1/types.js';
import type { ServiceResolver } from '../../webhook/service-resolver.js';
import type { JSONObject } from '../schema/schema.js';
import { noneConverter } from './none.js';

export interface AsyncCustomResourceConverter {
  /** The object (or a `<Kind>List`, item by item) at `version` of the CRD's group; may convert in place. */
  convert(obj: JSONObject, version: string): Promise<JSONObject>;
}

export interface ConverterDependencies {
  /** Resolves `spec.conversion.webhook.clientConfig.service`. */
  readonly resolver?: ServiceResolver;
}

/** The converter of a CRD, chosen by `spec.conversion.strategy`. */
export function converterFor(crd: CustomResourceDefinition, _dependencies: ConverterDependencies = {}): AsyncCustomResourceConverter {
  const strategy = crd.spec.conversion?.strategy ?? 'None';
  if (strategy !== 'None') throw new Error(`conversion strategy ${strategy} is not served yet`);
  const none = noneConverter(crd);
  return { convert: async (obj, version) => none.convert(obj, version) };
}
