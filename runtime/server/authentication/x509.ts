/**
 * Client certificates verified against `--client-ca-file`: the TLS layer requests a certificate
 * and checks its chain against the client CA; this authenticator maps a verified certificate to a
 * user as kube-apiserver does (CN → name, each O → group).
 */
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { AuthenticationError, type Authenticator, type UserInfo } from './types.js';

/**
 * How long a connection's verdict is reused before its certificate is read again: a TLS 1.2
 * renegotiation may change the peer certificate mid-connection, so the verdict is not kept for
 * the whole life of a socket.
 */
const VERDICT_TTL_MS = 60_000;

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** What one connection's certificate says: a user, no certificate (null), or a refusal. */
type Verdict = { readonly user: UserInfo | null; readonly error?: string; readonly until: number };

function verdictOf(socket: TLSSocket, now: number): Verdict {
  const cert = socket.getPeerCertificate();
  if (!cert || Object.keys(cert).length === 0) return { user: null, until: now + VERDICT_TTL_MS };
  // never past the certificate's own expiry: a certificate that lapses on an open connection is read again
  const expiry = Date.parse(cert.valid_to);
  const until = Number.isNaN(expiry) ? now + VERDICT_TTL_MS : Math.min(expiry, now + VERDICT_TTL_MS);
  if (!socket.authorized) {
    return { user: null, error: `x509: certificate signed by unknown authority (${String(socket.authorizationError ?? 'unverified')})`, until };
  }
  const cn = asList(cert.subject?.CN)[0];
  if (!cn) return { user: null, error: 'x509: the client certificate has no common name', until };
  return { user: { name: cn, groups: asList(cert.subject?.O) }, until };
}

export function x509Authenticator(): Authenticator {
  // getPeerCertificate() builds a fresh object of the whole certificate on every call; a
  // keep-alive connection's certificate is fixed, so its verdict is kept per socket
  const verdicts = new WeakMap<object, Verdict>();
  return {
    name: 'x509',
    authenticate(request: IncomingMessage) {
      const socket = request.socket as TLSSocket;
      if (typeof socket.getPeerCertificate !== 'function') return null;
      const now = Date.now();
      let verdict = verdicts.get(socket);
      if (!verdict || now > verdict.until) {
        verdict = verdictOf(socket, now);
        verdicts.set(socket, verdict);
      }
      if (verdict.error !== undefined) throw new AuthenticationError(verdict.error);
      // a copy per request: what the request's filters do to its user stays with that request
      return verdict.user ? { name: verdict.user.name, groups: [...verdict.user.groups] } : null;
    },
  };
}
