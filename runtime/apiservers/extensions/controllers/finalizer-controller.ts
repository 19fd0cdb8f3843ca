/**
 * The CRD finalizer (apiextensions-apiserver's CRDFinalizer): a CRD being deleted keeps the
 * `customresourcecleanup.apiextensions.k8s.io` finalizer until its custom resources are gone.
 * The controller reports `Terminating=True` (InstanceDeletionInProgress), deletes every instance,
 * waits (bounded) for those held by finalizers of their own, then records how it went
 * (InstanceDeletionCompleted, or NeverEstablished / OverlappingBuiltInResource when there was
 * nothing of its own to delete) and removes the finalizer, which deletes the CRD. A failure is
 * reported in the condition (InstanceDeletionFailed, InstanceDeletionCheck) and retried.
 */
import type { CustomResourceDefinition, CustomResourceDefinitionCondition } from '../../../../api-definitions/apiextensions/v1/types.js';
import { semanticEqual } from '../../../machinery/validation/equality.js';
import { isConditionTrue, setCondition } from '../naming/conditions.js';
import type { BuiltinResource } from '../naming/names.js';
import { pause } from '../../kube/controllers/context.js';
import { WorkQueue } from '../../kube/controllers/work-queue.js';
import type { CRDCache } from './crd-cache.js';
import type { CRDStatusWriter } from './status-writer.js';
import type { CRDController, ControllerLog } from './controller.js';
import { InstanceDeletionError, type CustomResourceInstances } from './instances.js';

export const CLEANUP_FINALIZER = 'customresourcecleanup.apiextensions.k8s.io';

/** Group/resources whose storage a CRD could overlap and whose objects must never be deleted for it. */
const OVERLAPPING_BUILT_INS: readonly string[] = ['apiregistration.k8s.io/apiservices', 'apiextensions.k8s.io/customresourcedefinitions'];

export interface FinalizerOptions {
  /** How long deleted instances are waited for before InstanceDeletionCheck. Default 60 s, as upstream. */
  readonly waitMs?: number;
  /** How often the remaining instances are counted while waiting. Default 250 ms. */
  readonly pollMs?: number;
}

export const isBeingFinalized = (crd: CustomResourceDefinition): boolean =>
  Boolean(crd.metadata?.deletionTimestamp) && (crd.metadata?.finalizers ?? []).includes(CLEANUP_FINALIZER);

/** The CRD without its Terminating condition and resourceVersion: what a change must differ in to matter here. */
function withoutTerminating(crd: CustomResourceDefinition): unknown {
  return {
    ...crd,
    metadata: { ...crd.metadata, resourceVersion: undefined },
    status: { ...crd.status, conditions: (crd.status?.conditions ?? []).filter((c) => c.type !== 'Terminating') },
  };
}

function setTerminating(crd: CustomResourceDefinition, condition: Omit<CustomResourceDefinitionCondition, 'type'>, now: string): CustomResourceDefinition {
  crd.status = { ...crd.status, conditions: setCondition(crd.status?.conditions, { type: 'Terminating', ...condition }, now) };
  return crd;
}

export class FinalizerController implements CRDController {
  readonly queue: WorkQueue;
  private readonly waitMs: number;
  private readonly pollMs: number;
  private readonly stop = new AbortController();

  constructor(
    private readonly cache: CRDCache,
    private readonly writer: CRDStatusWriter,
    private readonly instances: CustomResourceInstances,
    private readonly builtins: readonly BuiltinResource[],
    private readonly log: ControllerLog,
    private readonly now: () => string,
    options: FinalizerOptions = {},
  ) {
    this.waitMs = options.waitMs ?? 60_000;
    this.pollMs = options.pollMs ?? 250;
    this.queue = new WorkQueue((name) => this.sync(name), { workers: 2, onDrop: (name, error) => log.dropped('finalizer', name, error) });
  }

  changed(crd: CustomResourceDefinition, old: CustomResourceDefinition | undefined): void {
    if (!isBeingFinalized(crd)) return;
    // its own Terminating updates must not queue it again (upstream's guard against a hot loop)
    if (old && semanticEqual(withoutTerminating(old), withoutTerminating(crd))) return;
    this.queue.add(crd.metadata?.name ?? '');
  }

  deleted(): void {}

  /** Stops waiting for instances (the controllers are closing). */
  abort(): void {
    this.stop.abort();
  }

  async sync(name: string): Promise<void> {
    const cached = this.cache.get(name);
    if (!cached || !isBeingFinalized(cached)) return;
    const progress = await this.writer.write(name, (current) =>
      isBeingFinalized(current)
        ? setTerminating(current, { status: 'True', reason: 'InstanceDeletionInProgress', message: 'CustomResource deletion is in progress' }, this.now())
        : undefined,
    );
    if (!progress || !isBeingFinalized(progress.crd)) return;
    const crd = progress.crd;

    let outcome: Omit<CustomResourceDefinitionCondition, 'type'>;
    if (this.overlapsBuiltIn(crd)) {
      outcome = { status: 'False', reason: 'OverlappingBuiltInResource', message: 'instances overlap with built-in resources in storage' };
    } else if (isConditionTrue(crd, 'Established')) {
      const result = await this.deleteInstances(crd);
      if (result.error) {
        await this.writer.write(name, (current) => (isBeingFinalized(current) ? setTerminating(current, result.condition, this.now()) : undefined));
        throw result.error;
      }
      outcome = result.condition;
    } else {
      outcome = { status: 'False', reason: 'NeverEstablished', message: 'resource was never established' };
    }
    await this.writer.write(name, (current) => {
      if (!isBeingFinalized(current)) return undefined;
      setTerminating(current, outcome, this.now());
      current.metadata = { ...current.metadata, finalizers: (current.metadata?.finalizers ?? []).filter((f) => f !== CLEANUP_FINALIZER) };
      return current;
    });
    this.log.info('finalizer', name, `custom resources removed (${outcome.reason ?? ''}), finalizer removed`);
  }

  /** A CRD whose group/plural is a built-in resource: its "instances" are the built-in objects. */
  private overlapsBuiltIn(crd: CustomResourceDefinition): boolean {
    const key = `${crd.spec.group}/${crd.spec.names.plural}`;
    return OVERLAPPING_BUILT_INS.includes(key) || this.builtins.some((b) => b.group === crd.spec.group && b.plural === crd.spec.names.plural);
  }

  private async deleteInstances(crd: CustomResourceDefinition): Promise<{ condition: Omit<CustomResourceDefinitionCondition, 'type'>; error?: Error }> {
    try {
      await this.instances.deleteAll(crd);
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      const what = error instanceof InstanceDeletionError && error.phase === 'list' ? 'could not list instances' : 'could not issue all deletes';
      return { condition: { status: 'True', reason: 'InstanceDeletionFailed', message: `${what}: ${err.message}` }, error: err };
    }
    // bounded wait for instances held by their own finalizers
    const deadline = Date.now() + this.waitMs;
    for (;;) {
      let left: number;
      try {
        left = await this.instances.remaining(crd);
      } catch (error) {
        const err = error instanceof Error ? error : new Error(String(error));
        return { condition: { status: 'True', reason: 'InstanceDeletionCheck', message: `could not confirm zero CustomResources remaining: ${err.message}` }, error: err };
      }
      if (left === 0) return { condition: { status: 'False', reason: 'InstanceDeletionCompleted', message: 'removed all instances' } };
      if (Date.now() >= deadline || this.stop.signal.aborted) {
        const err = new Error('timed out waiting for the condition');
        return { condition: { status: 'True', reason: 'InstanceDeletionCheck', message: `could not confirm zero CustomResources remaining: ${err.message}` }, error: err };
      }
      this.log.info('finalizer', crd.metadata?.name ?? '', `waiting for ${left} items to be removed`);
      await pause(this.pollMs, this.stop.signal);
    }
  }
}
