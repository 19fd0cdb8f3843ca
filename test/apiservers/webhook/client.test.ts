/**
 * WebhookClient against real HTTPS servers on loopback: caBundle trust, SNI with the service's
 * cluster name, and each way a call fails (untrusted certificate, timeout, oversized or invalid
 * answer, error status, nothing listening, an unresolvable service).
 */
import assert from 'node:assert/strict';
import type { TLSSocket } from 'node:tls';
import https from 'node:https';
import { after, before, describe, it } from 'node:test';
import { WebhookClient, WebhookCallError } from '../../../runtime/apiservers/webhook/client.js';
import { ServiceResolutionError, type ServiceResolver } from '../../../runtime/apiservers/webhook/service-resolver.js';
import { freePort } from '../../support/net.js';
import { createTestCA, type TestCA } from './support/test-ca.js';
import { startWebhookServer, type RunningWebhook } from './support/webhook-server.js';

async function failure(promise: Promise<unknown>): Promise<WebhookCallError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof WebhookCallError, String(error));
    return error;
  }
  assert.fail('the call succeeded');
}

describe('WebhookClient', () => {
  let ca: TestCA;
  let byIP: RunningWebhook;
  let byName: RunningWebhook;
  let sni: string | undefined;
  let sniServer: https.Server;
  let sniPort: number;
  const client = new WebhookClient({
    async resolve(namespace, name, port) {
      if (name === 'absent') throw new ServiceResolutionError('ServiceNotFound', `service/${name} in "${namespace}" is not present`);
      if (port !== 443) throw new ServiceResolutionError('ServicePortError', `service/${name} in "${namespace}" is not listening on port ${port}`);
      const target = name === 'sni' ? sniPort : byName.port;
      return { url: new URL(`https://127.0.0.1:${target}`), serverName: `${name}.${namespace}.svc` };
    },
  } satisfies ServiceResolver);

  before(async () => {
    ca = createTestCA();
    byIP = await startWebhookServer(ca.serving([], ['127.0.0.1']), (body) => ({ body: { echoed: body } }));
    // Only the cluster name is in this certificate: reachable only when TLS verifies that name.
    byName = await startWebhookServer(ca.serving(['conv.webhooks.svc']), (body, path) => ({ body: { path, echoed: body } }));
    const pair = ca.serving(['sni.webhooks.svc']);
    sniServer = https.createServer({ cert: pair.cert, key: pair.key }, (req, res) => {
      sni = (req.socket as TLSSocket).servername || undefined;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{}');
    });
    await new Promise<void>((resolve) => sniServer.listen(0, '127.0.0.1', () => resolve()));
    const address = sniServer.address();
    sniPort = typeof address === 'object' && address ? address.port : 0;
  });
  after(async () => {
    client.close();
    await byIP.close();
    await byName.close();
    sniServer.closeAllConnections();
    await new Promise<void>((resolve) => sniServer.close(() => resolve()));
  });

  it('POSTs JSON to a URL trusting the caBundle, given base64 as in the API object', async () => {
    const answer = await client.postJSON({ url: `https://127.0.0.1:${byIP.port}/convert`, caBundle: ca.caBundle }, { hello: 'world' });
    assert.deepEqual(answer, { echoed: { hello: 'world' } });
    assert.equal(byIP.requests.at(-1)?.path, '/convert?timeout=30s', 'the timeout travels in the query, as client-go sends it');
  });

  it('reaches a service at its resolved address, verifying the certificate against <name>.<namespace>.svc', async () => {
    const answer = await client.postJSON({ service: { namespace: 'webhooks', name: 'conv', path: '/crd/convert' }, caBundle: ca.caBundle }, { n: 1 });
    assert.deepEqual(answer, { path: '/crd/convert?timeout=30s', echoed: { n: 1 } });
    await client.postJSON({ service: { namespace: 'webhooks', name: 'sni', port: 443 }, caBundle: ca.caBundle }, {});
    assert.equal(sni, 'sni.webhooks.svc', 'the TLS ClientHello names the service');
  });

  it('refuses a certificate the caBundle did not sign, and one the system roots do not know', async () => {
    const other = createTestCA('another-ca');
    const wrong = await failure(client.postJSON({ url: `https://127.0.0.1:${byIP.port}/`, caBundle: other.caBundle }, {}));
    assert.equal(wrong.message, `Post "https://127.0.0.1:${byIP.port}/?timeout=30s": tls: failed to verify certificate: x509: certificate signed by unknown authority`);
    const system = await failure(client.postJSON({ url: `https://127.0.0.1:${byIP.port}/` }, {}));
    assert.match(system.message, /x509: certificate signed by unknown authority/);
  });

  it('refuses a certificate for another name', async () => {
    const error = await failure(client.postJSON({ url: `https://127.0.0.1:${byName.port}/`, caBundle: ca.caBundle }, {}));
    assert.match(error.message, /^Post "https:\/\/127\.0\.0\.1:\d+\/\?timeout=30s": tls: failed to verify certificate: x509: certificate is not valid for 127\.0\.0\.1/);
  });

  it('gives up after the timeout', async () => {
    byIP.handle(() => new Promise((resolve) => setTimeout(() => resolve({ body: {} }), 2000)));
    const started = Date.now();
    const error = await failure(client.postJSON({ url: `https://127.0.0.1:${byIP.port}/slow`, caBundle: ca.caBundle }, {}, { timeoutMs: 200 }));
    assert.ok(Date.now() - started < 1500, 'the call ends at its deadline');
    assert.equal(error.message, `Post "https://127.0.0.1:${byIP.port}/slow?timeout=200ms": context deadline exceeded`);
  });

  it('bounds the response size', async () => {
    byIP.handle(() => ({ body: { big: 'x'.repeat(100_000) } }));
    const error = await failure(client.postJSON({ url: `https://127.0.0.1:${byIP.port}/`, caBundle: ca.caBundle }, {}, { maxResponseBytes: 10_000 }));
    assert.match(error.message, /the response body is larger than 10000 bytes$/);
  });

  it('reports an answer that is not JSON', async () => {
    byIP.handle(() => ({ body: 'not json' }));
    const error = await failure(client.postJSON({ url: `https://127.0.0.1:${byIP.port}/`, caBundle: ca.caBundle }, {}));
    assert.match(error.message, /^Post "https:\/\/127\.0\.0\.1:\d+\/\?timeout=30s": invalid JSON in the response: /);
  });

  it('reports an error status with the Status message it carries, or what client-go says without one', async () => {
    byIP.handle(() => ({ status: 403, body: { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'conversion is forbidden today', code: 403 } }));
    const withStatus = await failure(client.postJSON({ url: `https://127.0.0.1:${byIP.port}/`, caBundle: ca.caBundle }, {}));
    assert.equal(withStatus.message, 'conversion is forbidden today');
    assert.equal(withStatus.statusCode, 403);
    byIP.handle(() => ({ status: 500, body: 'boom' }));
    const plain = await failure(client.postJSON({ url: `https://127.0.0.1:${byIP.port}/`, caBundle: ca.caBundle }, {}));
    assert.equal(plain.message, 'an error on the server ("boom") has prevented the request from succeeding');
  });

  it('reports nothing listening as Go words a refused connection', async () => {
    const port = await freePort();
    const error = await failure(client.postJSON({ url: `https://127.0.0.1:${port}/`, caBundle: ca.caBundle }, {}));
    assert.equal(error.message, `Post "https://127.0.0.1:${port}/?timeout=30s": dial tcp 127.0.0.1:${port}: connect: connection refused`);
  });

  it('reports a service that does not resolve under its cluster URL, as apiserver\'s endpoint resolver words it', async () => {
    const error = await failure(client.postJSON({ service: { namespace: 'webhooks', name: 'absent', path: '/convert' } }, {}));
    assert.equal(error.message, 'Post "https://absent.webhooks.svc:443/convert?timeout=30s": service "absent" not found');
    const port = await failure(client.postJSON({ service: { namespace: 'webhooks', name: 'conv', port: 8443 } }, {}));
    assert.equal(port.message, 'Post "https://conv.webhooks.svc:8443/?timeout=30s": no service port 8443 found for service "conv"');
  });

  it('refuses a URL that is not https and a config that names nothing', async () => {
    assert.match((await failure(client.postJSON({ url: 'http://127.0.0.1:1/' }, {}))).message, /'https' is the only allowed URL scheme/);
    assert.equal((await failure(client.postJSON({}, {}))).message, 'the webhook client config names neither a url nor a service');
  });
});
