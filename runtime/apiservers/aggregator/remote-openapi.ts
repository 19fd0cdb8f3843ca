/**
 * OpenAPI of the aggregated servers (kube-aggregator's OpenAPI aggregation, reduced to merging
 * definitions): each remote APIService's server is asked for `/openapi/v2` and for its
 * group-version's `/openapi/v3/apis/<group>/<version>` document; their definitions and component
 * schemas are merged into the server's documents, so `kubectl explain` finds aggregated kinds.
 * Definitions of the built-in types (`io.k8s.api.*`, `io.k8s.apimachinery.*`) stay the server's own.
 */
import type { DynamicSchemaSource, SchemaObject } from '../../endpoints/openapi/source.js';
import type { ServiceResolver } from '../webhook/service-resolver.js';
import type { APIService } from './apiservice.js';
import type { APIServiceCache } from './apiservice-cache.js';
import { remoteGet } from './remote-request.js';
import type { AggregatorTransport } from './transport.js';

const MAX_DOCUMENT_BYTES = 32 << 20;
const FETCH_TIMEOUT_MS = 10_000;

type Schemas = Readonly<Record<string, SchemaObject>>;

interface Documents {
  readonly definitions: Schemas;
  readonly schemas: Schemas;
}

/** Whether a definition name belongs to the server's own types. */
function isBuiltinDefinition(name: string): boolean {
  return name.startsWith('io.k8s.api.') || name.startsWith('io.k8s.apimachinery.') || name.startsWith('io.k8s.kube-aggregator.') || name.startsWith('io.k8s.apiextensions-apiserver.');
}

function ownDefinitions(value: unknown): Record<string, SchemaObject> {
  const out: Record<string, SchemaObject> = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const [name, schema] of Object.entries(value as Record<string, unknown>)) {
    if (!isBuiltinDefinition(name) && typeof schema === 'object' && schema !== null) out[name] = schema as SchemaObject;
  }
  return out;
}

export class RemoteOpenAPI implements DynamicSchemaSource {
  /** APIService name → its server's documents. */
  private readonly documents = new Map<string, Documents>();
  private readonly inFlight = new Set<string>();
  /** APIService name → when its documents were last asked for. */
  private readonly lastRead = new Map<string, number>();
  private revision = 0;
  private merged: { revision: number; definitions: Schemas; schemas: Schemas } | undefined;

  constructor(
    private readonly cache: Pick<APIServiceCache, 'get' | 'onChange'>,
    private readonly resolver: ServiceResolver,
    private readonly transport: AggregatorTransport,
    private readonly log?: (message: string, error: unknown) => void,
  ) {
    cache.onChange((name, current) => {
      if (current) return;
      this.lastRead.delete(name);
      if (this.documents.delete(name)) this.revision++;
    });
  }

  /**
   * Reads an APIService's documents when they were never read or were read more than `maxAgeMs`
   * ago (upstream re-reads aggregated specs every minute), so a server whose OpenAPI was not ready
   * at its first probe, or that changed it, is picked up.
   */
  refreshIfStale(service: APIService, maxAgeMs = 60_000): void {
    const last = this.lastRead.get(service.metadata?.name ?? '');
    if (last === undefined || Date.now() - last > maxAgeMs) void this.refresh(service);
  }

  /** Reads an APIService's documents again (at most one read per APIService at a time). */
  async refresh(service: APIService): Promise<void> {
    const name = service.metadata?.name ?? '';
    const ref = service.spec?.service;
    if (!ref || this.inFlight.has(name)) return;
    this.inFlight.add(name);
    this.lastRead.set(name, Date.now());
    try {
      const { url, serverName } = await this.resolver.resolve(ref.namespace ?? '', ref.name ?? '', ref.port ?? 443);
      const agent = this.transport.agentFor(service);
      const get = async (path: string): Promise<unknown> => {
        const response = await remoteGet({ url, serverName, path, agent, timeoutMs: FETCH_TIMEOUT_MS, maxBytes: MAX_DOCUMENT_BYTES });
        if (response.status !== 200) return undefined;
        return JSON.parse(response.body.toString('utf8')) as unknown;
      };
      const v2 = (await get('/openapi/v2').catch(() => undefined)) as { definitions?: unknown } | undefined;
      const v3Path = `/openapi/v3/apis/${service.spec?.group ?? ''}/${service.spec?.version ?? ''}`;
      const v3 = (await get(v3Path).catch(() => undefined)) as { components?: { schemas?: unknown } } | undefined;
      const documents: Documents = { definitions: ownDefinitions(v2?.definitions), schemas: ownDefinitions(v3?.components?.schemas) };
      if (Object.keys(documents.definitions).length === 0 && Object.keys(documents.schemas).length === 0) return;
      if (JSON.stringify(this.documents.get(name)) === JSON.stringify(documents)) return;
      if (!this.cache.get(name)) return;
      this.documents.set(name, documents);
      this.revision++;
    } catch (error) {
      this.log?.(`unable to read the OpenAPI documents of APIService ${name}`, error);
    } finally {
      this.inFlight.delete(name);
    }
  }

  private current(): { definitions: Schemas; schemas: Schemas } {
    if (this.merged?.revision !== this.revision) {
      const definitions: Record<string, SchemaObject> = {};
      const schemas: Record<string, SchemaObject> = {};
      for (const documents of this.documents.values()) {
        Object.assign(definitions, documents.definitions);
        Object.assign(schemas, documents.schemas);
      }
      this.merged = { revision: this.revision, definitions, schemas };
    }
    return this.merged;
  }

  definitions(): Schemas {
    return this.current().definitions;
  }

  schemas(): Schemas {
    return this.current().schemas;
  }

  generation(): string {
    return `aggregator:${this.revision}`;
  }
}
