/** Temporary folders for storage tests, removed by the returned function. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function tempDir(label: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), `kapi-${label}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
