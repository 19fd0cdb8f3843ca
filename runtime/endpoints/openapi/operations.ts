/**
 * The operations of a served resource, as kube-apiserver's installer lays them out: list,
 * create and deletecollection on the collection path; get, replace, patch and delete on the
 * object path; get, replace and patch on `status` and `scale`. Each carries the
 * `x-kubernetes-action` and `x-kubernetes-group-version-kind` extensions kubectl looks for,
 * and writes (POST, PUT, PATCH) carry `fieldValidation`, so kubectl validates server-side.
 */
import type { GroupVersionKind } from '../../machinery/scheme-types.js';
import type { DiscoveryResource } from '../discovery/source.js';

export interface ParameterSpec {
  readonly name: string;
  readonly in: 'query' | 'path';
  readonly type: 'string' | 'integer' | 'boolean';
  readonly description: string;
  readonly required?: boolean;
}

export interface ResponseSpec {
  readonly code: string;
  readonly description: string;
  /** Definition name of the body. */
  readonly schema?: string;
}

export interface OperationSpec {
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  readonly action: 'list' | 'post' | 'deletecollection' | 'get' | 'put' | 'patch' | 'delete';
  readonly operationId: string;
  readonly description: string;
  readonly tag: string;
  readonly gvk: GroupVersionKind;
  readonly parameters: readonly ParameterSpec[];
  /** Definition name of the request body. */
  readonly body?: string;
  /** Whether the body must be sent (default true); a delete's DeleteOptions may be left out. */
  readonly bodyRequired?: boolean;
  readonly consumes: readonly string[];
  readonly produces: readonly string[];
  readonly responses: readonly ResponseSpec[];
}

export interface PathSpec {
  readonly path: string;
  readonly parameters: readonly ParameterSpec[];
  readonly operations: readonly OperationSpec[];
}

export const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
export const STATUS_DEFINITION = `${META}.Status`;
export const DELETE_OPTIONS_DEFINITION = `${META}.DeleteOptions`;
export const PATCH_DEFINITION = `${META}.Patch`;
export const SCALE_DEFINITION = 'io.k8s.api.autoscaling.v1.Scale';

const PRODUCES = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];
const PRODUCES_LIST = [...PRODUCES, 'application/json;stream=watch', 'application/vnd.kubernetes.protobuf;stream=watch'];
export const PATCH_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
  'application/apply-patch+yaml',
];

export const q = (name: string, type: ParameterSpec['type'], description: string): ParameterSpec => ({ name, in: 'query', type, description });

export const P = {
  pretty: q('pretty', 'string', "If 'true', the output is pretty printed."),
  dryRun: q('dryRun', 'string', 'When present, modifications are not persisted. The only valid value is All.'),
  fieldManager: q('fieldManager', 'string', 'The name of the actor making the change, recorded in managedFields.'),
  fieldValidation: q(
    'fieldValidation',
    'string',
    'How to treat unknown and duplicate fields in the body: Ignore, Warn (the default) or Strict.',
  ),
  force: q('force', 'boolean', 'Server-side apply only: take ownership of fields other managers own.'),
  allowWatchBookmarks: q('allowWatchBookmarks', 'boolean', 'Ask for BOOKMARK watch events.'),
  continue: q('continue', 'string', 'The continue token of the previous page of a list.'),
  fieldSelector: q('fieldSelector', 'string', 'Restricts the result by fields.'),
  labelSelector: q('labelSelector', 'string', 'Restricts the result by labels.'),
  limit: q('limit', 'integer', 'The most items to return in one page.'),
  resourceVersion: q('resourceVersion', 'string', 'Which resource version the result must be at least as recent as.'),
  resourceVersionMatch: q('resourceVersionMatch', 'string', 'How resourceVersion applies to a list: Exact or NotOlderThan.'),
  sendInitialEvents: q('sendInitialEvents', 'boolean', 'With watch, start the stream with the current objects.'),
  timeoutSeconds: q('timeoutSeconds', 'integer', 'Ends a list or watch after this many seconds.'),
  watch: q('watch', 'boolean', 'Watch for changes instead of listing.'),
  gracePeriodSeconds: q('gracePeriodSeconds', 'integer', 'Seconds before the object is deleted; zero deletes at once.'),
  orphanDependents: q('orphanDependents', 'boolean', 'Deprecated: use propagationPolicy.'),
  propagationPolicy: q('propagationPolicy', 'string', 'How dependents are garbage collected: Orphan, Background or Foreground.'),
  ignoreStoreReadError: q(
    'ignoreStoreReadErrorWithClusterBreakingPotential',
    'boolean',
    'Delete an object that cannot be read from storage (unsafe).',
  ),
};

export const LIST_PARAMS = [
  P.allowWatchBookmarks,
  P.continue,
  P.fieldSelector,
  P.labelSelector,
  P.limit,
  P.resourceVersion,
  P.resourceVersionMatch,
  P.sendInitialEvents,
  P.timeoutSeconds,
  P.watch,
];
export const WRITE_PARAMS = [P.dryRun, P.fieldManager, P.fieldValidation];
export const PATCH_PARAMS = [...WRITE_PARAMS, P.force];
export const DELETE_PARAMS = [P.dryRun, P.gracePeriodSeconds, P.ignoreStoreReadError, P.orphanDependents, P.propagationPolicy];
const DELETECOLLECTION_PARAMS = [
  P.continue,
  P.dryRun,
  P.fieldSelector,
  P.gracePeriodSeconds,
  P.ignoreStoreReadError,
  P.labelSelector,
  P.limit,
  P.orphanDependents,
  P.propagationPolicy,
  P.resourceVersion,
  P.resourceVersionMatch,
  P.sendInitialEvents,
  P.timeoutSeconds,
];

export const UNAUTHORIZED: ResponseSpec = { code: '401', description: 'Unauthorized' };

export function capitalize(s: string): string {
  return s === '' ? s : s[0].toUpperCase() + s.slice(1);
}

/** `Core`, `Apps`, `RbacAuthorization`: the group as upstream's operation IDs spell it. */
export function groupCamel(group: string): string {
  if (group === '') return 'Core';
  return group
    .replace(/\.k8s\.io$/, '')
    .split(/[.-]/)
    .map(capitalize)
    .join('');
}

/** `core_v1`, `rbacAuthorization_v1`: the operation tag. */
export function groupVersionTag(group: string, version: string): string {
  const camel = groupCamel(group);
  return `${camel[0].toLowerCase()}${camel.slice(1)}_${version}`;
}

export function groupVersionPrefix(group: string, version: string): string {
  return group === '' ? `/api/${version}` : `/apis/${group}/${version}`;
}

/** Resolves a kind of a group-version to its definition name, if a schema describes it. */
export type DefinitionLookup = (gvk: GroupVersionKind) => string | undefined;

/**
 * The paths of one resource. Returns nothing when the kind or its list has no schema (a resource
 * whose shape is unknown is left out rather than described wrongly).
 */
export function resourcePaths(group: string, version: string, resource: DiscoveryResource, lookup: DefinitionLookup): PathSpec[] {
  const gvk = { group, version, kind: resource.kind };
  const kindDef = lookup(gvk);
  const listDef = lookup({ ...gvk, kind: `${resource.kind}List` });
  if (!kindDef) return [];
  const verbs = new Set(resource.verbs);
  const gv = `${groupCamel(group)}${capitalize(version)}`;
  const tag = groupVersionTag(group, version);
  const prefix = groupVersionPrefix(group, version);
  const ns = resource.namespaced ? 'Namespaced' : '';
  const base = resource.namespaced ? `${prefix}/namespaces/{namespace}/${resource.name}` : `${prefix}/${resource.name}`;
  const nsParam: ParameterSpec[] = resource.namespaced
    ? [{ name: 'namespace', in: 'path', type: 'string', description: 'object name and auth scope, such as for teams and projects', required: true }]
    : [];
  const nameParam = (kind: string): ParameterSpec => ({ name: 'name', in: 'path', type: 'string', description: `name of the ${kind}`, required: true });
  const op = (o: Omit<OperationSpec, 'tag' | 'consumes' | 'produces'> & Partial<Pick<OperationSpec, 'consumes' | 'produces'>>): OperationSpec => ({
    tag,
    consumes: ['*/*'],
    produces: PRODUCES,
    ...o,
  });
  const out: PathSpec[] = [];

  const collection: OperationSpec[] = [];
  if (verbs.has('list') && listDef) {
    collection.push(
      op({
        method: 'get',
        action: 'list',
        operationId: `list${gv}${ns}${resource.kind}`,
        description: `list or watch objects of kind ${resource.kind}`,
        gvk,
        parameters: LIST_PARAMS,
        produces: PRODUCES_LIST,
        responses: [{ code: '200', description: 'OK', schema: listDef }, UNAUTHORIZED],
      }),
    );
  }
  if (verbs.has('create')) {
    collection.push(
      op({
        method: 'post',
        action: 'post',
        operationId: `create${gv}${ns}${resource.kind}`,
        description: `create a ${resource.kind}`,
        gvk,
        parameters: WRITE_PARAMS,
        body: kindDef,
        responses: [
          { code: '200', description: 'OK', schema: kindDef },
          { code: '201', description: 'Created', schema: kindDef },
          { code: '202', description: 'Accepted', schema: kindDef },
          UNAUTHORIZED,
        ],
      }),
    );
  }
  if (verbs.has('deletecollection')) {
    collection.push(
      op({
        method: 'delete',
        action: 'deletecollection',
        operationId: `delete${gv}Collection${ns}${resource.kind}`,
        description: `delete collection of ${resource.kind}`,
        gvk,
        parameters: DELETECOLLECTION_PARAMS,
        body: DELETE_OPTIONS_DEFINITION,
        responses: [{ code: '200', description: 'OK', schema: STATUS_DEFINITION }, UNAUTHORIZED],
      }),
    );
  }
  if (collection.length > 0) out.push({ path: base, parameters: [...nsParam, P.pretty], operations: collection });

  const objectOps = (suffix: string, target: GroupVersionKind, def: string, what: string, deletable: boolean): OperationSpec[] => {
    const ops: OperationSpec[] = [];
    if (verbs.has('get')) {
      ops.push(
        op({
          method: 'get',
          action: 'get',
          operationId: `read${gv}${ns}${resource.kind}${suffix}`,
          description: `read ${what}`,
          gvk: target,
          parameters: [],
          responses: [{ code: '200', description: 'OK', schema: def }, UNAUTHORIZED],
        }),
      );
    }
    if (verbs.has('update')) {
      ops.push(
        op({
          method: 'put',
          action: 'put',
          operationId: `replace${gv}${ns}${resource.kind}${suffix}`,
          description: `replace ${what}`,
          gvk: target,
          parameters: WRITE_PARAMS,
          body: def,
          responses: [
            { code: '200', description: 'OK', schema: def },
            { code: '201', description: 'Created', schema: def },
            UNAUTHORIZED,
          ],
        }),
      );
    }
    if (verbs.has('patch')) {
      ops.push(
        op({
          method: 'patch',
          action: 'patch',
          operationId: `patch${gv}${ns}${resource.kind}${suffix}`,
          description: `partially update ${what}`,
          gvk: target,
          parameters: PATCH_PARAMS,
          body: PATCH_DEFINITION,
          consumes: PATCH_TYPES,
          responses: [
            { code: '200', description: 'OK', schema: def },
            { code: '201', description: 'Created', schema: def },
            UNAUTHORIZED,
          ],
        }),
      );
    }
    if (deletable && verbs.has('delete')) {
      ops.push(
        op({
          method: 'delete',
          action: 'delete',
          operationId: `delete${gv}${ns}${resource.kind}`,
          description: `delete a ${resource.kind}`,
          gvk: target,
          parameters: DELETE_PARAMS,
          body: DELETE_OPTIONS_DEFINITION,
          responses: [
            { code: '200', description: 'OK', schema: def },
            { code: '202', description: 'Accepted', schema: def },
            UNAUTHORIZED,
          ],
        }),
      );
    }
    return ops;
  };

  const objectPath = `${base}/{name}`;
  const objectOperations = objectOps('', gvk, kindDef, `the specified ${resource.kind}`, true);
  if (objectOperations.length > 0) out.push({ path: objectPath, parameters: [nameParam(resource.kind), ...nsParam, P.pretty], operations: objectOperations });

  for (const sub of resource.subresources) {
    const target = { group: sub.group ?? group, version: sub.version ?? version, kind: sub.kind };
    const def = sub.name === 'scale' && sub.kind === 'Scale' ? SCALE_DEFINITION : lookup(target);
    if (!def) continue;
    const suffix = capitalize(sub.name);
    const subVerbs = new Set(sub.verbs);
    const ops = objectOps(suffix, target, def, `${sub.name} of the specified ${resource.kind}`, false).filter((o) =>
      subVerbs.has(o.action === 'put' ? 'update' : o.action),
    );
    if (ops.length > 0) out.push({ path: `${objectPath}/${sub.name}`, parameters: [nameParam(sub.kind), ...nsParam, P.pretty], operations: ops });
  }

  if (resource.namespaced && verbs.has('list') && listDef) {
    out.push({
      path: `${prefix}/${resource.name}`,
      parameters: [...LIST_PARAMS, P.pretty],
      operations: [
        op({
          method: 'get',
          action: 'list',
          operationId: `list${gv}${resource.kind}ForAllNamespaces`,
          description: `list or watch objects of kind ${resource.kind}`,
          gvk,
          parameters: [],
          produces: PRODUCES_LIST,
          responses: [{ code: '200', description: 'OK', schema: listDef }, UNAUTHORIZED],
        }),
      ],
    });
  }
  return out;
}

/** An index from group-version-kind to definition name, read from `x-kubernetes-group-version-kind`. */
export function definitionIndex(definitions: Readonly<Record<string, { readonly [k: string]: unknown }>>): DefinitionLookup {
  const index = new Map<string, string>();
  for (const [name, schema] of Object.entries(definitions)) {
    const gvks = schema['x-kubernetes-group-version-kind'];
    if (!Array.isArray(gvks)) continue;
    for (const g of gvks as GroupVersionKind[]) {
      const key = `${g.group}/${g.version}/${g.kind}`;
      if (!index.has(key)) index.set(key, name);
    }
  }
  return (gvk) => index.get(`${gvk.group}/${gvk.version}/${gvk.kind}`);
}
