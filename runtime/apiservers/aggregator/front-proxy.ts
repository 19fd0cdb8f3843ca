/**
 * The front proxy: how the aggregator proves to an aggregated API server that it is the
 * aggregator (a client certificate signed by the request-header CA, CN among the allowed names)
 * and tells it who the caller is (`X-Remote-User`, `X-Remote-Uid` when the user has one, as
 * kube-apiserver 1.33 sends it with RemoteRequestHeaderUID on by default, one `X-Remote-Group`
 * per group, `X-Remote-Extra-<key>` per extra value, keys percent-encoded as client-go's
 * SetAuthProxyHeaders writes them).
 */
import type { OutgoingHttpHeaders } from 'node:http';
import type { UserInfo } from '../../server/authentication/types.js';

/** The front-proxy side of `kapi serve`'s configuration, resolved from flags or generated files. */
export interface FrontProxyConfig {
  /** PEM client certificate and key the proxy dials aggregated servers with. */
  readonly clientCert: Buffer;
  readonly clientKey: Buffer;
  /** PEM of the CA that signed `clientCert`, published as `requestheader-client-ca-file`. */
  readonly requestHeaderCA: string;
  readonly allowedNames: readonly string[];
  readonly usernameHeaders: readonly string[];
  readonly uidHeaders: readonly string[];
  readonly groupHeaders: readonly string[];
  readonly extraHeadersPrefixes: readonly string[];
}

export const REMOTE_USER_HEADER = 'X-Remote-User';
export const REMOTE_UID_HEADER = 'X-Remote-Uid';
export const REMOTE_GROUP_HEADER = 'X-Remote-Group';
export const REMOTE_EXTRA_PREFIX = 'X-Remote-Extra-';

/** Bytes a header name may carry as they are (RFC 7230 tchar); `%` is escaped so decoding is exact. */
const TOKEN = /^[A-Za-z0-9!#$&'*+.^_`|~-]$/;

/** A user-info extra key as a header name suffix (client-go's headerKeyEscape). */
export function escapeExtraKey(key: string): string {
  let out = '';
  for (const byte of Buffer.from(key, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += byte < 0x80 && TOKEN.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** The identity headers of `user`. */
export function identityHeaders(user: UserInfo): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = { [REMOTE_USER_HEADER]: user.name };
  if (user.uid) headers[REMOTE_UID_HEADER] = user.uid;
  if (user.groups.length > 0) headers[REMOTE_GROUP_HEADER] = [...user.groups];
  for (const [key, values] of Object.entries(user.extra ?? {})) {
    if (values.length > 0) headers[`${REMOTE_EXTRA_PREFIX}${escapeExtraKey(key)}`] = [...values];
  }
  return headers;
}

/** Headers that describe one connection, not the request (RFC 7230 §6.1), and are never forwarded. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'host']);

/**
 * Whether a caller's request header may travel to the aggregated server: credentials meant for
 * this server, impersonation (already applied here) and any identity header the caller wrote
 * itself are dropped, so only the proxy speaks for the caller.
 */
export function forwardsRequestHeader(name: string): boolean {
  const lower = name.toLowerCase();
  if (HOP_BY_HOP.has(lower) || lower === 'authorization') return false;
  if (lower.startsWith('impersonate-')) return false;
  if (lower.startsWith('x-remote-')) return false;
  return true;
}

/** Whether an aggregated server's response header is passed back to the caller. */
export function forwardsResponseHeader(name: string): boolean {
  return !HOP_BY_HOP.has(name.toLowerCase());
}
