/**
 * What a CRD serves, read from the CRD object: the names (status.acceptedNames, which the naming
 * controller settles, as upstream serves them), the scope, and per version the ResourceInfo the
 * registry and endpoints code works from.
 */
import type {
  CustomResourceDefinition,
  CustomResourceDefinitionNames,
  CustomResourceDefinitionVersion,
} from '../../../../api-definitions/apiextensions/v1/types.js';
import type { ResourceInfo } from '../../../machinery/scheme-types.js';

/** Every verb a custom resource serves, in upstream's discovery order. */
export const CUSTOM_RESOURCE_VERBS = ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'] as const;
/** What discovery lists while a CRD is terminating: creates and writes are refused. */
export const TERMINATING_VERBS = ['delete', 'deletecollection', 'get', 'list', 'watch'] as const;

/**
 * The names a CRD is served under: status.acceptedNames once the naming controller accepted
 * them; spec.names for the parts not accepted yet (a CRD being established).
 */
export function servedNames(crd: CustomResourceDefinition): Required<CustomResourceDefinitionNames> {
  const accepted = crd.status?.acceptedNames;
  const names = accepted && accepted.plural ? accepted : crd.spec.names;
  const kind = names.kind || crd.spec.names.kind;
  return {
    plural: names.plural,
    singular: names.singular || names.plural,
    kind,
    listKind: names.listKind || `${kind}List`,
    shortNames: [...(names.shortNames ?? [])],
    categories: [...(names.categories ?? [])],
  };
}

export function isNamespaced(crd: CustomResourceDefinition): boolean {
  return crd.spec.scope === 'Namespaced';
}

export function versionOf(crd: CustomResourceDefinition, version: string): CustomResourceDefinitionVersion | undefined {
  return (crd.spec.versions ?? []).find((v) => v.name === version);
}

/** The storage version: the one version with `storage: true`. */
export function storageVersionOf(crd: CustomResourceDefinition): string | undefined {
  return (crd.spec.versions ?? []).find((v) => v.storage)?.name;
}

/** The ResourceInfo of one version of a CRD (columns are served by the CRD's own table). */
export function customResourceInfo(crd: CustomResourceDefinition, version: string): ResourceInfo {
  const names = servedNames(crd);
  const subresources = versionOf(crd, version)?.subresources;
  const scale = subresources?.scale;
  return {
    kind: names.kind,
    listKind: names.listKind,
    plural: names.plural,
    singular: names.singular,
    namespaced: isNamespaced(crd),
    shortNames: names.shortNames,
    categories: names.categories,
    verbs: CUSTOM_RESOURCE_VERBS,
    subresources: {
      status: subresources?.status !== undefined && subresources.status !== null,
      ...(scale
        ? {
            scale: {
              specReplicasPath: scale.specReplicasPath,
              statusReplicasPath: scale.statusReplicasPath,
              ...(scale.labelSelectorPath ? { labelSelectorPath: scale.labelSelectorPath } : {}),
            },
          }
        : {}),
    },
    printColumns: [],
  };
}
