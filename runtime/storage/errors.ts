/**
 * The errors the storage layer throws. Each names what went wrong in storage terms; the REST
 * layer turns them into Status objects (NotFound 404, AlreadyExists 409, Conflict 409,
 * Expired 410, Timeout 504, ServiceUnavailable 503, BadRequest 400).
 */
import type { WatchErrorStatus } from './interface.js';

export type StorageErrorCode =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Expired'
  | 'InvalidObject'
  | 'InvalidArgument'
  | 'Timeout'
  | 'TooLargeResourceVersion'
  | 'Unavailable'
  | 'Internal';

export abstract class StorageError extends Error {
  abstract readonly code: StorageErrorCode;
  /** The HTTP status a REST handler answers this error with. */
  abstract readonly httpStatus: number;

  constructor(
    message: string,
    /** The key the operation was on, when there was one. */
    readonly key?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The key does not exist. */
export class NotFoundError extends StorageError {
  readonly code = 'NotFound';
  readonly httpStatus = 404;
  constructor(key: string) {
    super(`key not found: ${key}`, key);
  }
}

/** A create found the key already present. */
export class AlreadyExistsError extends StorageError {
  readonly code = 'AlreadyExists';
  readonly httpStatus = 409;
  constructor(key: string) {
    super(`key exists: ${key}`, key);
  }
}

/** A precondition (uid or resourceVersion) does not hold for the current object. */
export class ConflictError extends StorageError {
  readonly code = 'Conflict';
  readonly httpStatus = 409;
}

/**
 * A resourceVersion or continue token refers to history that has been compacted (410). For a
 * list continued past compaction, `continue` holds a token that goes on at the latest revision.
 */
export class ExpiredError extends StorageError {
  readonly code = 'Expired';
  readonly httpStatus = 410;
  constructor(
    message: string,
    readonly continueToken?: string,
  ) {
    super(message);
  }
}

/** The object cannot be stored or decoded as given. */
export class InvalidObjectError extends StorageError {
  readonly code = 'InvalidObject';
  readonly httpStatus = 500;
}

/** A malformed argument: an unparsable resourceVersion or continue token, a bad key. */
export class InvalidArgumentError extends StorageError {
  readonly code = 'InvalidArgument';
  readonly httpStatus = 400;
}

/** The backend did not answer in time. */
export class TimeoutError extends StorageError {
  readonly code: StorageErrorCode = 'Timeout';
  readonly httpStatus = 504;
}

/**
 * The store has not reached the requested minimum resourceVersion yet; apiserver answers this
 * as a Timeout with cause ResourceVersionTooLarge so that clients retry.
 */
export class TooLargeResourceVersionError extends TimeoutError {
  override readonly code = 'TooLargeResourceVersion';
  constructor(
    readonly requested: number,
    readonly current: number,
  ) {
    super(`Too large resource version: ${requested}, current: ${current}`);
  }
}

/** The backend cannot be reached or is shutting down. */
export class UnavailableError extends StorageError {
  readonly code = 'Unavailable';
  readonly httpStatus = 503;
}

/** Something the backend answered that should not happen. */
export class InternalError extends StorageError {
  readonly code = 'Internal';
  readonly httpStatus = 500;
}

/** Upstream's wording for lists and watches from a compacted revision. */
export const MESSAGE_LIST_EXPIRED = 'The resourceVersion for the provided list is too old.';
export const MESSAGE_WATCH_EXPIRED = 'The resourceVersion for the provided watch is too old.';
export const MESSAGE_CONTINUE_EXPIRED =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.';
export const MESSAGE_CONTINUE_INCONSISTENT =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, ' +
  'or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an ' +
  'inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.';

/** The Status object an ERROR watch event carries. */
export function errorStatus(code: number, reason: string, message: string): WatchErrorStatus {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
}

/** The ERROR event object for an error a watch ends with. */
export function statusForError(error: unknown): WatchErrorStatus {
  if (error instanceof ExpiredError) return errorStatus(410, 'Expired', error.message);
  if (error instanceof TimeoutError) return errorStatus(504, 'Timeout', error.message);
  if (error instanceof UnavailableError) return errorStatus(503, 'ServiceUnavailable', error.message);
  if (error instanceof InvalidArgumentError) return errorStatus(400, 'BadRequest', error.message);
  const message = error instanceof Error ? error.message : String(error);
  return errorStatus(500, 'InternalError', `Internal error occurred: ${message}`);
}
