/**
 * Binding a pod to a node (what a scheduler does): POST a Binding to `pods/<name>/binding` or
 * to `bindings`. The pod gets `spec.nodeName`, the Binding's annotations and a PodScheduled
 * condition, unless it is already assigned, being deleted or still has scheduling gates.
 */
import { newBadRequest, newConflict, newInvalid, type FieldError, type Status } from '../../../machinery/errors.js';
import { metaOf, peekMeta, type KObject } from '../../../registry/meta.js';
import type { RequestContext, RestStorage } from '../../../registry/rest.js';
import type { Store } from '../../../registry/store.js';
import { createOnlyRest } from '../reviews/virtual.js';

const BINDING_RESOURCE = { group: '', resource: 'pods/binding' };

interface Binding {
  metadata?: { name?: string; uid?: string; resourceVersion?: string; annotations?: Record<string, string> | null };
  target?: { kind?: string; name?: string };
}

/** ValidatePodBinding. */
function validateBinding(binding: Binding): FieldError[] {
  const errs: FieldError[] = [];
  const kind = binding.target?.kind ?? '';
  if (kind !== '' && kind !== 'Node') {
    errs.push({ type: 'NotSupported', field: 'target.kind', badValue: kind, detail: 'supported values: "Node", "<empty>"' });
  }
  if ((binding.target?.name ?? '') === '') errs.push({ type: 'Required', field: 'target.name' });
  return errs;
}

/** RFC 3339 at second precision, as metav1.Time is written. */
function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** podutil.UpdatePodCondition for PodScheduled=True: a new transition time only when the status changes. */
function markScheduled(pod: KObject): void {
  const status = (pod['status'] ??= {}) as { conditions?: Record<string, unknown>[] };
  const conditions = (status.conditions ??= []);
  const condition: Record<string, unknown> = { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now() };
  const index = conditions.findIndex((c) => c['type'] === 'PodScheduled');
  if (index < 0) {
    conditions.push(condition);
    return;
  }
  if (conditions[index]['status'] === 'True') condition['lastTransitionTime'] = conditions[index]['lastTransitionTime'];
  conditions[index] = condition;
}

/** Assigns the pod to the node in one compare-and-swap; the reasons it cannot are 409s. */
async function assignPod(pods: Store, ctx: RequestContext, name: string, binding: Binding, dryRun: boolean): Promise<void> {
  const node = binding.target?.name ?? '';
  const preconditions = { uid: binding.metadata?.uid || undefined, resourceVersion: binding.metadata?.resourceVersion || undefined };
  await pods.updateRaw(
    ctx,
    name,
    (pod) => {
      const meta = metaOf(pod);
      const spec = (pod['spec'] ??= {}) as { nodeName?: string; schedulingGates?: unknown[] };
      if (meta.deletionTimestamp) throw newConflict(BINDING_RESOURCE, name, `pod ${name} is being deleted, cannot be assigned to a host`);
      if (spec.nodeName) throw newConflict(BINDING_RESOURCE, name, `pod ${name} is already assigned to node ${JSON.stringify(spec.nodeName)}`);
      if ((spec.schedulingGates ?? []).length > 0) throw newConflict(BINDING_RESOURCE, name, `pod ${name} has non-empty .spec.schedulingGates`);
      spec.nodeName = node;
      const annotations = binding.metadata?.annotations;
      if (annotations && Object.keys(annotations).length > 0) meta.annotations = { ...(meta.annotations ?? {}), ...annotations };
      markScheduled(pod);
      return pod;
    },
    { dryRun, preconditions: preconditions.uid || preconditions.resourceVersion ? preconditions : undefined },
  );
}

/** What a successful binding answers: a Success Status with the create's code. */
export function createdStatus(): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 };
}

/**
 * `pods/<name>/binding` (`fromPath`: the Binding must name the path's pod) or the `bindings`
 * resource (the Binding's own name says which pod).
 */
export function bindingRest(pods: () => Store, fromPath: boolean): RestStorage {
  return createOnlyRest({ namespaced: true, kind: 'Binding' }, async (ctx, object, options) => {
    const binding = object as Binding;
    const name = peekMeta(object).name ?? '';
    if (fromPath && options.name !== name) throw newBadRequest('name in URL does not match name in Binding object');
    const errs = validateBinding(binding);
    if (errs.length > 0) throw newInvalid({ group: '', kind: 'Binding' }, name, errs);
    await options.validate?.(structuredClone(object));
    await assignPod(pods(), ctx, name, binding, options.dryRun === true);
    return createdStatus() as unknown as KObject;
  });
}
