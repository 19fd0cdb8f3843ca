/**
 * How objects cross the storage boundary: the resourceVersion the store owns, the JSON written
 * to the backend, and the checks made against the current object before a write.
 */
import { ConflictError, InvalidArgumentError, InvalidObjectError } from './errors.js';
import type { Preconditions, StoredObject } from './interface.js';

/** Parses a resourceVersion: "" and "0" are 0; anything else must be a positive decimal. */
export function parseResourceVersion(resourceVersion: string | undefined): number {
  if (resourceVersion === undefined || resourceVersion === '') return 0;
  if (!/^\d{1,16}$/.test(resourceVersion)) throw new InvalidArgumentError(`invalid resource version: ${JSON.stringify(resourceVersion)}`);
  const value = Number(resourceVersion);
  if (!Number.isSafeInteger(value)) throw new InvalidArgumentError(`invalid resource version: ${JSON.stringify(resourceVersion)}`);
  return value;
}

/** The JSON written to the backend: the object without `metadata.resourceVersion`. */
export function encodeForStorage(key: string, object: StoredObject): string {
  if (typeof object !== 'object' || object === null || Array.isArray(object)) {
    throw new InvalidObjectError(`object for ${key} must be a JSON object`, key);
  }
  const meta = object.metadata;
  if (meta === undefined || meta.resourceVersion === undefined) return JSON.stringify(object);
  const { resourceVersion: _dropped, ...rest } = meta;
  return JSON.stringify({ ...object, metadata: rest });
}

/** A fresh object from stored JSON, with `metadata.resourceVersion` set to `revision`. */
export function decodeFromStorage(key: string, value: string, revision: number): StoredObject {
  let object: StoredObject;
  try {
    object = JSON.parse(value) as StoredObject;
  } catch (error) {
    throw new InvalidObjectError(`stored value of ${key} is not JSON: ${(error as Error).message}`, key);
  }
  if (typeof object !== 'object' || object === null || Array.isArray(object)) {
    throw new InvalidObjectError(`stored value of ${key} is not a JSON object`, key);
  }
  setResourceVersion(object, revision);
  return object;
}

export function setResourceVersion(object: StoredObject, revision: number): void {
  if (object.metadata === undefined || object.metadata === null) object.metadata = {};
  object.metadata.resourceVersion = String(revision);
}

export function resourceVersionOf(object: StoredObject): string | undefined {
  const rv = object.metadata?.resourceVersion;
  return rv === undefined || rv === '' ? undefined : rv;
}

/** Throws ConflictError, in apiserver's words, when a precondition does not hold. */
export function checkPreconditions(key: string, preconditions: Preconditions | undefined, current: StoredObject): void {
  if (!preconditions) return;
  const meta = current.metadata ?? {};
  if (preconditions.uid !== undefined && preconditions.uid !== (meta.uid ?? '')) {
    throw new ConflictError(`Precondition failed: UID in precondition: ${preconditions.uid}, UID in object meta: ${meta.uid ?? ''}`, key);
  }
  if (preconditions.resourceVersion !== undefined && preconditions.resourceVersion !== (meta.resourceVersion ?? '')) {
    throw new ConflictError(
      `Precondition failed: ResourceVersion in precondition: ${preconditions.resourceVersion}, ResourceVersion in object meta: ${meta.resourceVersion ?? ''}`,
      key,
    );
  }
}

/** A `.` or `..` path segment anywhere in a key. */
const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)/;

/** Keys are absolute and may not climb out of their prefix (checked on every storage call, so without splitting the key). */
export function validateKey(key: string): void {
  if (typeof key !== 'string' || !key.startsWith('/') || DOT_SEGMENT.test(key)) {
    throw new InvalidArgumentError(`invalid key: ${JSON.stringify(key)}`, typeof key === 'string' ? key : undefined);
  }
}
