/**
 * DELETE of one object. Supported: DeleteOptions in a JSON or YAML body (gracePeriodSeconds,
 * preconditions, propagationPolicy, orphanDependents, dryRun), or, without a body, the same as
 * query parameters. Admission sees the object about to be deleted. Answers 200 with the
 * object (still present while finalizers or a grace period hold it, or when the resource
 * returns deleted objects) or a Success Status; 202 when dependents are kept for the garbage
 * collector with orphanDependents=false and the object remains.
 */
import { parse as parseYaml } from 'yaml';
import { newBadRequest, newMethodNotSupported } from '../../machinery/errors.js';
import type { DeleteOptions } from '../../registry/strategy.js';
import { readBody } from './body.js';
import type { EndpointContext } from './context.js';
import { MEDIA_JSON, MEDIA_YAML, negotiateInput } from '../negotiation.js';
import { queryBool, queryInt } from './query.js';
import { attributes, prepare } from './request.js';
import { negotiate, writeObject } from './response.js';
import { resourcePath, type RequestScope } from './scope.js';

const DELETE_OPTIONS_FIELDS = new Set(['kind', 'apiVersion', 'gracePeriodSeconds', 'preconditions', 'orphanDependents', 'propagationPolicy', 'dryRun', 'ignoreStoreReadErrorWithClusterBreakingPotential']);
const DELETE_OPTIONS_VERSIONS = new Set(['', 'v1', 'meta.k8s.io/v1', 'meta.k8s.io/v1beta1']);

/** DeleteOptions from the body, or from the query when there is no body. */
export async function readDeleteOptions(ctx: EndpointContext, scope: RequestScope): Promise<DeleteOptions> {
  const body = await readBody(ctx, scope.maxRequestBodyBytes);
  const params = ctx.URL.searchParams;
  if (body.length === 0) {
    const options: DeleteOptions = {};
    const grace = queryInt(params, 'gracePeriodSeconds');
    if (grace !== undefined) options.gracePeriodSeconds = grace;
    const orphan = queryBool(params.get('orphanDependents'));
    if (orphan !== undefined) options.orphanDependents = orphan;
    const policy = params.get('propagationPolicy');
    if (policy !== null && policy !== '') options.propagationPolicy = policy;
    const dryRun = params.getAll('dryRun');
    if (dryRun.length > 0) options.dryRun = dryRun;
    return options;
  }
  const mediaType = negotiateInput(ctx.get('Content-Type') || undefined, [MEDIA_JSON, MEDIA_YAML]);
  let decoded: unknown;
  try {
    decoded = mediaType === MEDIA_YAML ? parseYaml(body.toString('utf8')) : JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw newBadRequest(`couldn't get version/kind; json parse error: ${(error as Error).message}`);
  }
  if (decoded === null || typeof decoded !== 'object' || Array.isArray(decoded)) throw newBadRequest('decoded object cannot be converted to DeleteOptions');
  const object = decoded as Record<string, unknown>;
  const kind = object['kind'];
  if ((kind !== undefined && kind !== 'DeleteOptions') || !DELETE_OPTIONS_VERSIONS.has(String(object['apiVersion'] ?? ''))) {
    throw newBadRequest('decoded object cannot be converted to DeleteOptions');
  }
  const options: DeleteOptions = {};
  for (const [key, value] of Object.entries(object)) {
    if (!DELETE_OPTIONS_FIELDS.has(key) || key === 'kind' || key === 'apiVersion') continue;
    (options as Record<string, unknown>)[key] = value;
  }
  if (options.gracePeriodSeconds !== undefined && options.gracePeriodSeconds !== null && typeof options.gracePeriodSeconds !== 'number') {
    throw newBadRequest('DeleteOptions.gracePeriodSeconds must be an integer');
  }
  return options;
}

export async function deleteHandler(ctx: EndpointContext, scope: RequestScope): Promise<void> {
  const deleter = scope.rest.deleter;
  if (!deleter) throw newMethodNotSupported({ group: scope.group, resource: resourcePath(scope) }, 'delete');
  const request = prepare(ctx, scope);
  const output = negotiate(ctx, scope);
  const options = await readDeleteOptions(ctx, scope);
  const dryRun = (options.dryRun ?? []).length > 0;
  const base = attributes(ctx, scope, request, 'DELETE', { name: request.name, options, dryRun });
  const result = await deleter.delete(request.registry, request.name, {
    options,
    validate: async (old) => {
      const attrs = { ...base, oldObject: old };
      await scope.admission.admit(attrs);
      await scope.admission.validate(attrs);
    },
  });
  const code = !result.deleted && options.orphanDependents === false ? 202 : 200;
  writeObject(ctx, scope, code, result.object, output, request.warnings);
}
