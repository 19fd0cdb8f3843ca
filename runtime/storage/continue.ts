/**
 * List continue tokens, in apiserver's wire form so that tokens look the same whichever server
 * issued them: base64url (no padding) of `{"v":"meta.k8s.io/v1","rv":N,"start":"<key>"}`, where
 * `start` is the key to resume at relative to the listed prefix and rv the revision the list is
 * read at (-1: the latest, for the token handed out with a compaction error).
 */
import { InvalidArgumentError } from './errors.js';

const TOKEN_VERSION = 'meta.k8s.io/v1';

export interface ContinuePosition {
  /** The full key to resume at (inclusive). */
  readonly key: string;
  /** The revision to read at; -1 for the latest. */
  readonly revision: number;
}

/** Encodes the position `key` (which must lie under `prefix`) at `revision`. */
export function encodeContinue(key: string, prefix: string, revision: number): string {
  if (!key.startsWith(prefix) || key.length === prefix.length) {
    throw new InvalidArgumentError(`unable to encode next field: the key and key prefix do not match ${prefix} ${key}`);
  }
  const json = JSON.stringify({ v: TOKEN_VERSION, rv: revision, start: key.slice(prefix.length) });
  return Buffer.from(json, 'utf8').toString('base64url');
}

/** Decodes a token for a list of `prefix`; throws InvalidArgumentError for anything malformed. */
export function decodeContinue(token: string, prefix: string): ContinuePosition {
  const invalid = (detail: string): InvalidArgumentError => new InvalidArgumentError(`invalid continue token: continue key is not valid${detail}`);
  if (!/^[A-Za-z0-9_-]*$/.test(token)) throw invalid(': illegal base64 data');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch (error) {
    throw invalid(`: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null) throw invalid(': not an object');
  const { v, rv, start } = parsed as { v?: unknown; rv?: unknown; start?: unknown };
  if (v !== TOKEN_VERSION) throw invalid(`: server does not recognize this encoded version ${String(v)}`);
  if (typeof rv !== 'number' || !Number.isSafeInteger(rv) || rv === 0 || rv < -1) {
    throw invalid(': incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  }
  if (typeof start !== 'string' || start.length === 0) throw invalid(': encoded start key empty (version meta.k8s.io/v1)');
  // The start key is appended to the listed prefix: refuse anything that could climb out of it.
  const rooted = start.startsWith('/') ? start : `/${start}`;
  if (cleanPath(rooted) !== rooted) throw invalid(`: ${start}`);
  return { key: prefix + rooted.slice(1), revision: rv };
}

/** Go's path.Clean for rooted paths: no empty, "." or ".." segments and no trailing slash. */
function cleanPath(rooted: string): string {
  const out: string[] = [];
  for (const segment of rooted.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return `/${out.join('/')}`;
}
