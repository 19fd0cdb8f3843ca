/**
 * Serves discovery from a DiscoverySource:
 *
 *   /api, /apis         aggregated (APIGroupDiscoveryList v2 or v2beta1) when Accept lists it,
 *                       else legacy APIVersions / APIGroupList; always `Vary: Accept`
 *   /api/v1, /apis/g/v  APIResourceList
 *   /apis/g             APIGroup
 *
 * kubectl decides which form it got from the response Content-Type alone, so the aggregated
 * form is answered only in a version the client listed (1.27–1.29 list only v2beta1).
 */
import { createHash } from 'node:crypto';
import type Koa from 'koa';
import { stringify as toYaml } from 'yaml';
import { DISCOVERY_V2, DISCOVERY_V2BETA1, MEDIA_JSON, MEDIA_YAML, negotiateOutput, sameGVK, type EndpointRestrictions } from '../negotiation.js';
import { apiGroup, apiGroupDiscoveryList, apiGroupList, apiResourceList, apiVersions, CORE_GROUP } from './documents.js';
import { sortGroups, type DiscoveryGroup, type DiscoverySource } from './source.js';

const AGGREGATED: EndpointRestrictions = {
  allowsConversion: (target, mediaType) => mediaType === MEDIA_JSON && (sameGVK(target, DISCOVERY_V2) || sameGVK(target, DISCOVERY_V2BETA1)),
};

/** upstream's Content-Type of aggregated discovery, parameters in its order. */
export function aggregatedContentType(version: 'v2' | 'v2beta1'): string {
  return `application/json;g=apidiscovery.k8s.io;v=${version};as=APIGroupDiscoveryList`;
}

export interface DiscoveryHandlerOptions {
  /** `serverAddressByClientCIDRs` of /api; the request's Host when absent. */
  readonly externalAddress?: string;
  /**
   * Whether /api and /apis may answer in the aggregated form (default true). Without it every
   * client gets the legacy documents and discovers group-version by group-version, as from a
   * kube-apiserver with the AggregatedDiscoveryEndpoint feature gate off.
   */
  readonly aggregated?: boolean;
}

type Handler = (ctx: Koa.Context) => void;

function write(ctx: Koa.Context, mediaType: string, contentType: string, body: unknown): void {
  ctx.status = 200;
  ctx.set('Content-Type', contentType);
  ctx.body = mediaType === MEDIA_YAML ? toYaml(body) : JSON.stringify(body);
}

/** Writes `body` with an ETag, or 304 when the client has it already. */
function writeCached(ctx: Koa.Context, contentType: string, body: unknown): void {
  const text = JSON.stringify(body);
  const etag = `"${createHash('sha256').update(text).digest('hex').toUpperCase()}"`;
  ctx.set('ETag', etag);
  ctx.set('Content-Type', contentType);
  if (ctx.get('If-None-Match') === etag) {
    ctx.status = 304;
    return;
  }
  ctx.status = 200;
  ctx.body = text;
}

export class DiscoveryHandler {
  constructor(
    private readonly source: DiscoverySource,
    private readonly options: DiscoveryHandlerOptions = {},
  ) {}

  private groups(): DiscoveryGroup[] {
    return sortGroups(this.source.groups());
  }

  /** Root documents: /api (core group only) and /apis (named groups). */
  private root(ctx: Koa.Context, which: 'api' | 'apis'): void {
    ctx.set('Vary', 'Accept');
    const negotiated = negotiateOutput(ctx.get('Accept') || undefined, [MEDIA_JSON, MEDIA_YAML], this.options.aggregated === false ? undefined : AGGREGATED);
    const all = this.groups();
    const groups = which === 'api' ? all.filter((g) => g.name === CORE_GROUP) : all.filter((g) => g.name !== CORE_GROUP);
    if (negotiated.convert) {
      const version = negotiated.convert.version as 'v2' | 'v2beta1';
      writeCached(ctx, aggregatedContentType(version), apiGroupDiscoveryList(groups, version));
      return;
    }
    const body = which === 'api' ? apiVersions(groups[0], this.options.externalAddress ?? ctx.host) : apiGroupList(groups);
    write(ctx, negotiated.mediaType, negotiated.mediaType, body);
  }

  readonly api: Handler = (ctx) => this.root(ctx, 'api');
  readonly apis: Handler = (ctx) => this.root(ctx, 'apis');

  /**
   * The handler of `/api/<v>`, `/apis/<g>` or `/apis/<g>/<v>` when the source serves that group
   * (and version); undefined otherwise, so the request goes on to the REST routes or a 404.
   */
  match(path: string): Handler | undefined {
    const parts = path.replace(/^\/+|\/+$/g, '').split('/');
    if (parts[0] === 'api' && parts.length === 2) return this.resourceList(CORE_GROUP, parts[1]);
    if (parts[0] === 'apis' && parts.length === 2) {
      const group = this.source.groups().find((g) => g.name === parts[1]);
      if (!group || group.name === CORE_GROUP) return undefined;
      return (ctx) => {
        const negotiated = negotiateOutput(ctx.get('Accept') || undefined, [MEDIA_JSON, MEDIA_YAML]);
        write(ctx, negotiated.mediaType, negotiated.mediaType, apiGroup(group));
      };
    }
    if (parts[0] === 'apis' && parts.length === 3 && parts[1] !== CORE_GROUP) return this.resourceList(parts[1], parts[2]);
    return undefined;
  }

  /** The discovery paths served now: `/api/v1`, `/apis/<g>`, `/apis/<g>/<v>`. */
  paths(): string[] {
    return this.source.groups().flatMap((g) =>
      g.name === CORE_GROUP ? g.versions.map((v) => `/api/${v.version}`) : [`/apis/${g.name}`, ...g.versions.map((v) => `/apis/${g.name}/${v.version}`)],
    );
  }

  private resourceList(groupName: string, versionName: string): Handler | undefined {
    const group = this.source.groups().find((g) => g.name === groupName);
    const version = group?.versions.find((v) => v.version === versionName);
    if (!version) return undefined;
    return (ctx) => {
      const negotiated = negotiateOutput(ctx.get('Accept') || undefined, [MEDIA_JSON, MEDIA_YAML]);
      write(ctx, negotiated.mediaType, negotiated.mediaType, apiResourceList(groupName, version));
    };
  }
}
