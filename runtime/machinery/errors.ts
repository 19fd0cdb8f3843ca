/**
 * API errors as metav1.Status: a `StatusError` carries the Status a client sees, and the
 * constructors below build the same reason, code, details and message as apimachinery's
 * `k8s.io/apimachinery/pkg/api/errors`, so kubectl prints `Error from server (<reason>): <message>`
 * exactly as it does against kube-apiserver.
 */

/** The reasons a Status may carry (metav1.StatusReason). */
export type StatusReason =
  | ''
  | 'Unauthorized'
  | 'Forbidden'
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Gone'
  | 'Invalid'
  | 'ServerTimeout'
  | 'StoreReadError'
  | 'Timeout'
  | 'TooManyRequests'
  | 'BadRequest'
  | 'MethodNotAllowed'
  | 'NotAcceptable'
  | 'RequestEntityTooLarge'
  | 'UnsupportedMediaType'
  | 'InternalError'
  | 'Expired'
  | 'ServiceUnavailable'
  | 'Unknown';

/** metav1.StatusCause: `reason` is the cause type (`FieldValueRequired`, …). */
export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

/** metav1.StatusDetails. `kind` holds the resource for most errors, as upstream does. */
export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

/** metav1.Status as it goes on the wire. */
export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: { selfLink?: string; resourceVersion?: string; continue?: string; remainingItemCount?: number };
  status: 'Success' | 'Failure';
  message?: string;
  reason?: StatusReason;
  details?: StatusDetails;
  code?: number;
}

/** A group and a resource (`pods`, `deployments.apps`): schema.GroupResource. */
export interface GroupResource {
  readonly group: string;
  readonly resource: string;
}

/** A group and a kind (`Pod`, `Deployment.apps`): schema.GroupKind. */
export interface GroupKind {
  readonly group: string;
  readonly kind: string;
}

/** An error that is a Status: the handler chain writes `status` as the response body. */
export class StatusError extends Error {
  constructor(readonly status: Status) {
    super(status.message ?? '');
    this.name = 'StatusError';
  }

  get code(): number {
    return this.status.code ?? 500;
  }

  get reason(): StatusReason {
    return this.status.reason ?? '';
  }

  /** The Status with fields in upstream's JSON order and empty fields left out. */
  toJSON(): Status {
    return orderedStatus(this.status);
  }
}

export function isStatusError(error: unknown): error is StatusError {
  return error instanceof StatusError;
}

/** The reason of an error, `Unknown` for anything that is not a StatusError. */
export function reasonForError(error: unknown): StatusReason {
  return isStatusError(error) ? error.reason : 'Unknown';
}

export const isNotFound = (e: unknown): boolean => reasonForError(e) === 'NotFound';
export const isAlreadyExists = (e: unknown): boolean => reasonForError(e) === 'AlreadyExists';
export const isConflict = (e: unknown): boolean => reasonForError(e) === 'Conflict';
export const isInvalid = (e: unknown): boolean => reasonForError(e) === 'Invalid';
export const isGone = (e: unknown): boolean => reasonForError(e) === 'Gone' || reasonForError(e) === 'Expired';

/**
 * Go's `%q` for a string: double quotes with Go escapes. JSON's escapes agree except for
 * non-printable characters, which Go writes as \x, \u or \U.
 */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (cp === 7) out += '\\a';
    else if (cp === 8) out += '\\b';
    else if (cp === 12) out += '\\f';
    else if (cp === 11) out += '\\v';
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** `pods`, or `deployments.apps`. */
export function groupResourceString(gr: GroupResource): string {
  return gr.group === '' ? gr.resource : `${gr.resource}.${gr.group}`;
}

/** `Pod`, or `Deployment.apps`. */
export function groupKindString(gk: GroupKind): string {
  return gk.group === '' ? gk.kind : `${gk.kind}.${gk.group}`;
}

function failure(code: number, reason: StatusReason, message: string, details?: StatusDetails): StatusError {
  const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details) status.details = details;
  return new StatusError(status);
}

function resourceDetails(gr: GroupResource, name: string): StatusDetails {
  return { name, group: gr.group, kind: gr.resource };
}

/** 404: `pods "x" not found`. */
export function newNotFound(gr: GroupResource, name: string): StatusError {
  return failure(404, 'NotFound', `${groupResourceString(gr)} ${goQuote(name)} not found`, resourceDetails(gr, name));
}

/** 409: `pods "x" already exists`. */
export function newAlreadyExists(gr: GroupResource, name: string): StatusError {
  return failure(409, 'AlreadyExists', `${groupResourceString(gr)} ${goQuote(name)} already exists`, resourceDetails(gr, name));
}

/** 409 for a create whose generateName collided: the client may retry. */
export function newGenerateNameConflict(gr: GroupResource, name: string, retryAfterSeconds: number): StatusError {
  return failure(
    409,
    'AlreadyExists',
    `${groupResourceString(gr)} ${goQuote(name)} already exists, the server was not able to generate a unique name for the object`,
    { ...resourceDetails(gr, name), retryAfterSeconds },
  );
}

/** 409: `Operation cannot be fulfilled on pods "x": <why>`. */
export function newConflict(gr: GroupResource, name: string, why: string): StatusError {
  return failure(409, 'Conflict', `Operation cannot be fulfilled on ${groupResourceString(gr)} ${goQuote(name)}: ${why}`, resourceDetails(gr, name));
}

/** 409 from server-side apply: one cause per conflicting field (type FieldManagerConflict). */
export function newApplyConflict(causes: StatusCause[], message: string): StatusError {
  return failure(409, 'Conflict', message, { causes });
}

/** 401: `Unauthorized` by default. */
export function newUnauthorized(why = ''): StatusError {
  return failure(401, 'Unauthorized', why === '' ? 'not authorized' : why);
}

/**
 * 403: `pods is forbidden: <why>` (`pods "x" is forbidden: …` with a name, `forbidden: …` with
 * no resource).
 */
export function newForbidden(gr: GroupResource, name: string, why: string): StatusError {
  let message: string;
  if (gr.group === '' && gr.resource === '') message = `forbidden: ${why}`;
  else if (name === '') message = `${groupResourceString(gr)} is forbidden: ${why}`;
  else message = `${groupResourceString(gr)} ${goQuote(name)} is forbidden: ${why}`;
  return failure(403, 'Forbidden', message, resourceDetails(gr, name));
}

/** What an authorizer was asked, enough to word a denial. */
export interface ForbiddenAttributes {
  readonly user: string;
  readonly verb: string;
  readonly resourceRequest: boolean;
  readonly path?: string;
  readonly apiGroup?: string;
  readonly resource?: string;
  readonly subresource?: string;
  readonly namespace?: string;
  readonly name?: string;
}

/**
 * The 403 the authorization filter writes:
 * `pods is forbidden: User "x" cannot list resource "pods" in API group "" in the namespace "y"`.
 */
export function newForbiddenForAttributes(attrs: ForbiddenAttributes, why = ''): StatusError {
  let message: string;
  if (!attrs.resourceRequest) {
    message = `User ${goQuote(attrs.user)} cannot ${attrs.verb} path ${goQuote(attrs.path ?? '')}`;
  } else {
    const resource = attrs.subresource ? `${attrs.resource ?? ''}/${attrs.subresource}` : (attrs.resource ?? '');
    const group = goQuote(attrs.apiGroup ?? '');
    message = attrs.namespace
      ? `User ${goQuote(attrs.user)} cannot ${attrs.verb} resource ${goQuote(resource)} in API group ${group} in the namespace ${goQuote(attrs.namespace)}`
      : `User ${goQuote(attrs.user)} cannot ${attrs.verb} resource ${goQuote(resource)} in API group ${group} at the cluster scope`;
  }
  if (why !== '') message += `: ${why}`;
  const gr = attrs.resourceRequest ? { group: attrs.apiGroup ?? '', resource: attrs.resource ?? '' } : { group: '', resource: '' };
  return newForbidden(gr, attrs.resourceRequest ? (attrs.name ?? '') : '', message);
}

/** The type of a field error, with the words upstream prints for it (field.ErrorType). */
export const FieldErrorTypes = {
  NotFound: { type: 'FieldValueNotFound', words: 'Not found' },
  Required: { type: 'FieldValueRequired', words: 'Required value' },
  Duplicate: { type: 'FieldValueDuplicate', words: 'Duplicate value' },
  Invalid: { type: 'FieldValueInvalid', words: 'Invalid value' },
  NotSupported: { type: 'FieldValueNotSupported', words: 'Unsupported value' },
  Forbidden: { type: 'FieldValueForbidden', words: 'Forbidden' },
  TooLong: { type: 'FieldValueTooLong', words: 'Too long' },
  TooMany: { type: 'FieldValueTooMany', words: 'Too many' },
  Internal: { type: 'InternalError', words: 'Internal error' },
  TypeInvalid: { type: 'FieldValueTypeInvalid', words: 'Invalid value' },
} as const;

export type FieldErrorType = keyof typeof FieldErrorTypes;

/** A value a field error leaves out of its message (field.omitValue). */
export const OMIT_VALUE = Symbol('omitValue');

/**
 * The key of a method that renders a bad value the way Go's fmt would (a `fmt.Stringer`, or
 * `%#v` of a map or slice: `map[string]string{"app":"web"}`); field errors print its result
 * unquoted.
 */
export const FIELD_VALUE_STRING = Symbol.for('kapi.fieldValueString');

function fieldValueString(value: object): string | undefined {
  const render = (value as { [FIELD_VALUE_STRING]?: unknown })[FIELD_VALUE_STRING];
  return typeof render === 'function' ? String((render as () => unknown).call(value)) : undefined;
}

/** One field's error (field.Error): `spec.replicas: Invalid value: -1: must be greater than or equal to 0`. */
export interface FieldError {
  readonly type: FieldErrorType;
  /** The field path, e.g. `spec.containers[0].name`. */
  readonly field: string;
  readonly badValue?: unknown;
  readonly detail?: string;
}

/** The text after `<field>: ` (field.Error.ErrorBody). */
export function fieldErrorBody(error: FieldError): string {
  const info = FieldErrorTypes[error.type];
  let body: string;
  if (['Required', 'Forbidden', 'TooLong', 'Internal'].includes(error.type) || error.badValue === OMIT_VALUE) {
    body = info.words;
  } else {
    const value = error.badValue;
    if (value === undefined || value === null) body = `${info.words}: "null"`;
    else if (typeof value === 'string') body = `${info.words}: ${goQuote(value)}`;
    else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') body = `${info.words}: ${String(value)}`;
    else if (typeof value === 'object' && fieldValueString(value) !== undefined) body = `${info.words}: ${fieldValueString(value)}`;
    else body = `${info.words}: ${JSON.stringify(value)}`;
  }
  if (error.detail) body += `: ${error.detail}`;
  return body;
}

/** `<field>: <body>` (field.Error.Error). */
export function fieldErrorString(error: FieldError): string {
  return `${error.field}: ${fieldErrorBody(error)}`;
}

/** A list of field errors joined as utilerrors.Aggregate does: `[a, b]` for several, duplicates dropped. */
export function aggregateMessage(messages: readonly string[]): string {
  const unique = [...new Set(messages)];
  if (unique.length === 1) return unique[0];
  return `[${unique.join(', ')}]`;
}

/** 422: `Pod "x" is invalid: [spec.containers[0].name: Required value, …]`, a cause per field. */
export function newInvalid(gk: GroupKind, name: string, errors: readonly FieldError[]): StatusError {
  const causes: StatusCause[] = errors.map((e) => ({ reason: FieldErrorTypes[e.type].type, message: fieldErrorBody(e), field: e.field }));
  const head = `${groupKindString(gk)} ${goQuote(name)} is invalid`;
  const message = errors.length === 0 ? head : `${head}: ${aggregateMessage(errors.map(fieldErrorString))}`;
  return failure(422, 'Invalid', message, { name, group: gk.group, kind: gk.kind, causes });
}

/** 400 with the given message. */
export function newBadRequest(message: string): StatusError {
  return failure(400, 'BadRequest', message);
}

/** 405: `create is not supported on resources of kind "pods"`. */
export function newMethodNotSupported(gr: GroupResource, action: string): StatusError {
  return failure(405, 'MethodNotAllowed', `${action} is not supported on resources of kind ${goQuote(groupResourceString(gr))}`, {
    group: gr.group,
    kind: gr.resource,
  });
}

/** The media types a request body may use, in the order upstream lists them. */
export const DEFAULT_ACCEPTED_BODY_TYPES = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'] as const;

/** 415: the request body's Content-Type is not one the endpoint decodes. */
export function newUnsupportedMediaType(accepted: readonly string[] = DEFAULT_ACCEPTED_BODY_TYPES): StatusError {
  return failure(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`,
  );
}

/** 406: no media type in Accept is one the endpoint can produce. */
export function newNotAcceptable(accepted: readonly string[]): StatusError {
  return failure(406, 'NotAcceptable', `only the following media types are accepted: ${accepted.join(', ')}`);
}

/** 410 Gone with the given message. */
export function newGone(message: string): StatusError {
  return failure(410, 'Gone', message);
}

/** 410 Expired: `too old resource version: 5 (100)` and the like. */
export function newResourceExpired(message: string): StatusError {
  return failure(410, 'Expired', message);
}

/** 410 Expired for a resourceVersion older than the history kept. */
export function newTooOldResourceVersion(requested: number | string, current: number | string): StatusError {
  return newResourceExpired(`too old resource version: ${requested} (${current})`);
}

/** 429: the client should retry after `retryAfterSeconds`. */
export function newTooManyRequests(message: string, retryAfterSeconds: number): StatusError {
  return failure(429, 'TooManyRequests', message, { retryAfterSeconds });
}

/** 429 with upstream's `Too many requests: <why>` wording. */
export function newTooManyRequestsError(why: string): StatusError {
  return failure(429, 'TooManyRequests', `Too many requests: ${why}`);
}

/** 413: `Request entity too large: <why>`. */
export function newRequestEntityTooLarge(why: string): StatusError {
  return failure(413, 'RequestEntityTooLarge', `Request entity too large: ${why}`);
}

/** 504: `Timeout: <why>`. */
export function newTimeout(why: string, retryAfterSeconds = 0): StatusError {
  return failure(504, 'Timeout', `Timeout: ${why}`, retryAfterSeconds > 0 ? { retryAfterSeconds } : {});
}

/** 500 ServerTimeout: a storage operation could not finish in time. */
export function newServerTimeout(gr: GroupResource, operation: string, retryAfterSeconds: number): StatusError {
  return failure(
    500,
    'ServerTimeout',
    `The ${operation} operation against ${groupResourceString(gr)} could not be completed at this time, please try again.`,
    { name: operation, group: gr.group, kind: gr.resource, retryAfterSeconds },
  );
}

/** 503 with the given message. */
export function newServiceUnavailable(message: string): StatusError {
  return failure(503, 'ServiceUnavailable', message);
}

/** 500: `Internal error occurred: <error>`, the error as the one cause. */
export function newInternalError(error: unknown): StatusError {
  const text = error instanceof Error ? error.message : String(error);
  return failure(500, 'InternalError', `Internal error occurred: ${text}`, { causes: [{ message: text }] });
}

/**
 * A Status for a bare HTTP code, worded as client-go's NewGenericServerResponse does; the
 * 404 of an unknown path is `the server could not find the requested resource`.
 */
export function newGenericServerResponse(code: number, serverMessage = ''): StatusError {
  const generic: Record<number, [StatusReason, string]> = {
    400: ['BadRequest', 'the server rejected our request for an unknown reason'],
    401: ['Unauthorized', 'the server has asked for the client to provide credentials'],
    403: ['Forbidden', serverMessage],
    404: ['NotFound', 'the server could not find the requested resource'],
    405: ['MethodNotAllowed', 'the server does not allow this method on the requested resource'],
    406: ['NotAcceptable', serverMessage === '' ? 'the server was unable to respond with a content type that the client supports' : serverMessage],
    409: ['Conflict', 'the server reported a conflict'],
    415: ['UnsupportedMediaType', serverMessage === '' ? 'the server was unable to respond with a content type that the client supports' : serverMessage],
    422: ['Invalid', 'the server rejected our request due to an error in our request'],
    429: ['TooManyRequests', 'the server has received too many requests and has asked us to try again later'],
    503: ['ServiceUnavailable', 'the server is currently unable to handle the request'],
    504: ['Timeout', 'the server was unable to return a response in the time allotted, but may still be processing the request'],
  };
  const known = generic[code];
  if (known) return failure(code, known[0], known[1], {});
  if (code >= 500) {
    return failure(code, 'InternalError', `an error on the server (${goQuote(serverMessage)}) has prevented the request from succeeding`, {});
  }
  return failure(code, 'Unknown', `the server responded with the status code ${code} but did not return more information`, {});
}

/** A success Status, as DELETE of a collection or of an object without a body returns. */
export function successStatus(details?: StatusDetails): Status {
  const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success' };
  if (details) status.details = details;
  return status;
}

/** Any thrown value as a StatusError: StatusErrors pass through, the rest become InternalError. */
export function toStatusError(error: unknown): StatusError {
  return isStatusError(error) ? error : newInternalError(error);
}

function compact<T extends object>(entries: [string, unknown][]): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    if (value === undefined || value === '' || value === 0) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = value;
  }
  return out as T;
}

/** A Status with Go's field order and `omitempty` applied, so the bytes match upstream's. */
export function orderedStatus(s: Status): Status {
  const details = s.details
    ? compact<StatusDetails>([
        ['name', s.details.name],
        ['group', s.details.group],
        ['kind', s.details.kind],
        ['uid', s.details.uid],
        [
          'causes',
          s.details.causes?.map((c) =>
            compact<StatusCause>([
              ['reason', c.reason],
              ['message', c.message],
              ['field', c.field],
            ]),
          ),
        ],
        ['retryAfterSeconds', s.details.retryAfterSeconds],
      ])
    : undefined;
  const out = compact<Status>([
    ['kind', 'Status'],
    ['apiVersion', 'v1'],
  ]);
  out.metadata = s.metadata ?? {};
  return Object.assign(
    out,
    compact<Partial<Status>>([
      ['status', s.status],
      ['message', s.message],
      ['reason', s.reason],
    ]),
    details ? { details } : {},
    compact<Partial<Status>>([['code', s.code]]),
  );
}
