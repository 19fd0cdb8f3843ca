/**
 * The unknown fields of a custom resource, for `fieldValidation=Strict|Warn`, in the order
 * apiextensions-apiserver's decoder reports them (customresource_handler.go's schema coercer):
 * fields ObjectMeta does not have under the root's `metadata`, then the fields the schema prunes
 * (sorted), then the unknown metadata fields of embedded resources. The object is not changed.
 */
import type { CustomResourceDefinition } from '../../../../api-definitions/apiextensions/v1/types.js';
import { goQuote } from '../../../machinery/errors.js';
import { deepCopyJSON } from '../../../machinery/generated-support.js';
import { prune } from './prune.js';
import { isObject, type Schema } from './schema.js';

/** `metadata.x` of an embedded resource (`spec.template.metadata.x`), not of the root. */
const EMBEDDED_META = /(\.|\])metadata\.[^.[\]]+$/;

/**
 * The paths of the unknown fields of `obj` under `schema` (undefined: no schema, everything is
 * kept), with `preserveUnknownFields` (the CRD's `spec.preserveUnknownFields`) pruning nothing.
 */
export function customResourceUnknownFields(obj: unknown, schema: Schema | undefined, preserveUnknownFields = false): string[] {
  if (!isObject(obj)) return [];
  const copy = deepCopyJSON(obj);
  // Without pruning, only ObjectMeta's own fields are checked: a schema that keeps everything.
  const effective: Schema = !schema || preserveUnknownFields ? { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } : schema;
  const paths = prune(copy, effective, true);
  const rootMeta = paths.filter((p) => p.startsWith('metadata.'));
  const embeddedMeta = paths.filter((p) => !p.startsWith('metadata.') && EMBEDDED_META.test(p));
  const pruned = paths.filter((p) => !p.startsWith('metadata.') && !EMBEDDED_META.test(p)).sort();
  return [...rootMeta, ...pruned, ...embeddedMeta];
}

/**
 * The problems `fieldValidation` reports for a custom resource body, worded as upstream's strict
 * decoding errors: unknown fields first, then fields the JSON or YAML text repeats.
 */
export function customResourceFieldProblems(unknown: readonly string[], duplicates: readonly string[]): string[] {
  return [...unknown.map((p) => `unknown field ${goQuote(p)}`), ...duplicates.map((p) => `duplicate field ${goQuote(p)}`)];
}

/** The schema of `version` of a CRD, if it has one. */
export function versionSchemaOf(crd: CustomResourceDefinition, version: string): Schema | undefined {
  return crd.spec.versions.find((v) => v.name === version)?.schema?.openAPIV3Schema;
}
