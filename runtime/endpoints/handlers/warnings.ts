/**
 * Response warnings: `Warning: 299 - "<text>"` headers, each text once per response, as
 * apiserver's warning recorder writes them and kubectl prints them (`Warning: <text>`).
 */
import type Koa from 'koa';
import { goQuote } from '../../machinery/errors.js';

/** Warnings beyond this many are dropped, as upstream caps them. */
const MAX_WARNINGS = 100;
/** Texts longer than this are cut, as upstream truncates long warnings. */
const MAX_TEXT = 4096;

export class Warnings {
  private readonly texts: string[] = [];

  add(text: string): void {
    const t = text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}...` : text;
    if (this.texts.length >= MAX_WARNINGS || this.texts.includes(t)) return;
    this.texts.push(t);
  }

  get all(): readonly string[] {
    return this.texts;
  }

  /** Sets the Warning headers on the response. */
  write(ctx: Koa.Context | Koa.ParameterizedContext<unknown>): void {
    for (const text of this.texts) ctx.append('Warning', `299 - ${goQuote(text)}`);
  }
}
