/** Compares generated files with committed goldens; `UPDATE_GOLDENS=1` rewrites the goldens instead. */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { GeneratedFile } from '../../../generators/generator.js';

export function assertGoldens(caseDir: string, files: readonly GeneratedFile[]): void {
  for (const file of files) {
    const golden = path.join(caseDir, file.path);
    if (process.env.UPDATE_GOLDENS === '1') {
      mkdirSync(path.dirname(golden), { recursive: true });
      writeFileSync(golden, file.content);
      continue;
    }
    let expected: string;
    try {
      expected = readFileSync(golden, 'utf8');
    } catch {
      assert.fail(`missing golden ${golden}; run with UPDATE_GOLDENS=1`);
    }
    assert.equal(
      file.content,
      expected,
      `${file.path} differs from its golden; run with UPDATE_GOLDENS=1 to accept`,
    );
  }
}
