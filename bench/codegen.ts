/**
 * codegen: cold full codegen (a fresh process each run) against type-checking api-definitions
 * with tsc, the cheapest thing that reads the same sources.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { report, type Measurement } from './harness.js';

const ROOT = path.join(import.meta.dirname, '..');

function timeCommand(args: string[], runs: number): Measurement {
  let total = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
    total += performance.now() - start;
    // `--verify` exits 1 when generated/ is behind api-definitions (someone mid-change): it did the
    // same work, so the timing stands; say so rather than lose the section.
    const stale = result.status === 1 && /out of date/.test(`${result.stdout}${result.stderr}`);
    if (stale && i === 0) process.stdout.write('\n(generated/ is out of date in this tree; timing --verify anyway)\n');
    if (result.status !== 0 && !stale) throw new Error(`${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  }
  return { name: args.join(' ').replace(ROOT, '.'), nsPerOp: (total / runs) * 1e6, iterations: runs };
}

export function benchCodegen(): void {
  // Inside the project, so that type libraries resolve from its node_modules.
  mkdirSync(path.join(ROOT, 'node_modules', '.cache'), { recursive: true });
  const dir = mkdtempSync(path.join(ROOT, 'node_modules', '.cache', 'kapi-bench-'));
  try {
    const tsconfig = path.join(dir, 'tsconfig.json');
    writeFileSync(
      tsconfig,
      JSON.stringify({ extends: path.join(ROOT, 'tsconfig.json'), include: [path.join(ROOT, 'api-definitions')], compilerOptions: { noEmit: true } }),
    );
    const tsc = timeCommand([path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', tsconfig], 2);
    const codegen = timeCommand(['--import', 'tsx', path.join(ROOT, 'generators', 'cli.ts'), '--verify', '--root', ROOT], 2);
    report('codegen (cold, fresh process each run)', { ...tsc, name: 'tsc --noEmit api-definitions' }, [{ ...codegen, name: 'npm run codegen -- --verify' }]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
