/**
 * Upstream's fully populated objects (one per built-in kind, every field set) must pass the
 * validators built from the real `api-definitions/`, for every kind the model defines.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { buildAll, buildSchemas } from '../../../generators/openapi/definitions.js';
import { OPENAPI_V3_FOR_VALIDATION } from '../../../generators/openapi/flavour.js';
import type { Schema } from '../../../generators/openapi/schema.js';
import { validationSchemas } from '../../../generators/openapi/validation-schemas.js';
import { validationAjv, validationRef } from '../../../generators/openapi/validators.js';
import { readApiModel } from '../../../generators/reader/index.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const FIXTURES = '/work/shared/reference/kubernetes/fixtures';

/** Definition name of each `apiVersion kind` the schemas tag with a group-version-kind. */
function definitionsByKind(schemas: Record<string, Schema>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, schema] of Object.entries(schemas)) {
    for (const gvk of (schema['x-kubernetes-group-version-kind'] ?? []) as {
      group: string;
      version: string;
      kind: string;
    }[]) {
      out.set(`${gvk.group === '' ? gvk.version : `${gvk.group}/${gvk.version}`} ${gvk.kind}`, name);
    }
  }
  return out;
}

const model = await readApiModel(ROOT);
const schemas = buildSchemas(model);
const ajv = validationAjv(validationSchemas(buildAll(model, OPENAPI_V3_FOR_VALIDATION)));
const byKind = definitionsByKind(schemas);
const fixtures = ['HEAD', 'v1.24'].flatMap((release) =>
  readdirSync(path.join(FIXTURES, release))
    .filter((file) => file.endsWith('.json'))
    .map((file) => path.join(FIXTURES, release, file)),
);

describe('upstream fixtures pass the generated validators', () => {
  let validated = 0;
  for (const file of fixtures) {
    const object = JSON.parse(readFileSync(file, 'utf8')) as { apiVersion: string; kind: string };
    const definition = byKind.get(`${object.apiVersion} ${object.kind}`);
    if (definition === undefined) continue;
    validated++;
    it(`${path.basename(path.dirname(file))}/${path.basename(file)}`, () => {
      const validate = ajv.getSchema(validationRef(definition));
      assert.ok(validate, definition);
      assert.equal(validate(object), true, JSON.stringify(validate.errors, null, 2));
    });
  }

  it('covers at least one fixture', () => assert.ok(validated > 0, 'no fixture matches a kind of the model'));
});
