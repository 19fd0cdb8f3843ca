/**
 * Query parameters as apiserver's parameter codec reads them: Go-style booleans, integers,
 * repeated `dryRun`, and the option sets of each verb (CreateOptions, UpdateOptions,
 * PatchOptions, DeleteOptions, ListOptions) with upstream's validation and wording.
 */
import { goQuote, newBadRequest, newInvalid, OMIT_VALUE, type FieldError, type StatusError } from '../../machinery/errors.js';
import type { FieldLabels, ListOptions } from '../../registry/rest.js';
import type { FieldSelector, LabelSelector, SelectorParser } from '../../registry/selection.js';

/** A boolean parameter: absent is undefined; `0` and any case of `false` are false; anything else is true. */
export function queryBool(value: string | null): boolean | undefined {
  if (value === null) return undefined;
  return !(value === '0' || value.toLowerCase() === 'false');
}

/** An integer parameter (strconv.ParseInt); absent or empty is undefined. */
export function queryInt(params: URLSearchParams, name: string): number | undefined {
  const value = params.get(name);
  if (value === null || value === '') return undefined;
  if (!/^[+-]?\d+$/.test(value)) throw newBadRequest(`strconv.ParseInt: parsing ${goQuote(value)}: invalid syntax`);
  return Number(value);
}

export type FieldValidation = 'Ignore' | 'Warn' | 'Strict';

function invalidOptions(kind: string, errs: FieldError[]): StatusError {
  return newInvalid({ group: 'meta.k8s.io', kind }, '', errs);
}

function dryRunError(values: readonly string[]): FieldError {
  return { type: 'NotSupported', field: 'dryRun', badValue: OMIT_VALUE, detail: `[]string{${values.map(goQuote).join(', ')}}: supported values: "All"` };
}

/** The write options every mutating verb shares. */
export interface WriteOptions {
  readonly dryRun: readonly string[];
  readonly fieldManager: string;
  readonly fieldValidation: FieldValidation;
}

/** CreateOptions, UpdateOptions or PatchOptions from the query, validated as upstream does. */
export function parseWriteOptions(params: URLSearchParams, kind: 'CreateOptions' | 'UpdateOptions' | 'PatchOptions'): WriteOptions & { force?: boolean } {
  const errs: FieldError[] = [];
  const dryRun = params.getAll('dryRun');
  if (dryRun.some((v) => v !== 'All')) errs.push(dryRunError(dryRun));
  const fieldManager = params.get('fieldManager') ?? '';
  if (fieldManager.length > 128) errs.push({ type: 'TooLong', field: 'fieldManager', badValue: fieldManager, detail: 'may not be more than 128 characters' });
  else if (/[^\x20-\x7e]/.test(fieldManager)) errs.push({ type: 'Invalid', field: 'fieldManager', badValue: fieldManager, detail: 'must only contain printable characters' });
  const validation = params.get('fieldValidation') ?? '';
  if (!['', 'Ignore', 'Warn', 'Strict'].includes(validation)) {
    errs.push({ type: 'NotSupported', field: 'fieldValidation', badValue: validation, detail: 'supported values: "", "Ignore", "Strict", "Warn"' });
  }
  const force = queryBool(params.get('force'));
  if (kind === 'PatchOptions' && force !== undefined) {
    errs.push({ type: 'Forbidden', field: 'force', detail: 'may not be specified for non-apply patch' });
  }
  if (errs.length > 0) throw invalidOptions(kind, errs);
  return { dryRun, fieldManager, fieldValidation: validation === '' ? 'Warn' : (validation as FieldValidation), force };
}

/** The parsed and validated options of a list or watch. */
export interface ParsedListOptions extends ListOptions {
  readonly watch: boolean;
  readonly allowWatchBookmarks: boolean;
  readonly timeoutSeconds?: number;
  readonly sendInitialEvents?: boolean;
  readonly labelSelector: LabelSelector;
  readonly fieldSelector: FieldSelector;
}

/**
 * ListOptions from the query (labelSelector, fieldSelector, watch, allowWatchBookmarks,
 * resourceVersion, resourceVersionMatch, timeoutSeconds, limit, continue, sendInitialEvents).
 * Field selectors may use only the labels the resource answers.
 */
export function parseListOptions(params: URLSearchParams, selectors: SelectorParser, fields: FieldLabels | undefined, forceWatch = false): ParsedListOptions {
  const labelSelector = selectors.parseLabelSelector(params.get('labelSelector') ?? '');
  const fieldSelector = selectors.parseFieldSelector(params.get('fieldSelector') ?? '');
  for (const r of fieldSelector.requirements) {
    if (fields && !fields.supportsFieldLabel(r.field)) throw newBadRequest(`field label not supported: ${r.field}`);
  }
  const watch = forceWatch || queryBool(params.get('watch')) === true;
  const allowWatchBookmarks = queryBool(params.get('allowWatchBookmarks')) === true;
  const resourceVersion = params.get('resourceVersion') ?? '';
  const match = params.get('resourceVersionMatch') ?? '';
  const cont = params.get('continue') ?? '';
  const sendInitialEvents = queryBool(params.get('sendInitialEvents'));
  const timeoutSeconds = queryInt(params, 'timeoutSeconds');
  const limit = queryInt(params, 'limit');

  const errs: FieldError[] = [];
  const forbidden = (field: string, detail: string): void => {
    errs.push({ type: 'Forbidden', field, detail });
  };
  if (watch) {
    if (sendInitialEvents !== undefined && match !== 'NotOlderThan') forbidden('resourceVersionMatch', 'sendInitialEvents requires setting resourceVersionMatch to NotOlderThan');
    if (match !== '') {
      if (sendInitialEvents === undefined) forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided');
      if (match !== 'NotOlderThan') errs.push({ type: 'NotSupported', field: 'resourceVersionMatch', badValue: match, detail: 'supported values: "NotOlderThan"' });
      if (cont !== '') forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden when continue is provided');
    }
    if (sendInitialEvents === true && !allowWatchBookmarks) forbidden('allowWatchBookmarks', 'allowWatchBookmarks must be set to true when sendInitialEvents is set to true');
  } else {
    if (match !== '') {
      if (resourceVersion === '') forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden unless resourceVersion is provided');
      if (cont !== '') forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden when continue is provided');
      if (match !== 'Exact' && match !== 'NotOlderThan') {
        errs.push({ type: 'NotSupported', field: 'resourceVersionMatch', badValue: match, detail: 'supported values: "Exact", "NotOlderThan", ""' });
      }
      if (match === 'Exact' && resourceVersion === '0') forbidden('resourceVersionMatch', 'resourceVersionMatch "exact" is forbidden for resourceVersion "0"');
    }
    if (sendInitialEvents !== undefined) forbidden('sendInitialEvents', 'sendInitialEvents is forbidden for list');
  }
  if (errs.length > 0) throw invalidOptions('ListOptions', errs);
  return {
    labelSelector,
    fieldSelector,
    watch,
    allowWatchBookmarks,
    resourceVersion,
    resourceVersionMatch: match === '' ? undefined : (match as 'Exact' | 'NotOlderThan'),
    continue: cont === '' ? undefined : cont,
    limit,
    timeoutSeconds,
    sendInitialEvents,
  };
}
