/**
 * Restyles TypeScript printed by the compiler's printer (what openapi-typescript returns: four
 * spaces per level, double-quoted strings) to the style of the rest of generated/: two spaces
 * per level and single-quoted strings. Only string tokens and leading whitespace change, so
 * comments keep their text.
 */
import ts from 'typescript';
import { quote } from '../layout.js';

export function houseStyle(printed: string): string {
  const scanner = ts.createScanner(ts.ScriptTarget.ESNext, true, ts.LanguageVariant.Standard, printed);
  const parts: string[] = [];
  let copied = 0;
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token !== ts.SyntaxKind.StringLiteral) continue;
    parts.push(printed.slice(copied, scanner.getTokenStart()), quote(scanner.getTokenValue()));
    copied = scanner.getTokenEnd();
  }
  parts.push(printed.slice(copied));
  return parts
    .join('')
    .split('\n')
    .map((line) => {
      const indent = /^ */.exec(line)![0].length;
      // Four spaces per level become two; a JSDoc line's extra space before `*` stays.
      return ' '.repeat(Math.floor(indent / 4) * 2 + (indent % 4)) + line.slice(indent);
    })
    .join('\n');
}
