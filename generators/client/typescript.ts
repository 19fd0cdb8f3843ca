/**
 * openapi-typescript, configured for Kubernetes-style schemas: the TypeScript declarations of
 * a document's component schemas.
 */
import openapiTS, {
  astToString,
  NUMBER,
  STRING,
  tsUnion,
  type OpenAPI3,
  type SchemaObject,
} from 'openapi-typescript';
import type ts from 'typescript';
import { houseStyle } from './house-style.js';

/**
 * Schemas whose JSON is more than their OpenAPI type says: IntOrString is published as
 * `type: string, format: int-or-string` but its JSON is a number or a string.
 */
function kubernetesTypes(schema: SchemaObject): ts.TypeNode | undefined {
  const extensions = schema as Record<string, unknown>;
  if (schema.format === 'int-or-string' || extensions['x-kubernetes-int-or-string'] === true) {
    return tsUnion([NUMBER, STRING]);
  }
  return undefined;
}

/** The declarations openapi-typescript writes for `document` (`components`, `paths`, …). */
export async function schemaDeclarations(document: OpenAPI3): Promise<string> {
  const nodes = await openapiTS(document, {
    // RawExtension and FieldsV1 are `{type: object}`: any object, not an empty one.
    emptyObjectsUnknown: true,
    // A defaulted field may still be omitted by the client; the server fills it in.
    defaultNonNullable: false,
    silent: true,
    transform: kubernetesTypes,
  });
  return houseStyle(astToString(nodes));
}
