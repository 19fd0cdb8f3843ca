/**
 * The sample aggregated API server, built from kapi's parts as upstream's sample-apiserver is
 * built from k8s.io/apiserver: a GenericAPIServer (filters, health, discovery, OpenAPI) serving
 * wardle.example.com through the generic registry Store (one per resource, behind a watch cache)
 * and the REST endpoints, on SQLite (or etcd), authenticating the aggregator's proxied requests
 * with the front-proxy authenticator and authorizing every authenticated user, or asking kapi
 * (SubjectAccessReview) with `--authorization-kubeconfig`.
 *
 *   const sample = await createSampleServer(completeSampleOptions(options));
 *   await sample.server.prepareRun().run(signal);
 *   await sample.close();
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as metaGroup from '../../generated/meta/register.generated.js';
import * as metaOpenAPI from '../../generated/meta/v1/openapi.generated.js';
import { newChain } from '../../runtime/admission/interfaces.js';
import { kindHooks, loadGroupHooks } from '../../runtime/apiservers/kube/hooks.js';
import { loadPatchMeta, machineryPatcher } from '../../runtime/apiservers/kube/patcher.js';
import { loadDefinitions } from '../../runtime/apiservers/kube/schemas.js';
import { loadGeneratedSchemaModules } from '../../runtime/cmd/schemas.js';
import { schemeDiscoverySource } from '../../runtime/endpoints/discovery/source.js';
import { OpenAPIFieldChecker } from '../../runtime/endpoints/handlers/fields.js';
import { RestAPIInstaller } from '../../runtime/endpoints/installer.js';
import { openAPISource } from '../../runtime/endpoints/openapi/source.js';
import { Scheme } from '../../runtime/machinery/scheme.js';
import type { RestStorage } from '../../runtime/registry/rest.js';
import { defaultKeyRoot, Store } from '../../runtime/registry/store.js';
import { newStrategy } from '../../runtime/registry/strategy.js';
import { resourceRest } from '../../runtime/registry/subresources.js';
import { requestHeaderAuthenticator } from '../../runtime/server/authentication/request-header.js';
import { Config } from '../../runtime/server/config.js';
import { createLogger, type KapiLogger } from '../../runtime/server/logging.js';
import type { GenericAPIServer } from '../../runtime/server/server.js';
import { Cacher } from '../../runtime/storage/cacher/cacher.js';
import { openEtcd3Storage } from '../../runtime/storage/etcd3/index.js';
import type { Storage } from '../../runtime/storage/interface.js';
import { openSqliteStorage } from '../../runtime/storage/sqlite/index.js';
import { authenticatedUsersAuthorizer } from './authorization.js';
import { BAN_FLUNDER, banFlunderPlugin, WARDLE_GROUP } from './ban-flunder.js';
import { delegatedAuthorizer } from './delegated-authorization.js';
import { groups as sampleGroups } from './generated/install.generated.js';
import { readKubeconfig } from './kubeconfig.js';
import type { SampleServerOptions } from './options.js';
import { ensureServingCertificate } from './serving-cert.js';

export const SAMPLE_GENERATED_DIR = fileURLToPath(new URL('./generated/', import.meta.url));
export const SAMPLE_DEFINITIONS_DIR = fileURLToPath(new URL('./api-definitions/', import.meta.url));

export interface SampleServer {
  readonly server: GenericAPIServer;
  readonly scheme: Scheme;
  /** The Stores by plural (`flunders`, `fischers`). */
  readonly stores: ReadonlyMap<string, Store>;
  /** PEM of the CA the serving certificate chains to (an APIService's caBundle). */
  readonly servingCA: string;
  readonly logging: KapiLogger;
  /** Stops the watch caches and closes the storage, after the server stopped. */
  close(): Promise<void>;
}

function openStorage(options: SampleServerOptions): Storage {
  if (options.etcdServers.length > 0) return openEtcd3Storage({ endpoints: options.etcdServers });
  return openSqliteStorage({ path: path.join(options.dataDir, 'sample-apiserver.db') });
}

/** The scheme of the sample server: the shared meta types and wardle.example.com. */
export function sampleScheme(): Scheme {
  const scheme = new Scheme();
  metaGroup.install(scheme);
  for (const group of sampleGroups) group.install(scheme);
  return scheme;
}

export async function createSampleServer(options: SampleServerOptions, logging?: KapiLogger): Promise<SampleServer> {
  const log = logging ?? createLogger({ verbosity: options.verbosity });
  const scheme = sampleScheme();
  const serving = options.tlsCertFile && options.tlsPrivateKeyFile ? undefined : ensureServingCertificate(options.dataDir, options.certDNSNames);
  const certFile = options.tlsCertFile ?? serving!.cert;
  const requestHeaderCA = readFileSync(options.requestheaderClientCAFile!);
  const storage = openStorage(options);

  const config = new Config();
  config.logging = log;
  config.secureServing = {
    bindAddress: options.bindAddress,
    port: options.securePort,
    cert: readFileSync(certFile),
    key: readFileSync(options.tlsPrivateKeyFile ?? serving!.key),
    // TLS asks for a client certificate and names this CA; the authenticator checks the chain itself.
    clientCA: requestHeaderCA,
  };
  config.authenticators = [
    requestHeaderAuthenticator({
      clientCA: requestHeaderCA,
      allowedNames: options.requestheaderAllowedNames,
      usernameHeaders: options.requestheaderUsernameHeaders,
      groupHeaders: options.requestheaderGroupHeaders,
      extraHeaderPrefixes: options.requestheaderExtraHeadersPrefix,
    }),
  ];
  config.anonymousAuth = options.anonymousAuth;
  const delegated = options.authorizationKubeconfig ? delegatedAuthorizer(readKubeconfig(options.authorizationKubeconfig)) : undefined;
  config.authorizers = [delegated ?? authenticatedUsersAuthorizer()];
  config.storageHealthCheck = async () => {
    await storage.currentRevision();
  };
  const server = config.complete().new('sample-apiserver');

  // One Store per resource of the group, in its storage version, behind a watch cache.
  const hooks = await loadGroupHooks(SAMPLE_GENERATED_DIR, SAMPLE_DEFINITIONS_DIR);
  const groupInfo = scheme.group(WARDLE_GROUP)!;
  const cachers: Cacher[] = [];
  const stores = new Map<string, Store>();
  for (const info of scheme.resourcesOf({ group: WARDLE_GROUP, version: groupInfo.storageVersion })) {
    const keyRoot = defaultKeyRoot(WARDLE_GROUP, info.plural);
    const cacher = new Cacher(storage, { prefix: keyRoot });
    cachers.push(cacher);
    const kind = kindHooks(WARDLE_GROUP, hooks.get(WARDLE_GROUP), info.kind);
    const strategy = newStrategy(info, kind.hooks, kind.validation);
    stores.set(info.plural, new Store({ scheme, storage: cacher, group: WARDLE_GROUP, info, storageVersion: groupInfo.storageVersion, strategy, keyRoot, enableGarbageCollection: false }));
  }
  const disabled = new Set(options.disableAdmissionPlugins);
  const admission = newChain(disabled.has(BAN_FLUNDER) ? [] : [banFlunderPlugin(stores.get('fischers')!)]);
  const definitions = { ...metaOpenAPI.definitions, ...(await loadDefinitions(SAMPLE_GENERATED_DIR)) };
  const installer = new RestAPIInstaller({
    scheme,
    storages: (gv) => {
      if (gv.group !== WARDLE_GROUP) return undefined;
      const rest = new Map<string, RestStorage>();
      for (const info of scheme.resourcesOf(gv)) rest.set(info.plural, resourceRest(stores.get(info.plural)!, info));
      return rest;
    },
    admission,
    patcher: machineryPatcher(await loadPatchMeta(SAMPLE_GENERATED_DIR)),
    fieldChecker: new OpenAPIFieldChecker(definitions),
  });
  const versions = groupInfo.versions.map((version) => ({ version, resources: scheme.resourcesOf({ group: WARDLE_GROUP, version }) }));
  server.installAPIGroup({ name: WARDLE_GROUP, versions }, installer);
  const discovery = schemeDiscoverySource(scheme);
  server.installDiscovery(discovery);
  const modules = [{ definitions: metaOpenAPI.definitions, schemas: metaOpenAPI.schemas }, ...(await loadGeneratedSchemaModules(SAMPLE_GENERATED_DIR))];
  server.installOpenAPI(openAPISource(discovery, modules));

  return {
    server,
    scheme,
    stores,
    servingCA: readFileSync(serving?.caCert ?? certFile, 'utf8'),
    logging: log,
    async close() {
      delegated?.close();
      await Promise.all(cachers.map((c) => c.close()));
      await storage.close();
    },
  };
}
