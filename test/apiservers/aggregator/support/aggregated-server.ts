/**
 * A small aggregated API server for the aggregator's tests: HTTPS on loopback with a serving
 * certificate for `<service>.<namespace>.svc`, asking for client certificates from the front-proxy
 * CA, serving group `wardle.example.com` version `v1alpha1` with namespaced `flunders` in memory
 * (discovery, list as JSON or Table, get, create, watch as a chunked stream; `flunders/hang`
 * never answers), and
 * `/openapi/v2` and `/openapi/v3` documents. It records every request it gets (path, headers,
 * client certificate), and can be stopped and started again on the same port.
 */
import { randomUUID } from 'node:crypto';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { createTestCA, type TestCA } from '../../webhook/support/test-ca.js';

export const GROUP = 'wardle.example.com';
export const VERSION = 'v1alpha1';

export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  /** Raw header pairs, names as sent. */
  readonly rawHeaders: readonly string[];
  /** The client certificate's common name, when one was sent and the front-proxy CA signed it. */
  readonly clientCN?: string;
}

export interface AggregatedServer {
  readonly ca: TestCA;
  readonly port: number;
  readonly requests: SeenRequest[];
  /** TLS connections accepted so far (the proxy keeps its connections alive). */
  readonly connections: () => number;
  /** Headers named `name` (any case) of a request, in order. */
  headerValues(request: SeenRequest, name: string): string[];
  stop(): Promise<void>;
  start(): Promise<void>;
}

interface Flunder {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace: string; uid: string; resourceVersion: string; creationTimestamp: string };
  spec?: Record<string, unknown>;
}

const FLUNDER_DEFINITION = {
  type: 'object',
  description: 'A Flunder is a test kind of the aggregated wardle group.',
  properties: {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: { $ref: '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' },
    spec: { type: 'object', description: 'What the flunder wants.', properties: { reference: { type: 'string', description: 'Another flunder.' } } },
  },
  'x-kubernetes-group-version-kind': [{ group: GROUP, version: VERSION, kind: 'Flunder' }],
};

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** Starts the server on a free loopback port (or `port`), serving as `<service>.<namespace>.svc`. */
export async function startAggregatedServer(options: { service: string; namespace: string; frontProxyCA: string; port?: number }): Promise<AggregatedServer> {
  const ca = createTestCA('aggregated-test-ca');
  const serving = ca.serving([`${options.service}.${options.namespace}.svc`]);
  const requests: SeenRequest[] = [];
  const flunders = new Map<string, Flunder>();
  const watchers = new Set<{ namespace: string; res: ServerResponse }>();
  const hanging = new Set<ServerResponse>();
  let revision = 1;

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const socket = req.socket as TLSSocket;
    const cn = socket.authorized ? (socket.getPeerCertificate().subject?.CN as string | undefined) : undefined;
    const url = new URL(req.url ?? '/', 'https://x');
    requests.push({ method: req.method ?? 'GET', path: `${url.pathname}${url.search}`, rawHeaders: [...req.rawHeaders], clientCN: cn });
    if (cn === undefined) {
      send(res, 401, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 });
      return;
    }
    const base = `/apis/${GROUP}/${VERSION}`;
    if (url.pathname === base) {
      send(res, 200, {
        kind: 'APIResourceList',
        apiVersion: 'v1',
        groupVersion: `${GROUP}/${VERSION}`,
        resources: [
          { name: 'flunders', singularName: 'flunder', namespaced: true, kind: 'Flunder', verbs: ['create', 'get', 'list', 'watch'], categories: ['wardle'] },
          { name: 'flunders/status', singularName: '', namespaced: true, kind: 'Flunder', verbs: ['get', 'update'] },
        ],
      });
      return;
    }
    if (url.pathname === '/openapi/v2') {
      // its own copy of a built-in definition too, as aggregated servers publish them
      const definitions = { [`com.example.wardle.${VERSION}.Flunder`]: FLUNDER_DEFINITION, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta': { type: 'object', description: 'the aggregated server’s copy' } };
      send(res, 200, { swagger: '2.0', info: { title: 'wardle', version: 'v0' }, paths: {}, definitions });
      return;
    }
    if (url.pathname === `/openapi/v3/apis/${GROUP}/${VERSION}`) {
      const schema = JSON.parse(JSON.stringify(FLUNDER_DEFINITION).replaceAll('#/definitions/', '#/components/schemas/')) as unknown;
      send(res, 200, { openapi: '3.0.0', info: { title: 'wardle', version: 'v0' }, paths: {}, components: { schemas: { [`com.example.wardle.${VERSION}.Flunder`]: schema } } });
      return;
    }
    const match = /^\/apis\/wardle\.example\.com\/v1alpha1\/namespaces\/([^/]+)\/flunders(?:\/([^/]+))?$/.exec(url.pathname);
    if (!match) {
      send(res, 404, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', code: 404 });
      return;
    }
    const namespace = match[1]!;
    const name = match[2];
    const inNamespace = (): Flunder[] => [...flunders.values()].filter((f) => f.metadata.namespace === namespace);
    if (req.method === 'POST' && !name) {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { metadata?: { name?: string }; spec?: Record<string, unknown> };
        const flunder: Flunder = {
          apiVersion: `${GROUP}/${VERSION}`,
          kind: 'Flunder',
          metadata: { name: body.metadata?.name ?? randomUUID(), namespace, uid: randomUUID(), resourceVersion: String(++revision), creationTimestamp: new Date().toISOString().replace(/\.\d+Z$/, 'Z') },
          ...(body.spec ? { spec: body.spec } : {}),
        };
        flunders.set(`${namespace}/${flunder.metadata.name}`, flunder);
        for (const watcher of watchers) if (watcher.namespace === namespace) watcher.res.write(`${JSON.stringify({ type: 'ADDED', object: flunder })}\n`);
        send(res, 201, flunder);
      });
      return;
    }
    if (name === 'hang') {
      // never answers: for the proxy's request deadline
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    if (name) {
      const flunder = flunders.get(`${namespace}/${name}`);
      if (!flunder) send(res, 404, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `flunders.${GROUP} "${name}" not found`, reason: 'NotFound', details: { name, group: GROUP, kind: 'flunders' }, code: 404 });
      else send(res, 200, flunder);
      return;
    }
    if (url.searchParams.get('watch') === '1' || url.searchParams.get('watch') === 'true') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
      res.flushHeaders();
      for (const flunder of inNamespace()) res.write(`${JSON.stringify({ type: 'ADDED', object: flunder })}\n`);
      const watcher = { namespace, res };
      watchers.add(watcher);
      res.on('close', () => watchers.delete(watcher));
      return;
    }
    if ((req.headers.accept ?? '').includes('as=Table')) {
      send(res, 200, {
        kind: 'Table',
        apiVersion: 'meta.k8s.io/v1',
        metadata: { resourceVersion: String(revision) },
        columnDefinitions: [
          { name: 'Name', type: 'string', format: 'name', description: 'Name', priority: 0 },
          { name: 'Reference', type: 'string', format: '', description: 'Another flunder.', priority: 0 },
        ],
        rows: inNamespace().map((f) => ({ cells: [f.metadata.name, String(f.spec?.['reference'] ?? '<none>')], object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: f.metadata } })),
      });
      return;
    }
    send(res, 200, { kind: 'FlunderList', apiVersion: `${GROUP}/${VERSION}`, metadata: { resourceVersion: String(revision) }, items: inNamespace() });
  };

  const server = https.createServer({ cert: serving.cert, key: serving.key, ca: options.frontProxyCA, requestCert: true, rejectUnauthorized: false }, handle);
  let connections = 0;
  server.on('secureConnection', () => connections++);
  const listen = (port: number): Promise<number> =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve((server.address() as { port: number }).port);
      });
    });
  const port = await listen(options.port ?? 0);
  return {
    ca,
    port,
    requests,
    connections: () => connections,
    headerValues(request, header) {
      const out: string[] = [];
      for (let i = 0; i < request.rawHeaders.length; i += 2) if (request.rawHeaders[i]!.toLowerCase() === header.toLowerCase()) out.push(request.rawHeaders[i + 1]!);
      return out;
    },
    async stop() {
      for (const watcher of watchers) watcher.res.destroy();
      watchers.clear();
      for (const res of hanging) res.destroy();
      hanging.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
    async start() {
      await listen(port);
    },
  };
}
