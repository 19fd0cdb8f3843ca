/**
 * The OpenAPI definitions of a CRD version, as apiextensions-apiserver's builder publishes them
 * (pkg/controller/openapi/builder): `<reversed group>.<version>.<Kind>` holding the version's
 * schema with apiVersion, kind and metadata added, and `…<Kind>List` around it, each with
 * `x-kubernetes-group-version-kind`. The v2 form goes through `toOpenAPIV2` and loses defaults.
 */
import type { CustomResourceDefinition } from '../../../../api-definitions/apiextensions/v1/types.js';
import { validateStructural } from '../schema/structural.js';
import { newPath } from '../../../machinery/validation/path.js';
import { isObject, MAX_DEPTH, type Schema } from '../schema/schema.js';
import { toPublishedSchema, type PublishedSchema } from './structural.js';
import { toOpenAPIV2 } from './v2.js';

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
export const OBJECT_META_DEFINITION = `${META}.ObjectMeta`;
export const LIST_META_DEFINITION = `${META}.ListMeta`;

export type OpenAPIFlavor = 'v2' | 'v3';

const refPrefix = (flavor: OpenAPIFlavor): string => (flavor === 'v2' ? '#/definitions/' : '#/components/schemas/');

/** The group reversed, then version and kind: `stable.example.com`, `v1`, `CronTab` → `com.example.stable.v1.CronTab`. */
export function definitionName(group: string, version: string, kind: string): string {
  return `${group.split('.').reverse().join('.')}.${version}.${kind}`;
}

const API_VERSION_PROPERTY = {
  description: 'APIVersion defines the versioned schema of this object: the group/version it is expressed in.',
  type: 'string',
};
const KIND_PROPERTY = { description: 'Kind is the REST kind of this object, in CamelCase.', type: 'string' };

/**
 * A reference with a description of its own. In v3 the reference goes under `allOf`: kubectl's
 * v3 `explain` reads a `$ref`'s siblings as the referenced schema's, so only this form shows
 * the field's own description (upstream's conformance tests look for it).
 */
function describedRef(flavor: OpenAPIFlavor, definition: string, description: string): PublishedSchema {
  const $ref = `${refPrefix(flavor)}${definition}`;
  return flavor === 'v2' ? { $ref, description } : { allOf: [{ $ref }], description };
}

function objectMetaProperty(flavor: OpenAPIFlavor): PublishedSchema {
  return describedRef(flavor, OBJECT_META_DEFINITION, "Standard object's metadata.");
}

export interface VersionDefinitions {
  /** Definition name → schema: the kind and its list. */
  readonly [name: string]: PublishedSchema;
}

/**
 * The schema of `version` that is published: undefined when the CRD has none, or one that is not
 * structural (the builder then publishes an untyped object rather than a wrong shape).
 */
function publishableSchema(crd: CustomResourceDefinition, version: string): Schema | undefined {
  const schema = crd.spec.versions.find((v) => v.name === version)?.schema?.openAPIV3Schema;
  if (!schema || !hasValidTypes(schema, 0)) return undefined;
  if (validateStructural(schema, newPath('openAPIV3Schema')).length > 0) return undefined;
  return schema;
}

/** Whether every `type` is one OpenAPI knows (upstream's SchemaHasInvalidTypes). */
function hasValidTypes(s: Schema, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  if (s.type !== undefined && !['', 'array', 'boolean', 'integer', 'number', 'object', 'string', 'null'].includes(s.type)) return false;
  const children: Schema[] = [
    ...Object.values(s.properties ?? {}),
    ...(isObject(s.items) ? [s.items as Schema] : []),
    ...(isObject(s.additionalProperties) ? [s.additionalProperties as Schema] : []),
    ...(s.allOf ?? []),
    ...(s.anyOf ?? []),
    ...(s.oneOf ?? []),
    ...(s.not ? [s.not] : []),
  ];
  return children.every((c) => hasValidTypes(c, depth + 1));
}

/** The kind's schema: the version's schema with TypeMeta and ObjectMeta, or an untyped object when there is nothing to say. */
function kindSchema(crd: CustomResourceDefinition, version: string, flavor: OpenAPIFlavor): PublishedSchema {
  const gvk = [{ group: crd.spec.group, kind: crd.spec.names.kind, version }];
  const schema = publishableSchema(crd, version);
  // In v2, a root that keeps unknown fields publishes no properties at all: kubectl's v2
  // validation would otherwise refuse every field the schema does not list.
  const preserveRoot = schema?.['x-kubernetes-preserve-unknown-fields'] === true || crd.spec.preserveUnknownFields === true;
  if (!schema || (flavor === 'v2' && preserveRoot)) return { type: 'object', 'x-kubernetes-group-version-kind': gvk, ...selectableFields(crd, version) };
  let out = toPublishedSchema(schema);
  if (flavor === 'v2') out = withoutDefaults(toOpenAPIV2(out), 0);
  out['properties'] = {
    ...((out['properties'] as Record<string, PublishedSchema> | undefined) ?? {}),
    apiVersion: { ...API_VERSION_PROPERTY },
    kind: { ...KIND_PROPERTY },
    metadata: objectMetaProperty(flavor),
  };
  addEmbeddedResourceProperties(out, flavor, 0);
  out['x-kubernetes-group-version-kind'] = gvk;
  Object.assign(out, selectableFields(crd, version));
  return out;
}

/** The version's `selectableFields` as `x-kubernetes-selectable-fields` (`.spec.color` → `spec.color`), when it has any. */
function selectableFields(crd: CustomResourceDefinition, version: string): PublishedSchema {
  const fields = crd.spec.versions.find((v) => v.name === version)?.selectableFields ?? [];
  if (fields.length === 0) return {};
  return { 'x-kubernetes-selectable-fields': fields.map((f) => ({ fieldPath: f.jsonPath.replace(/^\./, '') })) };
}

/**
 * Embedded resources (`x-kubernetes-embedded-resource`) are objects with TypeMeta and ObjectMeta
 * of their own; in v2 a node that keeps unknown fields stays bare, as above.
 */
function addEmbeddedResourceProperties(s: PublishedSchema, flavor: OpenAPIFlavor, depth: number): void {
  if (depth > MAX_DEPTH) return;
  for (const p of Object.values((s['properties'] as Record<string, PublishedSchema> | undefined) ?? {})) addEmbeddedResourceProperties(p, flavor, depth + 1);
  if (isObject(s['items'])) addEmbeddedResourceProperties(s['items'] as PublishedSchema, flavor, depth + 1);
  if (isObject(s['additionalProperties'])) addEmbeddedResourceProperties(s['additionalProperties'] as PublishedSchema, flavor, depth + 1);
  if (flavor === 'v2' && s['x-kubernetes-preserve-unknown-fields'] === true) return;
  if (s['x-kubernetes-embedded-resource'] !== true) return;
  s['properties'] = {
    ...((s['properties'] as Record<string, PublishedSchema> | undefined) ?? {}),
    apiVersion: { ...API_VERSION_PROPERTY },
    kind: { ...KIND_PROPERTY },
    metadata: objectMetaProperty(flavor),
  };
  const required = Array.isArray(s['required']) ? [...(s['required'] as string[])] : [];
  for (const field of ['kind', 'apiVersion']) if (!required.includes(field)) required.push(field);
  s['required'] = required;
}

/** v2 documents carry no defaults (the built-in definitions have theirs pruned too). */
function withoutDefaults(s: PublishedSchema, depth: number): PublishedSchema {
  if (depth > MAX_DEPTH) return s;
  delete s['default'];
  for (const p of Object.values((s['properties'] as Record<string, PublishedSchema> | undefined) ?? {})) withoutDefaults(p, depth + 1);
  if (isObject(s['items'])) withoutDefaults(s['items'] as PublishedSchema, depth + 1);
  if (isObject(s['additionalProperties'])) withoutDefaults(s['additionalProperties'] as PublishedSchema, depth + 1);
  return s;
}

function listSchema(crd: CustomResourceDefinition, version: string, flavor: OpenAPIFlavor): PublishedSchema {
  const { kind, plural } = crd.spec.names;
  const listKind = listKindOf(crd);
  return {
    description: `${listKind} is a list of ${kind}`,
    type: 'object',
    required: ['items'],
    properties: {
      apiVersion: { ...API_VERSION_PROPERTY },
      items: { description: `List of ${plural}.`, type: 'array', items: { $ref: `${refPrefix(flavor)}${definitionName(crd.spec.group, version, kind)}` } },
      kind: { ...KIND_PROPERTY },
      metadata: describedRef(flavor, LIST_META_DEFINITION, 'Standard list metadata.'),
    },
    'x-kubernetes-group-version-kind': [{ group: crd.spec.group, kind: listKind, version }],
  };
}

export function listKindOf(crd: CustomResourceDefinition): string {
  return crd.spec.names.listKind || `${crd.spec.names.kind}List`;
}

/** The kind and list definitions of one version of a CRD, in the v2 or v3 flavor. */
export function buildVersionDefinitions(crd: CustomResourceDefinition, version: string, flavor: OpenAPIFlavor): VersionDefinitions {
  const { group, names } = crd.spec;
  return {
    [definitionName(group, version, names.kind)]: kindSchema(crd, version, flavor),
    [definitionName(group, version, listKindOf(crd))]: listSchema(crd, version, flavor),
  };
}

/** The definitions of every served version of a CRD (unserved versions are not published). */
export function buildCRDDefinitions(crd: CustomResourceDefinition, flavor: OpenAPIFlavor): VersionDefinitions {
  const out: Record<string, PublishedSchema> = {};
  for (const v of crd.spec.versions) if (v.served) Object.assign(out, buildVersionDefinitions(crd, v.name, flavor));
  return out;
}
