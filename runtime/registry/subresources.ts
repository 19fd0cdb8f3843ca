/**
 * The REST storages of a resource and its subresources over one Store: the resource itself
 * (verbs from its ResourceInfo), `status` (get, update, patch through the status strategy) and
 * `scale` (an autoscaling/v1 Scale read from and written to the kind's replicas and selector
 * paths).
 */
import { newBadRequest, newConflict, newNotFound } from '../machinery/errors.js';
import type { ResourceInfo } from '../machinery/scheme-types.js';
import { findFirst, setPath } from './json-path.js';
import { metaOf, peekMeta, type KObject } from './meta.js';
import type { RequestContext, RestStorage, UpdatedObjectInfo, UpdateOptions, ValidateObjectFunc, ValidateObjectUpdateFunc } from './rest.js';
import { labelSelectorString } from './selection.js';
import { invalid, type Store } from './store.js';
import { kindTableConvertor } from './table.js';
import { newStatusStrategy, type Strategy } from './strategy.js';
import { nameIsDNSSubdomain, validateObjectMeta } from './validation.js';

/** The kind scale subresources answer with. */
export const SCALE_KIND = { group: 'autoscaling', version: 'v1', kind: 'Scale' } as const;

/** The RestStorage of a resource: the verbs its ResourceInfo lists, served by the store. */
export function resourceRest(store: Store, info: ResourceInfo): RestStorage {
  const verbs = new Set(info.verbs);
  return {
    namespaced: info.namespaced,
    table: store.strategy.table ? kindTableConvertor(store.strategy.table) : undefined,
    responseKind: (group, version) => ({ group, version, kind: info.kind }),
    getter: verbs.has('get') ? store : undefined,
    lister: verbs.has('list') ? store : undefined,
    watcher: verbs.has('watch') ? store : undefined,
    creater: verbs.has('create') ? store : undefined,
    updater: verbs.has('update') || verbs.has('patch') ? store : undefined,
    deleter: verbs.has('delete') ? store : undefined,
    collectionDeleter: verbs.has('deletecollection') ? store : undefined,
  };
}

/** The status subresource: GET returns the whole object; PUT and PATCH change only its status. */
export function statusRest(store: Store, info: ResourceInfo, strategy: Strategy = newStatusStrategy(store.strategy)): RestStorage {
  return {
    namespaced: info.namespaced,
    table: store.strategy.table ? kindTableConvertor(store.strategy.table) : undefined,
    responseKind: (group, version) => ({ group, version, kind: info.kind }),
    getter: store,
    updater: {
      update: (ctx, name, objInfo, options) => store.updateWith(strategy, ctx, name, objInfo, { ...options, forceAllowCreate: false }),
    },
  };
}

type ScalePaths = NonNullable<ResourceInfo['subresources']['scale']>;

function toInt(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : 0;
}

/** The Scale of an object, as scaleFromDeployment / scaleFromCustomResource build it. */
export function scaleFrom(object: KObject, paths: ScalePaths): KObject {
  const meta = peekMeta(object);
  const scaleMeta: Record<string, unknown> = { name: meta.name };
  if (meta.namespace) scaleMeta['namespace'] = meta.namespace;
  if (meta.uid) scaleMeta['uid'] = meta.uid;
  if (meta.resourceVersion) scaleMeta['resourceVersion'] = meta.resourceVersion;
  if (meta.creationTimestamp) scaleMeta['creationTimestamp'] = meta.creationTimestamp;
  const status: Record<string, unknown> = { replicas: toInt(findFirst(object, paths.statusReplicasPath)) };
  if (paths.labelSelectorPath) {
    const selector = labelSelectorString(findFirst(object, paths.labelSelectorPath));
    if (selector !== '') status['selector'] = selector;
  }
  return { metadata: scaleMeta, spec: { replicas: toInt(findFirst(object, paths.specReplicasPath)) }, status };
}

/** autoscaling validation.ValidateScale. */
function validateScale(scale: KObject): ReturnType<typeof validateObjectMeta> {
  const errs = validateObjectMeta(metaOf(scale), true, nameIsDNSSubdomain);
  const replicas = (scale['spec'] as { replicas?: number } | undefined)?.replicas ?? 0;
  if (replicas < 0) errs.push({ type: 'Invalid', field: 'spec.replicas', badValue: replicas, detail: 'must be greater than or equal to 0' });
  return errs;
}

/** The scale subresource of a resource whose ResourceInfo names its replica and selector paths. */
export function scaleRest(store: Store, info: ResourceInfo): RestStorage | undefined {
  const paths = info.subresources.scale;
  if (!paths) return undefined;
  const scaleResource = { group: store.resource.group, resource: `${store.resource.resource}/scale` };
  const update = async (ctx: RequestContext, name: string, objInfo: UpdatedObjectInfo, options: UpdateOptions) => {
    const wrapped: UpdatedObjectInfo = {
      preconditions: () => objInfo.preconditions?.(),
      async updatedObject(existing, exists) {
        if (!exists) throw newNotFound(scaleResource, name);
        const object = existing;
        const scale = await objInfo.updatedObject(scaleFrom(object, paths), true);
        if (!scale) throw newBadRequest('nil update passed to Scale');
        const errs = validateScale(scale);
        const meta = peekMeta(object);
        if (errs.length > 0) throw invalid({ group: SCALE_KIND.group, kind: SCALE_KIND.kind }, meta.name ?? '', errs);
        const scaleMeta = peekMeta(scale);
        if (scaleMeta.uid && scaleMeta.uid !== meta.uid) {
          throw newConflict(scaleResource, meta.name ?? '', `Precondition failed: UID in precondition: ${scaleMeta.uid}, UID in object meta: ${meta.uid ?? ''}`);
        }
        setPath(object, paths.specReplicasPath, (scale['spec'] as { replicas?: number } | undefined)?.replicas ?? 0);
        const objectMeta = metaOf(object);
        if (scaleMeta.resourceVersion) objectMeta.resourceVersion = scaleMeta.resourceVersion;
        else delete objectMeta.resourceVersion;
        return object;
      },
    };
    const validateUpdate: ValidateObjectUpdateFunc | undefined = options.validateUpdate
      ? (object, old) => options.validateUpdate?.(scaleFrom(object, paths), scaleFrom(old, paths))
      : undefined;
    const validateCreate: ValidateObjectFunc | undefined = options.validateCreate ? (object) => options.validateCreate?.(scaleFrom(object, paths)) : undefined;
    const result = await store.update(ctx, name, wrapped, { ...options, validateCreate, validateUpdate, forceAllowCreate: false });
    return { object: scaleFrom(result.object, paths), created: false };
  };
  return {
    namespaced: info.namespaced,
    responseKind: () => ({ ...SCALE_KIND }),
    getter: { get: async (ctx, name, options) => scaleFrom(await store.get(ctx, name, options), paths) },
    updater: { update },
  };
}
