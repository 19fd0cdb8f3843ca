/**
 * The anchor of the `gets` bench: a bare `node:https` server, run as its own process
 * (`tsx bench/support/static-server.ts <config.json>`), answering every request with the same
 * status, headers and body. TLS as kapi serves it: the same certificate and key, a client
 * certificate requested and not required. Prints `listening <port>` when ready; exits on SIGTERM.
 */
import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

export interface StaticServerConfig {
  readonly certFile: string;
  readonly keyFile: string;
  readonly caFile: string;
  readonly bodyFile: string;
  readonly status: number;
  readonly headers: Record<string, string>;
}

const config = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as StaticServerConfig;
const body = readFileSync(config.bodyFile);
const headers = { ...config.headers, 'content-length': String(body.length) };
const server = https.createServer(
  { cert: readFileSync(config.certFile), key: readFileSync(config.keyFile), ca: readFileSync(config.caFile), requestCert: true, rejectUnauthorized: false },
  (_req, res) => {
    res.writeHead(config.status, headers);
    res.end(body);
  },
);
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
});
