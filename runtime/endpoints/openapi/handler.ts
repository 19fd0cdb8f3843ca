/**
 * Serves /openapi/v2 (JSON, or gnostic protobuf when Accept asks for it) and /openapi/v3 (the
 * index, then one document per group-version at `/openapi/v3/api/v1` and
 * `/openapi/v3/apis/<group>/<version>`). Documents are built when the source's generation
 * changes and carry ETags (uppercase hex sha512, as kube-openapi computes them); a v3 document
 * asked for at its current `?hash=` is immutable, at an old hash it redirects to the current one.
 */
import { createHash } from 'node:crypto';
import type Koa from 'koa';
import { newNotAcceptable } from '../../machinery/errors.js';
import { MEDIA_JSON, MEDIA_OPENAPI_V2_PROTOBUF, parseAccept } from '../negotiation.js';
import { customResourcePaths } from './custom-resource-operations.js';
import { openAPIV2, openAPIV3, type DocumentInfo } from './documents.js';
import { encodeOpenAPIV2 } from './gnostic.js';
import { definitionIndex, groupVersionPrefix, resourcePaths, type PathSpec } from './operations.js';
import type { OpenAPISource } from './source.js';

function etagOf(data: string | Uint8Array): string {
  return createHash('sha512').update(data).digest('hex').toUpperCase();
}

interface Built {
  readonly generation: string;
  readonly v2: Record<string, unknown>;
  v2Json?: { body: string; etag: string };
  v2Proto?: { body: Buffer; etag: string };
  /** key `api/v1` or `apis/<g>/<v>` → JSON and its hash. */
  readonly v3: Map<string, { body: string; etag: string }>;
}

type Handler = (ctx: Koa.Context) => void;

function respondCached(ctx: Koa.Context, contentType: string, body: string | Buffer, etag: string): void {
  ctx.set('ETag', `"${etag}"`);
  ctx.set('Vary', 'Accept');
  ctx.set('Content-Type', contentType);
  if (ctx.get('If-None-Match') === `"${etag}"`) {
    ctx.status = 304;
    return;
  }
  ctx.status = 200;
  ctx.body = body;
}

/** Whether the client wants the v2 protobuf: any Accept clause naming the gnostic type (either spelling) or octet-stream. */
function wantsV2Protobuf(accept: string): boolean | undefined {
  if (accept.trim() === '') return false;
  for (const clause of parseAccept(accept)) {
    const type = `${clause.type}/${clause.subtype}`;
    if (type.startsWith('application/com.github.proto-openapi.spec.v2') || type === 'application/octet-stream') return true;
    if (type === MEDIA_JSON || type === 'application/*' || type === '*/*') return false;
  }
  return undefined;
}

export class OpenAPIHandler {
  private built?: Built;

  constructor(
    private readonly source: OpenAPISource,
    private readonly info: DocumentInfo,
  ) {}

  private build(): Built {
    const generation = this.source.generation();
    if (this.built && this.built.generation === generation) return this.built;
    const lookup = definitionIndex(this.source.definitions());
    const byGroupVersion = new Map<string, PathSpec[]>();
    for (const gv of this.source.groupVersions()) {
      const paths = gv.resources.flatMap((r) =>
        this.source.isCustomResource({ group: gv.group, version: gv.version, kind: r.kind })
          ? customResourcePaths(gv.group, gv.version, r, lookup)
          : resourcePaths(gv.group, gv.version, r, lookup),
      );
      if (paths.length > 0) byGroupVersion.set(groupVersionPrefix(gv.group, gv.version).slice(1), paths);
    }
    const v3 = new Map<string, { body: string; etag: string }>();
    for (const [key, paths] of [...byGroupVersion].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const body = JSON.stringify(openAPIV3(this.info, paths, this.source.schemas()));
      v3.set(key, { body, etag: etagOf(body) });
    }
    const v2 = openAPIV2(this.info, [...byGroupVersion.values()].flat(), this.source.definitions());
    this.built = { generation, v2, v3 };
    return this.built;
  }

  /** `GET /openapi/v2`. */
  readonly v2: Handler = (ctx) => {
    const built = this.build();
    const protobuf = wantsV2Protobuf(ctx.get('Accept'));
    if (protobuf === undefined) throw newNotAcceptable([MEDIA_JSON, MEDIA_OPENAPI_V2_PROTOBUF]);
    if (protobuf) {
      if (!built.v2Proto) {
        const body = Buffer.from(encodeOpenAPIV2(built.v2));
        built.v2Proto = { body, etag: etagOf(body) };
      }
      respondCached(ctx, MEDIA_OPENAPI_V2_PROTOBUF, built.v2Proto.body, built.v2Proto.etag);
      return;
    }
    if (!built.v2Json) {
      const body = JSON.stringify(built.v2);
      built.v2Json = { body, etag: etagOf(body) };
    }
    respondCached(ctx, MEDIA_JSON, built.v2Json.body, built.v2Json.etag);
  };

  /** `GET /openapi/v3`: `{"paths":{"api/v1":{"serverRelativeURL":"/openapi/v3/api/v1?hash=…"}}}`. */
  readonly v3Index: Handler = (ctx) => {
    const built = this.build();
    const paths: Record<string, { serverRelativeURL: string }> = {};
    for (const [key, doc] of built.v3) paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${doc.etag}` };
    const body = JSON.stringify({ paths });
    respondCached(ctx, MEDIA_JSON, body, etagOf(body));
  };

  /** The handler of `/openapi/v3/<key>` when a document exists for it. */
  matchV3(path: string): Handler | undefined {
    const prefix = '/openapi/v3/';
    if (!path.startsWith(prefix)) return undefined;
    const key = path.slice(prefix.length).replace(/\/+$/, '');
    if (!this.build().v3.has(key)) return undefined;
    return (ctx) => {
      const doc = this.build().v3.get(key);
      if (!doc) {
        ctx.status = 404;
        return;
      }
      const hash = ctx.URL.searchParams.get('hash');
      if (hash !== null && hash !== '' && hash !== doc.etag) {
        ctx.status = 301;
        ctx.set('Location', `${prefix}${key}?hash=${doc.etag}`);
        return;
      }
      if (hash === doc.etag) {
        ctx.set('Cache-Control', 'public, immutable');
        ctx.set('Expires', new Date(Date.now() + 365 * 24 * 3600 * 1000).toUTCString());
      }
      respondCached(ctx, MEDIA_JSON, doc.body, doc.etag);
    };
  }
}
