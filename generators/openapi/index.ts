/**
 * openapi: OpenAPI schemas and precompiled validators for every versioned package.
 *
 * For each `api-definitions/<group>/<version>` it writes, under `generated/<group>/<version>/`:
 *
 * - `openapi.generated.ts`: `definitions` (OpenAPI v2, refs `#/definitions/…`), `schemas`
 *   (OpenAPI v3 `components.schemas`, refs `#/components/schemas/…`) and `groupVersionKinds`.
 *   Keys are upstream's definition names, `<reversed +package path>.<version>.<Type>`
 *   (`io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler`). Each struct becomes
 *   `{type: object, properties, required}`; `required` lists the fields without `?` (or with
 *   `+required`) in declaration order, as upstream lists them in Go field order. Kinds carry
 *   `x-kubernetes-group-version-kind`. Enums, aliases, arrays and maps are written inline;
 *   scalars follow the table in docs/api-definitions.md, with Time, MicroTime, FieldsV1,
 *   Quantity, IntOrString and RawExtension as `$ref`s to their upstream definitions, which
 *   meta/v1's file carries.
 *   Markers map to `x-kubernetes-list-type`, `-list-map-keys`, `-map-type` (`+mapType` on a
 *   field, `+structType` on a type), `-patch-strategy`, `-patch-merge-key`,
 *   `-int-or-string`, `-preserve-unknown-fields`, `-embedded-resource` and the JSON Schema
 *   validation keywords of the `+kubebuilder:validation:*` markers.
 *   v2 and v3 differ as upstream's documents do: only v3 lists enum values and `+default`
 *   values, and v3 wraps a `$ref` that has siblings as `allOf: [{$ref}]`.
 * - `validators.generated.js` (+ `.d.ts`): `validate<Kind>(data): boolean` per kind, ajv
 *   standalone code with `validate<Kind>.errors` set on failure, listing every failure. They
 *   check what Kubernetes' Go decoder checks (types, required fields, formats it parses) plus
 *   the validation markers; they accept what it accepts (null for optional fields, numbers
 *   for quantities, any string for an enum type: see validation-schemas.ts and flavour.ts);
 *   unknown fields pass.
 *
 * Internal packages get nothing. `buildDefinitions(model)` and `buildSchemas(model)` return
 * the same schemas for a whole model, for the server to publish.
 */
import type { GeneratedFile, Generator } from '../generator.js';
import { ModelIndex } from '../model/lookup.js';
import type { ApiModel } from '../model/types.js';
import { buildAll } from './definitions.js';
import { OPENAPI_V3_FOR_VALIDATION } from './flavour.js';
import { openapiFile } from './openapi-file.js';
import { packageTargets } from './targets.js';
import { validationSchemas } from './validation-schemas.js';
import { validatorFiles } from './validator-files.js';
import { ValidatorCompiler } from './validators.js';

export { buildDefinitions, buildSchemas } from './definitions.js';
export type { Schema, SchemaMap } from './schema.js';

export const openapiGenerator: Generator = {
  name: 'openapi',
  async generate(model: ApiModel): Promise<GeneratedFile[]> {
    const index = new ModelIndex(model);
    const compiler = new ValidatorCompiler(validationSchemas(buildAll(model, OPENAPI_V3_FOR_VALIDATION)));
    const files: GeneratedFile[] = [];
    for (const target of packageTargets(model)) {
      files.push(openapiFile(index, target));
      files.push(...validatorFiles(index, target, compiler));
    }
    return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  },
};
