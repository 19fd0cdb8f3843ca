/**
 * Content negotiation: which media type (and which conversion target, such as a Table or
 * PartialObjectMetadata) a response is written in, from the request's Accept header, and which
 * decoder reads a request body, from its Content-Type. Mirrors apiserver's
 * `pkg/endpoints/handlers/negotiation`: clauses ordered as goautoneg orders them, the `as`, `g`
 * and `v` parameters naming a conversion target, 406/415 Statuses worded as upstream words them.
 */
import { newNotAcceptable, newUnsupportedMediaType } from '../machinery/errors.js';
import type { GroupVersionKind } from '../machinery/scheme-types.js';

export const MEDIA_JSON = 'application/json';
export const MEDIA_YAML = 'application/yaml';
export const MEDIA_PROTOBUF = 'application/vnd.kubernetes.protobuf';
/** The gnostic OpenAPI v2 protobuf; a dot, not the `@` kubectl asks with (Go's mime parser rejects `@`). */
export const MEDIA_OPENAPI_V2_PROTOBUF = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

/** The media types the REST endpoints produce and decode, in upstream's order. */
export const REST_MEDIA_TYPES = [MEDIA_JSON, MEDIA_YAML, MEDIA_PROTOBUF] as const;

export const TABLE_V1: GroupVersionKind = { group: 'meta.k8s.io', version: 'v1', kind: 'Table' };
export const TABLE_V1BETA1: GroupVersionKind = { group: 'meta.k8s.io', version: 'v1beta1', kind: 'Table' };
export const PARTIAL_OBJECT_METADATA_V1: GroupVersionKind = { group: 'meta.k8s.io', version: 'v1', kind: 'PartialObjectMetadata' };
export const PARTIAL_OBJECT_METADATA_LIST_V1: GroupVersionKind = { group: 'meta.k8s.io', version: 'v1', kind: 'PartialObjectMetadataList' };
export const DISCOVERY_V2: GroupVersionKind = { group: 'apidiscovery.k8s.io', version: 'v2', kind: 'APIGroupDiscoveryList' };
export const DISCOVERY_V2BETA1: GroupVersionKind = { group: 'apidiscovery.k8s.io', version: 'v2beta1', kind: 'APIGroupDiscoveryList' };

/** A parsed media type: lower-cased type and subtype, parameters with lower-cased names. */
export interface MediaType {
  readonly type: string;
  readonly subtype: string;
  readonly params: Readonly<Record<string, string>>;
}

/** One clause of an Accept header with its quality. */
export interface AcceptClause extends MediaType {
  readonly q: number;
}

const TSPECIALS = new Set('()<>@,;:\\"/[]?='.split(''));

function isTokenChar(ch: string): boolean {
  const cp = ch.charCodeAt(0);
  return cp > 0x20 && cp < 0x7f && !TSPECIALS.has(ch);
}

function readToken(s: string, at: number): [string, number] {
  let i = at;
  while (i < s.length && isTokenChar(s[i])) i++;
  return [s.slice(at, i), i];
}

function skipSpace(s: string, at: number): number {
  let i = at;
  while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
  return i;
}

export class MediaTypeError extends Error {}

/**
 * Parses one media type as Go's `mime.ParseMediaType` does, so a Content-Type this accepts is one
 * client-go accepts too. Throws MediaTypeError on anything Go would reject.
 */
export function parseMediaType(value: string): MediaType {
  const s = value.trim();
  const [type, afterType] = readToken(s, 0);
  let i = afterType;
  if (type === '') throw new MediaTypeError(`mime: no media type`);
  let subtype = '';
  if (s[i] === '/') {
    [subtype, i] = readToken(s, i + 1);
    if (subtype === '') throw new MediaTypeError('mime: expected token after slash');
  }
  i = skipSpace(s, i);
  if (i < s.length && s[i] !== ';') throw new MediaTypeError('mime: unexpected content after media subtype');
  const params: Record<string, string> = {};
  while (i < s.length) {
    i = skipSpace(s, i + 1); // past ';'
    if (i >= s.length) break;
    const [key, afterKey] = readToken(s, i);
    if (key === '' || s[afterKey] !== '=') throw new MediaTypeError('mime: invalid media parameter');
    let val: string;
    let j = afterKey + 1;
    if (s[j] === '"') {
      let out = '';
      j++;
      while (j < s.length && s[j] !== '"') {
        if (s[j] === '\\' && j + 1 < s.length) j++;
        out += s[j++];
      }
      if (s[j] !== '"') throw new MediaTypeError('mime: invalid media parameter');
      val = out;
      j++;
    } else {
      [val, j] = readToken(s, j);
      if (val === '') throw new MediaTypeError('mime: invalid media parameter');
    }
    const name = key.toLowerCase();
    if (name in params) throw new MediaTypeError('mime: duplicate parameter name');
    params[name] = val;
    i = skipSpace(s, j);
    if (i < s.length && s[i] !== ';') throw new MediaTypeError('mime: invalid media parameter');
  }
  return { type: type.toLowerCase(), subtype: subtype.toLowerCase(), params };
}

/** Splits on commas outside quoted strings. */
function splitClauses(header: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < header.length; i++) {
    const ch = header[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && quoted && i + 1 < header.length) {
      current += ch + header[++i];
      continue;
    }
    if (ch === ',' && !quoted) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out.map((c) => c.trim()).filter((c) => c !== '');
}

/**
 * One Accept clause, read as leniently as goautoneg reads it (no token validation: kubectl asks
 * for `application/com.github.proto-openapi.spec.v2@v1.0+protobuf`, which is not a valid media type).
 */
function parseAcceptClause(raw: string): MediaType | undefined {
  const [head, ...rest] = raw.split(';');
  const [type, subtype] = head.trim().split('/', 2).map((x) => x?.trim().toLowerCase() ?? '');
  if (!type) return undefined;
  const params: Record<string, string> = {};
  for (const part of rest) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim().toLowerCase();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    if (key !== '' && !(key in params)) params[key] = value;
  }
  return { type, subtype: subtype === undefined || subtype === '' ? '*' : subtype, params };
}

/**
 * Parses an Accept header into clauses ordered as goautoneg orders them: higher q first, then
 * concrete types before wildcards, otherwise in header order. `q` is not kept among the
 * parameters; clauses with q=0 are dropped.
 */
export function parseAccept(header: string): AcceptClause[] {
  const clauses: AcceptClause[] = [];
  for (const raw of splitClauses(header)) {
    const parsed = parseAcceptClause(raw);
    if (!parsed) continue;
    const { q: qText, ...params } = parsed.params;
    let q = qText === undefined ? 1 : Number.parseFloat(qText);
    if (Number.isNaN(q)) q = 0;
    clauses.push({ type: parsed.type, subtype: parsed.subtype, params, q });
  }
  const rank = (c: AcceptClause): number => (c.type === '*' ? 2 : c.subtype === '*' ? 1 : 0);
  return clauses
    .map((c, i) => ({ c, i }))
    .sort((a, b) => b.c.q - a.c.q || rank(a.c) - rank(b.c) || a.i - b.i)
    .map(({ c }) => c)
    .filter((c) => c.q > 0);
}

/** The outcome of output negotiation. */
export interface NegotiatedOutput {
  /** The media type to encode in, e.g. `application/json`. */
  readonly mediaType: string;
  /** The conversion target named by `as`, `g` and `v`, if any. */
  readonly convert?: GroupVersionKind;
  /** `pretty=1` was asked for. */
  readonly pretty: boolean;
  /** `stream=watch` and the like. */
  readonly stream?: string;
  /** The Content-Type to answer with: the media type plus the conversion parameters. */
  readonly contentType: string;
}

/** What an endpoint can produce beyond its plain media types. */
export interface EndpointRestrictions {
  /** Whether the endpoint can convert its output to `target` in `mediaType`. */
  allowsConversion(target: GroupVersionKind, mediaType: string): boolean;
  /** Whether `stream=<schema>` is allowed (watch endpoints). */
  allowsStreamSchema?(schema: string): boolean;
}

/** An endpoint that serves only its plain media types. */
export const NO_CONVERSIONS: EndpointRestrictions = { allowsConversion: () => false };

/**
 * The restrictions of a REST resource endpoint: Table in JSON or YAML (when the resource can
 * print a table) and PartialObjectMetadata(List) in any media type, in meta.k8s.io v1 or v1beta1.
 */
export function restEndpointRestrictions(options: { table: boolean; watch?: boolean }): EndpointRestrictions {
  return {
    allowsConversion(target, mediaType) {
      if (target.group !== 'meta.k8s.io' || (target.version !== 'v1' && target.version !== 'v1beta1')) return false;
      if (target.kind === 'Table') return options.table && (mediaType === MEDIA_JSON || mediaType === MEDIA_YAML);
      return target.kind === 'PartialObjectMetadata' || target.kind === 'PartialObjectMetadataList';
    },
    allowsStreamSchema: (schema) => options.watch === true && schema === 'watch',
  };
}

export function sameGVK(a: GroupVersionKind | undefined, b: GroupVersionKind): boolean {
  return a !== undefined && a.group === b.group && a.version === b.version && a.kind === b.kind;
}

/** `application/json;as=Table;v=v1;g=meta.k8s.io`: the Content-Type of a converted response. */
export function contentTypeFor(mediaType: string, convert?: GroupVersionKind): string {
  if (!convert) return mediaType;
  return `${mediaType};as=${convert.kind};v=${convert.version};g=${convert.group}`;
}

function acceptClause(clause: AcceptClause, mediaType: string, restrictions: EndpointRestrictions): NegotiatedOutput | undefined {
  const p = clause.params;
  let convert: GroupVersionKind | undefined;
  if (p['as'] !== undefined || p['g'] !== undefined || p['v'] !== undefined) {
    convert = { group: p['g'] ?? '', version: p['v'] ?? '', kind: p['as'] ?? '' };
    if (!restrictions.allowsConversion(convert, mediaType)) return undefined;
  }
  const stream = p['stream'];
  if (stream !== undefined && stream !== '' && !restrictions.allowsStreamSchema?.(stream)) return undefined;
  return { mediaType, convert, pretty: p['pretty'] === '1', stream, contentType: contentTypeFor(mediaType, convert) };
}

/**
 * Picks the response media type: the first clause (in goautoneg order) that matches one of
 * `supported` and whose conversion the endpoint allows. No Accept header means the first
 * supported type. Throws a 406 NotAcceptable Status when nothing matches.
 */
export function negotiateOutput(
  accept: string | undefined,
  supported: readonly string[] = REST_MEDIA_TYPES,
  restrictions: EndpointRestrictions = NO_CONVERSIONS,
): NegotiatedOutput {
  if (accept === undefined || accept.trim() === '') {
    return { mediaType: supported[0], pretty: false, contentType: supported[0] };
  }
  for (const clause of parseAccept(accept)) {
    for (const mediaType of supported) {
      const [type, subtype] = mediaType.split('/');
      const matches = (clause.type === type && (clause.subtype === subtype || clause.subtype === '*')) || (clause.type === '*' && clause.subtype === '*');
      if (!matches) continue;
      const chosen = acceptClause(clause, mediaType, restrictions);
      if (chosen) return chosen;
    }
  }
  throw newNotAcceptable(supported);
}

/**
 * Picks the decoder of a request body from its Content-Type; an absent Content-Type means the
 * first supported type. Throws a 415 UnsupportedMediaType Status for anything else.
 */
export function negotiateInput(contentType: string | undefined, supported: readonly string[] = REST_MEDIA_TYPES): string {
  if (contentType === undefined || contentType.trim() === '') return supported[0];
  let parsed: MediaType;
  try {
    parsed = parseMediaType(contentType);
  } catch {
    throw newUnsupportedMediaType(supported);
  }
  const base = `${parsed.type}/${parsed.subtype}`;
  const found = supported.find((m) => m === base);
  if (!found) throw newUnsupportedMediaType(supported);
  return found;
}

/** Go's strconv.ParseBool: `1 t T TRUE true True` and `0 f F FALSE false False`; undefined otherwise. */
export function parseGoBool(value: string | undefined | null): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  return undefined;
}
