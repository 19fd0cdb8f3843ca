/**
 * Static bearer tokens from a CSV file (`--token-auth-file`), as kube-apiserver reads it:
 * `token,user,uid,"group1,group2"` per line; the groups column is optional.
 */
import { readFileSync } from 'node:fs';
import { AuthenticationError, type Authenticator, type UserInfo } from './types.js';

/** Splits one CSV record, honouring double quotes ("" inside quotes is a quote). */
export function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

/** Parses the file's text into token → user. Throws on a line with fewer than three columns. */
export function parseTokenFile(text: string, source = 'token file'): Map<string, UserInfo> {
  const tokens = new Map<string, UserInfo>();
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const record = parseCsvLine(line).map((f) => f.trim());
    if (record.length < 3) throw new Error(`${source}: line ${index + 1}: a token line needs at least token,user,uid`);
    const [token, name, uid, groups] = record;
    if (token === '') throw new Error(`${source}: line ${index + 1}: empty token`);
    if (tokens.has(token)) return; // the first line of a duplicated token wins, as upstream
    tokens.set(token, {
      name,
      uid,
      groups: groups ? groups.split(',').map((g) => g.trim()).filter((g) => g !== '') : [],
    });
  });
  return tokens;
}

/** The bearer token of a request, if it has one: `Authorization: Bearer <token>`. */
export function bearerToken(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  const m = /^\s*bearer\s+(\S+)\s*$/i.exec(authorization);
  return m ? m[1] : undefined;
}

export function tokenAuthenticator(tokens: Map<string, UserInfo>): Authenticator {
  return {
    name: 'token-file',
    authenticate(request) {
      const token = bearerToken(request.headers.authorization);
      if (token === undefined) return null;
      const user = tokens.get(token);
      if (!user) throw new AuthenticationError('invalid bearer token');
      return user;
    },
  };
}

export function tokenFileAuthenticator(path: string): Authenticator {
  return tokenAuthenticator(parseTokenFile(readFileSync(path, 'utf8'), path));
}
