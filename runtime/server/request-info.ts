/**
 * RequestInfo: what a request is about, read from its path, method and query, as apiserver's
 * `RequestInfoFactory` reads it. Authorization, audit, metrics and the REST handlers all use it.
 *
 *   /api/v1/namespaces/{ns}/{resource}/{name}/{subresource}
 *   /apis/{group}/{version}/{resource}/{name}       (cluster-scoped)
 *   /apis/{group}/{version}/{resource}              (list, watch, create, deletecollection, all namespaces)
 *   /healthz, /version, /apis, /apis/{group}        (non-resource)
 */

export interface RequestInfo {
  readonly isResourceRequest: boolean;
  /** The URL path. */
  readonly path: string;
  /**
   * The verb: for resource requests get, list, watch, create, update, patch, delete,
   * deletecollection or proxy; for others the lower-cased HTTP method.
   */
  readonly verb: string;
  /** `api` or `apis` for resource requests. */
  readonly apiPrefix: string;
  readonly apiGroup: string;
  readonly apiVersion: string;
  readonly namespace: string;
  readonly resource: string;
  readonly subresource: string;
  readonly name: string;
  /** The path segments from the resource on. */
  readonly parts: readonly string[];
}

const API_PREFIXES = new Set(['api', 'apis']);
const GROUPLESS_PREFIXES = new Set(['api']);
const SPECIAL_VERBS = new Set(['proxy', 'watch']);
const SPECIAL_VERBS_NO_SUBRESOURCES = new Set(['proxy']);
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

function methodVerb(method: string): string {
  switch (method.toUpperCase()) {
    case 'POST':
      return 'create';
    case 'GET':
    case 'HEAD':
      return 'get';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return 'delete';
    default:
      return '';
  }
}

/** The name an exact `metadata.name=<x>` (or `==`) field selector pins, if it has one. */
function nameFromFieldSelector(selector: string | null): string {
  if (!selector) return '';
  for (const term of selector.split(',')) {
    const m = /^\s*metadata\.name\s*==?\s*(.*?)\s*$/.exec(term);
    if (m && m[1] !== '' && !m[1].includes('/') && m[1] !== '.' && m[1] !== '..' && !m[1].includes('%')) return m[1];
  }
  return '';
}

/**
 * A boolean query parameter as apiserver's parameter codec reads it: false only for `0` and
 * (any case of) `false`, so `1`, `t`, `T`, `TRUE`, `true`, `True` and every other value are true.
 */
export function isTrueQueryBool(value: string): boolean {
  return value !== '0' && value.toLowerCase() !== 'false';
}

/** Reads the RequestInfo of a request. `query` is the parsed query string. */
export function parseRequestInfo(method: string, path: string, query: URLSearchParams): RequestInfo {
  const nonResource: RequestInfo = {
    isResourceRequest: false,
    path,
    verb: method.toLowerCase(),
    apiPrefix: '',
    apiGroup: '',
    apiVersion: '',
    namespace: '',
    resource: '',
    subresource: '',
    name: '',
    parts: [],
  };
  let parts = path.replace(/^\/+|\/+$/g, '').split('/');
  if (parts.length === 1 && parts[0] === '') parts = [];
  if (parts.length < 1 || !API_PREFIXES.has(parts[0])) return nonResource;
  const apiPrefix = parts[0];
  parts = parts.slice(1);
  let apiGroup = '';
  if (!GROUPLESS_PREFIXES.has(apiPrefix)) {
    if (parts.length < 2) return nonResource;
    apiGroup = parts[0];
    parts = parts.slice(1);
  }
  if (parts.length < 1) return nonResource;
  const apiVersion = parts[0];
  parts = parts.slice(1);
  // /api/v1 and /apis/{g}/{v} are discovery documents, not resource requests.
  if (parts.length < 1) return { ...nonResource };

  let verb: string;
  if (SPECIAL_VERBS.has(parts[0])) {
    if (parts.length < 2) return nonResource;
    verb = parts[0];
    parts = parts.slice(1);
  } else {
    verb = methodVerb(method);
  }

  let namespace = '';
  if (parts[0] === 'namespaces') {
    if (parts.length > 1) {
      namespace = parts[1];
      if (parts.length > 2 && !NAMESPACE_SUBRESOURCES.has(parts[2])) parts = parts.slice(2);
    }
  }

  let resource = '';
  let name = '';
  let subresource = '';
  if (parts.length >= 3 && !SPECIAL_VERBS_NO_SUBRESOURCES.has(verb)) subresource = parts[2];
  if (parts.length >= 2) name = parts[1];
  if (parts.length >= 1) resource = parts[0];

  if (name === '' && verb === 'get') {
    const watch = query.get('watch');
    verb = watch !== null && isTrueQueryBool(watch) ? 'watch' : 'list';
    name = nameFromFieldSelector(query.get('fieldSelector'));
  }
  if (name === '' && verb === 'delete') verb = 'deletecollection';

  return { isResourceRequest: true, path, verb, apiPrefix, apiGroup, apiVersion, namespace, resource, subresource, name, parts };
}

const LONG_RUNNING_VERBS = new Set(['watch', 'proxy']);
const LONG_RUNNING_SUBRESOURCES = new Set(['attach', 'exec', 'proxy', 'log', 'portforward']);

/** Watches, proxies and streaming subresources run for long: they skip max-in-flight and timeouts. */
export function isLongRunning(info: RequestInfo): boolean {
  return info.isResourceRequest && (LONG_RUNNING_VERBS.has(info.verb) || LONG_RUNNING_SUBRESOURCES.has(info.subresource));
}

const READ_ONLY_VERBS = new Set(['get', 'list', 'watch']);

/** Everything but get, list and watch mutates (for non-resource requests: every method but GET). */
export function isMutating(info: RequestInfo): boolean {
  return !READ_ONLY_VERBS.has(info.verb);
}
