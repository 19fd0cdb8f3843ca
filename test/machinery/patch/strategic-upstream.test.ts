/** Upstream's strategic merge patch applications (testdata/strategic-upstream.yaml), row by row. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { PatchError } from '../../../runtime/machinery/patch/errors.js';
import type { JsonObject } from '../../../runtime/machinery/patch/errors.js';
import { applyStrategicMergePatch } from '../../../runtime/machinery/patch/strategic.js';
import { mergeItemMeta } from './schemas.js';

interface Row {
  readonly name: string;
  readonly original: JsonObject;
  readonly patch: JsonObject;
  readonly want?: JsonObject;
  readonly error?: string;
}

const rows = parse(readFileSync(new URL('./testdata/strategic-upstream.yaml', import.meta.url), 'utf8')) as Row[];

describe('strategic merge patch: upstream cases', () => {
  it('has unique row names', () => {
    const names = rows.map((r) => r.name);
    assert.deepEqual(
      names.filter((n, i) => names.indexOf(n) !== i),
      [],
    );
  });

  for (const row of rows) {
    it(row.name, () => {
      if (row.error !== undefined) {
        assert.throws(
          () => applyStrategicMergePatch(row.original, row.patch, mergeItemMeta),
          (e: unknown) => e instanceof PatchError && e.message.includes(row.error!),
        );
        return;
      }
      assert.deepEqual(applyStrategicMergePatch(row.original, row.patch, mergeItemMeta), row.want);
    });
  }
});
