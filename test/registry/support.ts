/**
 * A scheme with a small test group (namespaced Widgets with status and scale, cluster-scoped
 * Gadgets) plus the real autoscaling group, and Stores over a SQLite file in a temp folder.
 */
import { deepCopyJSON } from '../../runtime/machinery/generated-support.js';
import { Scheme, type WireObject } from '../../runtime/machinery/scheme.js';
import type { ResourceInfo } from '../../runtime/machinery/scheme-types.js';
import { installAll } from '../../generated/install.generated.js';
import type { RequestContext } from '../../runtime/registry/rest.js';
import { Store } from '../../runtime/registry/store.js';
import { newStrategy, type KindStrategyHooks } from '../../runtime/registry/strategy.js';
import { openSqliteStorage, type SqliteStorage } from '../../runtime/storage/sqlite/index.js';
import { tempDir } from '../storage/support/temp-dir.js';

export const GROUP = 'example.kapi.dev';

export const widgetInfo: ResourceInfo = {
  kind: 'Widget',
  listKind: 'WidgetList',
  plural: 'widgets',
  singular: 'widget',
  namespaced: true,
  shortNames: ['wd'],
  categories: [],
  verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  subresources: { status: true, scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas', labelSelectorPath: '.spec.selector' } },
  printColumns: [{ name: 'Replicas', type: 'integer', jsonPath: '.spec.replicas', priority: 0 }],
};

export const gadgetInfo: ResourceInfo = {
  kind: 'Gadget',
  listKind: 'GadgetList',
  plural: 'gadgets',
  singular: 'gadget',
  namespaced: false,
  shortNames: [],
  categories: [],
  verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  subresources: { status: false },
  printColumns: [],
};

/** Identity conversions; v1 defaults spec.replicas to 1 on Widgets. */
export function testScheme(): Scheme {
  const scheme = new Scheme();
  installAll(scheme);
  scheme.addGroup({ name: GROUP, versions: ['v1'], storageVersion: 'v1', hasInternal: true });
  const identity = (o: WireObject): WireObject => {
    const { kind: _k, apiVersion: _a, ...rest } = deepCopyJSON(o);
    return rest;
  };
  for (const kind of ['Widget', 'WidgetList', 'Gadget', 'GadgetList']) {
    scheme.addInternalKind({ group: GROUP, kind, deepCopy: deepCopyJSON });
    scheme.addVersionedKind<WireObject, WireObject>({
      group: GROUP,
      version: 'v1',
      kind,
      toInternal: identity,
      fromInternal: identity,
      setDefaults:
        kind === 'Widget'
          ? (o) => {
              const spec = (o['spec'] ??= {}) as Record<string, unknown>;
              spec['replicas'] ??= 1;
            }
          : undefined,
    });
  }
  scheme.addResources({ group: GROUP, version: 'v1' }, [widgetInfo, gadgetInfo]);
  return scheme;
}

export interface Fixture {
  readonly scheme: Scheme;
  readonly storage: SqliteStorage;
  readonly widgets: Store;
  readonly gadgets: Store;
  close(): Promise<void>;
}

export function openFixture(hooks: { widget?: KindStrategyHooks; gadget?: KindStrategyHooks } = {}): Fixture {
  const { dir, remove } = tempDir('registry');
  const storage = openSqliteStorage({ path: `${dir}/kapi.db`, compactIntervalMs: 0 });
  const scheme = testScheme();
  const make = (info: ResourceInfo, h?: KindStrategyHooks) =>
    new Store({ scheme, storage, group: GROUP, info, storageVersion: 'v1', strategy: newStrategy(info, h) });
  return {
    scheme,
    storage,
    widgets: make(widgetInfo, hooks.widget),
    gadgets: make(gadgetInfo, hooks.gadget),
    async close() {
      await storage.close();
      remove();
    },
  };
}

/** A request context in a namespace that collects warnings. */
export function ctx(namespace = 'default'): RequestContext & { warnings: string[] } {
  const warnings: string[] = [];
  return { namespace, warnings, warn: (m: string) => warnings.push(m) };
}

export function widget(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { metadata: { name, ...(extra['metadata'] as object) }, spec: { replicas: 1, selector: { matchLabels: { app: name } }, ...(extra['spec'] as object) }, ...(extra['status'] ? { status: extra['status'] } : {}) };
}

/** An UpdatedObjectInfo that replaces the object with `object`. */
export function replaceWith(object: Record<string, unknown>) {
  return { updatedObject: () => deepCopyJSON(object) };
}
