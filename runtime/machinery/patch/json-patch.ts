/**
 * JSON patch (RFC 6902, `application/json-patch+json`) as kube-apiserver applies it, with
 * evanphx/json-patch v4. That library is what clients meet, so its departures from the RFC are
 * kept, each one visible to a client that relies on it:
 * - `replace` of an absent object member adds it; `copy` from an absent member adds `null`;
 * - an operation without `value` adds or replaces with `null`;
 * - array indices may be negative, counting from the end (`-1` is the last element; for `add`,
 *   `-1` appends);
 * - a path is split on `/` without requiring a leading one (`a/b` addresses member `b` of the root);
 * - `replace` of the whole document (`""`) with a scalar does nothing;
 * - `test` of an absent member passes when `value` is `null`.
 * Error messages are the library's; the REST layer answers apply failures with a generic 422 and
 * malformed patch documents with a 400 carrying the message (see PatchError).
 */
import { goQuote } from '../errors.js';
import { type JsonObject, type JsonValue, PatchError, isObject } from './errors.js';
import { cloneJson, jsonEqual } from './json.js';
import { jsonKind } from './merge-patch.js';

/** The most operations one patch may carry (kube-apiserver's maxJSONPatchOperations). */
export const MAX_JSON_PATCH_OPERATIONS = 10000;

/** kube-apiserver's default `JSONPatchMaxCopyBytes`: what `copy` operations may add in total. */
export const DEFAULT_JSON_PATCH_MAX_COPY_BYTES = 3 * 1024 * 1024;

export interface JsonPatchOptions {
  /**
   * The request's `fieldValidation` is `Strict` or `Warn` (the default): operations are first
   * decoded into the apiserver's `{op, path, from, value}` struct, and a wrongly typed member is
   * a 400 `error decoding patch: …`.
   */
  readonly strict?: boolean;
  /** Total bytes `copy` operations may add; 0 means no limit. */
  readonly maxCopyBytes?: number;
}

type Operation = Readonly<Record<string, unknown>> | null;

/**
 * Applies the operations in `patch` to a copy of `original`, in order; the first failing one
 * aborts the patch. Throws PatchError: BadRequest for a document that is not a list of
 * operations, RequestEntityTooLarge past 10000 operations, Invalid when an operation fails.
 */
export function applyJsonPatch(original: JsonValue, patch: unknown, options: JsonPatchOptions = {}): JsonValue {
  if (options.strict ?? true) checkOperationTypes(patch);
  const operations = decodePatch(patch);
  if (operations.length > MAX_JSON_PATCH_OPERATIONS) {
    throw new PatchError(
      'RequestEntityTooLarge',
      `The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${operations.length}`,
    );
  }
  const doc = new Document(cloneJson(original), options.maxCopyBytes ?? DEFAULT_JSON_PATCH_MAX_COPY_BYTES);
  for (const op of operations) {
    const failure = doc.apply(op);
    if (failure !== undefined) throw new PatchError('Invalid', failure);
  }
  return doc.root;
}

/** The strict decode into `[]handlers.jsonPatchOp{Op, Path, From string; Value interface{}}`. */
function checkOperationTypes(patch: unknown): void {
  const fail = (detail: string): never => {
    throw new PatchError('BadRequest', `error decoding patch: json: cannot unmarshal ${detail}`);
  };
  if (patch === null) return;
  if (!Array.isArray(patch)) fail(`${jsonKind(patch)} into Go value of type []handlers.jsonPatchOp`);
  for (const op of patch as unknown[]) {
    if (op === null) continue;
    if (!isObject(op)) fail(`${jsonKind(op)} into Go value of type handlers.jsonPatchOp`);
    for (const [key, value] of Object.entries(op as JsonObject)) {
      if ((key === 'op' || key === 'path' || key === 'from') && value !== null && typeof value !== 'string') {
        fail(`${jsonKind(value)} into Go struct field jsonPatchOp.${key} of type string`);
      }
    }
  }
}

/** `jsonpatch.DecodePatch`: a list of objects (or `null`, no operations). */
function decodePatch(patch: unknown): Operation[] {
  if (patch === null) return [];
  if (!Array.isArray(patch)) {
    throw new PatchError(
      'BadRequest',
      `json: cannot unmarshal ${jsonKind(patch)} into Go value of type jsonpatch.Patch`,
    );
  }
  for (const op of patch as unknown[]) {
    if (op !== null && !isObject(op)) {
      throw new PatchError(
        'BadRequest',
        `json: cannot unmarshal ${jsonKind(op)} into Go value of type jsonpatch.Operation`,
      );
    }
  }
  return patch as Operation[];
}

const MISSING = 'missing value';
const INVALID_INDEX = 'invalid index referenced';

/** A value found at a key: `undefined` when the member is absent, as the library's nil node. */
type Found = { value: JsonValue | undefined } | { error: string };

/** An object or array a path leads into, and the operations the library defines on each. */
interface Container {
  get(key: string): Found;
  add(key: string, value: JsonValue): string | undefined;
  set(key: string, value: JsonValue): string | undefined;
  remove(key: string): string | undefined;
}

class ObjectContainer implements Container {
  constructor(private readonly obj: JsonObject) {}

  get(key: string): Found {
    return { value: Object.hasOwn(this.obj, key) ? this.obj[key] : undefined };
  }

  add(key: string, value: JsonValue): undefined {
    this.obj[key] = value;
    return undefined;
  }

  set(key: string, value: JsonValue): undefined {
    this.obj[key] = value;
    return undefined;
  }

  remove(key: string): string | undefined {
    if (!Object.hasOwn(this.obj, key)) return `Unable to remove nonexistent key: ${key}: ${MISSING}`;
    delete this.obj[key];
    return undefined;
  }
}

class ArrayContainer implements Container {
  constructor(private readonly array: JsonValue[]) {}

  get(key: string): Found {
    const parsed = atoi(key);
    if (typeof parsed === 'string') return { error: parsed };
    let idx = parsed;
    if (idx < 0) {
      if (idx < -this.array.length) return { error: invalidIndex(idx) };
      idx += this.array.length;
    }
    if (idx >= this.array.length) return { error: invalidIndex(idx) };
    return { value: this.array[idx] };
  }

  add(key: string, value: JsonValue): string | undefined {
    if (key === '-') {
      this.array.push(value);
      return undefined;
    }
    const parsed = atoi(key);
    if (typeof parsed === 'string') return `value was not a proper array index: '${key}': ${parsed}`;
    let idx = parsed;
    const size = this.array.length + 1;
    if (idx >= size) return invalidIndex(idx);
    if (idx < 0) {
      if (idx < -size) return invalidIndex(idx);
      idx += size;
    }
    this.array.splice(idx, 0, value);
    return undefined;
  }

  set(key: string, value: JsonValue): string | undefined {
    const parsed = atoi(key);
    if (typeof parsed === 'string') return parsed;
    let idx = parsed;
    if (idx < 0) {
      if (idx < -this.array.length) return invalidIndex(idx);
      idx += this.array.length;
    }
    this.array[idx] = value;
    return undefined;
  }

  remove(key: string): string | undefined {
    const parsed = atoi(key);
    if (typeof parsed === 'string') return parsed;
    let idx = parsed;
    if (idx >= this.array.length) return invalidIndex(idx);
    if (idx < 0) {
      if (idx < -this.array.length) return invalidIndex(idx);
      idx += this.array.length;
    }
    this.array.splice(idx, 1);
    return undefined;
  }
}

function invalidIndex(idx: number): string {
  return `Unable to access invalid index: ${idx}: ${INVALID_INDEX}`;
}

/** Go's strconv.Atoi: an optionally signed decimal within int64, or its error text. */
function atoi(s: string): number | string {
  if (!/^[+-]?[0-9]+$/.test(s)) return `strconv.Atoi: parsing ${goQuote(s)}: invalid syntax`;
  const n = BigInt(s);
  if (n > 9223372036854775807n || n < -9223372036854775808n)
    return `strconv.Atoi: parsing ${goQuote(s)}: value out of range`;
  return Number(n);
}

/** RFC 6901 unescaping: `~1` is `/`, then `~0` is `~`. */
function decodeKey(part: string): string {
  return part.replace(/~1|~0/g, (m) => (m === '~1' ? '/' : '~'));
}

function containerOf(value: JsonValue | undefined): Container | undefined {
  if (Array.isArray(value)) return new ArrayContainer(value);
  if (isObject(value)) return new ObjectContainer(value);
  return undefined;
}

/** A member of an operation that must be a string: its value, or the library's error text. */
function stringMember(op: Operation, name: 'path' | 'from'): string | { error: string } {
  const value = op?.[name];
  if (value === undefined || value === null) {
    return {
      error: name === 'path' ? `operation missing path field: ${MISSING}` : `operation, missing from field: ${MISSING}`,
    };
  }
  if (typeof value !== 'string')
    return { error: `json: cannot unmarshal ${jsonKind(value)} into Go value of type string` };
  return value;
}

class Document {
  private copied = 0;

  constructor(
    public root: JsonValue,
    private readonly maxCopyBytes: number,
  ) {}

  /** Applies one operation; returns the failure message, if any. */
  apply(op: Operation): string | undefined {
    const kind = typeof op?.['op'] === 'string' ? (op['op'] as string) : 'unknown';
    switch (kind) {
      case 'add':
        return this.add(op);
      case 'remove':
        return this.remove(op);
      case 'replace':
        return this.replace(op);
      case 'move':
        return this.move(op);
      case 'test':
        return this.test(op);
      case 'copy':
        return this.copy(op);
      default:
        return `Unexpected kind: ${kind}`;
    }
  }

  /** The container holding the last segment of `path`, and that segment decoded. */
  private find(path: string): [Container, string] | undefined {
    const parts = path.split('/');
    if (parts.length < 2) return undefined;
    let container = containerOf(this.root);
    for (const part of parts.slice(1, -1)) {
      if (!container) return undefined;
      const found = container.get(decodeKey(part));
      if ('error' in found || found.value === undefined || found.value === null) return undefined;
      container = containerOf(found.value);
    }
    return container ? [container, decodeKey(parts[parts.length - 1]!)] : undefined;
  }

  private add(op: Operation): string | undefined {
    const path = stringMember(op, 'path');
    if (typeof path !== 'string') return `add operation failed to decode path: ${MISSING}`;
    const target = this.find(path);
    if (!target) return `add operation does not apply: doc is missing path: "${path}": ${MISSING}`;
    const error = target[0].add(target[1], valueOf(op));
    return error === undefined ? undefined : `error in add for path: '${path}': ${error}`;
  }

  private remove(op: Operation): string | undefined {
    const path = stringMember(op, 'path');
    if (typeof path !== 'string') return `remove operation failed to decode path: ${MISSING}`;
    const target = this.find(path);
    if (!target) return `remove operation does not apply: doc is missing path: "${path}": ${MISSING}`;
    const error = target[0].remove(target[1]);
    return error === undefined ? undefined : `error in remove for path: '${path}': ${error}`;
  }

  private replace(op: Operation): string | undefined {
    const path = stringMember(op, 'path');
    if (typeof path !== 'string') return `replace operation failed to decode path: ${path.error}`;
    if (path === '') {
      // The whole document: objects and arrays replace it; anything else is silently ignored.
      const value = op?.['value'];
      if (isObject(value) || Array.isArray(value)) this.root = cloneJson(value as JsonValue);
      return undefined;
    }
    const target = this.find(path);
    if (!target) return `replace operation does not apply: doc is missing path: ${path}: ${MISSING}`;
    if ('error' in target[0].get(target[1]))
      return `replace operation does not apply: doc is missing key: ${path}: ${MISSING}`;
    const error = target[0].set(target[1], valueOf(op));
    return error === undefined ? undefined : `error in remove for path: '${path}': ${error}`;
  }

  private move(op: Operation): string | undefined {
    const from = stringMember(op, 'from');
    if (typeof from !== 'string') return `move operation failed to decode from: ${from.error}`;
    const source = this.find(from);
    if (!source) return `move operation does not apply: doc is missing from path: ${from}: ${MISSING}`;
    const [sourceContainer, key] = source;
    const found = sourceContainer.get(key);
    if ('error' in found) return `error in move for path: '${key}': ${found.error}`;
    const removed = sourceContainer.remove(key);
    if (removed !== undefined) return `error in move for path: '${key}': ${removed}`;
    const path = stringMember(op, 'path');
    if (typeof path !== 'string') return `move operation failed to decode path: ${path.error}`;
    const target = this.find(path);
    if (!target) return `move operation does not apply: doc is missing destination path: ${path}: ${MISSING}`;
    const error = target[0].add(target[1], found.value ?? null);
    return error === undefined ? undefined : `error in move for path: '${path}': ${error}`;
  }

  private test(op: Operation): string | undefined {
    const path = stringMember(op, 'path');
    if (typeof path !== 'string') return `test operation failed to decode path: ${path.error}`;
    const failed = `testing value ${path} failed: test failed`;
    const hasValue = op !== null && Object.hasOwn(op, 'value');
    if (path === '') return hasValue && jsonEqual(this.root, op!['value']) ? undefined : failed;
    const target = this.find(path);
    if (!target) return `test operation does not apply: is missing path: ${path}: ${MISSING}`;
    const found = target[0].get(target[1]);
    if ('error' in found) return `error in test for path: '${path}': ${found.error}`;
    if (found.value === undefined || found.value === null)
      return hasValue && op!['value'] === null ? undefined : failed;
    if (!hasValue) return failed;
    return jsonEqual(found.value, op!['value']) ? undefined : failed;
  }

  private copy(op: Operation): string | undefined {
    const from = stringMember(op, 'from');
    if (typeof from !== 'string') return `copy operation failed to decode from: ${from.error}`;
    const source = this.find(from);
    if (!source) return `copy operation does not apply: doc is missing from path: ${from}: ${MISSING}`;
    const found = source[0].get(source[1]);
    if ('error' in found) return `error in copy for from: '${from}': ${found.error}`;
    const path = stringMember(op, 'path');
    if (typeof path !== 'string') return `copy operation failed to decode path: ${MISSING}`;
    const target = this.find(path);
    if (!target) return `copy operation does not apply: doc is missing destination path: ${path}: ${MISSING}`;
    const value = found.value === undefined ? null : cloneJson(found.value);
    // A null or absent source is the library's nil node, which adds no bytes.
    if (value !== null) this.copied += Buffer.byteLength(JSON.stringify(value));
    if (this.maxCopyBytes > 0 && this.copied > this.maxCopyBytes) {
      return `Unable to complete the copy, the accumulated size increase of copy is ${this.copied}, exceeding the limit ${this.maxCopyBytes}`;
    }
    const error = target[0].add(target[1], value);
    return error === undefined ? undefined : `error while adding value during copy: ${error}`;
  }
}

/** The operation's `value`, a copy so the document never shares the patch's objects. */
function valueOf(op: Operation): JsonValue {
  const value = op?.['value'];
  return value === undefined ? null : cloneJson(value as JsonValue);
}
