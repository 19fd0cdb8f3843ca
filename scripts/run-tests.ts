/**
 * `npm test`: runs every `test/**\/*.test.ts` on Node's test runner, with TypeScript loaded by
 * tsx. Arguments narrow the run to files whose path contains one of them.
 *
 * Files run two at a time (KAPI_TEST_CONCURRENCY overrides): the end-to-end files spend most of
 * their time waiting on kubectl, etcd and the servers they start, and Node's default on a
 * two-core machine is one file at a time.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function findTests(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    if (entry === 'node_modules' || entry === 'testdata') continue;
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...findTests(full));
    else if (entry.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

const filters = process.argv.slice(2);
const files = findTests('test').filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)));
if (files.length === 0) {
  process.stderr.write(`no test files match ${filters.join(' ')}\n`);
  process.exit(1);
}
const concurrency = Number(process.env['KAPI_TEST_CONCURRENCY'] ?? 2);
if (!Number.isInteger(concurrency) || concurrency < 1) {
  process.stderr.write(`KAPI_TEST_CONCURRENCY must be a positive integer, not ${process.env['KAPI_TEST_CONCURRENCY']}\n`);
  process.exit(2);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
