/**
 * The client and openapi output for the real `api-definitions/` type-checks, checked in
 * memory at the paths codegen would write it to.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { clientGenerator } from '../../../generators/client/index.js';
import { openapiGenerator } from '../../../generators/openapi/index.js';
import { readApiModel } from '../../../generators/reader/index.js';
import { typeErrors } from './typecheck.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('output for api-definitions/', () => {
  it('type-checks', async () => {
    const model = await readApiModel(ROOT);
    const files = [...(await clientGenerator.generate(model)), ...(await openapiGenerator.generate(model))];
    const typescript = files.filter((file) => file.path.endsWith('.ts'));
    assert.ok(typescript.length > 0, 'api-definitions/ has no versioned package');
    const virtual = Object.fromEntries(typescript.map((file) => [path.join(ROOT, file.path), file.content]));
    assert.deepEqual(typeErrors([], virtual), []);
  });
});
