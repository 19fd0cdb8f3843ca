/**
 * `kapi import` goldens: each folder under testdata/ holds an input (an OpenAPI v2 document with
 * its generated.proto, an OpenAPI v3 document, CRD manifests), case.json with the options and
 * the warnings the import must print, and under api-definitions/ the files it must write, beside
 * the packages they refer to. The written files must also read and generate without errors.
 * `UPDATE_GOLDENS=1 npm test -- test/generators/import` rewrites the expected files.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { generators } from '../../../generators/all.js';
import { generateAll } from '../../../generators/codegen.js';
import { importTypes } from '../../../generators/import/index.js';
import { scanPackages } from '../../../generators/import/packages.js';
import { readApiModel } from '../../../generators/reader/index.js';

const TESTDATA = path.join(import.meta.dirname, 'testdata');

interface Case {
  readonly source: string;
  readonly proto?: string;
  readonly group?: string;
  readonly version?: string;
  readonly dir?: string;
  readonly package?: string;
  readonly warnings: readonly string[];
}

describe('kapi import goldens', () => {
  for (const name of readdirSync(TESTDATA).sort()) {
    const dir = path.join(TESTDATA, name);
    const spec = JSON.parse(readFileSync(path.join(dir, 'case.json'), 'utf8')) as Case;
    const read = (file: string) => ({ text: readFileSync(path.join(dir, file), 'utf8'), name: file });

    it(`${name}: writes the expected files and warnings`, async () => {
      const result = await importTypes({
        source: read(spec.source),
        ...(spec.proto ? { proto: read(spec.proto) } : {}),
        ...(spec.group !== undefined ? { group: spec.group } : {}),
        ...(spec.version ? { version: spec.version } : {}),
        ...(spec.dir ? { dir: spec.dir } : {}),
        ...(spec.package ? { packagePath: spec.package } : {}),
        known: scanPackages(path.join(dir, 'api-definitions')),
      });
      for (const file of result.files) {
        const golden = path.join(dir, file.path);
        if (process.env.UPDATE_GOLDENS === '1') {
          mkdirSync(path.dirname(golden), { recursive: true });
          writeFileSync(golden, file.content);
          continue;
        }
        assert.equal(file.content, readFileSync(golden, 'utf8'), `${file.path} differs; UPDATE_GOLDENS=1 rewrites it`);
      }
      assert.deepEqual(result.warnings, spec.warnings);
    });

    it(`${name}: the written types read and generate without errors`, async () => {
      const model = readApiModel(dir);
      const files = await generateAll(model, generators);
      assert.ok(files.length > 0);
    });
  }
});

describe('npm run import (the CLI)', () => {
  const cli = path.join(import.meta.dirname, '..', '..', '..', 'generators', 'import', 'cli.ts');
  const crd = path.join(TESTDATA, 'crd', 'input', 'crd.yaml');
  const run = (root: string, ...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', cli, crd, '--root', root, ...args], { encoding: 'utf8' });

  it('writes a new group, then keeps the types it wrote unless --update or --force', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'kapi-import-'));
    try {
      cpSync(path.join(TESTDATA, 'crd', 'api-definitions', 'meta'), path.join(root, 'api-definitions', 'meta'), { recursive: true });
      const first = run(root);
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stdout, /wrote api-definitions\/stable\/v1\/types\.ts/);
      assert.match(first.stdout, /import: 2 kinds; resources: crontabs/);
      assert.match(first.stderr, /warning: CronTabSpec\.schedule: x-kubernetes-validations/);
      const expected = readFileSync(path.join(TESTDATA, 'crd', 'api-definitions', 'stable', 'v1', 'types.ts'), 'utf8');
      assert.equal(readFileSync(path.join(root, 'api-definitions', 'stable', 'v1', 'types.ts'), 'utf8'), expected);

      const again = run(root);
      assert.equal(again.status, 1);
      assert.match(again.stderr, /api-definitions\/stable\/v1\/types\.ts exists; pass --update to merge into it or --force/);
      assert.equal(run(root, '--force').status, 0);

      // A hand edit survives --update, and what the edit removed from the import comes back.
      const file = path.join(root, 'api-definitions', 'stable', 'v1', 'types.ts');
      const edited = expected
        .replace(/(\n\s*\/\*\*[^\n]*\*\/)?\n\s*cronSpec\??: string;/, '')
        .replace('shortName=ct,', 'shortName=ct;cron,');
      assert.notEqual(edited, expected);
      writeFileSync(file, edited);
      const updated = run(root, '--update');
      assert.equal(updated.status, 0, updated.stderr);
      assert.match(updated.stderr, /\+ CronTabSpec\.cronSpec/);
      const merged = readFileSync(file, 'utf8');
      assert.match(merged, /shortName=ct;cron,/);
      assert.match(merged, /cronSpec\??: string;/);
      const unchanged = run(root, '--update');
      assert.match(unchanged.stdout, /unchanged api-definitions\/stable\/v1\/types\.ts/);
      assert.equal(readFileSync(file, 'utf8'), merged);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('reports what it cannot import and exits 1', () => {
    const result = run(tmpdir(), '--group', 'other.example.com');
    assert.equal(result.status, 1);
    assert.match(result.stderr, /no CustomResourceDefinition of group other\.example\.com \(found: stable\.example\.com\)/);
  });
});
