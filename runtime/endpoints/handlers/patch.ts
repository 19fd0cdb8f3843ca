/**
 * PATCH of an object (and the status and scale subresources). Supported content types:
 * `application/json-patch+json` (RFC 6902), `application/merge-patch+json` (RFC 7386) and
 * `application/strategic-merge-patch+json` (kinds with patch metadata); dryRun=All,
 * fieldManager, fieldValidation. `application/apply-patch+yaml` (server-side apply) is answered
 * 415 with the types that are accepted, as kube-apiserver answers a type it does not serve.
 * The patch is applied to the current object in the URL's version, inside the storage update
 * loop, so a race with another writer reapplies it; a patch that sets metadata.resourceVersion
 * is conditional (409 when stale). Answers 200.
 */
import { newBadRequest, newMethodNotSupported, newNotFound, newUnsupportedMediaType } from '../../machinery/errors.js';
import { formatApiVersion, type WireObject } from '../../machinery/scheme.js';
import type { KObject } from '../../registry/meta.js';
import { checkSchema, fieldProblems, readBody, strictDecodingMessage } from './body.js';
import type { EndpointContext } from './context.js';
import { exceedsNestingDepth, tooDeep, withinDepth } from './nesting.js';
import { parseWriteOptions } from './query.js';
import { attributes, prepare } from './request.js';
import { negotiate, writeObject } from './response.js';
import { resourcePath, type PatchKind, type RequestScope } from './scope.js';
import { checkName } from './update.js';

export const PATCH_CONTENT_TYPES: Readonly<Record<string, PatchKind>> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
};

/** The PATCH content types this scope accepts, in upstream's order. */
export function acceptedPatchTypes(scope: RequestScope): string[] {
  if (!scope.patcher) return [];
  const types = ['application/json-patch+json', 'application/merge-patch+json'];
  if (scope.patcher.supportsStrategic(scope.kind)) types.push('application/strategic-merge-patch+json');
  return types;
}

export async function patchHandler(ctx: EndpointContext, scope: RequestScope): Promise<void> {
  const updater = scope.rest.updater;
  if (!updater || !scope.rest.getter) throw newMethodNotSupported({ group: scope.group, resource: resourcePath(scope) }, 'patch');
  const contentType = (ctx.get('Content-Type') ?? '').split(';')[0].trim().toLowerCase();
  const accepted = acceptedPatchTypes(scope);
  if (!accepted.includes(contentType)) throw newUnsupportedMediaType(accepted);
  const patchKind = PATCH_CONTENT_TYPES[contentType];
  const patcher = scope.patcher!;
  const request = prepare(ctx, scope);
  const options = parseWriteOptions(ctx.URL.searchParams, 'PatchOptions');
  const output = negotiate(ctx, scope);
  const body = await readBody(ctx, scope.maxRequestBodyBytes);
  let patch: unknown;
  const text = body.toString('utf8');
  if (exceedsNestingDepth(text)) throw tooDeep('error decoding patch: ');
  try {
    patch = JSON.parse(text);
  } catch (error) {
    throw newBadRequest(`error decoding patch: ${(error as Error).message}`);
  }
  const dryRun = options.dryRun.length > 0;
  const strict = options.fieldValidation === 'Strict';
  const base = attributes(ctx, scope, request, 'UPDATE', { name: request.name, options, dryRun });
  const gvk = scope.kind;

  // A patch within the depth limit can still be too deep for the recursive merge: a 400, not a 500.
  const applyPatch = (existing: KObject): KObject => withinDepth('error applying patch: ', () => applyPatchTo(existing));
  const applyPatchTo = (existing: KObject): KObject => {
    const original = scope.scheme.fromInternal(existing as WireObject, gvk);
    const patched = patcher.apply(patchKind, original, patch, gvk, { strict });
    if (patched === null || typeof patched !== 'object' || Array.isArray(patched)) {
      throw newBadRequest(`the object provided is unrecognized (must be of type ${gvk.kind}): patched object is not a JSON object`);
    }
    const object = patched as WireObject;
    if (object['apiVersion'] !== formatApiVersion(gvk) || object['kind'] !== gvk.kind) {
      throw newBadRequest(`the API version in the data (${String(object['apiVersion'] ?? '')}) does not match the expected API version (${formatApiVersion(gvk)})`);
    }
    if (options.fieldValidation !== 'Ignore') {
      const problems = fieldProblems(scope, object, gvk);
      if (problems.length > 0) {
        if (strict) throw newBadRequest(strictDecodingMessage(problems));
        for (const p of problems) request.warnings.add(p);
      }
    }
    checkSchema(scope, object, gvk, gvk.kind);
    const hub = scope.scheme.toInternal(object, gvk) as KObject;
    checkName(hub, request.name, request.namespace);
    return hub;
  };

  const result = await updater.update(
    request.registry,
    request.name,
    {
      async updatedObject(existing, exists) {
        if (!exists) throw newNotFound({ group: scope.group, resource: scope.info.plural }, request.name);
        const next = applyPatch(existing);
        await scope.admission.admit({ ...base, object: next, oldObject: existing });
        return next;
      },
    },
    {
      dryRun,
      validateUpdate: (o, old) => scope.admission.validate({ ...base, object: o, oldObject: old }),
    },
  );
  writeObject(ctx, scope, 200, result.object, output, request.warnings);
}

