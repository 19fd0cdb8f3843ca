/**
 * One codegen run: read the model, run every generator, then (only if all succeeded) write the
 * files whose bytes changed and delete stale ones, or with `verify` report the differences.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { GeneratedFile, Generator } from './generator.js';
import type { ApiModel } from './model/types.js';
import { DEFINITIONS_ROOT, GENERATED_ROOT } from './paths.js';

export interface CodegenResult {
  readonly written: readonly string[];
  readonly unchanged: readonly string[];
  readonly removed: readonly string[];
}

/**
 * Runs the generators over a model; throws the first generator error before anything is written.
 * Returns the files under `generatedRoot`: a model read for an example's definitions also holds
 * the project's shared groups (meta), whose files the project's own run writes.
 */
export async function generateAll(model: ApiModel, generators: readonly Generator[], generatedRoot = GENERATED_ROOT): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [];
  for (const generator of generators) files.push(...(await generator.generate(model)));
  const seen = new Set<string>();
  for (const file of files) {
    if (!file.path.startsWith(`${GENERATED_ROOT}/`) && !file.path.includes(`/${GENERATED_ROOT}/`)) {
      throw new Error(`generator wrote outside a ${GENERATED_ROOT}/ folder: ${file.path}`);
    }
    if (seen.has(file.path)) throw new Error(`two generators wrote ${file.path}`);
    seen.add(file.path);
  }
  return files.filter((f) => f.path.startsWith(`${generatedRoot}/`)).sort((a, b) => (a.path < b.path ? -1 : 1));
}

/**
 * Compares the files with what is on disk under `root`; writes and deletes (files under
 * `generatedRoot` that were not generated) unless `dryRun`.
 */
export function sync(root: string, files: readonly GeneratedFile[], dryRun: boolean, generatedRoot = GENERATED_ROOT): CodegenResult {
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
  const removed = listFiles(root, generatedRoot).filter((f) => !wanted.has(f));
  if (!dryRun) {
    for (const file of removed) rmSync(path.join(root, file));
    removeEmptyDirs(path.join(root, generatedRoot));
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

/** The definitions roots of a project: its own, then each example's, in folder order. */
export function definitionsRoots(root: string): string[] {
  const examples = path.join(root, 'examples');
  const roots = [DEFINITIONS_ROOT];
  if (!existsSync(examples)) return roots;
  for (const entry of readdirSync(examples, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    if (existsSync(path.join(examples, entry, DEFINITIONS_ROOT))) roots.push(`examples/${entry}/${DEFINITIONS_ROOT}`);
  }
  return roots;
}
