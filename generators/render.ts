/** Renders a generator's handlebars templates; `formatTypeScript` formats hand-run output. */
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import type * as prettier from 'prettier';
import { literal, propertyKey } from './layout.js';

export { layoutTypeScript } from './layout.js';

const PRETTIER_OPTIONS: prettier.Options = {
  parser: 'typescript',
  singleQuote: true,
  printWidth: 110,
  trailingComma: 'all',
};

/**
 * Loads the templates in `dir` (a URL of a folder with `.hbs` files) once and returns a
 * renderer. Output is code, so nothing is HTML-escaped.
 */
export function templates(dir: URL): (name: string, view: object) => string {
  const env = Handlebars.create();
  const cache = new Map<string, HandlebarsTemplateDelegate>();
  env.registerHelper('json', (value: unknown) => JSON.stringify(value));
  env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  // A JSON value as a one-line TypeScript literal (single quotes, bare keys).
  env.registerHelper('literal', (value: unknown) => literal(value, '', 0, 0));
  env.registerHelper('prop', (value: string) => propertyKey(value));
  // A multi-line snippet placed after `spaces` columns of indentation: its later lines get them too.
  env.registerHelper('indented', (text: string, spaces: number) => text.split('\n').join(`\n${' '.repeat(spaces)}`));
  return (name, view) => {
    let template = cache.get(name);
    if (!template) {
      template = env.compile(readFileSync(new URL(`${name}.hbs`, dir), 'utf8'), { noEscape: true, strict: true });
      cache.set(name, template);
    }
    return template(view);
  };
}

/**
 * Formats TypeScript with prettier. Codegen does not use it (its templates are laid out as
 * they render, see layout.ts); `npm run import` does, for the types files it writes once.
 */
export async function formatTypeScript(source: string): Promise<string> {
  // Loaded on first use, so that codegen does not load prettier at all.
  const { format } = await import('prettier');
  return format(source, PRETTIER_OPTIONS);
}
