/**
 * Version conversion of custom resources for `conversion.strategy: None` (apiextensions-apiserver's
 * nopConverter): the versions share one schema in spirit, so converting is rewriting apiVersion,
 * of the object or of every item of a list. Only versions the CRD declares take part.
 */
import type { CustomResourceDefinition } from '../../../../api-definitions/apiextensions/v1/types.js';
import { isObject, type JSONObject } from '../schema/schema.js';

export interface CustomResourceConverter {
  /** The object (or list) at `version`, converted in place and returned. */
  convert(obj: JSONObject, version: string): JSONObject;
}

/** Thrown for a conversion the CRD does not allow; the tier answers it as an internal error, as upstream. */
export class ConversionError extends Error {}

/** The converter of a CRD whose strategy is None (or unset). */
export function noneConverter(crd: CustomResourceDefinition): CustomResourceConverter {
  const group = crd.spec.group;
  const versions = new Set((crd.spec.versions ?? []).map((v) => `${group}/${v.name}`));
  const check = (apiVersion: unknown, direction: 'from' | 'to') => {
    if (typeof apiVersion !== 'string' || !versions.has(apiVersion)) {
      throw new ConversionError(`request to convert CR ${direction} an invalid group/version: ${String(apiVersion)}`);
    }
  };
  return {
    convert(obj, version) {
      const to = `${group}/${version}`;
      check(to, 'to');
      const items = obj['items'];
      if (Array.isArray(items) && typeof obj['kind'] === 'string' && obj['kind'].endsWith('List')) {
        for (const item of items) {
          if (!isObject(item)) continue;
          check(item['apiVersion'], 'from');
          item['apiVersion'] = to;
        }
      } else {
        check(obj['apiVersion'], 'from');
      }
      obj['apiVersion'] = to;
      return obj;
    },
  };
}
