/**
 * Lays out generated TypeScript as it is built, in prettier's style (2-space indent, single
 * quotes, trailing commas, 110 columns), without running a formatter: templates already
 * indent their code, values are printed by `literal`, and `layoutTypeScript` breaks the few
 * line shapes that templates can make too long. A formatter parsed and reprinted every file
 * of every run, which cost most of a codegen run.
 */

/** The line width generated code is laid out for. */
export const PRINT_WIDTH = 110;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A string literal: single-quoted unless the text holds a single quote and no double quote. */
export function quote(text: string): string {
  const json = JSON.stringify(text);
  if (text.includes("'") && !text.includes('"')) return json;
  return `'${json.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** An object key: bare when it is an identifier, quoted otherwise. */
export function propertyKey(key: string): string {
  return IDENTIFIER.test(key) ? key : quote(key);
}

/**
 * A JSON value as a TypeScript expression. An object or array stays on one line when it fits
 * in what is left of the line (`column` columns are taken before it, `trailer` after it);
 * otherwise it is broken one entry per line, indented two spaces deeper than `indent`.
 */
export function literal(value: unknown, indent = '', column = indent.length, trailer = 1): string {
  const budget = PRINT_WIDTH - column - trailer;
  // A scalar cannot be broken: it stays whole, however long.
  if (value === null || typeof value !== 'object') return flatLiteral(value, Infinity)!;
  const flat = flatLiteral(value, budget);
  if (flat !== undefined) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    const items = value.map((item) => `${inner}${literal(item, inner, inner.length, 1)},`);
    return `[\n${items.join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => {
      const head = `${inner}${propertyKey(k)}: `;
      return `${head}${literal(v, inner, head.length, 1)},`;
    });
  return `{\n${entries.join('\n')}\n${indent}}`;
}

/** The one-line form of a value, or undefined when it is longer than `budget`. */
function flatLiteral(value: unknown, budget: number): string | undefined {
  if (value === null || typeof value !== 'object') {
    const text = typeof value === 'string' ? quote(value) : value === undefined ? 'undefined' : JSON.stringify(value);
    return text.length <= budget ? text : undefined;
  }
  const parts: string[] = [];
  let length = 0;
  const isArray = Array.isArray(value);
  const entries: [string | undefined, unknown][] = isArray
    ? value.map((v): [undefined, unknown] => [undefined, v])
    : Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return isArray ? '[]' : '{}';
  // `{ ` + `, ` between entries + ` }`, or `[` + `, ` + `]`.
  length = isArray ? 2 : 4;
  for (const [key, item] of entries) {
    const prefix = key === undefined ? '' : `${propertyKey(key)}: `;
    const text = flatLiteral(item, budget - length - prefix.length);
    if (text === undefined) return undefined;
    parts.push(prefix + text);
    length += prefix.length + text.length + (parts.length > 1 ? 2 : 0);
    if (length > budget) return undefined;
  }
  return isArray ? `[${parts.join(', ')}]` : `{ ${parts.join(', ')} }`;
}

/**
 * Tidies rendered TypeScript: trailing spaces go, runs of blank lines become one, an empty
 * object or array closes on its opening line, the file ends with one newline, and lines over
 * the width that templates are known to produce are broken as prettier breaks them: named
 * import and export lists, function parameters, and the entries of an object-valued property
 * or of a call's one object argument one per line; a type alias or an assignment after its
 * `=`; the statement of an `if` or `for` on the next line.
 */
export function layoutTypeScript(source: string): string {
  const out: string[] = [];
  let blank = true;
  for (const raw of source.split('\n')) {
    const line = raw.trimEnd();
    if (line === '') {
      if (!blank) out.push('');
      blank = true;
      continue;
    }
    blank = false;
    const previous = out[out.length - 1];
    if (previous !== undefined && closesEmpty(previous, line.trimStart())) {
      // An empty object or array rendered over two lines (an `{{#each}}` with nothing to list).
      out[out.length - 1] = `${previous}${line.trimStart()}`;
    } else if (line.length <= PRINT_WIDTH) out.push(line);
    else out.push(...breakLine(line));
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}

function closesEmpty(previous: string, line: string): boolean {
  return (previous.endsWith('{') && line.startsWith('}')) || (previous.endsWith('[') && line.startsWith(']'));
}

const NAMED_LIST = /^(\s*)((?:import|export)(?: type)? )\{ ?(.*?) ?\}( from .*;)$/;
const FUNCTION_HEAD = /^(\s*(?:export )?(?:async )?function [A-Za-z0-9_$]+(?:<[^(]*>)?)\((.*)$/;
const IF_HEAD = /^(\s*)(?:if|for) \(/;
const ASSIGNMENT = /^(\s*)([A-Za-z_$][\w$.]*(?:\[[^\]]*\])?) = ([^{].*;)$/;
const OBJECT_PROPERTY = /^(\s*)([\w$]+|'[^']*'): \{ (.*) \}(,?)$/;
const CALL_WITH_OBJECT = /^(\s*)([\w$.]+)\(\{ (.*) \}\);$/;
const TYPE_ALIAS = /^(\s*(?:export )?type [A-Za-z0-9_$]+ =) (.+;)$/;

function breakLine(line: string): string[] {
  const list = NAMED_LIST.exec(line);
  if (list) {
    const [, indent, keyword, names, from] = list as unknown as [string, string, string, string, string];
    return [`${indent}${keyword}{`, ...names.split(', ').map((n) => `${indent}  ${n},`), `${indent}}${from}`];
  }
  const fn = FUNCTION_HEAD.exec(line);
  if (fn) {
    const [, head, rest] = fn as unknown as [string, string, string];
    const close = matching(rest, 0, '(', ')');
    if (close > 0) {
      const indent = /^\s*/.exec(head)![0];
      const params = splitTopLevel(rest.slice(0, close));
      return [`${head}(`, ...params.map((p) => `${indent}  ${p},`), `${indent})${rest.slice(close + 1)}`];
    }
  }
  const property = OBJECT_PROPERTY.exec(line);
  if (property) {
    const [, indent, key, entries, comma] = property as unknown as [string, string, string, string, string];
    const items = splitTopLevel(entries).map((entry) => `${indent}  ${entry},`);
    return [`${indent}${key}: {`, ...items.flatMap((item) => (item.length > PRINT_WIDTH ? breakLine(item) : [item])), `${indent}}${comma}`];
  }
  const call = CALL_WITH_OBJECT.exec(line);
  if (call) {
    const [, indent, callee, entries] = call as unknown as [string, string, string, string];
    return [`${indent}${callee}({`, ...splitTopLevel(entries).map((entry) => `${indent}  ${entry},`), `${indent}});`];
  }
  const alias = TYPE_ALIAS.exec(line);
  if (alias) {
    const indent = /^\s*/.exec(line)![0];
    return [alias[1]!, `${indent}  ${alias[2]!}`];
  }
  const ifHead = IF_HEAD.exec(line);
  if (ifHead) {
    const open = ifHead[0].length;
    const close = matching(line, open, '(', ')');
    const statement = close > 0 ? line.slice(close + 1).trim() : '';
    if (statement !== '' && !statement.startsWith('{') && statement.endsWith(';')) {
      const body = `${ifHead[1]}  ${statement}`;
      return [line.slice(0, close + 1), ...(body.length > PRINT_WIDTH ? breakLine(body) : [body])];
    }
  }
  const assignment = ASSIGNMENT.exec(line);
  if (assignment) {
    const [, indent, target, value] = assignment as unknown as [string, string, string, string];
    return [`${indent}${target} =`, `${indent}  ${value}`];
  }
  return [line];
}

/**
 * The index in `text` of the bracket that closes the one open before `from` (depth counted
 * over (), [], {} and <>, strings skipped), or -1.
 */
function matching(text: string, from: number, open: string, close: string): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'" || c === '"' || c === '`') {
      i = stringEnd(text, i);
      continue;
    }
    if (c === open) depth++;
    else if (c === close && --depth === 0) return i;
  }
  return -1;
}

/** Splits a parameter list at its top-level commas. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'" || c === '"' || c === '`') i = stringEnd(text, i);
    else if (c === '(' || c === '[' || c === '{' || c === '<') depth++;
    else if (c === ')' || c === ']' || c === '}' || (c === '>' && text[i - 1] !== '=')) depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last !== '') parts.push(last);
  return parts;
}

/** The index of the quote that ends the string literal opening at `start`. */
function stringEnd(text: string, start: number): number {
  const q = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === q) return i;
  }
  return text.length;
}
