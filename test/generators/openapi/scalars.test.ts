import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { OPENAPI_V2 } from '../../../generators/openapi/flavour.js';
import {
  holdsScalarDefinitions,
  SCALAR_DEFINITION_NAMES,
  scalarDefinitions,
  scalarSchema,
} from '../../../generators/openapi/scalars.js';
import { metaV1, widgetsV1 } from './sample-model.js';

const SWAGGER = '/work/shared/reference/kubernetes/swagger.json';

describe('scalar definitions', () => {
  it('are exactly the definitions upstream publishes under those names', () => {
    const upstream = (JSON.parse(readFileSync(SWAGGER, 'utf8')) as { definitions: Record<string, unknown> })
      .definitions;
    for (const [name, schema] of Object.entries(scalarDefinitions()))
      assert.deepEqual(schema, upstream[name], name);
  });

  it('are one per named scalar', () => {
    assert.deepEqual(Object.keys(scalarDefinitions()).sort(), Object.values(SCALAR_DEFINITION_NAMES).sort());
  });

  it('belong to meta/v1 only', () => {
    assert.equal(holdsScalarDefinitions(metaV1), true);
    assert.equal(holdsScalarDefinitions(widgetsV1), false);
  });
});

describe('scalarSchema', () => {
  it('returns a fresh object each time, so callers may add keywords', () => {
    const first = scalarSchema('string', OPENAPI_V2);
    first.description = 'changed';
    assert.deepEqual(scalarSchema('string', OPENAPI_V2), { type: 'string' });
  });
});
