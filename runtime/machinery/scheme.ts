/**
 * The scheme: every installed group, version and kind, with the generated functions that move
 * objects between the wire and the internal (hub) form the server works in.
 *
 *   decode: bytes (JSON, YAML or protobuf) → versioned object → defaults → internal object
 *   encode: internal object → versioned object (apiVersion/kind set) → bytes
 */
import { parse as parseYaml } from 'yaml';
import { decodeEnvelope, encodeEnvelope } from './protobuf/envelope.js';
import type {
  GroupInfo,
  GroupVersion,
  GroupVersionKind,
  InternalKind,
  ProtobufCodec,
  ResourceInfo,
  SchemeBuilder,
  ValidationFailure,
  VersionedKind,
} from './scheme-types.js';

export const MEDIA_JSON = 'application/json';
export const MEDIA_YAML = 'application/yaml';
export const MEDIA_PROTOBUF = 'application/vnd.kubernetes.protobuf';
export type MediaType = typeof MEDIA_JSON | typeof MEDIA_YAML | typeof MEDIA_PROTOBUF;

/** A JSON object as decoded from the wire. */
export type WireObject = Record<string, unknown>;

/** Why a decode or conversion failed; the REST layer maps these to Status reasons. */
export type SchemeErrorReason = 'BadRequest' | 'UnknownKind' | 'UnknownVersion';

export class SchemeError extends Error {
  constructor(
    readonly reason: SchemeErrorReason,
    message: string,
    /** For schema violations: each failure with its path. */
    readonly failures: readonly ValidationFailure[] = [],
  ) {
    super(message);
    this.name = 'SchemeError';
  }
}

type AnyVersionedKind = VersionedKind<WireObject, WireObject>;
type AnyInternalKind = InternalKind<WireObject>;

export interface Decoded {
  /** The group, version and kind the bytes were written in. */
  readonly gvk: GroupVersionKind;
  /** The object in the hub form, defaulted. */
  readonly object: WireObject;
}

export function formatApiVersion(gv: GroupVersion): string {
  return gv.group === '' ? gv.version : `${gv.group}/${gv.version}`;
}

export function parseApiVersion(apiVersion: string): GroupVersion {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** `spec.replicas: must be integer`: the failing field as a dotted path, then ajv's message. */
export function describeFailure(failure: ValidationFailure): string {
  const path = failure.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part, i) => (/^\d+$/.test(part) ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
  const missing = failure.keyword === 'required' ? String(failure.params['missingProperty']) : undefined;
  const field = missing ? (path ? `${path}.${missing}` : missing) : path || '<root>';
  return `${field}: ${missing ? 'Required value' : (failure.message ?? failure.keyword)}`;
}

function gvkKey(gvk: GroupVersionKind): string {
  return `${gvk.group}/${gvk.version}/${gvk.kind}`;
}

export class Scheme implements SchemeBuilder {
  private readonly groups = new Map<string, GroupInfo>();
  private readonly versioned = new Map<string, AnyVersionedKind>();
  private readonly internal = new Map<string, AnyInternalKind>();
  private readonly resources = new Map<string, readonly ResourceInfo[]>();

  addGroup(info: GroupInfo): void {
    this.groups.set(info.name, info);
  }

  addVersionedKind<V, I>(kind: VersionedKind<V, I>): void {
    this.versioned.set(gvkKey(kind), kind as unknown as AnyVersionedKind);
  }

  addInternalKind<I>(kind: InternalKind<I>): void {
    this.internal.set(`${kind.group}/${kind.kind}`, kind as unknown as AnyInternalKind);
  }

  addResources(gv: GroupVersion, resources: readonly ResourceInfo[]): void {
    this.resources.set(formatApiVersion(gv), resources);
  }

  group(name: string): GroupInfo | undefined {
    return this.groups.get(name);
  }

  allGroups(): GroupInfo[] {
    return [...this.groups.values()];
  }

  resourcesOf(gv: GroupVersion): readonly ResourceInfo[] {
    return this.resources.get(formatApiVersion(gv)) ?? [];
  }

  recognizes(gvk: GroupVersionKind): boolean {
    return this.versioned.has(gvkKey(gvk));
  }

  /** Decodes bytes in any served version into the hub form, applying defaults. */
  decode(data: Uint8Array | string, mediaType: MediaType, fallback?: GroupVersionKind): Decoded {
    const { gvk, object } = this.decodeVersioned(data, mediaType, fallback);
    const failures = this.validate(object, gvk);
    if (failures.length > 0) {
      throw new SchemeError('BadRequest', failures.map((f) => describeFailure(f)).join('; '), failures);
    }
    return { gvk, object: this.toInternal(object, gvk) };
  }

  /** Checks a versioned object against its kind's schema (types, required fields, markers). */
  validate(object: WireObject, gvk: GroupVersionKind): readonly ValidationFailure[] {
    const validator = this.kind(gvk).validate;
    if (!validator || validator(object)) return [];
    return validator.errors ?? [];
  }

  /** Decodes bytes into the versioned object they hold, without defaults or conversion. */
  decodeVersioned(data: Uint8Array | string, mediaType: MediaType, fallback?: GroupVersionKind): { gvk: GroupVersionKind; object: WireObject } {
    if (mediaType === MEDIA_PROTOBUF) {
      if (typeof data === 'string') throw new SchemeError('BadRequest', 'protobuf bodies must be bytes');
      const envelope = decodeEnvelope(data);
      const gvk = this.identify(envelope.apiVersion, envelope.kind, fallback);
      const codec = this.kind(gvk).protobuf;
      if (!codec) throw new SchemeError('BadRequest', `${gvkKey(gvk)} has no protobuf encoding`);
      return { gvk, object: codec.decode(envelope.raw) };
    }
    const text = typeof data === 'string' ? data : new TextDecoder().decode(data);
    let parsed: unknown;
    try {
      parsed = mediaType === MEDIA_YAML ? parseYaml(text) : JSON.parse(text);
    } catch (error) {
      throw new SchemeError('BadRequest', `body is not valid ${mediaType === MEDIA_YAML ? 'YAML' : 'JSON'}: ${(error as Error).message}`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new SchemeError('BadRequest', 'body must be a JSON object');
    }
    const object = parsed as WireObject;
    const apiVersion = typeof object['apiVersion'] === 'string' ? object['apiVersion'] : '';
    const kind = typeof object['kind'] === 'string' ? object['kind'] : '';
    return { gvk: this.identify(apiVersion, kind, fallback), object };
  }

  /** Defaults a versioned object (in place, unless `defaults` is false) and converts it to the hub form. */
  toInternal(object: WireObject, gvk: GroupVersionKind, options: { defaults?: boolean } = {}): WireObject {
    const entry = this.kind(gvk);
    if (options.defaults !== false) entry.setDefaults?.(object);
    return entry.toInternal(object);
  }

  /** The protobuf codec of a versioned kind, if it has one. */
  protobufCodec(gvk: GroupVersionKind): ProtobufCodec<WireObject> | undefined {
    return this.kind(gvk).protobuf;
  }

  /** Converts a hub object to a version; the result carries kind and apiVersion. */
  fromInternal(object: WireObject, target: GroupVersionKind): WireObject {
    const converted = this.kind(target).fromInternal(object);
    return { kind: target.kind, apiVersion: formatApiVersion(target), ...converted };
  }

  /** Encodes a hub object in a version and media type. */
  encode(object: WireObject, target: GroupVersionKind, mediaType: MediaType): Uint8Array | string {
    const versioned = this.fromInternal(object, target);
    if (mediaType === MEDIA_PROTOBUF) {
      const codec = this.kind(target).protobuf;
      if (!codec) throw new SchemeError('BadRequest', `${gvkKey(target)} has no protobuf encoding`);
      return encodeEnvelope(formatApiVersion(target), target.kind, codec.encode(versioned));
    }
    return JSON.stringify(versioned);
  }

  /** Converts a versioned object to another version of the same group through the hub. */
  convert(object: WireObject, from: GroupVersionKind, toVersion: string): WireObject {
    const hub = this.kind(from).toInternal(object);
    return this.fromInternal(hub, { ...from, version: toVersion });
  }

  deepCopy(object: WireObject, group: string, kind: string): WireObject {
    const entry = this.internal.get(`${group}/${kind}`);
    if (!entry) throw new SchemeError('UnknownKind', `no kind "${kind}" is registered in group "${group}"`);
    return entry.deepCopy(object);
  }

  private kind(gvk: GroupVersionKind): AnyVersionedKind {
    const entry = this.versioned.get(gvkKey(gvk));
    if (entry) return entry;
    if (!this.groups.has(gvk.group) || !this.groups.get(gvk.group)!.versions.includes(gvk.version)) {
      throw new SchemeError('UnknownVersion', `no version "${formatApiVersion(gvk)}" is registered`);
    }
    throw new SchemeError('UnknownKind', `no kind "${gvk.kind}" is registered for version "${formatApiVersion(gvk)}"`);
  }

  private identify(apiVersion: string, kind: string, fallback: GroupVersionKind | undefined): GroupVersionKind {
    if (apiVersion === '' && !fallback) throw new SchemeError('BadRequest', "Object 'apiVersion' is missing");
    if (kind === '' && !fallback) throw new SchemeError('BadRequest', "Object 'Kind' is missing");
    const gv = apiVersion === '' ? fallback! : parseApiVersion(apiVersion);
    const gvk = { group: gv.group, version: gv.version, kind: kind === '' ? fallback!.kind : kind };
    this.kind(gvk);
    return gvk;
  }
}
