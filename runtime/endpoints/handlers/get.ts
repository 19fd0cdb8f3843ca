/**
 * GET of one object: `…/<resource>/<name>` and subresources (`…/<name>/status`, `…/scale`).
 * Supported: `resourceVersion` (read at least that version); output JSON, YAML, protobuf,
 * Table, PartialObjectMetadata.
 */
import { newMethodNotSupported } from '../../machinery/errors.js';
import { Store } from '../../registry/store.js';
import type { EndpointContext } from './context.js';
import { prepare } from './request.js';
import { negotiate, writeObject } from './response.js';
import { resourcePath, type RequestScope } from './scope.js';

export async function getHandler(ctx: EndpointContext, scope: RequestScope): Promise<void> {
  const getter = scope.rest.getter;
  if (!getter) throw newMethodNotSupported({ group: scope.group, resource: resourcePath(scope) }, 'get');
  const request = prepare(ctx, scope);
  const output = negotiate(ctx, scope);
  const resourceVersion = ctx.URL.searchParams.get('resourceVersion') ?? undefined;
  const object = await getter.get(request.registry, request.name, { resourceVersion });
  // A registry Store answers with its shared, read-only hub object: its encoding can be reused.
  writeObject(ctx, scope, 200, object, output, request.warnings, getter instanceof Store);
}
