/**
 * Object metadata on plain hub objects: typed access to `metadata`, the system fields a create
 * fills in (uid, creationTimestamp), generated names, and the timestamps the store writes.
 */
import { randomBytes, randomUUID } from 'node:crypto';

/** A hub object as the registry handles it: JSON with `metadata`. */
export type KObject = Record<string, unknown>;

/** metav1.OwnerReference. */
export interface OwnerReference {
  apiVersion?: string;
  kind?: string;
  name?: string;
  uid?: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

/** The metav1.ObjectMeta fields the registry reads or writes; others pass through. */
export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  selfLink?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string | null;
  deletionTimestamp?: string | null;
  deletionGracePeriodSeconds?: number | null;
  labels?: Record<string, string> | null;
  annotations?: Record<string, string> | null;
  ownerReferences?: OwnerReference[] | null;
  finalizers?: string[] | null;
  managedFields?: unknown[] | null;
  [field: string]: unknown;
}

/** The object's metadata, created empty when missing. */
export function metaOf(object: KObject): ObjectMeta {
  let meta = object['metadata'] as ObjectMeta | undefined | null;
  if (meta === undefined || meta === null || typeof meta !== 'object') {
    meta = {};
    object['metadata'] = meta;
  }
  return meta;
}

/** The object's metadata without creating it. */
export function peekMeta(object: KObject | undefined): ObjectMeta {
  const meta = object?.['metadata'];
  return meta !== null && typeof meta === 'object' ? (meta as ObjectMeta) : {};
}

/** The current time as metav1.Time writes it: RFC 3339 in UTC, whole seconds. */
export function nowTimestamp(now: Date = new Date()): string {
  return `${now.toISOString().slice(0, 19)}Z`;
}

/** Parses a metav1.Time; NaN when it does not parse. */
export function parseTimestamp(value: string | null | undefined): number {
  if (!value) return Number.NaN;
  return Date.parse(value);
}

/** Sets the fields only the server sets on create (rest.FillObjectMetaSystemFields). */
export function fillObjectMetaSystemFields(meta: ObjectMeta, now: Date = new Date()): void {
  meta.creationTimestamp = nowTimestamp(now);
  meta.uid = randomUUID();
}

/** The characters of generated name suffixes: no vowels (so no words), no confusable 0/1/3. */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';
/** Names are at most 63 characters when they must be DNS labels; the suffix is five. */
const RANDOM_LENGTH = 5;
const MAX_GENERATED_NAME_LENGTH = 63 - RANDOM_LENGTH;

/**
 * Random bytes drawn from the CSPRNG a page at a time: a randomBytes call costs several
 * microseconds whatever its size, and every create with generateName needs five bytes (the same
 * batching crypto.randomUUID does).
 */
const RANDOM_POOL_BYTES = 4096;
let randomPool = Buffer.alloc(0);
let randomPoolAt = 0;

function pooledRandomBytes(length: number): Buffer {
  if (length > RANDOM_POOL_BYTES) return randomBytes(length);
  if (randomPoolAt + length > randomPool.length) {
    randomPool = randomBytes(RANDOM_POOL_BYTES);
    randomPoolAt = 0;
  }
  const bytes = randomPool.subarray(randomPoolAt, randomPoolAt + length);
  randomPoolAt += length;
  return bytes;
}

/** A random five-character suffix. */
export function randomSuffix(length = RANDOM_LENGTH): string {
  const bytes = pooledRandomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHANUMS[bytes[i] % ALPHANUMS.length];
  return out;
}

/** `base` (cut to 58 characters) followed by five random characters, as names.SimpleNameGenerator does. */
export function generateName(base: string): string {
  const prefix = base.length > MAX_GENERATED_NAME_LENGTH ? base.slice(0, MAX_GENERATED_NAME_LENGTH) : base;
  return `${prefix}${randomSuffix()}`;
}

/** Deep equality of JSON values (apiequality.Semantic.DeepEqual on decoded JSON). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ak = Object.keys(a).filter((k) => (a as KObject)[k] !== undefined);
  const bk = Object.keys(b).filter((k) => (b as KObject)[k] !== undefined);
  if (ak.length !== bk.length) return false;
  for (const key of ak) if (!jsonEqual((a as KObject)[key], (b as KObject)[key])) return false;
  return true;
}

/** The top-level fields other than the type and metadata: what a status-less kind calls its spec. */
export function specFields(object: KObject): string[] {
  return Object.keys(object).filter((k) => k !== 'metadata' && k !== 'status' && k !== 'kind' && k !== 'apiVersion');
}

/** Whether any field but metadata and status differs: the change that bumps metadata.generation. */
export function specChanged(object: KObject, old: KObject): boolean {
  const keys = new Set([...specFields(object), ...specFields(old)]);
  for (const key of keys) if (!jsonEqual(object[key], old[key])) return true;
  return false;
}
