/**
 * The REST installer: serves every resource request of a group-version (the RestInstaller seam
 * of the generic server). It maps the parsed request info to a resource or subresource scope
 * and the verb to its handler, rejecting path shapes a resource does not serve (a namespaced
 * resource named without a namespace, a cluster-scoped one inside a namespace) as
 * kube-apiserver's routes would, and turns every error into a Status.
 *
 *   const installer = new RestAPIInstaller({ scheme, admission, storages });
 *   genericServer.installAPIGroup(groupInfo, installer);
 */
import type { AdmissionChain } from '../admission/interfaces.js';
import { ADMIT_ALL } from '../admission/interfaces.js';
import { newGenericServerResponse } from '../machinery/errors.js';
import type { Scheme } from '../machinery/scheme.js';
import type { GroupVersion, ResourceInfo } from '../machinery/scheme-types.js';
import type { RestStorage } from '../registry/rest.js';
import { selectorParser, type SelectorParser } from '../registry/selection.js';
import { columnTableConvertor } from '../registry/table.js';
import { DEFAULT_MAX_REQUEST_BODY_BYTES } from './handlers/body.js';
import { writeStatusError, type EndpointContext, type EndpointHandler } from './handlers/context.js';
import { createHandler } from './handlers/create.js';
import { deleteHandler } from './handlers/delete.js';
import { deleteCollectionHandler } from './handlers/deletecollection.js';
import { toStatusError } from './handlers/errors.js';
import type { UnknownFieldChecker } from './handlers/fields.js';
import { getHandler } from './handlers/get.js';
import { listHandler } from './handlers/list.js';
import { patchHandler } from './handlers/patch.js';
import type { PatchApplier, RequestScope } from './handlers/scope.js';
import { updateHandler } from './handlers/update.js';
import { watchHandler } from './handlers/watch.js';

/** kube-apiserver's --min-request-timeout: watches last 1800 to 3600 s unless timeoutSeconds says otherwise. */
export const DEFAULT_MIN_REQUEST_TIMEOUT_SECONDS = 1800;

export interface RestInstallerOptions {
  readonly scheme: Scheme;
  /** The REST storages of a group-version by path: `pods`, `pods/status`, `deployments/scale`. */
  storages(gv: GroupVersion): ReadonlyMap<string, RestStorage> | undefined;
  readonly admission?: AdmissionChain;
  readonly selectors?: SelectorParser;
  /** PATCH support; without it PATCH answers 415. */
  readonly patcher?: PatchApplier;
  /** Unknown-field detection for fieldValidation; without it only duplicate fields are found. */
  readonly fieldChecker?: UnknownFieldChecker;
  readonly maxRequestBodyBytes?: number;
  readonly minRequestTimeoutSeconds?: number;
}

type VerbHandler = (ctx: EndpointContext, scope: RequestScope) => Promise<void>;

const VERBS: Readonly<Record<string, VerbHandler>> = {
  get: getHandler,
  list: listHandler,
  watch: (ctx, scope) => watchHandler(ctx, scope),
  create: createHandler,
  update: updateHandler,
  patch: patchHandler,
  delete: deleteHandler,
  deletecollection: deleteCollectionHandler,
};

/** Verbs served on a namespaced resource's all-namespaces path (`/apis/g/v/<resource>`). */
const ALL_NAMESPACES_VERBS = new Set(['list', 'watch']);

const notFound = (): ReturnType<typeof newGenericServerResponse> => newGenericServerResponse(404);
const methodNotAllowed = (): ReturnType<typeof newGenericServerResponse> => newGenericServerResponse(405);

export class RestAPIInstaller {
  constructor(private readonly options: RestInstallerOptions) {}

  /** The scopes of a group-version's resources and subresources, by path. */
  scopesFor(gv: GroupVersion, resources: readonly ResourceInfo[]): Map<string, RequestScope> {
    const storages = this.options.storages(gv);
    const scopes = new Map<string, RequestScope>();
    if (!storages) return scopes;
    const common = {
      scheme: this.options.scheme,
      group: gv.group,
      version: gv.version,
      admission: this.options.admission ?? ADMIT_ALL,
      selectors: this.options.selectors ?? selectorParser,
      patcher: this.options.patcher,
      fieldChecker: this.options.fieldChecker,
      maxRequestBodyBytes: this.options.maxRequestBodyBytes ?? DEFAULT_MAX_REQUEST_BODY_BYTES,
      minRequestTimeoutSeconds: this.options.minRequestTimeoutSeconds ?? DEFAULT_MIN_REQUEST_TIMEOUT_SECONDS,
    };
    for (const info of resources) {
      const rest = storages.get(info.plural);
      if (!rest) continue;
      // Virtual resources (create only, nothing stored) have no rows to print.
      const readable = rest.getter !== undefined || rest.lister !== undefined;
      const table = rest.table ?? (readable ? columnTableConvertor(info.printColumns) : undefined);
      scopes.set(info.plural, {
        ...common,
        info,
        subresource: '',
        rest,
        kind: rest.responseKind(gv.group, gv.version),
        listKind: { group: gv.group, version: gv.version, kind: info.listKind },
        table,
      });
      for (const [path, subRest] of storages) {
        if (!path.startsWith(`${info.plural}/`)) continue;
        const sub = path.slice(info.plural.length + 1);
        scopes.set(`${info.plural}/${sub}`, {
          ...common,
          info,
          subresource: sub,
          rest: subRest,
          kind: subRest.responseKind(gv.group, gv.version),
          table: sub === 'status' ? table : undefined,
        });
      }
    }
    return scopes;
  }

  /** The handler of every request under `/api/v1/…` or `/apis/<group>/<version>/…`; undefined when nothing is served. */
  handlerFor(gv: GroupVersion, resources: readonly ResourceInfo[]): EndpointHandler | undefined {
    const scopes = this.scopesFor(gv, resources);
    if (scopes.size === 0) return undefined;
    return async (ctx) => {
      try {
        await serve(ctx, scopes);
      } catch (error) {
        if (ctx.respond === false) {
          if (!ctx.res.writableEnded) ctx.res.end();
          return;
        }
        writeStatusError(ctx, toStatusError(error));
      }
    };
  }
}

async function serve(ctx: EndpointContext, scopes: ReadonlyMap<string, RequestScope>): Promise<void> {
  const info = ctx.state.requestInfo;
  if (!info.isResourceRequest) throw notFound();
  const path = info.subresource ? `${info.resource}/${info.subresource}` : info.resource;
  const scope = scopes.get(path);
  if (!scope) throw notFound();
  const handler = VERBS[info.verb];
  if (!handler) throw methodNotAllowed();
  const hasName = info.parts.length >= 2 && info.parts[1] !== '';
  const namespaced = scope.rest.namespaced;
  const inNamespace = info.namespace !== '' && !(info.resource === 'namespaces' && !namespaced);
  if (namespaced && !inNamespace) {
    if (hasName) throw notFound();
    if (!ALL_NAMESPACES_VERBS.has(info.verb)) throw methodNotAllowed();
  }
  if (!namespaced && inNamespace) throw notFound();
  if (info.subresource && !hasName) throw notFound();
  if ((info.verb === 'update' || info.verb === 'patch') && !hasName) throw methodNotAllowed();
  if (info.verb === 'create' && hasName && !info.subresource) throw methodNotAllowed();
  if (info.verb === 'watch' && ctx.method !== 'GET') throw methodNotAllowed();
  await handler(ctx, scope);
}
