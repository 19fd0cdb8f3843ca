/**
 * DELETE of a collection: every object the list options select (labelSelector, fieldSelector,
 * limit, resourceVersion), each deleted as a single DELETE with the body's DeleteOptions and
 * admitted by name. Answers 200 with the list of what was selected.
 */
import { newMethodNotSupported } from '../../machinery/errors.js';
import { peekMeta } from '../../registry/meta.js';
import type { EndpointContext } from './context.js';
import { readDeleteOptions } from './delete.js';
import { parseListOptions } from './query.js';
import { attributes, prepare } from './request.js';
import { negotiate, writeList } from './response.js';
import { resourcePath, type RequestScope } from './scope.js';

export async function deleteCollectionHandler(ctx: EndpointContext, scope: RequestScope): Promise<void> {
  const deleter = scope.rest.collectionDeleter;
  if (!deleter) throw newMethodNotSupported({ group: scope.group, resource: resourcePath(scope) }, 'deletecollection');
  const request = prepare(ctx, scope);
  const listOptions = parseListOptions(ctx.URL.searchParams, scope.selectors, deleter);
  const output = negotiate(ctx, scope, { list: true });
  const options = await readDeleteOptions(ctx, scope);
  const dryRun = (options.dryRun ?? []).length > 0;
  const list = await deleter.deleteCollection(request.registry, listOptions, {
    options,
    validate: async (old) => {
      const attrs = attributes(ctx, scope, { ...request, namespace: peekMeta(old).namespace ?? request.namespace }, 'DELETE', {
        name: peekMeta(old).name ?? '',
        oldObject: old,
        options,
        dryRun,
      });
      await scope.admission.admit(attrs);
      await scope.admission.validate(attrs);
    },
  });
  writeList(ctx, scope, 200, list, output, request.warnings);
}
