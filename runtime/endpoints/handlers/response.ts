/**
 * Writing responses: one object, a list (encoded item by item), or a Table (NAME, the printer
 * columns, AGE; `includeObject` None, Metadata or Object), in the media type and conversion the
 * Accept header asked for (transformResponseObject in apiserver).
 */
import { Readable } from 'node:stream';
import { stringify as toYaml } from 'yaml';
import { newBadRequest, goQuote, type Status } from '../../machinery/errors.js';
import { encodeEnvelope } from '../../machinery/protobuf/envelope.js';
import { formatApiVersion, MEDIA_PROTOBUF, type WireObject } from '../../machinery/scheme.js';
import type { GroupVersionKind } from '../../machinery/scheme-types.js';
import type { KObject } from '../../registry/meta.js';
import type { ObjectList } from '../../registry/rest.js';
import { MEDIA_JSON, MEDIA_YAML, negotiateOutput, restEndpointRestrictions, type NegotiatedOutput } from '../negotiation.js';
import type { EndpointContext } from './context.js';
import type { RequestScope } from './scope.js';
import type { Warnings } from './warnings.js';

/** About how many bytes of a streamed list's JSON go into one write. */
const LIST_CHUNK_BYTES = 64 * 1024;

export type IncludeObject = 'None' | 'Metadata' | 'Object';

const WITH_PROTOBUF: readonly string[] = Object.freeze([MEDIA_JSON, MEDIA_YAML, MEDIA_PROTOBUF]);
const WITHOUT_PROTOBUF: readonly string[] = Object.freeze([MEDIA_JSON, MEDIA_YAML]);

/** The media types a scope can answer in: protobuf only for kinds with a protobuf codec. */
export function outputMediaTypes(scope: RequestScope, gvk: GroupVersionKind = scope.kind): readonly string[] {
  return scope.scheme.protobufCodec(gvk) ? WITH_PROTOBUF : WITHOUT_PROTOBUF;
}

/** How many negotiated outputs are remembered; the cache starts over when it is full. */
const NEGOTIATED_CACHE_SIZE = 1024;
const negotiated = new Map<string, NegotiatedOutput>();

/**
 * The output the Accept header picks (406 when nothing fits). The answer depends only on the
 * header, whether the kind has a protobuf codec, whether it prints tables and whether it is a
 * watch, and clients send the same few Accept headers on every request, so answers are kept
 * (bounded) instead of parsing the header each time.
 */
export function negotiate(ctx: EndpointContext, scope: RequestScope, options: { list?: boolean; watch?: boolean } = {}): NegotiatedOutput {
  const gvk = options.list && scope.listKind ? scope.listKind : scope.kind;
  const accept = ctx.req.headers.accept ?? '';
  const types = outputMediaTypes(scope, gvk);
  const table = scope.table !== undefined;
  const key = `${types.length}|${table ? 't' : ''}|${options.watch ? 'w' : ''}|${accept}`;
  let output = negotiated.get(key);
  if (output === undefined) {
    output = negotiateOutput(accept || undefined, types, restEndpointRestrictions({ table, watch: options.watch }));
    if (negotiated.size >= NEGOTIATED_CACHE_SIZE) negotiated.clear();
    negotiated.set(key, output);
  }
  return output;
}

/** `includeObject` of TableOptions; Metadata by default. */
export function includeObjectOf(params: URLSearchParams): IncludeObject {
  const value = params.get('includeObject') ?? '';
  if (value === '') return 'Metadata';
  if (value === 'None' || value === 'Metadata' || value === 'Object') return value;
  throw newBadRequest(`unrecognized includeObject value: ${goQuote(value)}`);
}

function isStatus(object: unknown): object is Status {
  return (object as { kind?: unknown } | null)?.kind === 'Status' && (object as { apiVersion?: unknown }).apiVersion === 'v1';
}

/** The versioned object, with kind and apiVersion. */
export function versionedOf(scope: RequestScope, hub: KObject): WireObject {
  return scope.scheme.fromInternal(hub as WireObject, scope.kind);
}

function partialObjectMetadata(versioned: WireObject, version: string): WireObject {
  return { kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${version}`, metadata: versioned['metadata'] ?? {} };
}

/** metav1.Table of some objects. */
export function tableOf(
  scope: RequestScope,
  objects: readonly KObject[],
  listMeta: Record<string, unknown>,
  convert: GroupVersionKind,
  include: IncludeObject,
  noHeaders = false,
): WireObject {
  const table = scope.table!;
  const now = Date.now();
  const rows = objects.map((hub) => {
    const versioned = versionedOf(scope, hub);
    const row: Record<string, unknown> = { cells: table.cells(versioned, hub, now) };
    const conditions = table.conditions?.(hub);
    if (conditions && conditions.length > 0) row['conditions'] = conditions;
    if (include === 'Metadata') row['object'] = partialObjectMetadata(versioned, convert.version);
    else if (include === 'Object') row['object'] = versioned;
    return row;
  });
  const out: WireObject = { kind: 'Table', apiVersion: formatApiVersion(convert), metadata: listMeta };
  if (!noHeaders) out['columnDefinitions'] = table.columns;
  out['rows'] = rows;
  return out;
}

function writeEncoded(ctx: EndpointContext, code: number, output: NegotiatedOutput, value: WireObject): void {
  ctx.status = code;
  ctx.set('Content-Type', output.mediaType === MEDIA_YAML ? MEDIA_YAML : output.contentType);
  ctx.body = output.mediaType === MEDIA_YAML ? toYaml(value) : JSON.stringify(value);
}

function writeProtobuf(ctx: EndpointContext, code: number, scope: RequestScope, gvk: GroupVersionKind, versioned: WireObject): void {
  const codec = scope.scheme.protobufCodec(gvk);
  if (!codec) throw newBadRequest(`${gvk.kind} has no protobuf encoding`);
  ctx.status = code;
  ctx.set('Content-Type', MEDIA_PROTOBUF);
  ctx.body = Buffer.from(encodeEnvelope(formatApiVersion(gvk), gvk.kind, codec.encode(versioned)));
}

/**
 * The JSON of a shared hub object as the served version, remembered per object and kind: a
 * registry Store hands out one read-only hub per stored object (the watch cache keeps it while
 * the object is current), so repeated GETs of it are encoded once.
 */
const objectJSONCache = new Map<string, WeakMap<KObject, Buffer>>();

function sharedObjectJSON(scope: RequestScope, hub: KObject): Buffer {
  const kindKey = `${scope.kind.group}/${scope.kind.version}/${scope.kind.kind}`;
  let byHub = objectJSONCache.get(kindKey);
  if (!byHub) objectJSONCache.set(kindKey, (byHub = new WeakMap()));
  let json = byHub.get(hub);
  if (json === undefined) {
    json = Buffer.from(JSON.stringify(versionedOf(scope, hub)));
    byHub.set(hub, json);
  }
  return json;
}

/**
 * Writes one object (or a Status a delete answered with). `shared`: the object is a registry
 * hub shared by every reader (a GET's answer), whose plain JSON may be kept and reused.
 */
export function writeObject(
  ctx: EndpointContext,
  scope: RequestScope,
  code: number,
  object: KObject | Status,
  output: NegotiatedOutput,
  warnings: Warnings,
  shared = false,
): void {
  warnings.write(ctx);
  if (isStatus(object)) {
    ctx.status = code;
    ctx.set('Content-Type', MEDIA_JSON);
    ctx.body = JSON.stringify(object);
    return;
  }
  const convert = output.convert;
  if (convert?.kind === 'Table') {
    const rv = (object['metadata'] as { resourceVersion?: string } | undefined)?.resourceVersion;
    const include = includeObjectOf(ctx.URL.searchParams);
    writeEncoded(ctx, code, output, tableOf(scope, [object], rv ? { resourceVersion: rv } : {}, convert, include));
    return;
  }
  if (shared && convert === undefined && output.mediaType === MEDIA_JSON) {
    ctx.status = code;
    ctx.set('Content-Type', output.contentType);
    ctx.body = sharedObjectJSON(scope, object);
    return;
  }
  const versioned = versionedOf(scope, object);
  if (convert?.kind === 'PartialObjectMetadata') {
    const partial = partialObjectMetadata(versioned, convert.version);
    if (output.mediaType === MEDIA_PROTOBUF) writeProtobuf(ctx, code, scope, { group: 'meta.k8s.io', version: 'v1', kind: 'PartialObjectMetadata' }, partial);
    else writeEncoded(ctx, code, output, partial);
    return;
  }
  if (output.mediaType === MEDIA_PROTOBUF) writeProtobuf(ctx, code, scope, scope.kind, versioned);
  else writeEncoded(ctx, code, output, versioned);
}

/** The list metadata of a list response. */
export function listMetaOf(list: Pick<ObjectList, 'resourceVersion' | 'continue' | 'remainingItemCount'>): Record<string, unknown> {
  const meta: Record<string, unknown> = { resourceVersion: list.resourceVersion };
  if (list.continue) meta['continue'] = list.continue;
  if (list.remainingItemCount !== undefined) meta['remainingItemCount'] = list.remainingItemCount;
  return meta;
}

/**
 * An item of a list: the versioned object without kind and apiVersion, as typed lists encode
 * items; with them for resources whose lists are unstructured upstream (custom resources).
 */
function listItem(scope: RequestScope, hub: KObject): WireObject {
  if (scope.rest.listItemsTyped) return versionedOf(scope, hub);
  const { kind: _kind, apiVersion: _apiVersion, ...rest } = versionedOf(scope, hub);
  return rest;
}

/**
 * A list item's JSON as UTF-8 bytes, remembered per output kind and hub object. Hub objects from
 * the registry are shared and read-only (one per stored object, kept by the watch cache while the
 * object is current), so a LIST served from the cache encodes each object once rather than once
 * per LIST, as apiserver's cachingObject does for watch events, and its chunks are copies of
 * ready bytes. Objects not held elsewhere drop their encodings with them. Keyed kind first so a
 * LIST looks its kind up once and each item with one WeakMap lookup.
 */
const itemJSONCache = new Map<string, WeakMap<KObject, Buffer>>();

function itemJSONOf(kindKey: string): WeakMap<KObject, Buffer> {
  let byHub = itemJSONCache.get(kindKey);
  if (!byHub) itemJSONCache.set(kindKey, (byHub = new WeakMap()));
  return byHub;
}

function listItemJSON(scope: RequestScope, byHub: WeakMap<KObject, Buffer>, hub: KObject): Buffer {
  let json = byHub.get(hub);
  if (json === undefined) {
    json = Buffer.from(JSON.stringify(listItem(scope, hub)));
    byHub.set(hub, json);
  }
  return json;
}

const COMMA = Buffer.from(',');
const LIST_END = Buffer.from(']}');

/** Writes a list: JSON streamed item by item; YAML, protobuf, Table and metadata lists whole. */
export function writeList(ctx: EndpointContext, scope: RequestScope, code: number, list: ObjectList, output: NegotiatedOutput, warnings: Warnings): void {
  warnings.write(ctx);
  const listMeta = listMetaOf(list);
  const convert = output.convert;
  if (convert?.kind === 'Table') {
    writeEncoded(ctx, code, output, tableOf(scope, list.items, listMeta, convert, includeObjectOf(ctx.URL.searchParams)));
    return;
  }
  if (convert?.kind === 'PartialObjectMetadataList' || convert?.kind === 'PartialObjectMetadata') {
    const value: WireObject = {
      kind: 'PartialObjectMetadataList',
      apiVersion: `meta.k8s.io/${convert.version}`,
      metadata: listMeta,
      items: list.items.map((hub) => ({ kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${convert.version}`, metadata: versionedOf(scope, hub)['metadata'] ?? {} })),
    };
    if (output.mediaType === MEDIA_PROTOBUF) writeProtobuf(ctx, code, scope, { group: 'meta.k8s.io', version: 'v1', kind: 'PartialObjectMetadataList' }, value);
    else writeEncoded(ctx, code, output, value);
    return;
  }
  const listKind = scope.listKind ?? { ...scope.kind, kind: `${scope.kind.kind}List` };
  if (output.mediaType === MEDIA_PROTOBUF) {
    const value: WireObject = { metadata: listMeta, items: list.items.map((hub) => versionedOf(scope, hub)) };
    writeProtobuf(ctx, code, scope, listKind, value);
    return;
  }
  if (output.mediaType === MEDIA_YAML) {
    writeEncoded(ctx, code, output, { kind: listKind.kind, apiVersion: formatApiVersion(listKind), metadata: listMeta, items: list.items.map((hub) => listItem(scope, hub)) });
    return;
  }
  ctx.status = code;
  ctx.set('Content-Type', output.contentType);
  const head = `{"kind":${JSON.stringify(listKind.kind)},"apiVersion":${JSON.stringify(formatApiVersion(listKind))},"metadata":${JSON.stringify(listMeta)},"items":[`;
  const itemJSON = itemJSONOf(`${scope.kind.group}/${scope.kind.version}/${scope.kind.kind}`);
  // Items are encoded one at a time but sent in chunks of about LIST_CHUNK_BYTES: a write per
  // item costs a TLS record and a syscall each, which made large LISTs spend more time writing
  // than encoding. Memory stays bounded by the chunk size, not the list's.
  function* chunks(): Generator<Buffer> {
    const parts: Buffer[] = [Buffer.from(head)];
    let size = parts[0]!.length;
    const items = list.items;
    for (let i = 0; i < items.length; i++) {
      if (i > 0) {
        parts.push(COMMA);
        size += 1;
      }
      const item = listItemJSON(scope, itemJSON, items[i]!);
      parts.push(item);
      size += item.length;
      if (size >= LIST_CHUNK_BYTES) {
        yield Buffer.concat(parts, size);
        parts.length = 0;
        size = 0;
      }
    }
    parts.push(LIST_END);
    yield Buffer.concat(parts, size + LIST_END.length);
  }
  if (list.items.length <= 100) {
    ctx.body = Buffer.concat([...chunks()]);
    return;
  }
  ctx.body = Readable.from(chunks());
}
