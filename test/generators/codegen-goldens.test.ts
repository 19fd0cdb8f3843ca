/**
 * Golden tests: every case folder under testdata/ is a small project; running all generators
 * over its api-definitions must reproduce its committed generated/ folder byte for byte.
 * `UPDATE_GOLDENS=1 npm test -- codegen-goldens` rewrites them.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { generators } from '../../generators/all.js';
import { generateAll, sync } from '../../generators/codegen.js';
import { readApiModel } from '../../generators/reader/index.js';

const TESTDATA = path.join(import.meta.dirname, 'testdata');
const CASES = ['widgets'];

describe('codegen goldens', () => {
  for (const name of CASES) {
    it(`${name}: generated/ matches the generators' output`, async () => {
      const root = path.join(TESTDATA, name);
      assert.ok(existsSync(path.join(root, 'api-definitions')), `${root} has no api-definitions`);
      const files = await generateAll(readApiModel(root), generators);
      const update = process.env['UPDATE_GOLDENS'] === '1';
      const result = sync(root, files, !update);
      if (!update) {
        assert.deepEqual({ differs: result.written, stale: result.removed }, { differs: [], stale: [] });
      }
    });

    it(`${name}: two runs give identical bytes`, async () => {
      const root = path.join(TESTDATA, name);
      const first = await generateAll(readApiModel(root), generators);
      const second = await generateAll(readApiModel(root), generators);
      assert.deepEqual(second, first);
    });
  }
});
