/**
 * A CustomResourceDefinition version → OpenAPI-style definitions: the kind (its
 * `openAPIV3Schema` with `metadata` as ObjectMeta and TypeMeta's fields) and its list. Nested
 * object schemas stay inline; the transforms name them after their place (`WidgetSpec`).
 */
import { ImportError, type CrdVersion, type CustomResourceDefinition } from './document.js';
import type { Schema } from './schema.js';

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
export const CRD_REF_PREFIX = '#/definitions/';

export interface CrdDefinitions {
  readonly crd: CustomResourceDefinition;
  readonly version: CrdVersion;
  readonly definitions: Record<string, Schema>;
}

/** The CRD of `group` and its version `version` (default: the storage version). */
export function selectCrdVersion(
  crds: readonly CustomResourceDefinition[],
  group: string,
  version: string | undefined,
): { crd: CustomResourceDefinition; version: CrdVersion }[] {
  const inGroup = crds.filter((crd) => crd.spec.group === group);
  if (inGroup.length === 0) {
    const groups = [...new Set(crds.map((c) => c.spec.group))].join(', ');
    throw new ImportError(`no CustomResourceDefinition of group ${group} (found: ${groups})`);
  }
  return inGroup.flatMap((crd) => {
    const chosen = version ?? crd.spec.versions.find((v) => v.storage)?.name ?? crd.spec.versions[0]?.name;
    const found = crd.spec.versions.find((v) => v.name === chosen);
    return found ? [{ crd, version: found }] : [];
  });
}

/** The definitions of one CRD version under the OpenAPI prefix of its package. */
export function crdDefinitions(crd: CustomResourceDefinition, version: CrdVersion, prefix: string): Record<string, Schema> {
  const names = crd.spec.names;
  const schema = version.schema?.openAPIV3Schema;
  if (!schema) throw new ImportError(`${names.kind} ${version.name}: no schema.openAPIV3Schema`);
  const gvk = (kind: string) => [{ group: crd.spec.group, version: version.name, kind }];
  const { apiVersion: _a, kind: _k, metadata: _m, ...properties } = schema.properties ?? {};
  const listKind = names.listKind ?? `${names.kind}List`;
  return {
    [`${prefix}.${names.kind}`]: {
      ...schema,
      type: 'object',
      properties: {
        apiVersion: { type: 'string' },
        kind: { type: 'string' },
        metadata: { $ref: `${CRD_REF_PREFIX}${META}.ObjectMeta` },
        ...properties,
      },
      'x-kubernetes-group-version-kind': gvk(names.kind),
    },
    [`${prefix}.${listKind}`]: {
      type: 'object',
      properties: {
        apiVersion: { type: 'string' },
        kind: { type: 'string' },
        metadata: { $ref: `${CRD_REF_PREFIX}${META}.ListMeta` },
        items: { type: 'array', items: { $ref: `${CRD_REF_PREFIX}${prefix}.${names.kind}` } },
      },
      required: ['items'],
      'x-kubernetes-group-version-kind': gvk(listKind),
    },
  };
}
