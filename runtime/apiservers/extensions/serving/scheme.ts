/**
 * A Scheme per CRD, so the registry and endpoints code serve custom resources as they serve
 * built-ins: the group, each served version's kind and list kind, and the resource. Kinds of
 * other groups (the autoscaling/v1 Scale of the scale subresource) are the server's scheme's.
 *
 * Custom resources have no internal form: the "hub" object is the versioned JSON itself, its
 * apiVersion telling its version, so toInternal and fromInternal are identities. Moving between
 * versions is asynchronous (a conversion webhook), so it happens in the storage layer below the
 * Store (converting-storage.ts), never here. `setDefaults` is decoding's normalization with the
 * version's compiled schema: unknown fields pruned, then defaults applied; the Store runs it on
 * every object it reads from storage too, which is how defaults reach stored objects.
 */
import type { CustomResourceDefinition } from '../../../../api-definitions/apiextensions/v1/types.js';
import { deepCopyJSON } from '../../../machinery/generated-support.js';
import { Scheme, type Decoded, type MediaType, type WireObject } from '../../../machinery/scheme.js';
import type { GroupVersionKind, ProtobufCodec, ValidationFailure } from '../../../machinery/scheme-types.js';
import type { CompiledVersionSchema } from '../schema/compile.js';
import { customResourceInfo, servedNames, storageVersionOf } from './resource-info.js';
import { servedVersions } from './version-priority.js';

const identity = (object: WireObject): WireObject => object;

/** The kinds of one CRD, with every other group's kinds answered by the server's scheme. */
export class CustomResourceScheme extends Scheme {
  private readonly crdGroup: string;

  constructor(
    crd: CustomResourceDefinition,
    schemas: ReadonlyMap<string, CompiledVersionSchema>,
    private readonly others: Scheme,
  ) {
    super();
    const group = crd.spec.group;
    this.crdGroup = group;
    const names = servedNames(crd);
    const versions = servedVersions(crd);
    this.addGroup({ name: group, versions, storageVersion: storageVersionOf(crd) ?? versions[0] ?? '', hasInternal: true });
    for (const version of versions) {
      const schema = schemas.get(version);
      this.addVersionedKind<WireObject, WireObject>({
        group,
        version,
        kind: names.kind,
        toInternal: identity,
        fromInternal: identity,
        setDefaults: (object) => void schema?.normalize(object),
      });
      this.addVersionedKind<WireObject, WireObject>({ group, version, kind: names.listKind, toInternal: identity, fromInternal: identity });
      this.addResources({ group, version }, [customResourceInfo(crd, version)]);
    }
    this.addInternalKind<WireObject>({ group, kind: names.kind, deepCopy: deepCopyJSON });
  }

  private own(gvk: { readonly group: string } | undefined): boolean {
    return gvk === undefined || gvk.group === this.crdGroup;
  }

  override recognizes(gvk: GroupVersionKind): boolean {
    return this.own(gvk) ? super.recognizes(gvk) : this.others.recognizes(gvk);
  }

  override decode(data: Uint8Array | string, mediaType: MediaType, fallback?: GroupVersionKind): Decoded {
    return this.own(fallback) ? super.decode(data, mediaType, fallback) : this.others.decode(data, mediaType, fallback);
  }

  override validate(object: WireObject, gvk: GroupVersionKind): readonly ValidationFailure[] {
    return this.own(gvk) ? super.validate(object, gvk) : this.others.validate(object, gvk);
  }

  override decodeVersioned(data: Uint8Array | string, mediaType: MediaType, fallback?: GroupVersionKind): { gvk: GroupVersionKind; object: WireObject } {
    return this.own(fallback) ? super.decodeVersioned(data, mediaType, fallback) : this.others.decodeVersioned(data, mediaType, fallback);
  }

  override toInternal(object: WireObject, gvk: GroupVersionKind, options: { defaults?: boolean } = {}): WireObject {
    return this.own(gvk) ? super.toInternal(object, gvk, options) : this.others.toInternal(object, gvk, options);
  }

  override protobufCodec(gvk: GroupVersionKind): ProtobufCodec<WireObject> | undefined {
    return this.own(gvk) ? undefined : this.others.protobufCodec(gvk);
  }

  override fromInternal(object: WireObject, target: GroupVersionKind): WireObject {
    return this.own(target) ? super.fromInternal(object, target) : this.others.fromInternal(object, target);
  }

  override encode(object: WireObject, target: GroupVersionKind, mediaType: MediaType): Uint8Array | string {
    return this.own(target) ? super.encode(object, target, mediaType) : this.others.encode(object, target, mediaType);
  }

  override deepCopy(object: WireObject, group: string, kind: string): WireObject {
    return group === this.crdGroup ? super.deepCopy(object, group, kind) : this.others.deepCopy(object, group, kind);
  }
}
