/**
 * Makes ajv's standalone code read like the rest of generated/ and independent of what else
 * the shared ajv instance compiled: names renumbered per file, blocks indented, schema
 * constants laid out as literals.
 */
import { literal } from '../layout.js';

/** The names ajv gives the functions and constants of standalone code, numbered per instance. */
const AJV_NAME = /(?<![\w$."'])(schema|validate|pattern|formats|func)(\d+)\b/g;
const DECLARATION = /^(?:const|function) ((?:schema|validate|pattern|formats|func)\d+)\b/;

/**
 * Renumbers ajv's names in order of first appearance in `code`. One ajv instance compiles
 * every package, so its counters depend on what was compiled before; renumbered, a package's
 * file depends only on the schemas it uses.
 */
export function renumberAjvNames(code: string): string {
  const declared = new Set<string>();
  for (const line of code.split('\n')) {
    const match = DECLARATION.exec(line);
    if (match) declared.add(match[1]!);
  }
  const next = new Map<string, number>();
  const renamed = new Map<string, string>();
  return code.replace(AJV_NAME, (name: string, prefix: string) => {
    if (!declared.has(name)) return name;
    let target = renamed.get(name);
    if (target === undefined) {
      const n = next.get(prefix) ?? 0;
      next.set(prefix, n + 1);
      target = `${prefix}${n}`;
      renamed.set(name, target);
    }
    return target;
  });
}

const SCHEMA_CONSTANT = /^(const schema\d+ = )(.*);$/;
const REGEXP_CONSTANT = /^const formats\d+ = \//;

/**
 * Indents ajv code compiled with `lines: true` (one statement or brace per line) two spaces per
 * open block, joins `}` and a following `else`, and prints schema constants as literals.
 */
export function layoutAjvCode(code: string): string {
  const out: string[] = [];
  let depth = 0;
  let blank = false;
  for (const raw of code.split('\n')) {
    const line = raw.trim();
    if (line === '') {
      blank = out.length > 0;
      continue;
    }
    if (blank && depth === 0) out.push('');
    blank = false;
    const constant = depth === 0 ? SCHEMA_CONSTANT.exec(line) : null;
    if (constant) {
      out.push(`${constant[1]}${schemaLiteral(constant[2]!, constant[1]!.length)};`);
      continue;
    }
    const delta = REGEXP_CONSTANT.test(line) ? 0 : braceDelta(line);
    const closes = line.startsWith('}') ? 1 : 0;
    if (line.startsWith('else') && out.length > 0 && out[out.length - 1]!.trimStart() === '}') {
      out[out.length - 1] = `${out[out.length - 1]} ${line}`;
    } else {
      out.push(`${'  '.repeat(Math.max(0, depth - closes))}${line}`);
    }
    depth += delta;
  }
  return `${out.join('\n')}\n`;
}

function schemaLiteral(json: string, column: number): string {
  try {
    return literal(JSON.parse(json), '', column);
  } catch {
    return json;
  }
}

/** Opened minus closed braces of a line, outside string literals. */
function braceDelta(line: string): number {
  let delta = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"' || c === "'" || c === '`') {
      for (i++; i < line.length && line[i] !== c; i++) if (line[i] === '\\') i++;
    } else if (c === '{') delta++;
    else if (c === '}') delta--;
  }
  return delta;
}
