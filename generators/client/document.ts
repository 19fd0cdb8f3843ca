/**
 * The OpenAPI v3 document a package's client types are generated from: the package's own
 * component schemas plus every schema they reach through `$ref`, so the output stands alone.
 */
import type { OpenAPI3 } from 'openapi-typescript';
import { canonicalSchemaMap, collectRefs, type SchemaMap } from '../openapi/schema.js';

const REF_PREFIX = '#/components/schemas/';

/**
 * @param own the package's schemas (`buildPackageSchemas(…, OPENAPI_V3)`)
 * @param all every schema of the model (`buildSchemas(model)`), where refs are looked up
 */
export function packageDocument(title: string, version: string, own: SchemaMap, all: SchemaMap): OpenAPI3 {
  return {
    openapi: '3.0.0',
    info: { title, version },
    paths: {},
    components: {
      schemas: canonicalSchemaMap(withReferenced(own, all)) as NonNullable<OpenAPI3['components']>['schemas'],
    },
  };
}

/** `own` plus the transitive closure of the schemas its `$ref`s name. */
export function withReferenced(own: SchemaMap, all: SchemaMap): SchemaMap {
  const out: SchemaMap = { ...own };
  const pending = Object.values(own).flatMap((schema) => collectRefs(schema));
  while (pending.length > 0) {
    const ref = pending.pop()!;
    if (!ref.startsWith(REF_PREFIX)) throw new Error(`unexpected $ref ${ref}`);
    const name = ref.slice(REF_PREFIX.length);
    if (name in out) continue;
    const schema = all[name];
    if (schema === undefined) throw new Error(`$ref to unknown schema ${name}`);
    out[name] = schema;
    pending.push(...collectRefs(schema));
  }
  return out;
}
