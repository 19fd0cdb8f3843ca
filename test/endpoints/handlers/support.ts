/**
 * The REST handlers in a real GenericAPIServer on 127.0.0.1:0: the test group's Widgets and
 * Gadgets and the real autoscaling HorizontalPodAutoscalers in every version, over SQLite.
 */
import { definitions as hpaV1 } from '../../../generated/autoscaling/v1/openapi.generated.js';
import { definitions as hpaV2 } from '../../../generated/autoscaling/v2/openapi.generated.js';
import { definitions as hpaV2beta1 } from '../../../generated/autoscaling/v2beta1/openapi.generated.js';
import { definitions as hpaV2beta2 } from '../../../generated/autoscaling/v2beta2/openapi.generated.js';
import { resources as autoscalingResources, groupInfo as autoscalingGroup } from '../../../generated/autoscaling/register.generated.js';
import type { AdmissionChain } from '../../../runtime/admission/interfaces.js';
import type { GroupVersion } from '../../../runtime/machinery/scheme-types.js';
import { OpenAPIFieldChecker } from '../../../runtime/endpoints/handlers/fields.js';
import type { PatchApplier } from '../../../runtime/endpoints/handlers/scope.js';
import { RestAPIInstaller } from '../../../runtime/endpoints/installer.js';
import type { RestStorage } from '../../../runtime/registry/rest.js';
import { Store } from '../../../runtime/registry/store.js';
import { newStrategy } from '../../../runtime/registry/strategy.js';
import { resourceRest, scaleRest, statusRest } from '../../../runtime/registry/subresources.js';
import { startServer, testConfig } from '../../server/helpers.js';
import { gadgetInfo, GROUP, openFixture, widgetInfo, type Fixture } from '../../registry/support.js';

export interface Harness {
  readonly url: string;
  readonly fixture: Fixture;
  readonly hpas: Store;
  /** Aborts the server's long-running requests as a shutdown does. */
  shutdownWatches(): void;
  stop(): Promise<void>;
}

/** RFC 7386 merge patch: enough to exercise the PATCH handler without the patch machinery. */
function mergePatch(original: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = original !== null && typeof original === 'object' && !Array.isArray(original) ? { ...(original as object) } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** A test patcher: merge patches, and JSON patches of `replace`/`add` on plain paths. */
export const testPatcher: PatchApplier = {
  apply(kind, original, patch) {
    if (kind === 'merge') return mergePatch(original, patch);
    if (kind === 'json') {
      if (!Array.isArray(patch)) throw Object.assign(new Error('json patch must be an array'), { name: 'PatchError', reason: 'BadRequest' });
      const out = JSON.parse(JSON.stringify(original)) as Record<string, unknown>;
      for (const op of patch as { op: string; path: string; value: unknown }[]) {
        const parts = op.path.split('/').slice(1);
        let target = out as Record<string, unknown>;
        for (const p of parts.slice(0, -1)) target = target[p] as Record<string, unknown>;
        target[parts[parts.length - 1]] = op.value;
      }
      return out;
    }
    throw new Error('no strategic merge patch in tests');
  },
  supportsStrategic: () => false,
};

export async function startHarness(options: { admission?: AdmissionChain; patcher?: PatchApplier } = {}): Promise<Harness> {
  const fixture = openFixture({ widget: { fieldLabels: ['spec.color'], selectableFields: (o) => ({ 'spec.color': String((o['spec'] as Record<string, unknown>)?.['color'] ?? '') }) } });
  const hpaInfo = autoscalingResources['v2']![0];
  const hpas = new Store({ scheme: fixture.scheme, storage: fixture.storage, group: 'autoscaling', info: hpaInfo, storageVersion: autoscalingGroup.storageVersion, strategy: newStrategy(hpaInfo) });
  const widgetRest = new Map<string, RestStorage>([
    ['widgets', resourceRest(fixture.widgets, widgetInfo)],
    ['widgets/status', statusRest(fixture.widgets, widgetInfo)],
    ['widgets/scale', scaleRest(fixture.widgets, widgetInfo)!],
    ['gadgets', resourceRest(fixture.gadgets, gadgetInfo)],
  ]);
  const hpaRest = new Map<string, RestStorage>([
    ['horizontalpodautoscalers', resourceRest(hpas, hpaInfo)],
    ['horizontalpodautoscalers/status', statusRest(hpas, hpaInfo)],
  ]);
  const installer = new RestAPIInstaller({
    scheme: fixture.scheme,
    storages: (gv: GroupVersion) => (gv.group === GROUP ? widgetRest : gv.group === 'autoscaling' ? hpaRest : undefined),
    admission: options.admission,
    patcher: options.patcher ?? testPatcher,
    fieldChecker: new OpenAPIFieldChecker({ ...hpaV1, ...hpaV2, ...hpaV2beta1, ...hpaV2beta2 }),
    minRequestTimeoutSeconds: 5,
  });
  const server = testConfig().complete().new('handlers');
  server.installAPIGroup({ name: GROUP, versions: [{ version: 'v1', resources: [widgetInfo, gadgetInfo] }] }, installer);
  server.installAPIGroup(
    { name: 'autoscaling', versions: autoscalingGroup.versions.map((version) => ({ version, resources: autoscalingResources[version] ?? [] })) },
    installer,
  );
  const running = await startServer(server);
  return {
    url: running.url,
    fixture,
    hpas,
    shutdownWatches: () => server.tracker.shutdownController.abort(),
    async stop() {
      await running.stop();
      await fixture.close();
    },
  };
}

export interface Response {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  json(): Record<string, unknown>;
}

/** One request; a non-string body is sent as JSON. */
export async function request(
  url: string,
  method: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' || body instanceof Uint8Array ? (body as string) : JSON.stringify(body);
    if (!('Content-Type' in headers)) (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
  }
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

export const WIDGETS = `/apis/${GROUP}/v1`;
export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

export function widgetBody(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { apiVersion: `${GROUP}/v1`, kind: 'Widget', metadata: { name, ...(extra['metadata'] as object) }, spec: { replicas: 1, ...(extra['spec'] as object) } };
}

export function hpaBody(name: string, version = 'v2', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: `autoscaling/${version}`,
    kind: 'HorizontalPodAutoscaler',
    metadata: { name, ...(extra['metadata'] as object) },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 3, ...(extra['spec'] as object) },
  };
}
