/**
 * Golden files: a generator's output for a test case is committed under
 * `testdata/<case>/` and compared byte for byte. `UPDATE_GOLDENS=1` rewrites them.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GeneratedFile } from '../../../generators/generator.js';

export const UPDATE_GOLDENS = process.env.UPDATE_GOLDENS === '1';

/** Compares `files` with the goldens in `caseDir` (or rewrites them), including stale extras. */
export function assertMatchesGoldens(caseDir: URL, files: readonly GeneratedFile[]): void {
  const root = fileURLToPath(caseDir);
  if (UPDATE_GOLDENS) {
    rmSync(root, { recursive: true, force: true });
    for (const file of files) {
      const target = path.join(root, file.path);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.content);
    }
    return;
  }
  const expected = new Set(files.map((file) => file.path));
  const stale = listFiles(root).filter((file) => !expected.has(file));
  assert.deepEqual(
    stale,
    [],
    `golden files no generator output matches (run with UPDATE_GOLDENS=1): ${stale.join(', ')}`,
  );
  for (const file of files) {
    const golden = path.join(root, file.path);
    assert.ok(existsSync(golden), `missing golden ${golden} (run with UPDATE_GOLDENS=1)`);
    assert.equal(
      file.content,
      readFileSync(golden, 'utf8'),
      `${file.path} differs from its golden (UPDATE_GOLDENS=1 rewrites it)`,
    );
  }
}

/** Files under `root`, as `/`-separated paths relative to it. */
function listFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}
