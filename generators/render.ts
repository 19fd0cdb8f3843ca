/** Renders a generator's handlebars templates and formats the result. */
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import * as prettier from 'prettier';

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
  return (name, view) => {
    let template = cache.get(name);
    if (!template) {
      template = env.compile(readFileSync(new URL(`${name}.hbs`, dir), 'utf8'), { noEscape: true, strict: true });
      cache.set(name, template);
    }
    return template(view);
  };
}

/** Formats TypeScript so generated code reads like hand-written code. */
export async function formatTypeScript(source: string): Promise<string> {
  return prettier.format(source, PRETTIER_OPTIONS);
}
