import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SchemaMap } from '../../../generators/openapi/schema.js';
import {
  CHECKED_FORMATS,
  compileValidators,
  esmRuntimeImports,
  ValidatorCompiler,
} from '../../../generators/openapi/validators.js';

const schemas: SchemaMap = {
  'a.v1.Thing': {
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: 'string', maxLength: 3 },
      mail: { type: ['string', 'null'], format: 'email' },
      part: { $ref: '#/definitions/a.v1.Part' },
    },
  },
  'a.v1.Part': { type: 'object', properties: { n: { type: 'integer' } } },
};

describe('compileValidators', () => {
  it('exports one function per requested definition', async () => {
    const code = await compileValidators(schemas, [
      { functionName: 'validateThing', definition: 'a.v1.Thing' },
    ]);
    assert.match(code, /^export const validateThing = /m);
  });

  it('writes an empty module when there is nothing to validate', async () => {
    assert.equal(await compileValidators(schemas, []), 'export {};\n');
  });

  it('imports ajv runtime helpers instead of requiring them', async () => {
    const code = await compileValidators(schemas, [
      { functionName: 'validateThing', definition: 'a.v1.Thing' },
    ]);
    assert.match(code, /^import ajvRuntime_ucs2length from 'ajv\/dist\/runtime\/ucs2length\.js';$/m);
    assert.doesNotMatch(code, /\brequire\(/);
  });

  it('does not change when unrelated schemas are added', async () => {
    const exports = [{ functionName: 'validateThing', definition: 'a.v1.Thing' }];
    const alone = await compileValidators(schemas, exports);
    const crowded = await compileValidators(
      {
        'z.v1.Other': { type: 'object', properties: { x: { $ref: '#/definitions/a.v1.Part' } } },
        ...schemas,
      },
      exports,
    );
    assert.equal(crowded, alone);
  });

  it('gives a package the same code from a shared compiler as from a fresh one', async () => {
    const part = [{ functionName: 'validatePart', definition: 'a.v1.Part' }];
    const thing = [{ functionName: 'validateThing', definition: 'a.v1.Thing' }];
    const shared = new ValidatorCompiler(schemas);
    shared.compile(part);
    assert.equal(shared.compile(thing), await compileValidators(schemas, thing));
  });

  it('fails on a ref that does not resolve', async () => {
    await assert.rejects(
      compileValidators({ 'a.v1.Bad': { $ref: '#/definitions/a.v1.Missing' } }, [
        { functionName: 'validateBad', definition: 'a.v1.Bad' },
      ]),
    );
  });
});

describe('CHECKED_FORMATS', () => {
  const dateTime = CHECKED_FORMATS['date-time'] as RegExp;
  const byte = CHECKED_FORMATS.byte as RegExp;
  const rows: [string, RegExp, string, boolean][] = [
    ['date-time in UTC', dateTime, '2008-01-01T01:01:01Z', true],
    ['date-time with microseconds and offset', dateTime, '2008-01-01T01:01:01.000001-07:00', true],
    ['date-time without zone', dateTime, '2008-01-01T01:01:01', false],
    ['a date alone', dateTime, '2008-01-01', false],
    ['padded base64', byte, 'aGVsbG8=', true],
    ['base64 wrapped over lines', byte, 'aGVs\nbG8=', true],
    ['empty bytes', byte, '', true],
    ['base64 with spaces', byte, 'aGVs bG8=', false],
  ];
  for (const [name, pattern, value, want] of rows) it(name, () => assert.equal(pattern.test(value), want));
});

describe('esmRuntimeImports', () => {
  it('rewrites each helper once and drops "use strict"', () => {
    const got = esmRuntimeImports(
      '"use strict";const a = require("ajv/dist/runtime/equal").default;const b = require("ajv/dist/runtime/equal").default;',
    );
    assert.equal(
      got,
      "import ajvRuntime_equal from 'ajv/dist/runtime/equal.js';\nconst a = ajvRuntime_equal.default;const b = ajvRuntime_equal.default;",
    );
  });

  it('refuses any other require', () => {
    assert.throws(() => esmRuntimeImports('const x = require("fs");'), /not an ajv runtime helper/);
  });
});
