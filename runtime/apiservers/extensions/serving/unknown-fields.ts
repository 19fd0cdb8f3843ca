/**
 * Unknown-field detection for custom resources under `fieldValidation=Strict|Warn`: the fields
 * pruning would drop (the version's structural schema does not declare them, nor preserves
 * unknown fields there; metadata fields ObjectMeta does not have), found on a copy, in upstream's
 * path form (`spec.foo`, `metadata.bar`).
 */
import type { UnknownFieldChecker } from '../../../endpoints/handlers/fields.js';
import { deepCopyJSON } from '../../../machinery/generated-support.js';
import type { CompiledVersionSchema } from '../schema/compile.js';

export function customResourceFieldChecker(group: string, schemaFor: (version: string) => CompiledVersionSchema | undefined): UnknownFieldChecker {
  return {
    unknownFields(object, gvk) {
      if (gvk.group !== group) return [];
      const schema = schemaFor(gvk.version);
      return schema ? schema.prune(deepCopyJSON(object)) : [];
    },
  };
}
