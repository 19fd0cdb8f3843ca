/**
 * Per-kind behaviour of batch objects, as kube-apiserver's job and cronjob strategies have it:
 * Tables, the selector a Job gets unless it picks its own (`spec.manualSelector`), the
 * `status.successful` field selector, and batch/v1's habit of orphaning a Job's pods unless
 * the client asks otherwise.
 */
import { metaOf, type KObject } from '../../runtime/registry/meta.js';
import type { GroupStrategies } from '../../runtime/registry/strategy.js';
import { CRON_JOB_TABLE, JOB_TABLE } from './printers.js';
import type * as batch from './types.js';
import { JOB_CONTROLLER_UID_LABEL } from './validation.js';

/** Labels the Job registry puts on a generated pod template, old and new spellings. */
export const JOB_NAME_LABELS = ['job-name', 'batch.kubernetes.io/job-name'] as const;
export const CONTROLLER_UID_LABELS = ['controller-uid', JOB_CONTROLLER_UID_LABEL] as const;

/**
 * generateSelector: labels the pod template with the Job's name and uid (keeping any the user
 * set, which validation then judges) and selects on the uid, which is unique to this Job.
 */
export function generateJobSelector(job: batch.Job): void {
  const spec = job.spec;
  if (!spec || spec.manualSelector === true) return;
  const meta = metaOf(job as KObject);
  spec.template ??= {};
  spec.template.metadata ??= {};
  const labels = (spec.template.metadata.labels ??= {});
  for (const key of JOB_NAME_LABELS) if (!(key in labels)) labels[key] = meta.name ?? '';
  for (const key of CONTROLLER_UID_LABELS) if (!(key in labels)) labels[key] = meta.uid ?? '';
  spec.selector ??= {};
  const matchLabels = (spec.selector.matchLabels ??= {});
  if (!(JOB_CONTROLLER_UID_LABEL in matchLabels)) matchLabels[JOB_CONTROLLER_UID_LABEL] = meta.uid ?? '';
}

export const strategies: GroupStrategies = {
  Job: {
    table: JOB_TABLE,
    fieldLabels: ['status.successful'],
    selectableFields: (object) => ({ 'status.successful': String((object as batch.Job).status?.succeeded ?? 0) }),
    // batch/v1 keeps a deleted Job's pods unless the client names a propagation policy.
    defaultGarbageCollectionPolicy: 'OrphanDependents',
    prepareForCreate: (_ctx, object) => generateJobSelector(object as batch.Job),
  },
  CronJob: { table: CRON_JOB_TABLE },
};
