/**
 * The operations of a custom resource, as apiextensions-apiserver's OpenAPI builder lays them
 * out (pkg/controller/openapi/builder): bodies in JSON or YAML only (custom resources have no
 * protobuf), PATCH as JSON patch, merge patch or apply patch (no strategic merge: a custom
 * resource has no patch metadata), delete and deletecollection answering a Status, and every
 * operation, `status` and `scale` included, tagged with the custom resource's kind.
 */
import type { GroupVersionKind } from '../../machinery/scheme-types.js';
import type { DiscoveryResource } from '../discovery/source.js';
import {
  capitalize,
  DELETE_OPTIONS_DEFINITION,
  DELETE_PARAMS,
  groupCamel,
  groupVersionPrefix,
  groupVersionTag,
  LIST_PARAMS,
  P,
  PATCH_DEFINITION,
  PATCH_PARAMS,
  SCALE_DEFINITION,
  STATUS_DEFINITION,
  UNAUTHORIZED,
  WRITE_PARAMS,
  type DefinitionLookup,
  type OperationSpec,
  type ParameterSpec,
  type PathSpec,
} from './operations.js';

const MEDIA = ['application/json', 'application/yaml'];
const CR_PATCH_TYPES = ['application/json-patch+json', 'application/merge-patch+json', 'application/apply-patch+yaml'];
/** GetOptions as query parameters. */
const GET_PARAMS = [P.resourceVersion];

/** "a CronTab", "an Ingress": the article upstream puts before a kind in create and delete descriptions. */
function withArticle(kind: string): string {
  return /^[aeiou]/i.test(kind) ? `an ${kind}` : `a ${kind}`;
}

/**
 * The paths of one custom resource at one version. Returns nothing when the kind has no
 * published definition (its CRD is not Established yet, or the version is not served).
 */
export function customResourcePaths(group: string, version: string, resource: DiscoveryResource, lookup: DefinitionLookup): PathSpec[] {
  const gvk: GroupVersionKind = { group, version, kind: resource.kind };
  const kindDef = lookup(gvk);
  const listDef = lookup({ ...gvk, kind: `${resource.kind}List` });
  if (!kindDef || !listDef) return [];
  const verbs = new Set(resource.verbs);
  const gv = `${groupCamel(group)}${capitalize(version)}`;
  const tag = groupVersionTag(group, version);
  const prefix = groupVersionPrefix(group, version);
  const ns = resource.namespaced ? 'Namespaced' : '';
  const kind = resource.kind;
  const base = resource.namespaced ? `${prefix}/namespaces/{namespace}/${resource.name}` : `${prefix}/${resource.name}`;
  const nsParam: ParameterSpec[] = resource.namespaced
    ? [{ name: 'namespace', in: 'path', type: 'string', description: 'object name and auth scope, such as for teams and projects', required: true }]
    : [];
  const nameParam: ParameterSpec = { name: 'name', in: 'path', type: 'string', description: `name of the ${kind}`, required: true };
  const op = (o: Omit<OperationSpec, 'tag' | 'consumes' | 'produces' | 'gvk'> & Partial<Pick<OperationSpec, 'consumes'>>): OperationSpec => ({
    tag,
    gvk,
    consumes: MEDIA,
    produces: MEDIA,
    ...o,
  });
  const out: PathSpec[] = [];

  const collection: OperationSpec[] = [];
  if (verbs.has('list')) {
    collection.push(
      op({
        method: 'get',
        action: 'list',
        operationId: `list${gv}${ns}${kind}`,
        description: `list objects of kind ${kind}`,
        parameters: LIST_PARAMS,
        responses: [{ code: '200', description: 'OK', schema: listDef }, UNAUTHORIZED],
      }),
    );
  }
  if (verbs.has('create')) {
    collection.push(
      op({
        method: 'post',
        action: 'post',
        operationId: `create${gv}${ns}${kind}`,
        description: `create ${withArticle(kind)}`,
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
        operationId: `deletecollection${gv}${ns}${kind}`,
        description: `delete collection of ${kind}`,
        parameters: LIST_PARAMS,
        responses: [{ code: '200', description: 'OK', schema: STATUS_DEFINITION }, UNAUTHORIZED],
      }),
    );
  }
  if (collection.length > 0) out.push({ path: base, parameters: [...nsParam, P.pretty], operations: collection });

  /** get, put and patch of the object or a subresource: `suffix` is '' or `Status`/`Scale`. */
  const readWrite = (suffix: string, def: string, what: string, subVerbs: ReadonlySet<string>): OperationSpec[] => {
    const ops: OperationSpec[] = [];
    if (subVerbs.has('get')) {
      ops.push(
        op({
          method: 'get',
          action: 'get',
          operationId: `read${gv}${ns}${kind}${suffix}`,
          description: `read ${what}`,
          parameters: GET_PARAMS,
          responses: [{ code: '200', description: 'OK', schema: def }, UNAUTHORIZED],
        }),
      );
    }
    if (subVerbs.has('update')) {
      ops.push(
        op({
          method: 'put',
          action: 'put',
          operationId: `replace${gv}${ns}${kind}${suffix}`,
          description: `replace ${what}`,
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
    if (subVerbs.has('patch')) {
      ops.push(
        op({
          method: 'patch',
          action: 'patch',
          operationId: `patch${gv}${ns}${kind}${suffix}`,
          description: `partially update ${what}`,
          parameters: PATCH_PARAMS,
          body: PATCH_DEFINITION,
          consumes: CR_PATCH_TYPES,
          responses: [{ code: '200', description: 'OK', schema: def }, UNAUTHORIZED],
        }),
      );
    }
    return ops;
  };

  const objectPath = `${base}/{name}`;
  const objectOps = readWrite('', kindDef, `the specified ${kind}`, verbs);
  if (verbs.has('delete')) {
    objectOps.push(
      op({
        method: 'delete',
        action: 'delete',
        operationId: `delete${gv}${ns}${kind}`,
        description: `delete ${withArticle(kind)}`,
        parameters: DELETE_PARAMS,
        body: DELETE_OPTIONS_DEFINITION,
        bodyRequired: false,
        responses: [
          { code: '200', description: 'OK', schema: STATUS_DEFINITION },
          { code: '202', description: 'Accepted', schema: STATUS_DEFINITION },
          UNAUTHORIZED,
        ],
      }),
    );
  }
  if (objectOps.length > 0) out.push({ path: objectPath, parameters: [nameParam, ...nsParam, P.pretty], operations: objectOps });

  for (const sub of resource.subresources) {
    if (sub.name !== 'status' && sub.name !== 'scale') continue;
    const def = sub.name === 'scale' ? SCALE_DEFINITION : kindDef;
    const ops = readWrite(capitalize(sub.name), def, `${sub.name} of the specified ${kind}`, new Set(sub.verbs));
    if (ops.length > 0) out.push({ path: `${objectPath}/${sub.name}`, parameters: [nameParam, ...nsParam, P.pretty], operations: ops });
  }

  if (resource.namespaced && verbs.has('list')) {
    out.push({
      path: `${prefix}/${resource.name}`,
      parameters: [...LIST_PARAMS, P.pretty],
      operations: [
        op({
          method: 'get',
          action: 'list',
          operationId: `list${gv}${kind}ForAllNamespaces`,
          description: `list objects of kind ${kind}`,
          parameters: [],
          responses: [{ code: '200', description: 'OK', schema: listDef }, UNAUTHORIZED],
        }),
      ],
    });
  }
  return out;
}
