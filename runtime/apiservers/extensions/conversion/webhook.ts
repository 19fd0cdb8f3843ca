/**
 * Version conversion of custom resources for `conversion.strategy: Webhook`
 * (apiextensions-apiserver's webhookConverter): the objects not yet at the desired version are
 * sent in one ConversionReview, the answer is checked, and each converted object gets back the
 * metadata the server owns (everything but labels and annotations).
 */
import { randomUUID } from 'node:crypto';
import type { CustomResourceDefinition } from '../../../../api-definitions/apiextensions/v1/types.js';
import { aggregateMessage, fieldErrorString, type FieldError } from '../../../machinery/errors.js';
import { deepCopyJSON } from '../../../machinery/generated-support.js';
import { validateAnnotations, validateLabels } from '../../../machinery/validation/objectmeta.js';
import { newPath } from '../../../machinery/validation/path.js';
import type { WebhookCallOptions, WebhookClient } from '../../webhook/client.js';
import { isObject, type JSONObject } from '../schema/schema.js';
import type { AsyncCustomResourceConverter } from './converter.js';
import { ConversionError } from './none.js';

/** The ConversionReview versions this server speaks, in the order a CRD may ask for them. */
export const SUPPORTED_REVIEW_VERSIONS = ['v1', 'v1beta1'] as const;

const REVIEW_GROUP = 'apiextensions.k8s.io';

/** `group/version, Kind=kind`, as Go prints a schema.GroupVersionKind. */
function gvkString(apiVersion: unknown, kind: unknown): string {
  const av = typeof apiVersion === 'string' ? apiVersion : '';
  const k = typeof kind === 'string' ? kind : '';
  const slash = av.indexOf('/');
  const group = slash < 0 ? '' : av.slice(0, slash);
  const version = slash < 0 ? av : av.slice(slash + 1);
  return `${group}/${version}, Kind=${k}`;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function metaOf(obj: JSONObject): JSONObject {
  const meta = obj['metadata'];
  return isObject(meta) ? meta : {};
}

/** An object with nothing but apiVersion and kind: converted without asking, as upstream does for such probes. */
function isEmptyObject(obj: JSONObject): boolean {
  const keys = Object.keys(obj);
  return keys.length === 2 && 'apiVersion' in obj && 'kind' in obj;
}

function isList(obj: JSONObject): boolean {
  return Array.isArray(obj['items']) && typeof obj['kind'] === 'string' && obj['kind'].endsWith('List');
}

/** Name, namespace and UID stay; a webhook may change only labels and annotations (validateConvertedObject). */
function checkIdentity(original: JSONObject, converted: JSONObject): string | undefined {
  if (str(original['kind']) !== str(converted['kind'])) return `must have the same kind: ${str(original['kind'])} != ${str(converted['kind'])}`;
  const a = metaOf(original);
  const b = metaOf(converted);
  for (const [field, label] of [
    ['name', 'name'],
    ['namespace', 'namespace'],
    ['uid', 'UID'],
  ] as const) {
    if (str(a[field]) !== str(b[field])) return `must have the same ${label}: ${str(a[field])} != ${str(b[field])}`;
  }
  return undefined;
}

/**
 * The original metadata with the webhook's labels and annotations (restoreObjectMeta): changed
 * ones must be valid label and annotation maps of strings.
 */
function restoreMetadata(original: JSONObject, converted: JSONObject): string | undefined {
  const answered = converted['metadata'];
  if (answered === undefined) return 'missing metadata in converted object';
  if (!isObject(answered)) return `invalid metadata of type ${goType(answered)} in converted object`;
  const restored = isObject(original['metadata']) ? deepCopyJSON(original['metadata']) : {};
  for (const field of ['labels', 'annotations'] as const) {
    const value = answered[field];
    if (value === undefined || value === null) {
      delete restored[field];
      continue;
    }
    if (!isObject(value)) return `invalid metadata.${field} of type ${goType(value)} in converted object`;
    const before = isObject(restored[field]) ? (restored[field] as JSONObject) : {};
    let changed = Object.keys(before).length !== Object.keys(value).length;
    for (const [k, v] of Object.entries(value)) {
      if (typeof v !== 'string') return `metadata.${field}[${k}] must be a string, but is ${goType(v)} in converted object`;
      if (before[k] !== v) changed = true;
    }
    if (changed) {
      const map = value as Record<string, string>;
      const errs: FieldError[] = field === 'labels' ? validateLabels(map, newPath('metadata', 'labels')) : validateAnnotations(map, newPath('metadata', 'annotation'));
      if (errs.length > 0) return aggregateMessage(errs.map(fieldErrorString));
    }
    restored[field] = value;
  }
  converted['metadata'] = restored;
  return undefined;
}

/** How Go's `%T` names a decoded JSON value. */
function goType(value: unknown): string {
  if (value === null) return '<nil>';
  if (Array.isArray(value)) return '[]interface {}';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return 'float64';
    case 'boolean':
      return 'bool';
    case 'object':
      return 'map[string]interface {}';
    default:
      return typeof value;
  }
}

/** The converted objects of a review answer, or the reason it is not acceptable. */
function convertedObjectsOf(reviewVersion: string, uid: string, body: unknown): unknown[] {
  const answer = isObject(body) ? body : {};
  if (reviewVersion === 'v1') {
    // v1 answers are checked for their kind and uid; v1beta1 ones never were, and stay unchecked.
    const got = gvkString(answer['apiVersion'], answer['kind']);
    const want = `${REVIEW_GROUP}/v1, Kind=ConversionReview`;
    if (got !== want) throw new Error(`expected webhook response of ${want}, got ${got}`);
  }
  const response = answer['response'];
  if (!isObject(response)) throw new Error('no response provided');
  if (reviewVersion === 'v1' && str(response['uid']) !== uid) throw new Error(`expected response.uid=${JSON.stringify(uid)}, got ${JSON.stringify(str(response['uid']))}`);
  const result = isObject(response['result']) ? response['result'] : {};
  if (result['status'] !== 'Success') {
    const message = str(result['message']);
    throw new Error(message !== '' ? message : `response.result.status was '${str(result['status'])}', not 'Success'`);
  }
  const objects = response['convertedObjects'];
  if (objects === undefined || objects === null) return [];
  if (!Array.isArray(objects)) throw new Error('response.convertedObjects must be a list');
  return objects;
}

/** Go's GroupVersion.String(): `version` alone for the empty group. */
function groupVersionOf(apiVersion: unknown): string {
  return typeof apiVersion === 'string' ? apiVersion : '';
}

export interface WebhookConverterOptions extends WebhookCallOptions {
  readonly client: WebhookClient;
}

/** The converter of a CRD whose strategy is Webhook. */
export function webhookConverter(crd: CustomResourceDefinition, options: WebhookConverterOptions): AsyncCustomResourceConverter {
  const group = crd.spec.group;
  const versions = new Set((crd.spec.versions ?? []).map((v) => `${group}/${v.name}`));
  const webhook = crd.spec.conversion?.webhook;
  const clientConfig = webhook?.clientConfig ?? {};
  const reviewVersion = (webhook?.conversionReviewVersions ?? []).find((v) => (SUPPORTED_REVIEW_VERSIONS as readonly string[]).includes(v));

  const ask = async (inGVK: string, objects: JSONObject[], desiredAPIVersion: string): Promise<unknown[]> => {
    if (!reviewVersion) throw new ConversionError('no supported conversion review versions');
    const uid = randomUUID();
    const review = { apiVersion: `${REVIEW_GROUP}/${reviewVersion}`, kind: 'ConversionReview', request: { uid, desiredAPIVersion, objects } };
    let answer: unknown;
    try {
      answer = await options.client.postJSON(clientConfig, review, options);
    } catch (error) {
      throw new ConversionError(`conversion webhook for ${inGVK} failed: ${(error as Error).message}`);
    }
    let converted: unknown[];
    try {
      converted = convertedObjectsOf(reviewVersion, uid, answer);
    } catch (error) {
      throw new ConversionError(`conversion webhook for ${inGVK} failed: ${(error as Error).message}`);
    }
    if (converted.length !== objects.length) throw new ConversionError(`conversion webhook for ${inGVK} returned ${converted.length} objects, expected ${objects.length}`);
    return converted;
  };

  /** Checks one converted object against its original and gives it back its metadata. */
  const accept = (inGVK: string, original: JSONObject, converted: unknown, to: string, index: number, list: boolean): JSONObject => {
    const what = list ? `invalid converted object at index ${index}` : `invalid object at index 0`;
    if (!isObject(converted)) throw new ConversionError(`conversion webhook for ${inGVK} returned ${what}: the converted object is a ${goType(converted)}, not an object`);
    const gv = groupVersionOf(converted['apiVersion']);
    if (gv !== to) throw new ConversionError(`conversion webhook for ${inGVK} returned ${what}: invalid groupVersion (expected ${to}, received ${gv})`);
    if (str(converted['kind']) !== str(original['kind'])) {
      throw new ConversionError(`conversion webhook for ${inGVK} returned ${what}: invalid kind (expected ${str(original['kind'])}, received ${str(converted['kind'])})`);
    }
    const identity = checkIdentity(original, converted);
    if (identity) throw new ConversionError(`conversion webhook for ${inGVK} returned ${list ? what : 'invalid object'}: ${identity}`);
    const metadata = restoreMetadata(original, converted);
    if (metadata) throw new ConversionError(`conversion webhook for ${inGVK} returned invalid metadata${list ? ` in object at index ${index}` : ''}: ${metadata}`);
    return converted;
  };

  return {
    async convert(obj, version) {
      const to = `${group}/${version}`;
      if (!versions.has(to)) throw new ConversionError(`request to convert CR to an invalid group/version: ${to}`);
      const inGVK = gvkString(obj['apiVersion'], obj['kind']);
      if (isList(obj)) {
        const items = obj['items'] as unknown[];
        const pending: number[] = [];
        items.forEach((item, i) => {
          if (!isObject(item)) throw new ConversionError(`request to convert CR list failed, list index ${i} is not an object`);
          const from = item['apiVersion'];
          if (typeof from !== 'string' || !versions.has(from)) {
            throw new ConversionError(`request to convert CR list failed, list index ${i} has invalid group/version: ${String(from)}`);
          }
          if (from !== to) pending.push(i);
        });
        if (pending.length > 0) {
          const originals = pending.map((i) => items[i] as JSONObject);
          const converted = await ask(inGVK, originals, to);
          pending.forEach((itemIndex, n) => {
            items[itemIndex] = accept(inGVK, originals[n]!, converted[n], to, n, true);
          });
        }
        obj['apiVersion'] = to;
        return obj;
      }
      const from = obj['apiVersion'];
      if (typeof from !== 'string' || !versions.has(from)) throw new ConversionError(`request to convert CR from an invalid group/version: ${String(from)}`);
      if (from === to) return obj;
      if (isEmptyObject(obj)) {
        obj['apiVersion'] = to;
        return obj;
      }
      const [converted] = await ask(inGVK, [obj], to);
      return accept(inGVK, obj, converted, to, 0, false);
    },
  };
}
