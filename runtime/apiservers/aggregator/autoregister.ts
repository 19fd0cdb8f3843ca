/**
 * Autoregistration (upstream's autoregister and crdregistration controllers): a local APIService
 * `<version>.<group>` for every group-version the tiers below serve. Built-in ones carry
 * `kube-aggregator.kubernetes.io/automanaged: onstart` and kube-apiserver's priorities; custom
 * resource ones carry `true` and the CRD priorities, and are removed once their group-version is
 * no longer served. APIServices without the label belong to their users and are never touched.
 */
import { isAlreadyExists, isConflict, isNotFound } from '../../machinery/errors.js';
import { jsonEqual, type KObject } from '../../registry/meta.js';
import type { Store } from '../../registry/store.js';
import type { DiscoverySource } from '../../endpoints/discovery/source.js';
import { controllerContext } from '../kube/controllers/context.js';
import { WorkQueue } from '../kube/controllers/work-queue.js';
import { AUTOMANAGED_LABEL, type APIService } from './apiservice.js';
import type { APIServiceCache } from './apiservice-cache.js';
import { apiServiceName, builtinPriority, CUSTOM_RESOURCE_PRIORITY } from './priorities.js';

const CONTROLLER = 'kube-aggregator-autoregistration';

/** An APIService the server wants, and which label it carries. */
export interface DesiredAPIService {
  readonly name: string;
  readonly group: string;
  readonly version: string;
  readonly groupPriorityMinimum: number;
  readonly versionPriority: number;
  readonly mode: 'onstart' | 'true';
}

/**
 * The APIServices the tiers below call for: every built-in group-version upstream has a
 * priority for (`isBuiltinGroup`), and every other served group-version (custom resources).
 */
export function desiredAPIServices(local: DiscoverySource, isBuiltinGroup: (group: string) => boolean): Map<string, DesiredAPIService> {
  const desired = new Map<string, DesiredAPIService>();
  for (const group of local.groups()) {
    const builtin = isBuiltinGroup(group.name);
    for (const { version } of group.versions) {
      const priority = builtin ? builtinPriority(group.name, version) : CUSTOM_RESOURCE_PRIORITY;
      if (!priority) continue;
      const name = apiServiceName(group.name, version);
      desired.set(name, { name, group: group.name, version, groupPriorityMinimum: priority.group, versionPriority: priority.version, mode: builtin ? 'onstart' : 'true' });
    }
  }
  return desired;
}

export interface AutoRegistrationOptions {
  readonly store: Store;
  readonly cache: APIServiceCache;
  readonly local: DiscoverySource;
  readonly isBuiltinGroup: (group: string) => boolean;
  /** How often the tiers below are asked what they serve. Default 1 s. */
  readonly resyncMs?: number;
}

/** Keeps the automanaged APIServices in line with what the tiers below serve. */
export class AutoRegistrationController {
  private desired = new Map<string, DesiredAPIService>();
  /** Names found unwanted once: removed only when still unwanted at the next look, so a tier still loading does not lose its APIServices. */
  private unwantedOnce = new Set<string>();
  private readonly queue: WorkQueue;
  private timer: NodeJS.Timeout | undefined;
  private fingerprint = '';
  /** APIServices that existed when the controller started (upstream's apiServicesAtStart). */
  private readonly presentAtStart = new Set<string>();

  constructor(private readonly options: AutoRegistrationOptions) {
    this.queue = new WorkQueue((name) => this.sync(name), { workers: 2 });
    options.cache.onChange((name) => this.queue.add(name));
  }

  /**
   * Registers what is served now, then looks again every resync period. Resolves once every
   * wanted APIService exists (at most `waitMs`, default 10 s), as upstream's
   * autoregister-completion check waits for them.
   */
  async start(waitMs = 10_000): Promise<void> {
    for (const service of this.options.cache.list()) this.presentAtStart.add(service.metadata?.name ?? '');
    this.refresh();
    this.queue.start();
    this.timer = setInterval(() => this.refresh(), this.options.resyncMs ?? 1000);
    this.timer.unref();
    const deadline = Date.now() + waitMs;
    while (Date.now() < deadline && [...this.desired.keys()].some((name) => !this.options.cache.get(name))) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.queue.close();
  }

  /** Recomputes the wanted APIServices and queues every name whose wish may have changed. */
  refresh(): void {
    const desired = desiredAPIServices(this.options.local, this.options.isBuiltinGroup);
    const fingerprint = [...desired.keys()].sort().join(',');
    const changed = fingerprint !== this.fingerprint;
    this.fingerprint = fingerprint;
    this.desired = desired;
    const names = new Set([...desired.keys(), ...this.options.cache.list().map((s) => s.metadata?.name ?? '')]);
    for (const name of names) {
      const current = this.options.cache.get(name);
      const wanted = desired.get(name);
      if (changed || !current || (wanted === undefined && isAutomanaged(current)) || this.unwantedOnce.has(name)) this.queue.add(name);
    }
  }

  /**
   * upstream's checkAPIService table: an `onstart` APIService is created or corrected once (and a
   * deleted or edited one stays so until the next start); a `true` one follows its CRD always; an
   * APIService without the label is its user's.
   */
  private async sync(name: string): Promise<void> {
    const wanted = this.desired.get(name);
    const current = this.options.cache.get(name);
    const hasSynced = this.synced.has(name);
    if (await this.reconcile(name, wanted, current, hasSynced)) this.synced.add(name);
  }

  /** Returns false when the name is to be looked at again at the next refresh. */
  private async reconcile(name: string, wanted: DesiredAPIService | undefined, current: APIService | undefined, hasSynced: boolean): Promise<boolean> {
    const ctx = controllerContext('', CONTROLLER);
    if (!current && !wanted) return true;
    if (wanted?.mode === 'onstart' && hasSynced) return true;
    if (!current && wanted) {
      const object = { metadata: { name, labels: { [AUTOMANAGED_LABEL]: wanted.mode } }, spec: specOf(wanted) };
      try {
        await this.options.store.create(ctx, object as KObject);
      } catch (error) {
        if (!isAlreadyExists(error)) throw error;
      }
      return true;
    }
    if (!current) return true;
    const label = current.metadata?.labels?.[AUTOMANAGED_LABEL];
    if (label !== 'onstart' && label !== 'true') return true;
    if (label === 'onstart' && (!this.presentAtStart.has(name) || hasSynced)) return true;
    if (!wanted) {
      // gone from the tiers below: removed at the second look, so a tier still loading keeps its APIServices
      if (!this.unwantedOnce.has(name)) {
        this.unwantedOnce.add(name);
        return false;
      }
      this.unwantedOnce.delete(name);
      try {
        await this.options.store.delete(ctx, name, { options: { preconditions: { uid: current.metadata?.uid } } });
      } catch (error) {
        if (!isNotFound(error) && !isConflict(error)) throw error;
      }
      return true;
    }
    this.unwantedOnce.delete(name);
    const spec = specOf(wanted);
    if (jsonEqual(current.spec ?? {}, spec)) return true;
    await this.options.store.updateRaw(ctx, name, (existing) => {
      const next = existing as unknown as APIService;
      next.spec = { ...spec };
      return next as unknown as KObject;
    });
    return true;
  }

  private readonly synced = new Set<string>();
}

function specOf(wanted: DesiredAPIService): NonNullable<APIService['spec']> {
  return { group: wanted.group, version: wanted.version, groupPriorityMinimum: wanted.groupPriorityMinimum, versionPriority: wanted.versionPriority };
}

function isAutomanaged(service: APIService): boolean {
  const label = service.metadata?.labels?.[AUTOMANAGED_LABEL];
  return label === 'onstart' || label === 'true';
}
