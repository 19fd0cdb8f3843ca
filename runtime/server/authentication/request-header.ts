/**
 * The front-proxy (request header) authenticator aggregated API servers use, as apiserver's
 * headerrequest: a request made by the aggregator carries a client certificate signed by the
 * request-header CA (`--requestheader-client-ca-file`), whose common name is one of
 * `--requestheader-allowed-names` when that list is set, and the caller's identity in headers:
 *
 *   X-Remote-User: jane              the first non-empty value of the username headers
 *   X-Remote-Group: dev              every non-empty value of the group headers, one group each
 *   X-Remote-Extra-Scopes: a         extra["scopes"] = ["a", …]: the key is the rest of the header
 *                                    name, lowercased and percent-decoded
 *
 * Headers are believed only from such a certificate; a request without one, with one that does
 * not chain to the request-header CA or has another common name, or without a user name header
 * is not this authenticator's (null), so the next authenticator decides, as in upstream's union.
 * The identity headers are removed from the request once read.
 */
import { X509Certificate } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { DetailedPeerCertificate, TLSSocket } from 'node:tls';
import type { Authenticator, UserInfo } from './types.js';

export interface RequestHeaderOptions {
  /** PEM of the CA certificates front-proxy client certificates must chain to. */
  readonly clientCA: string | Buffer;
  /** Common names a front-proxy certificate may carry; empty allows any the CA signed. */
  readonly allowedNames?: readonly string[];
  /** Headers the user name is read from, first non-empty wins. Default `X-Remote-User`. */
  readonly usernameHeaders?: readonly string[];
  /** Headers groups are read from, every value one group. Default `X-Remote-Group`. */
  readonly groupHeaders?: readonly string[];
  /** Prefixes of headers extra user information is read from. Default `X-Remote-Extra-`. */
  readonly extraHeaderPrefixes?: readonly string[];
}

/** The defaults of a delegating extension server (apiserver's DelegatingAuthenticationOptions). */
export const DEFAULT_USERNAME_HEADERS: readonly string[] = ['X-Remote-User'];
export const DEFAULT_GROUP_HEADERS: readonly string[] = ['X-Remote-Group'];
export const DEFAULT_EXTRA_HEADER_PREFIXES: readonly string[] = ['X-Remote-Extra-'];

const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
const ANY_EXTENDED_KEY_USAGE = '2.5.29.37.0';
/** Longest chain of intermediates followed from the leaf to a root. */
const MAX_CHAIN_DEPTH = 8;
/** How long a connection's verdict is reused before its certificates are checked again. */
const VERDICT_TTL_MS = 60_000;

/** Splits a PEM bundle into certificates; throws on a bundle with none. */
export function parseCertificateBundle(pem: string | Buffer): X509Certificate[] {
  const text = typeof pem === 'string' ? pem : pem.toString('utf8');
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) throw new Error('the request-header client CA holds no PEM certificate');
  return blocks.map((block) => new X509Certificate(block));
}

function trimmed(names: readonly string[], what: string): string[] {
  return names.map((name) => {
    const value = name.trim();
    if (value === '') throw new Error(`empty ${what} "${name}"`);
    return value.toLowerCase();
  });
}

function validAt(cert: X509Certificate, now: number): boolean {
  return Date.parse(cert.validFrom) <= now && now <= Date.parse(cert.validTo);
}

function signedBy(cert: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

/**
 * Whether `leaf` chains to one of `roots` through the `intermediates` the client sent, each link
 * signed, valid now, and every issuer a CA (x509.Certificate.Verify with the request-header pool).
 */
export function chainsToRoots(leaf: X509Certificate, intermediates: readonly X509Certificate[], roots: readonly X509Certificate[], now = Date.now()): boolean {
  if (!validAt(leaf, now)) return false;
  const usages = leaf.keyUsage;
  if (usages && usages.length > 0 && !usages.includes(CLIENT_AUTH) && !usages.includes(ANY_EXTENDED_KEY_USAGE)) return false;
  let frontier = [leaf];
  const used = new Set<X509Certificate>();
  for (let depth = 0; depth <= MAX_CHAIN_DEPTH && frontier.length > 0; depth++) {
    const next: X509Certificate[] = [];
    for (const cert of frontier) {
      if (roots.some((root) => root.ca && validAt(root, now) && signedBy(cert, root))) return true;
      for (const candidate of intermediates) {
        if (used.has(candidate) || !candidate.ca || !validAt(candidate, now) || !signedBy(cert, candidate)) continue;
        used.add(candidate);
        next.push(candidate);
      }
    }
    frontier = next;
  }
  return false;
}

/** The certificates the client presented: the leaf and the chain it sent with it. */
function presentedChain(socket: TLSSocket): { leaf: X509Certificate; intermediates: X509Certificate[]; commonName: string | undefined } | undefined {
  if (typeof socket.getPeerCertificate !== 'function') return undefined;
  const peer = socket.getPeerCertificate(true);
  if (!peer || !peer.raw) return undefined;
  const intermediates: X509Certificate[] = [];
  let current: DetailedPeerCertificate | undefined = peer.issuerCertificate;
  const seen = new Set<DetailedPeerCertificate>([peer]);
  // Node links a self-issued certificate to itself; the set ends the walk there.
  for (let i = 0; current && current.raw && !seen.has(current) && i < MAX_CHAIN_DEPTH; i++) {
    seen.add(current);
    intermediates.push(new X509Certificate(current.raw));
    current = current.issuerCertificate;
  }
  const cn = peer.subject?.CN;
  return { leaf: new X509Certificate(peer.raw), intermediates, commonName: Array.isArray(cn) ? cn[0] : cn };
}

/** Reads the percent-encoded extra key of a header; a malformed encoding is kept as it is, as upstream. */
function extraKey(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}

export function requestHeaderAuthenticator(options: RequestHeaderOptions): Authenticator {
  const roots = parseCertificateBundle(options.clientCA);
  const allowed = new Set(options.allowedNames ?? []);
  const usernameHeaders = trimmed(options.usernameHeaders ?? DEFAULT_USERNAME_HEADERS, 'username header');
  const groupHeaders = trimmed(options.groupHeaders ?? DEFAULT_GROUP_HEADERS, 'group header');
  const extraPrefixes = trimmed(options.extraHeaderPrefixes ?? DEFAULT_EXTRA_HEADER_PREFIXES, 'extra header prefix');

  // A connection's certificate is fixed for its life: its verdict is kept per socket, so a
  // keep-alive connection from the aggregator pays for parsing and signature checks once. The
  // time it was reached is kept too, so a certificate that expires while the connection is open
  // is checked again.
  const verdicts = new WeakMap<object, { trusted: boolean; until: number }>();
  const trusted = (request: IncomingMessage): boolean => {
    const socket = request.socket as TLSSocket;
    const now = Date.now();
    const known = verdicts.get(socket);
    if (known && now <= known.until) return known.trusted;
    const chain = presentedChain(socket);
    const verdict =
      chain !== undefined &&
      chainsToRoots(chain.leaf, chain.intermediates, roots, now) &&
      (allowed.size === 0 || (chain.commonName !== undefined && allowed.has(chain.commonName)));
    const until = chain ? Math.min(Date.parse(chain.leaf.validTo), now + VERDICT_TTL_MS) : now + VERDICT_TTL_MS;
    verdicts.set(socket, { trusted: verdict, until });
    return verdict;
  };

  const usernameIndex = new Map(usernameHeaders.map((h, i) => [h, i]));
  const groupHeaderSet = new Set(groupHeaders);

  return {
    name: 'requestheader',
    authenticate(request: IncomingMessage): UserInfo | null {
      // One pass over the raw header lines (names lowercased here, as Node's parsed headers are):
      // no parsed copies of every header are built for the few identity headers read.
      const raw = request.rawHeaders;
      const firstValues: (string | undefined)[] = [];
      let identity: { name: string; value: string }[] | undefined;
      for (let i = 0; i < raw.length; i += 2) {
        const lower = raw[i]!.toLowerCase();
        const index = usernameIndex.get(lower);
        if (index !== undefined) {
          // only a header's first line counts for the user name
          if (firstValues[index] === undefined) firstValues[index] = raw[i + 1]!;
        } else if (!groupHeaderSet.has(lower) && !extraPrefixes.some((prefix) => lower.startsWith(prefix))) {
          continue;
        }
        (identity ??= []).push({ name: lower, value: raw[i + 1]! });
      }
      const name = firstValues.find((value) => value !== undefined && value !== '');
      if (name === undefined || identity === undefined) return null;
      if (!trusted(request)) return null;
      const groups = groupHeaders.flatMap((h) => identity.filter((line) => line.name === h && line.value !== '').map((line) => line.value));
      const extra: Record<string, string[]> = {};
      for (const prefix of extraPrefixes) {
        for (const line of identity) {
          if (line.name.startsWith(prefix)) (extra[extraKey(line.name.slice(prefix.length))] ??= []).push(line.value);
        }
      }
      // Nothing further down should read the identity a front proxy asserted as if it were the request's own.
      const headers = request.headers;
      for (const line of identity) delete headers[line.name];
      return { name, groups, ...(Object.keys(extra).length > 0 ? { extra } : {}) };
    },
  };
}
