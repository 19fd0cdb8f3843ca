/**
 * Applying PATCH bodies to decoded objects, with kube-apiserver's semantics and error classes:
 * JSON patch (RFC 6902), JSON merge patch (RFC 7386) and strategic merge patch driven by the
 * generated `patch.generated.ts` metadata. Server-side apply is not here.
 */
import type { JsonValue } from './errors.js';
import { PatchError, isObject } from './errors.js';
import { applyJsonPatch } from './json-patch.js';
import { applyMergePatch } from './merge-patch.js';
import type { KindPatchMeta } from './meta.js';
import { applyStrategicMergePatch } from './strategic.js';

export { PatchError, isObject } from './errors.js';
export type { JsonObject, JsonValue, PatchErrorReason } from './errors.js';
export { DEFAULT_JSON_PATCH_MAX_COPY_BYTES, MAX_JSON_PATCH_OPERATIONS, applyJsonPatch } from './json-patch.js';
export type { JsonPatchOptions } from './json-patch.js';
export { applyMergePatch } from './merge-patch.js';
export type { MergePatchOptions } from './merge-patch.js';
export { applyStrategicMergePatch } from './strategic.js';
export { PatchMetaError, compileKindPatchMeta, compileType } from './meta.js';
export type {
  FieldPatchMeta,
  FieldSchema,
  KindPatchMeta,
  ListSchema,
  MapSchema,
  PatchMetaTable,
  PatchSchema,
  StructPatchMeta,
  StructSchema,
} from './meta.js';

/** The PATCH media types handled here (`application/apply-patch+yaml` is server-side apply). */
export const PATCH_TYPES = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
} as const;

export type PatchType = (typeof PATCH_TYPES)[keyof typeof PATCH_TYPES];

export interface ApplyPatchOptions {
  /** The kind's generated metadata; without it a strategic merge patch is rejected. */
  readonly meta?: KindPatchMeta;
  /** `fieldValidation` is `Strict` or `Warn` (the default); see the per-type options. */
  readonly strict?: boolean;
  /** JSON patch: the bytes `copy` operations may add (kube-apiserver's JSONPatchMaxCopyBytes). */
  readonly maxCopyBytes?: number;
}

/**
 * Applies a decoded PATCH body of the given media type to a copy of `original`, the object as
 * the request's version serializes it. The result is JSON the REST layer still has to decode,
 * validate and convert; a JSON or merge patch may even produce a non-object.
 */
export function applyPatch(
  type: PatchType,
  original: JsonValue,
  patch: unknown,
  options: ApplyPatchOptions = {},
): JsonValue {
  switch (type) {
    case PATCH_TYPES.json:
      return applyJsonPatch(original, patch, options);
    case PATCH_TYPES.merge:
      return applyMergePatch(original, patch, options);
    case PATCH_TYPES.strategic:
      if (!options.meta || !isObject(original)) {
        // What upstream answers when a strategic merge patch reaches an object without Go types.
        throw new PatchError('BadRequest', 'strategic merge patch format is not supported');
      }
      return applyStrategicMergePatch(original, patch, options.meta);
  }
}
