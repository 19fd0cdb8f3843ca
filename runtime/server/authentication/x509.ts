/**
 * Client certificates verified against `--client-ca-file`: the TLS layer requests a certificate
 * and checks its chain against the client CA; this authenticator maps a verified certificate to a
 * user as kube-apiserver does (CN → name, each O → group).
 */
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { AuthenticationError, type Authenticator } from './types.js';

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export function x509Authenticator(): Authenticator {
  return {
    name: 'x509',
    authenticate(request: IncomingMessage) {
      const socket = request.socket as TLSSocket;
      if (typeof socket.getPeerCertificate !== 'function') return null;
      const cert = socket.getPeerCertificate();
      if (!cert || Object.keys(cert).length === 0) return null;
      if (!socket.authorized) {
        throw new AuthenticationError(`x509: certificate signed by unknown authority (${String(socket.authorizationError ?? 'unverified')})`);
      }
      const cn = asList(cert.subject?.CN)[0];
      if (!cn) throw new AuthenticationError('x509: the client certificate has no common name');
      return { name: cn, groups: asList(cert.subject?.O) };
    },
  };
}
