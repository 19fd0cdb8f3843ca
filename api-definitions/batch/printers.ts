/**
 * The Tables of batch kinds, with kube-apiserver's columns and cells (printJob, printCronJob).
 * Jobs print the Status column current servers have (1.27-era servers printed
 * Completions, Duration and Age only).
 */
import {
  AGE_COLUMN,
  CONTAINERS_COLUMN,
  IMAGES_COLUMN,
  NAME_COLUMN,
  age,
  boolPtr,
  column,
  containerCells,
  formatLabelSelector,
  int,
  nameOf,
  since,
} from '../../runtime/registry/printers.js';
import { parseTimestamp, peekMeta, type KObject } from '../../runtime/registry/meta.js';
import { humanDuration, type KindTable } from '../../runtime/registry/table.js';
import type * as batch from './types.js';

const SELECTOR_COLUMN = column('Selector', 'string', 'A label query over pods that should match the pod count.', 1);

function hasCondition(job: batch.Job, type: string): boolean {
  const condition = job.status?.conditions?.find((c) => c.type === type);
  return condition?.status === 'True';
}

/** The Status cell: the first of Complete, Failed, Terminating, Suspended, FailureTarget that holds, else Running. */
export function jobStatus(job: batch.Job): string {
  if (hasCondition(job, 'Complete')) return 'Complete';
  if (hasCondition(job, 'Failed')) return 'Failed';
  if (peekMeta(job as KObject).deletionTimestamp) return 'Terminating';
  if (hasCondition(job, 'Suspended')) return 'Suspended';
  if (hasCondition(job, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

/** The Completions cell: `succeeded/completions`, or `succeeded/1 of parallelism` for work queues. */
export function jobCompletions(job: batch.Job): string {
  const succeeded = int(job.status?.succeeded);
  const completions = job.spec?.completions;
  if (completions !== undefined && completions !== null) return `${succeeded}/${completions}`;
  const parallelism = int(job.spec?.parallelism);
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** The Duration cell: from start to completion, or to now while running; empty before it starts. */
export function jobDuration(job: batch.Job, now: number): string {
  const start = job.status?.startTime ? parseTimestamp(job.status.startTime) : NaN;
  if (Number.isNaN(start)) return '';
  const end = job.status?.completionTime ? parseTimestamp(job.status.completionTime) : NaN;
  return humanDuration((Number.isNaN(end) ? now : end) - start);
}

export const JOB_TABLE: KindTable = {
  columns: [
    NAME_COLUMN,
    column('Status', 'string', 'Status of the job.'),
    column('Completions', 'string', 'The number of pods which reached phase Succeeded.'),
    column('Duration', 'string', 'Time required to complete the job.'),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    SELECTOR_COLUMN,
  ],
  cells(hub: KObject, now: number) {
    const job = hub as batch.Job;
    const [names, images] = containerCells(job.spec?.template?.spec?.containers);
    return [nameOf(hub), jobStatus(job), jobCompletions(job), jobDuration(job, now), age(hub, now), names, images, formatLabelSelector(job.spec?.selector)];
  },
};

export const CRON_JOB_TABLE: KindTable = {
  columns: [
    NAME_COLUMN,
    column('Schedule', 'string', 'The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.'),
    column('Timezone', 'string', 'The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones.'),
    column('Suspend', 'boolean', 'This flag tells the controller to suspend subsequent executions, it does not apply to already started executions.'),
    column('Active', 'integer', 'A list of pointers to currently running jobs.'),
    column('Last Schedule', 'string', 'Information when was the last time the job was successfully scheduled.'),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    SELECTOR_COLUMN,
  ],
  cells(hub: KObject, now: number) {
    const cj = hub as unknown as batch.CronJob;
    const jobSpec = cj.spec?.jobTemplate?.spec;
    const [names, images] = containerCells(jobSpec?.template?.spec?.containers);
    const last = cj.status?.lastScheduleTime ? since(cj.status.lastScheduleTime, now) : '<none>';
    return [
      nameOf(hub),
      cj.spec?.schedule ?? '',
      cj.spec?.timeZone ?? '<none>',
      boolPtr(cj.spec?.suspend),
      (cj.status?.active ?? []).length,
      last,
      age(hub, now),
      names,
      images,
      formatLabelSelector(jobSpec?.selector),
    ];
  },
};
