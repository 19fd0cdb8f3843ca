/**
 * Validation of batch objects over the internal types, with kube-apiserver's messages: Jobs
 * (counts, completion modes, restart policy, selector, what an update may not change) and
 * CronJobs (schedule, time zone, concurrency policy, job template).
 */
import { validatePodTemplateSpec } from '../core/validation.js';
import {
  forbidden,
  goLabelSelector,
  goStringMap,
  isDNS1123Label,
  invalid,
  nameIsDNSSubdomain,
  newPath,
  notSupported,
  required,
  selectorMatches,
  validateImmutableField,
  validateLabelSelector,
  validateNonnegativeField,
  validateObjectMeta,
  validateObjectMetaUpdate,
  type FieldError,
  type FieldPath,
} from '../../runtime/machinery/validation/index.js';
import type * as batch from './types.js';

export const validateJobName = nameIsDNSSubdomain;
export const validateCronJobName = nameIsDNSSubdomain;

/** The label the Job registry puts on a Job's generated selector and pod template. */
export const JOB_CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
const MAX_PARALLELISM_FOR_INDEXED_JOB = 100000;
const MAX_COMPLETIONS_WITH_BACKOFF_LIMIT_PER_INDEX = 100000;

// ---------------------------------------------------------------------------------------------
// Jobs

function validateJobSpecCommon(spec: batch.JobSpec, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished', 'backoffLimitPerIndex', 'maxFailedIndexes'] as const) {
    if (spec[f] != null) errs.push(...validateNonnegativeField(spec[f], path.child(f)));
  }
  if (spec.backoffLimitPerIndex != null && spec.completionMode !== 'Indexed') {
    errs.push(forbidden(path.child('backoffLimitPerIndex'), 'requires indexed completion mode'));
  }
  if (spec.maxFailedIndexes != null && spec.backoffLimitPerIndex == null) {
    errs.push(required(path.child('backoffLimitPerIndex'), 'when maxFailedIndexes is specified'));
  }
  if (spec.completionMode != null) {
    if (spec.completionMode !== 'NonIndexed' && spec.completionMode !== 'Indexed') {
      errs.push(notSupported(path.child('completionMode'), spec.completionMode, ['NonIndexed', 'Indexed']));
    }
    if (spec.completionMode === 'Indexed') {
      if (spec.completions == null) errs.push(required(path.child('completions'), 'when completion mode is Indexed'));
      if (spec.parallelism != null && spec.parallelism > MAX_PARALLELISM_FOR_INDEXED_JOB) {
        errs.push(invalid(path.child('parallelism'), spec.parallelism, `must be less than or equal to ${MAX_PARALLELISM_FOR_INDEXED_JOB} when completion mode is Indexed`));
      }
      if (spec.completions != null && spec.maxFailedIndexes != null && spec.maxFailedIndexes > spec.completions) {
        errs.push(invalid(path.child('maxFailedIndexes'), spec.maxFailedIndexes, 'must be less than or equal to completions'));
      }
      if (spec.backoffLimitPerIndex != null && spec.completions != null && spec.completions > MAX_COMPLETIONS_WITH_BACKOFF_LIMIT_PER_INDEX) {
        errs.push(
          invalid(path.child('completions'), spec.completions, `must be less than or equal to ${MAX_COMPLETIONS_WITH_BACKOFF_LIMIT_PER_INDEX} when backoffLimitPerIndex is specified`),
        );
      }
    }
  }
  if (spec.podReplacementPolicy != null) {
    if (spec.podFailurePolicy) {
      if (spec.podReplacementPolicy !== 'Failed') errs.push(notSupported(path.child('podReplacementPolicy'), spec.podReplacementPolicy, ['Failed']));
    } else if (spec.podReplacementPolicy !== 'Failed' && spec.podReplacementPolicy !== 'TerminatingOrFailed') {
      errs.push(notSupported(path.child('podReplacementPolicy'), spec.podReplacementPolicy, ['Failed', 'TerminatingOrFailed']));
    }
  }
  errs.push(...validatePodTemplateSpec(spec.template, path.child('template')));
  const restart = spec.template?.spec?.restartPolicy ?? '';
  const restartPath = path.child('template', 'spec', 'restartPolicy');
  if (restart === 'Always' || restart === '') errs.push(required(restartPath, 'valid values: "OnFailure", "Never"'));
  else if (restart !== 'OnFailure' && restart !== 'Never') errs.push(notSupported(restartPath, restart, ['OnFailure', 'Never']));
  else if (spec.podFailurePolicy && restart !== 'Never') errs.push(invalid(restartPath, restart, 'only "Never" is supported when podFailurePolicy is specified'));
  return errs;
}

function validateJobSpec(spec: batch.JobSpec, path: FieldPath): FieldError[] {
  const errs = validateJobSpecCommon(spec, path);
  if (!spec.selector) errs.push(required(path.child('selector')));
  else {
    errs.push(...validateLabelSelector(spec.selector, {}, path.child('selector')));
    if (!selectorMatches(spec.selector, spec.template?.metadata?.labels)) {
      errs.push(invalid(path.child('template', 'metadata', 'labels'), goStringMap(spec.template?.metadata?.labels), '`selector` does not match template `labels`'));
    }
  }
  return errs;
}

/** Unless the Job picks its own selector, the selector must be the generated one. */
function validateGeneratedSelector(job: batch.Job): FieldError[] {
  const spec = job.spec;
  if (!spec || spec.manualSelector === true || !spec.selector) return [];
  const uid = job.metadata?.uid ?? '';
  const errs: FieldError[] = [];
  const labels = spec.template?.metadata?.labels ?? {};
  const labelsPath = newPath('spec', 'template', 'metadata', 'labels');
  if (labels[JOB_CONTROLLER_UID_LABEL] !== uid) {
    errs.push(invalid(labelsPath, goStringMap(spec.template?.metadata?.labels), '`selector` does not match template `labels`'));
  }
  if (spec.selector.matchLabels?.[JOB_CONTROLLER_UID_LABEL] !== uid) {
    errs.push(invalid(newPath('spec', 'selector'), goLabelSelector(spec.selector), '`selector` not auto-generated'));
  }
  return errs;
}

export function validateJob(job: batch.Job): FieldError[] {
  const errs = validateObjectMeta(job.metadata, { namespaced: true, nameFn: validateJobName });
  const spec = job.spec;
  if (!spec) return [...errs, required(newPath('spec'))];
  errs.push(...validateGeneratedSelector(job));
  errs.push(...validateJobSpec(spec, newPath('spec')));
  const name = job.metadata?.name ?? '';
  if (spec.completionMode === 'Indexed' && spec.completions != null && spec.completions > 0 && name) {
    const maxHostname = `${name}-${spec.completions - 1}`;
    if (isDNS1123Label(maxHostname).length > 0) {
      errs.push(invalid(newPath('metadata', 'name'), name, `will not able to create pod with invalid DNS label: ${maxHostname}`));
    }
  }
  return errs;
}

export function validateJobUpdate(job: batch.Job, old: batch.Job): FieldError[] {
  const errs = [...validateObjectMetaUpdate(job.metadata, old.metadata), ...validateJob(job).filter((e) => !e.field.startsWith('metadata.'))];
  const n = job.spec;
  const o = old.spec;
  if (!n || !o) return errs;
  const path = newPath('spec');
  // An Indexed Job may scale when completions and parallelism change together.
  const elastic = n.completionMode === 'Indexed' && o.completionMode === 'Indexed' && n.completions === n.parallelism && o.completions === o.parallelism;
  if (!elastic) errs.push(...validateImmutableField(n.completions, o.completions, path.child('completions')));
  errs.push(...validateImmutableField(n.selector, o.selector, path.child('selector'), goLabelSelector(n.selector)));
  errs.push(...validateImmutableField(n.template, o.template, path.child('template')));
  errs.push(...validateImmutableField(n.completionMode, o.completionMode, path.child('completionMode')));
  errs.push(...validateImmutableField(n.podFailurePolicy, o.podFailurePolicy, path.child('podFailurePolicy')));
  errs.push(...validateImmutableField(n.backoffLimitPerIndex, o.backoffLimitPerIndex, path.child('backoffLimitPerIndex')));
  return errs;
}

// ---------------------------------------------------------------------------------------------
// CronJobs

interface CronBounds {
  readonly min: number;
  readonly max: number;
  readonly names?: Readonly<Record<string, number>>;
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const DAYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const CRON_FIELDS: CronBounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS },
  { min: 0, max: 6, names: DAYS },
];
const DESCRIPTORS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

function cronInt(expr: string): number {
  if (!/^[+-]?[0-9]+$/.test(expr)) throw new Error(`failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: invalid syntax`);
  const n = Number(expr);
  if (n < 0) throw new Error(`negative number (${n}) not allowed: ${expr}`);
  return n;
}

function cronIntOrName(expr: string, names: Readonly<Record<string, number>> | undefined): number {
  const named = names?.[expr.toLowerCase()];
  return named !== undefined ? named : cronInt(expr);
}

function checkCronRange(expr: string, b: CronBounds): void {
  const [rangePart, stepPart, ...moreSlashes] = expr.split('/');
  if (moreSlashes.length > 0) throw new Error(`too many slashes: ${expr}`);
  const ends = rangePart.split('-');
  let start: number;
  let end: number;
  if (rangePart === '*' || rangePart === '?') {
    start = b.min;
    end = b.max;
  } else {
    if (ends.length > 2) throw new Error(`too many hyphens: ${expr}`);
    start = cronIntOrName(ends[0], b.names);
    end = ends.length === 2 ? cronIntOrName(ends[1], b.names) : start;
  }
  if (stepPart !== undefined) {
    const step = cronInt(stepPart);
    if (step === 0) throw new Error(`step of range should be a positive number: ${expr}`);
    if (ends.length === 1 && rangePart !== '*' && rangePart !== '?') end = b.max;
  }
  if (start < b.min) throw new Error(`beginning of range (${start}) below minimum (${b.min}): ${expr}`);
  if (end > b.max) throw new Error(`end of range (${end}) above maximum (${b.max}): ${expr}`);
  if (start > end) throw new Error(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
}

/** Why a standard five-field cron schedule does not parse, or undefined when it does. */
export function cronScheduleError(schedule: string): string | undefined {
  let spec = schedule.trim();
  if (spec.length === 0) return 'empty spec string';
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const i = spec.indexOf(' ');
    spec = i < 0 ? '' : spec.slice(i).trim();
  }
  if (spec.startsWith('@')) {
    if (DESCRIPTORS.has(spec)) return undefined;
    if (spec.startsWith('@every ')) return /^@every\s+([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$/.test(spec) ? undefined : `failed to parse duration ${spec}`;
    return `unrecognized descriptor: ${spec}`;
  }
  const fields = spec.split(/\s+/);
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`;
  try {
    fields.forEach((f, i) => {
      for (const part of f.split(',')) checkCronRange(part, CRON_FIELDS[i]);
    });
  } catch (error) {
    return (error as Error).message;
  }
  return undefined;
}

function validateTimeZone(tz: string | undefined, path: FieldPath): FieldError[] {
  if (tz === undefined) return [];
  if (tz.length === 0) return [invalid(path, tz, 'unknown time zone ')];
  if (tz.toLowerCase() === 'local') return [invalid(path, tz, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones')];
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
  } catch {
    return [invalid(path, tz, `unknown time zone ${tz}`)];
  }
  return [];
}

function validateJobTemplateSpec(tpl: batch.JobTemplateSpec | undefined, path: FieldPath): FieldError[] {
  const spec = tpl?.spec;
  if (!spec) return [required(path.child('spec'))];
  const errs = validateJobSpecCommon(spec, path.child('spec'));
  if (spec.selector) errs.push(invalid(path.child('spec', 'selector'), goLabelSelector(spec.selector), '`selector` will be auto-generated'));
  if (spec.manualSelector === true) errs.push(notSupported(path.child('spec', 'manualSelector'), true, ['nil', 'false']));
  return errs;
}

function validateCronJobSpec(spec: batch.CronJobSpec | undefined, old: batch.CronJobSpec | undefined, path: FieldPath): FieldError[] {
  if (!spec) return [required(path)];
  const errs: FieldError[] = [];
  if (!spec.schedule) errs.push(required(path.child('schedule')));
  else {
    const allowTZ = (old?.schedule ?? '').includes('TZ');
    if (spec.schedule.includes('TZ') && !allowTZ) {
      errs.push(invalid(path.child('schedule'), spec.schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
    } else {
      const err = cronScheduleError(spec.schedule);
      if (err) errs.push(invalid(path.child('schedule'), spec.schedule, err));
    }
  }
  if (spec.startingDeadlineSeconds != null) errs.push(...validateNonnegativeField(spec.startingDeadlineSeconds, path.child('startingDeadlineSeconds')));
  if (!old || old.timeZone !== spec.timeZone) errs.push(...validateTimeZone(spec.timeZone, path.child('timeZone')));
  const policy = spec.concurrencyPolicy ?? '';
  if (!policy) errs.push(required(path.child('concurrencyPolicy')));
  else if (!['Allow', 'Forbid', 'Replace'].includes(policy)) errs.push(notSupported(path.child('concurrencyPolicy'), policy, ['Allow', 'Forbid', 'Replace']));
  errs.push(...validateJobTemplateSpec(spec.jobTemplate, path.child('jobTemplate')));
  if (spec.successfulJobsHistoryLimit != null) errs.push(...validateNonnegativeField(spec.successfulJobsHistoryLimit, path.child('successfulJobsHistoryLimit')));
  if (spec.failedJobsHistoryLimit != null) errs.push(...validateNonnegativeField(spec.failedJobsHistoryLimit, path.child('failedJobsHistoryLimit')));
  return errs;
}

/** A CronJob's name leaves room for the 11-character suffix of the Jobs it creates. */
const CRONJOB_NAME_MAX_LENGTH = 63 - 11;

export function validateCronJob(obj: batch.CronJob): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, { namespaced: true, nameFn: validateCronJobName });
  errs.push(...validateCronJobSpec(obj.spec, undefined, newPath('spec')));
  const name = obj.metadata?.name ?? '';
  if (name.length > CRONJOB_NAME_MAX_LENGTH) errs.push(invalid(newPath('metadata', 'name'), name, `must be no more than ${CRONJOB_NAME_MAX_LENGTH} characters`));
  return errs;
}

export function validateCronJobUpdate(obj: batch.CronJob, old: batch.CronJob): FieldError[] {
  // Names longer than 52 characters stay updatable (and deletable) if they were ever stored.
  return [...validateObjectMetaUpdate(obj.metadata, old.metadata), ...validateCronJobSpec(obj.spec, old.spec, newPath('spec'))];
}

export function validateJobStatusUpdate(job: batch.Job, old: batch.Job): FieldError[] {
  const errs = validateObjectMetaUpdate(job.metadata, old.metadata);
  const s = job.status ?? {};
  for (const f of ['active', 'succeeded', 'failed', 'ready', 'terminating'] as const) {
    if (s[f] != null) errs.push(...validateNonnegativeField(s[f], newPath('status').child(f)));
  }
  return errs;
}

export function validateCronJobStatusUpdate(obj: batch.CronJob, old: batch.CronJob): FieldError[] {
  return validateObjectMetaUpdate(obj.metadata, old.metadata);
}
