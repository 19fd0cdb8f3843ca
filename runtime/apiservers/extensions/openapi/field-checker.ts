/**
 * Unknown-field detection for custom resources as the endpoints' `UnknownFieldChecker`: the
 * schema of a group-version-kind comes from the CRD serving it, read from the tier's CRD
 * informer on every call (a CRD update applies to the next request).
 */
import type { CustomResourceDefinition } from '../../../../api-definitions/apiextensions/v1/types.js';
import type { UnknownFieldChecker } from '../../../endpoints/handlers/fields.js';
import { customResourceUnknownFields, versionSchemaOf } from '../schema/unknown-fields.js';

export interface CRDByGroupKind {
  list(): readonly CustomResourceDefinition[];
}

export function crdUnknownFieldChecker(crds: CRDByGroupKind): UnknownFieldChecker {
  return {
    unknownFields(object, gvk) {
      const crd = crds.list().find((c) => c.spec.group === gvk.group && c.spec.names.kind === gvk.kind);
      if (!crd) return [];
      return customResourceUnknownFields(object, versionSchemaOf(crd, gvk.version), crd.spec.preserveUnknownFields === true);
    },
  };
}
