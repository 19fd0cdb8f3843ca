/**
 * Regular expressions from schemas (`pattern`) and rules (`matches`) run on @bufbuild/re2, an
 * RE2 engine: Go's syntax and error messages (`error parsing regexp: missing closing ]: …`), and
 * matching in linear time, so a user's pattern cannot stall the server on a crafted value.
 */
import { RE2JS } from '@bufbuild/re2';

export interface Matcher {
  test(text: string): boolean;
}

const cache = new Map<string, Matcher | Error>();
const MAX_CACHED = 10_000;

/** The compiled pattern, or the error Go's regexp.Compile would give; compiled once per pattern. */
export function compileRegexp(pattern: string): Matcher | Error {
  let re = cache.get(pattern);
  if (re === undefined) {
    try {
      re = new RE2JS(pattern);
    } catch (e) {
      re = e instanceof Error ? e : new Error(String(e));
    }
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(pattern, re);
  }
  return re;
}

/** For CEL's `matches`: a compile error becomes the evaluation error. */
export const re2ForCel = {
  compile(pattern: string): Matcher {
    const re = compileRegexp(pattern);
    if (re instanceof Error) throw re;
    return re;
  },
};
