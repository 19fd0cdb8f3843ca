/**
 * LIST of a collection: `…/namespaces/<ns>/<resource>` and, for namespaced resources, every
 * namespace at `…/<resource>`. Supported: labelSelector, fieldSelector (the resource's field
 * labels), limit, continue, resourceVersion, resourceVersionMatch; `watch=true` is a watch.
 * Output: a list encoded item by item, a Table, or a PartialObjectMetadataList.
 */
import { newMethodNotSupported } from '../../machinery/errors.js';
import type { EndpointContext } from './context.js';
import { parseListOptions } from './query.js';
import { prepare } from './request.js';
import { negotiate, writeList } from './response.js';
import { resourcePath, type RequestScope } from './scope.js';
import { watchHandler } from './watch.js';

export async function listHandler(ctx: EndpointContext, scope: RequestScope): Promise<void> {
  const lister = scope.rest.lister;
  if (!lister) throw newMethodNotSupported({ group: scope.group, resource: resourcePath(scope) }, 'list');
  const options = parseListOptions(ctx.URL.searchParams, scope.selectors, lister);
  if (options.watch) return watchHandler(ctx, scope, options);
  const request = prepare(ctx, scope);
  const output = negotiate(ctx, scope, { list: true });
  const list = await lister.list(request.registry, options);
  writeList(ctx, scope, 200, list, output, request.warnings);
}
