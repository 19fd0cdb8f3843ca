/**
 * WATCH: a chunked stream of events (`?watch=true` on a collection, or the legacy
 * `…/watch/…` paths). JSON streams are `{"type":"ADDED","object":{…}}\n` per event; protobuf
 * streams are length-prefixed frames of a meta/v1 WatchEvent whose object is a `k8s\0` envelope.
 * Supported: labelSelector, fieldSelector, resourceVersion, allowWatchBookmarks, timeoutSeconds,
 * sendInitialEvents (with resourceVersionMatch=NotOlderThan); Table output with column
 * definitions in the first event only. The stream ends at timeoutSeconds, when the client goes,
 * after an ERROR event, or when the server shuts down.
 */
import { once } from 'node:events';
import { newBadRequest, newMethodNotSupported, type Status } from '../../machinery/errors.js';
import { encodeEnvelope } from '../../machinery/protobuf/envelope.js';
import { formatApiVersion, MEDIA_PROTOBUF, type WireObject } from '../../machinery/scheme.js';
import type { GroupVersionKind } from '../../machinery/scheme-types.js';
import type { KObject } from '../../registry/meta.js';
import type { RegistryWatchEvent } from '../../registry/rest.js';
import { MEDIA_JSON, type NegotiatedOutput } from '../negotiation.js';
import type { EndpointContext } from './context.js';
import { parseListOptions, type ParsedListOptions } from './query.js';
import { prepare } from './request.js';
import { includeObjectOf, negotiate, tableOf, versionedOf, type IncludeObject } from './response.js';
import { resourcePath, type RequestScope } from './scope.js';

const STATUS_GVK: GroupVersionKind = { group: 'meta.k8s.io', version: 'v1', kind: 'Status' };

/** Encoded event frames per (shared) hub object, output and event type: each change is serialized once per output. */
const encodedCache = new WeakMap<object, Map<string, Buffer>>();

function cached(object: object, key: string, encode: () => Buffer): Buffer {
  let byTarget = encodedCache.get(object);
  if (!byTarget) {
    byTarget = new Map();
    encodedCache.set(object, byTarget);
  }
  let bytes = byTarget.get(key);
  if (!bytes) {
    bytes = encode();
    byTarget.set(key, bytes);
  }
  return bytes;
}

function varint(n: number): number[] {
  const out: number[] = [];
  let v = n;
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}

function lengthDelimited(tag: number, bytes: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from([tag, ...varint(bytes.length)]), bytes]);
}

/** A length-prefixed protobuf frame of metav1.WatchEvent{type, object: RawExtension{raw}}. */
export function protobufWatchFrame(type: string, raw: Uint8Array): Buffer {
  const event = Buffer.concat([lengthDelimited(0x0a, Buffer.from(type, 'utf8')), lengthDelimited(0x12, lengthDelimited(0x0a, raw))]);
  const prefix = Buffer.alloc(4);
  prefix.writeUInt32BE(event.length, 0);
  return Buffer.concat([prefix, event]);
}

/** How one watch writes its events. */
class EventEncoder {
  private sentHeaders = false;
  private readonly include: IncludeObject;
  /** The cache keys of this watch's encodings, computed once per watch rather than per event. */
  private readonly jsonKey: string;
  private readonly protobufKey: string;

  constructor(
    private readonly scope: RequestScope,
    private readonly output: NegotiatedOutput,
    params: URLSearchParams,
  ) {
    this.include = output.convert?.kind === 'Table' ? includeObjectOf(params) : 'Metadata';
    const convert = output.convert;
    const served = formatApiVersion(scope.kind);
    this.jsonKey = `json|${convert ? `${convert.kind}/${convert.version}` : ''}|${served}`;
    const target = this.protobufTarget();
    this.protobufKey = `pb|${formatApiVersion(target)}/${target.kind}|${served}`;
  }

  private protobufTarget(): GroupVersionKind {
    return this.output.convert?.kind === 'PartialObjectMetadata' ? { group: 'meta.k8s.io', version: 'v1', kind: 'PartialObjectMetadata' } : this.scope.kind;
  }

  private bookmarkObject(object: KObject): WireObject {
    const { group, version, kind } = this.scope.kind;
    return { kind, apiVersion: formatApiVersion({ group, version }), metadata: object['metadata'] ?? {} };
  }

  /** The event's object in the negotiated form, as JSON text (ERROR, BOOKMARK and Table events: not shared). */
  private unsharedObjectJSON(event: RegistryWatchEvent): string {
    if (event.type === 'ERROR') return JSON.stringify(event.object);
    const convert = this.output.convert;
    if (convert?.kind === 'Table') {
      const rv = (event.object['metadata'] as { resourceVersion?: string } | undefined)?.resourceVersion;
      if (event.type === 'BOOKMARK') {
        return JSON.stringify({ kind: 'Table', apiVersion: formatApiVersion(convert), metadata: rv ? { resourceVersion: rv } : {}, rows: [] });
      }
      const table = tableOf(this.scope, [event.object], rv ? { resourceVersion: rv } : {}, convert, this.include, this.sentHeaders);
      this.sentHeaders = true;
      return JSON.stringify(table);
    }
    return JSON.stringify(this.bookmarkObject(event.object));
  }

  /** The JSON of a shared object's event: the versioned object, or its PartialObjectMetadata. */
  private sharedObjectJSON(object: KObject): string {
    const convert = this.output.convert;
    const versioned = versionedOf(this.scope, object);
    const value = convert?.kind === 'PartialObjectMetadata' ? { kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${convert.version}`, metadata: versioned['metadata'] ?? {} } : versioned;
    return JSON.stringify(value);
  }

  private objectProtobuf(event: RegistryWatchEvent): Uint8Array {
    const scheme = this.scope.scheme;
    if (event.type === 'ERROR') {
      const codec = scheme.protobufCodec(STATUS_GVK);
      return encodeEnvelope('v1', 'Status', codec ? codec.encode(event.object as unknown as WireObject) : new Uint8Array());
    }
    const target = this.protobufTarget();
    const codec = scheme.protobufCodec(target);
    if (!codec) throw newBadRequest(`${target.kind} has no protobuf encoding`);
    if (event.type === 'BOOKMARK') return encodeEnvelope(formatApiVersion(target), target.kind, codec.encode(this.bookmarkObject(event.object)));
    const versioned = versionedOf(this.scope, event.object);
    const value = target.kind === 'PartialObjectMetadata' ? { metadata: versioned['metadata'] ?? {} } : versioned;
    return encodeEnvelope(formatApiVersion(target), target.kind, codec.encode(value));
  }

  /**
   * The whole frame of an event. ADDED, MODIFIED and DELETED events carry a hub object shared by
   * every watcher of the resource, so their frame (type included) is built once per object,
   * event type and output, and every other watcher writes the same bytes.
   */
  encode(event: RegistryWatchEvent): Buffer {
    const shared = event.type === 'ADDED' || event.type === 'MODIFIED' || event.type === 'DELETED';
    if (this.output.mediaType === MEDIA_PROTOBUF) {
      if (!shared) return protobufWatchFrame(event.type, this.objectProtobuf(event));
      return cached(event.object, `${this.protobufKey}|${event.type}`, () => protobufWatchFrame(event.type, this.objectProtobuf(event)));
    }
    if (!shared || this.output.convert?.kind === 'Table') return jsonWatchFrame(event.type, this.unsharedObjectJSON(event));
    return cached(event.object, `${this.jsonKey}|${event.type}`, () => jsonWatchFrame(event.type, this.sharedObjectJSON(event.object)));
  }
}

function jsonWatchFrame(type: string, objectJSON: string): Buffer {
  return Buffer.from(`{"type":${JSON.stringify(type)},"object":${objectJSON}}\n`, 'utf8');
}

/** Adds `metadata.name=<name>` for the legacy `…/watch/…/<name>` path. */
function withPathName(scope: RequestScope, options: ParsedListOptions, name: string): ParsedListOptions {
  if (name === '') return options;
  const pinned = options.fieldSelector.requiresExactMatch('metadata.name');
  if (pinned !== undefined && pinned !== name) throw newBadRequest('fieldSelector metadata.name doesn\'t match requested name');
  const text = [...options.fieldSelector.requirements.map((r) => `${r.field}${r.operator}${r.value.replace(/([\\,=])/g, '\\$1')}`), `metadata.name=${name}`].join(',');
  return { ...options, fieldSelector: scope.selectors.parseFieldSelector(text) };
}

export async function watchHandler(ctx: EndpointContext, scope: RequestScope, parsed?: ParsedListOptions): Promise<void> {
  const watcher = scope.rest.watcher;
  if (!watcher) throw newMethodNotSupported({ group: scope.group, resource: resourcePath(scope) }, 'watch');
  const request = prepare(ctx, scope);
  const options = withPathName(scope, parsed ?? parseListOptions(ctx.URL.searchParams, scope.selectors, watcher, true), request.name);
  const output = negotiate(ctx, scope, { watch: true });
  const encoder = new EventEncoder(scope, output, ctx.URL.searchParams);
  const timeoutSeconds = options.timeoutSeconds && options.timeoutSeconds > 0 ? options.timeoutSeconds : scope.minRequestTimeoutSeconds * (1 + Math.random());

  const watch = await watcher.watch(request.registry, {
    labelSelector: options.labelSelector,
    fieldSelector: options.fieldSelector,
    resourceVersion: options.resourceVersion,
    allowWatchBookmarks: options.allowWatchBookmarks,
    sendInitialEvents: options.sendInitialEvents,
  });

  ctx.respond = false;
  const res = ctx.res;
  request.warnings.write(ctx);
  res.statusCode = 200;
  res.setHeader('Content-Type', output.mediaType === MEDIA_PROTOBUF ? `${MEDIA_PROTOBUF};stream=watch` : MEDIA_JSON);
  res.setHeader('Cache-Control', 'no-cache, private');
  res.setHeader('Transfer-Encoding', 'chunked');
  res.flushHeaders();

  let ended = false;
  const end = (): void => {
    if (ended) return;
    ended = true;
    watch.stop();
  };
  const timer = setTimeout(end, timeoutSeconds * 1000);
  const shutdown = ctx.state.shutdown;
  shutdown?.addEventListener('abort', end, { once: true });
  res.once('close', end);
  const { group, version, kind } = scope.kind;
  try {
    if (shutdown?.aborted) end();
    for await (const event of watch) {
      if (ended || res.destroyed) break;
      const frame = encoder.encode(event as RegistryWatchEvent);
      ctx.state.metrics?.watchEvent(group, version, kind);
      if (!res.write(frame)) {
        await Promise.race([once(res, 'drain'), once(res, 'close')]);
      }
      if (event.type === 'ERROR') break;
    }
  } catch (error) {
    if (!res.destroyed && !res.writableEnded) {
      const status = (error as { status?: Status }).status;
      const object = status ?? { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `Internal error occurred: ${(error as Error).message}`, reason: 'InternalError', code: 500 };
      res.write(encoder.encode({ type: 'ERROR', object: object as Status }));
    }
  } finally {
    clearTimeout(timer);
    shutdown?.removeEventListener('abort', end);
    res.off('close', end);
    end();
    if (!res.writableEnded) res.end();
  }
}
