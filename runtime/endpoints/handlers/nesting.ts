/**
 * Guards against bodies nested deeper than the server can walk: a linear scan of JSON text for
 * its bracket depth (Go's encoding/json refuses past 10,000 levels, so upstream does too), and a
 * translation of the stack overflow a deep YAML document or patch still causes into a 400.
 */
import { newBadRequest, type StatusError } from '../../machinery/errors.js';

/** encoding/json's maxNestingDepth, which kube-apiserver's decoders inherit. */
export const MAX_NESTING_DEPTH = 10_000;

/** Whether JSON `text` nests objects and arrays more than `limit` levels deep (strings are skipped). */
export function exceedsNestingDepth(text: string, limit = MAX_NESTING_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > limit) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return false;
}

/** Whether `error` is V8's stack overflow, which deep input can cause in recursive code. */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack size/i.test(error.message);
}

/** The 400 a body too deep to handle gets, prefixed as its decoder words its other failures. */
export function tooDeep(prefix: string): StatusError {
  return newBadRequest(`${prefix}exceeded max depth of ${MAX_NESTING_DEPTH} nested objects or arrays`);
}

/** Runs `fn`, turning a stack overflow caused by deep input into `tooDeep(prefix)`. */
export function withinDepth<T>(prefix: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (isStackOverflow(error)) throw tooDeep(prefix);
    throw error;
  }
}
