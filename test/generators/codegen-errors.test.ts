/**
 * Failing inputs: each folder under testdata/errors/ holds api-definitions that codegen must
 * reject, and expected-errors.txt with the exact messages (file:line: subject: detail).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, cpSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { generators } from '../../generators/all.js';
import { generateAll } from '../../generators/codegen.js';
import { CodegenErrors } from '../../generators/errors.js';
import { readApiModel } from '../../generators/reader/index.js';

const ERRORS = path.join(import.meta.dirname, 'testdata', 'errors');
const REPO = path.join(import.meta.dirname, '..', '..');

async function codegenErrors(root: string): Promise<string[]> {
  try {
    await generateAll(readApiModel(root), generators);
  } catch (error) {
    if (error instanceof CodegenErrors) return error.errors.map((e) => e.message);
    throw error;
  }
  return [];
}

describe('codegen rejects bad input', () => {
  for (const name of readdirSync(ERRORS).sort()) {
    it(`${name}: reports every problem with file, line and field`, async () => {
      const root = path.join(ERRORS, name);
      const expected = readFileSync(path.join(root, 'expected-errors.txt'), 'utf8').trim().split('\n');
      assert.deepEqual(await codegenErrors(root), expected);
    });
  }

  it('the CLI exits 1 and writes nothing', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'kapi-codegen-'));
    try {
      cpSync(path.join(ERRORS, 'unknown-marker', 'api-definitions'), path.join(root, 'api-definitions'), { recursive: true });
      const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO, 'generators', 'cli.ts'), '--root', root], {
        encoding: 'utf8',
        cwd: REPO,
      });
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stderr, /unknown marker \+frobnicate/);
      assert.match(run.stderr, /nothing was written/);
      assert.equal(existsSync(path.join(root, 'generated')), false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
