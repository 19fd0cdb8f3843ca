/**
 * PUT of a whole object to `…/<resource>/<name>` and the status and scale subresources.
 * Supported: JSON, YAML or protobuf bodies; dryRun=All; fieldManager; fieldValidation. The
 * name (and namespace) in the body must match the URL; a body with metadata.resourceVersion is
 * a conditional update (409 Conflict when stale); a body with metadata.uid must match the
 * stored uid. Answers 200, or 201 when the update created the object.
 */
import { newBadRequest, newMethodNotSupported } from '../../machinery/errors.js';
import { deepCopyJSON } from '../../machinery/generated-support.js';
import { peekMeta, type KObject } from '../../registry/meta.js';
import { decodeBody } from './body.js';
import type { EndpointContext } from './context.js';
import { parseWriteOptions } from './query.js';
import { attributes, prepare } from './request.js';
import { negotiate, writeObject } from './response.js';
import { resourcePath, type RequestScope } from './scope.js';

/** checkName: the body names the object the URL names. */
export function checkName(object: KObject, name: string, namespace: string): void {
  const meta = peekMeta(object);
  if ((meta.name ?? '') !== name) {
    throw newBadRequest(`the name of the object (${meta.name ?? ''}) does not match the name on the URL (${name})`);
  }
  if (namespace !== '' && meta.namespace && meta.namespace !== namespace) {
    throw newBadRequest(`the namespace of the object (${meta.namespace}) does not match the namespace on the request (${namespace})`);
  }
}

export async function updateHandler(ctx: EndpointContext, scope: RequestScope): Promise<void> {
  const updater = scope.rest.updater;
  if (!updater) throw newMethodNotSupported({ group: scope.group, resource: resourcePath(scope) }, 'update');
  const request = prepare(ctx, scope);
  const options = parseWriteOptions(ctx.URL.searchParams, 'UpdateOptions');
  const output = negotiate(ctx, scope);
  const { object } = await decodeBody(ctx, scope, scope.kind, options.fieldValidation, request.warnings);
  checkName(object, request.name, request.namespace);
  const dryRun = options.dryRun.length > 0;
  const base = attributes(ctx, scope, request, 'UPDATE', { name: request.name, options, dryRun });
  const uid = peekMeta(object).uid;
  const result = await updater.update(
    request.registry,
    request.name,
    {
      preconditions: () => (uid ? { uid } : undefined),
      async updatedObject(existing, exists) {
        const next = deepCopyJSON(object);
        await scope.admission.admit(exists ? { ...base, object: next, oldObject: existing } : { ...base, operation: 'CREATE', object: next });
        return next;
      },
    },
    {
      dryRun,
      validateCreate: (o) => scope.admission.validate({ ...base, operation: 'CREATE', object: o }),
      validateUpdate: (o, old) => scope.admission.validate({ ...base, object: o, oldObject: old }),
    },
  );
  writeObject(ctx, scope, result.created ? 201 : 200, result.object, output, request.warnings);
}
