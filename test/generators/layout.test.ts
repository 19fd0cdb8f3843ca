import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { layoutTypeScript, literal, quote } from '../../generators/layout.js';

const LONG = 'x'.repeat(120);

describe('literal', () => {
  const rows: [string, { given: unknown; want: string }][] = [
    ['a small object stays on one line', { given: { a: 1, 'b-c': ['d'] }, want: "{ a: 1, 'b-c': ['d'] }" }],
    ['an empty object and array', { given: { a: {}, b: [] }, want: '{ a: {}, b: [] }' }],
    ['a string longer than the line stays whole', { given: LONG, want: `'${LONG}'` }],
    ['an object too long for the line breaks per entry', { given: { text: LONG }, want: `{\n  text: '${LONG}',\n}` }],
    ['a string with a single quote is double-quoted', { given: "it's", want: '"it\'s"' }],
  ];
  for (const [name, { given, want }] of rows) it(name, () => assert.equal(literal(given), want));

  it('evaluates back to the value it prints', () => {
    const value = { description: `${LONG}\n"quoted" and 'single'`, list: [1, null, true, { $ref: '#/x' }] };
    assert.deepEqual(new Function(`return ${literal(value)};`)(), value);
  });
});

describe('quote', () => {
  it('escapes what a single-quoted string must', () => assert.equal(quote("a'b\"c\n"), "'a\\'b\"c\\n'"));
});

describe('layoutTypeScript', () => {
  const rows: [string, { given: string; want: string }][] = [
    ['trailing spaces and repeated blank lines go', { given: 'a;  \n\n\n\nb;\n\n', want: 'a;\n\nb;\n' }],
    ['an empty block closes on its line', { given: 'const x = {\n};\n', want: 'const x = {};\n' }],
    [
      'a long import lists one name per line',
      { given: `import { ${LONG}, y } from './z.js';\n`, want: `import {\n  ${LONG},\n  y,\n} from './z.js';\n` },
    ],
    [
      'a long if moves its statement to the next line',
      { given: `  if (a != null) out.a = ${LONG};\n`, want: `  if (a != null)\n    out.a =\n      ${LONG};\n` },
    ],
    [
      'a long signature lists one parameter per line',
      { given: `export function f(a: ${LONG}, b: (x: number, y: number) => void): void {\n`, want: `export function f(\n  a: ${LONG},\n  b: (x: number, y: number) => void,\n): void {\n` },
    ],
  ];
  for (const [name, { given, want }] of rows) it(name, () => assert.equal(layoutTypeScript(given), want));
});
