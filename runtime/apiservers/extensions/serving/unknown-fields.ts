/**
 * Unknown-field detection for custom resources under `fieldValidation=Strict|Warn`: the fields
 * pruning would drop (the version's structural schema does not declare them, nor preserves
 * unknown fields there; metadata fields ObjectMeta does not have), found on a copy, in upstream's
 * path form (`spec.foo`, `metadata.bar`) and in the decoder's order (schema/unknown-fields.ts).
 */
import type { UnknownFieldChecker } from '../../../endpoints/handlers/fields.js';
import type { CompiledVersionSchema } from '../schema/compile.js';
import { customResourceUnknownFields } from '../schema/unknown-fields.js';

export function customResourceFieldChecker(group: string, schemaFor: (version: string) => CompiledVersionSchema | undefined): UnknownFieldChecker {
  return {
    unknownFields(object, gvk) {
      if (gvk.group !== group) return [];
      const schema = schemaFor(gvk.version);
      return schema ? customResourceUnknownFields(object, schema.schema) : [];
    },
  };
}
