/**
 * POST of a new object to `…/namespaces/<ns>/<resource>` (or `…/<resource>` when cluster-scoped).
 * Supported: bodies in JSON, YAML or protobuf; dryRun=All; fieldManager; fieldValidation
 * Ignore|Warn|Strict. Mutating admission runs on the decoded object, then the strategy
 * validates, then validating admission, then storage. Answers 201 with the stored object.
 */
import { newMethodNotSupported } from '../../machinery/errors.js';
import { peekMeta } from '../../registry/meta.js';
import { decodeBody } from './body.js';
import type { EndpointContext } from './context.js';
import { parseWriteOptions } from './query.js';
import { attributes, prepare } from './request.js';
import { negotiate, writeObject } from './response.js';
import { resourcePath, type RequestScope } from './scope.js';

export async function createHandler(ctx: EndpointContext, scope: RequestScope): Promise<void> {
  const creater = scope.rest.creater;
  if (!creater) throw newMethodNotSupported({ group: scope.group, resource: resourcePath(scope) }, 'create');
  const request = prepare(ctx, scope);
  const options = parseWriteOptions(ctx.URL.searchParams, 'CreateOptions');
  const output = negotiate(ctx, scope);
  const { object } = await decodeBody(ctx, scope, scope.kind, options.fieldValidation, request.warnings);
  const dryRun = options.dryRun.length > 0;
  const name = request.name !== '' ? request.name : (peekMeta(object).name ?? '');
  const attrs = attributes(ctx, scope, request, 'CREATE', { name, object, options, dryRun });
  await scope.admission.admit(attrs);
  const created = await creater.create(request.registry, object, {
    dryRun,
    name: request.name !== '' ? request.name : undefined,
    validate: (o) => scope.admission.validate({ ...attrs, object: o }),
  });
  writeObject(ctx, scope, 201, created, output, request.warnings);
}
