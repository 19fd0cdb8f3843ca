/**
 * One codegen run: read the model, run every generator, then (only if all succeeded) write the
 * files whose bytes changed and delete stale ones, or with `verify` report the differences.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { GeneratedFile, Generator } from './generator.js';
import type { ApiModel } from './model/types.js';
import { GENERATED_ROOT } from './paths.js';

export interface CodegenResult {
  readonly written: readonly string[];
  readonly unchanged: readonly string[];
  readonly removed: readonly string[];
}

/** Runs the generators over a model; throws the first generator error before anything is written. */
export async function generateAll(model: ApiModel, generators: readonly Generator[]): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [];
  for (const generator of generators) files.push(...(await generator.generate(model)));
  const seen = new Set<string>();
  for (const file of files) {
    if (!file.path.startsWith(`${GENERATED_ROOT}/`)) throw new Error(`generator wrote outside ${GENERATED_ROOT}/: ${file.path}`);
    if (seen.has(file.path)) throw new Error(`two generators wrote ${file.path}`);
    seen.add(file.path);
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Compares the files with what is on disk under `root`; writes and deletes unless `dryRun`. */
export function sync(root: string, files: readonly GeneratedFile[], dryRun: boolean): CodegenResult {
  const written: string[] = [];
  const unchanged: string[] = [];
  const wanted = new Set(files.map((f) => f.path));
  for (const file of files) {
    const target = path.join(root, file.path);
    const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    if (current === file.content) {
      unchanged.push(file.path);
      continue;
    }
    written.push(file.path);
    if (!dryRun) {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.content);
    }
  }
  const removed = listFiles(root, GENERATED_ROOT).filter((f) => !wanted.has(f));
  if (!dryRun) {
    for (const file of removed) rmSync(path.join(root, file));
    removeEmptyDirs(path.join(root, GENERATED_ROOT));
  }
  return { written, unchanged, removed };
}

function listFiles(root: string, dir: string): string[] {
  const absolute = path.join(root, dir);
  if (!existsSync(absolute)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(absolute).sort()) {
    const rel = `${dir}/${entry}`;
    if (statSync(path.join(root, rel)).isDirectory()) out.push(...listFiles(root, rel));
    else out.push(rel);
  }
  return out;
}

function removeEmptyDirs(dir: string): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir)) {
    const child = path.join(dir, entry);
    if (statSync(child).isDirectory()) {
      removeEmptyDirs(child);
      if (readdirSync(child).length === 0) rmSync(child, { recursive: true });
    }
  }
}
