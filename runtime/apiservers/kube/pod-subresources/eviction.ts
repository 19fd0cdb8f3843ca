/**
 * Evicting a pod: POST a policy/v1 Eviction to `pods/<name>/eviction`. The pod is deleted with
 * the Eviction's DeleteOptions, unless a PodDisruptionBudget matching it allows no disruption
 * now (429 TooManyRequests); an allowed eviction records the pod in the budget's
 * `status.disruptedPods` and takes one from `status.disruptionsAllowed` first
 * (pkg/registry/core/pod/storage/eviction.go upstream).
 */
import { isStatusError, newBadRequest, newForbidden, newTimeout, newTooManyRequests, StatusError } from '../../../machinery/errors.js';
import { labelSelectorAsSelector, type LabelSelectorObject } from '../../../machinery/selectors/label-selector.js';
import { peekMeta, type KObject } from '../../../registry/meta.js';
import type { RequestContext, RestStorage } from '../../../registry/rest.js';
import type { Store } from '../../../registry/store.js';
import type { DeleteOptions } from '../../../registry/strategy.js';
import { createOnlyRest } from '../reviews/virtual.js';
import { createdStatus } from './binding.js';

/** More recorded disruptions than this means the disruption controller is not keeping up. */
const MAX_DISRUPTED_POD_SIZE = 2000;
/** Conflicting writes are retried this many times, as upstream's EvictionsRetry. */
const RETRY_STEPS = 20;

export const EVICTION_KIND = { group: 'policy', version: 'v1', kind: 'Eviction' } as const;

const VIOLATION = "Cannot evict pod as it would violate the pod's disruption budget.";

/** 429 for a budget the disruption controller has not caught up with. */
function stillProcessing(pdbName: string): StatusError {
  const error = newTooManyRequests(VIOLATION, 10);
  error.status.details!.causes = [{ reason: 'DisruptionBudget', message: `The disruption budget ${pdbName} is still being processed by the server.` }];
  return error;
}

const isConflict = (error: unknown): boolean => isStatusError(error) && error.code === 409;

interface PodView {
  metadata?: { name?: string; resourceVersion?: string; deletionTimestamp?: string; labels?: Record<string, string> };
  status?: { phase?: string; conditions?: { type?: string; status?: string }[] };
}

interface Budget {
  metadata?: { name?: string; generation?: number; resourceVersion?: string };
  spec?: { selector?: LabelSelectorObject | null };
  status?: {
    observedGeneration?: number;
    disruptionsAllowed?: number;
    currentHealthy?: number;
    desiredHealthy?: number;
    disruptedPods?: Record<string, string> | null;
    conditions?: Record<string, unknown>[] | null;
  };
}

/** Pods that finished, have not started, or are already going away may go regardless of budgets. */
function canIgnoreBudgets(pod: PodView): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || Boolean(pod.metadata?.deletionTimestamp);
}

function isPodReady(pod: PodView): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

function withResourceVersion(options: DeleteOptions, resourceVersion: string | undefined): DeleteOptions {
  return { ...options, preconditions: { ...(options.preconditions ?? {}), resourceVersion } };
}

const resourceVersionIsUnset = (options: DeleteOptions): boolean => !options.preconditions?.resourceVersion;

/** The budgets of the pod's namespace whose selector matches it; nil and empty selectors match nothing here. */
async function budgetsFor(budgets: Store, ctx: RequestContext, pod: PodView): Promise<Budget[]> {
  const list = await budgets.list(ctx, {});
  const labels = pod.metadata?.labels ?? {};
  return (list.items as Budget[]).filter((pdb) => {
    try {
      const selector = labelSelectorAsSelector(pdb.spec?.selector);
      return !selector.empty() && selector.matches(labels);
    } catch {
      return false;
    }
  });
}

function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** pdbhelper.UpdateDisruptionAllowedCondition once the budget is spent. */
function markDisruptionNotAllowed(status: NonNullable<Budget['status']>): void {
  const conditions = (status.conditions ??= []);
  const condition = { type: 'DisruptionAllowed', status: 'False', reason: 'InsufficientPods', message: '', observedGeneration: status.observedGeneration ?? 0 };
  const index = conditions.findIndex((c) => c['type'] === 'DisruptionAllowed');
  if (index < 0) conditions.push({ ...condition, lastTransitionTime: now() });
  else {
    const previous = conditions[index];
    conditions[index] = { ...previous, ...condition, lastTransitionTime: previous['status'] === 'False' ? previous['lastTransitionTime'] : now() };
  }
}

/** checkAndDecrement: refuses when the budget allows nothing now, else takes one disruption. */
async function checkAndDecrement(budgets: Store, ctx: RequestContext, podName: string, pdbName: string, dryRun: boolean): Promise<void> {
  await budgets.updateRaw(
    ctx,
    pdbName,
    (current) => {
      const pdb = current as Budget;
      const status = (pdb.status ??= {});
      if ((status.observedGeneration ?? 0) < (pdb.metadata?.generation ?? 0)) throw stillProcessing(pdbName);
      const allowed = status.disruptionsAllowed ?? 0;
      if (allowed < 0) throw newForbidden({ group: 'policy', resource: 'poddisruptionbudget' }, pdbName, 'pdb disruptions allowed is negative');
      if (Object.keys(status.disruptedPods ?? {}).length > MAX_DISRUPTED_POD_SIZE) {
        throw newForbidden({ group: 'policy', resource: 'poddisruptionbudget' }, pdbName, 'DisruptedPods map too big - too many evictions not confirmed by PDB controller');
      }
      if (allowed === 0) {
        const error = newTooManyRequests(VIOLATION, 0);
        error.status.details!.causes = [
          { reason: 'DisruptionBudget', message: `The disruption budget ${pdbName} needs ${status.desiredHealthy ?? 0} healthy pods and has ${status.currentHealthy ?? 0} currently` },
        ];
        throw error;
      }
      status.disruptionsAllowed = allowed - 1;
      if (status.disruptionsAllowed === 0) markDisruptionNotAllowed(status);
      // Tells the disruption controller this pod is about to go, so it is not counted as healthy.
      status.disruptedPods = { ...(status.disruptedPods ?? {}), [podName]: now() };
      return current;
    },
    { dryRun },
  );
}

/** Retries `attempt` on 409 Conflict, a bounded number of times. */
async function retryOnConflict<T>(attempt: () => Promise<T>, shouldRetry: (error: unknown) => boolean = isConflict): Promise<T> {
  let last: unknown;
  for (let i = 0; i < RETRY_STEPS; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!shouldRetry(error)) throw error;
      last = error;
    }
  }
  throw last;
}

/** The DeleteOptions of the eviction with the request's dryRun folded in. */
function deleteOptionsOf(eviction: KObject, dryRun: boolean): DeleteOptions {
  const options = { ...((eviction['deleteOptions'] ?? {}) as DeleteOptions) };
  if (dryRun && (options.dryRun ?? []).length === 0) options.dryRun = ['All'];
  return options;
}

export function evictionRest(pods: () => Store, budgets: () => Store | undefined): RestStorage {
  return createOnlyRest({ namespaced: true, ...EVICTION_KIND }, async (ctx, object, options) => {
    const name = peekMeta(object).name ?? '';
    if (options.name !== name) throw newBadRequest('name in URL does not match name in Eviction object');
    const deleteOptions = deleteOptionsOf(object, options.dryRun === true);
    const dryRun = (deleteOptions.dryRun ?? []).includes('All');
    await options.validate?.(structuredClone(object));
    const store = pods();

    // A pod that may ignore budgets is deleted at once; a write racing ours is retried unless
    // the caller pinned a resourceVersion.
    let pod: PodView | undefined;
    const deleted = await retryOnConflict(
      async () => {
        pod = (await store.get(ctx, name, {})) as PodView;
        if (!canIgnoreBudgets(pod)) return false;
        const pinned = pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed' && !pod.metadata?.deletionTimestamp;
        const withRV = pinned && resourceVersionIsUnset(deleteOptions) ? withResourceVersion(deleteOptions, pod.metadata?.resourceVersion) : deleteOptions;
        await store.delete(ctx, name, { options: withRV });
        return true;
      },
      resourceVersionIsUnset(deleteOptions) ? isConflict : () => false,
    );
    if (deleted) return createdStatus() as unknown as KObject;

    const running = pod!;
    const pdbStore = budgets();
    const matching = pdbStore ? await budgetsFor(pdbStore, ctx, running) : [];
    if (matching.length > 1) {
      throw new StatusError({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.',
        code: 500,
      });
    }
    let pinToReadVersion = false;
    if (matching.length === 1) {
      const pdb = matching[0];
      const pdbName = pdb.metadata?.name ?? '';
      const { currentHealthy = 0, desiredHealthy = 0 } = pdb.status ?? {};
      if (!isPodReady(running) && currentHealthy >= desiredHealthy && desiredHealthy > 0) {
        // An unready pod does not count as healthy: it may go without spending the budget.
        pinToReadVersion = true;
      } else {
        try {
          await retryOnConflict(() => checkAndDecrement(pdbStore!, ctx, name, pdbName, dryRun));
        } catch (error) {
          if (isConflict(error)) throw newTimeout(`couldn't update PodDisruptionBudget ${JSON.stringify(pdbName)} due to conflicts`, 10);
          throw error;
        }
      }
    }

    const finalOptions = pinToReadVersion ? withResourceVersion(deleteOptions, running.metadata?.resourceVersion) : deleteOptions;
    try {
      await store.delete(ctx, name, { options: finalOptions });
    } catch (error) {
      if (isConflict(error) && pinToReadVersion && resourceVersionIsUnset(deleteOptions)) throw stillProcessing(matching[0].metadata?.name ?? '');
      throw error;
    }
    return createdStatus() as unknown as KObject;
  });
}
