/**
 * What every verb handler reads first: the namespace and name the path names (by the resource's
 * scope), the registry context, and the admission attributes of a write.
 */
import type { Attributes, Operation } from '../../admission/interfaces.js';
import type { KObject } from '../../registry/meta.js';
import type { RequestContext } from '../../registry/rest.js';
import { requestContext, type EndpointContext } from './context.js';
import { resourcePath, type RequestScope } from './scope.js';
import { Warnings } from './warnings.js';

export interface PreparedRequest {
  /** The namespace of the path for namespaced resources; '' otherwise. */
  readonly namespace: string;
  /** The name in the path ('' for collections). */
  readonly name: string;
  readonly warnings: Warnings;
  readonly registry: RequestContext;
}

export function prepare(ctx: EndpointContext, scope: RequestScope): PreparedRequest {
  const info = ctx.state.requestInfo;
  const namespace = scope.rest.namespaced ? info.namespace : '';
  const name = info.parts.length >= 2 ? info.parts[1] : '';
  const warnings = new Warnings();
  return { namespace, name, warnings, registry: requestContext(ctx, namespace, warnings) };
}

/** The admission attributes of a write on this scope. */
export function attributes(
  ctx: EndpointContext,
  scope: RequestScope,
  request: PreparedRequest,
  operation: Operation,
  fields: { name: string; object?: KObject; oldObject?: KObject; options?: unknown; dryRun: boolean },
): Attributes {
  return {
    operation,
    name: fields.name,
    namespace: request.namespace,
    resource: { group: scope.group, version: scope.version, resource: resourcePath(scope).split('/')[0] },
    subresource: scope.subresource,
    kind: scope.kind,
    object: fields.object,
    oldObject: fields.oldObject,
    options: fields.options,
    dryRun: fields.dryRun,
    user: ctx.state.user,
  };
}
