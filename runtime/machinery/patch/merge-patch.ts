/**
 * JSON merge patch (RFC 7386, `application/merge-patch+json`) as kube-apiserver applies it, with
 * evanphx/json-patch v4's `MergePatch`: members of the patch replace the document's, objects
 * merge recursively, `null` deletes. Where the library departs from the RFC, so does this:
 * `null` members of objects in newly added values are dropped, and `null` elements of arrays
 * are kept.
 */
import { type JsonObject, type JsonValue, PatchError, isObject } from './errors.js';
import { cloneJson } from './json.js';

export interface MergePatchOptions {
  /**
   * The request's `fieldValidation` is `Strict` or `Warn` (the default), under which the
   * apiserver first decodes the patch into an object and answers a body that is not one with
   * 400 `error decoding patch: …`. With `Ignore` an array patch replaces the whole document.
   */
  readonly strict?: boolean;
}

/**
 * Applies `patch` to a copy of `original`. Throws PatchError(BadRequest) for a patch that is
 * `null`, a string, number or boolean (`Invalid JSON Patch`), or, when strict, an array.
 */
export function applyMergePatch(original: JsonValue, patch: unknown, options: MergePatchOptions = {}): JsonValue {
  const strict = options.strict ?? true;
  if (strict && patch !== null && !isObject(patch)) {
    throw new PatchError(
      'BadRequest',
      `error decoding patch: json: cannot unmarshal ${jsonKind(patch)} into Go value of type map[string]interface {}`,
    );
  }
  if (Array.isArray(patch)) return pruneArrayNulls(cloneJson(patch as JsonValue[]));
  if (!isObject(patch)) throw new PatchError('BadRequest', 'Invalid JSON Patch');
  const patchCopy = cloneJson(patch);
  if (!isObject(original)) return pruneObjectNulls(patchCopy);
  const doc = cloneJson(original);
  mergeObjects(doc, patchCopy);
  return doc;
}

function mergeObjects(doc: JsonObject, patch: JsonObject): void {
  for (const key of Object.keys(patch)) {
    const value = patch[key]!;
    if (value === null) {
      delete doc[key];
      continue;
    }
    const current = doc[key];
    if (current === undefined || current === null) {
      doc[key] = pruneNulls(value);
    } else {
      doc[key] = mergeValue(current, value);
    }
  }
}

/** Merges `patch` into `current`: only two objects merge; anything else is replaced. */
function mergeValue(current: JsonValue, patch: JsonValue): JsonValue {
  if (!isObject(current)) return pruneNulls(patch);
  // An object replaced by a non-object keeps the patch as sent, nulls included.
  if (!isObject(patch)) return patch;
  mergeObjects(current, patch);
  return current;
}

function pruneNulls(value: JsonValue): JsonValue {
  if (isObject(value)) return pruneObjectNulls(value);
  if (Array.isArray(value)) return pruneArrayNulls(value);
  return value;
}

function pruneObjectNulls(obj: JsonObject): JsonObject {
  for (const key of Object.keys(obj)) {
    const value = obj[key]!;
    if (value === null) delete obj[key];
    else pruneNulls(value);
  }
  return obj;
}

/** Prunes inside the elements; `null` elements themselves stay. */
function pruneArrayNulls(array: JsonValue[]): JsonValue[] {
  for (const element of array) if (element !== null) pruneNulls(element);
  return array;
}

/** The JSON kind encoding/json names in `cannot unmarshal <kind> into …`. */
export function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  switch (typeof value) {
    case 'object':
      return 'object';
    case 'boolean':
      return 'bool';
    default:
      return typeof value;
  }
}
