/**
 * The registry's error boundary: storage errors become the Status errors apiserver's
 * `storage/errors` Interpret* functions produce, naming the resource and object.
 */
import {
  isStatusError,
  newAlreadyExists,
  newBadRequest,
  newConflict,
  newInternalError,
  newNotFound,
  newResourceExpired,
  newServerTimeout,
  newServiceUnavailable,
  newTimeout,
  StatusError,
  type GroupResource,
} from '../machinery/errors.js';
import {
  AlreadyExistsError,
  ConflictError,
  ExpiredError,
  InvalidArgumentError,
  InvalidObjectError,
  NotFoundError,
  StorageError,
  TimeoutError,
  TooLargeResourceVersionError,
  UnavailableError,
} from '../storage/errors.js';

export type StorageOperation = 'get' | 'list' | 'create' | 'update' | 'delete' | 'watch';

/** apiserver's `storage.NewTooLargeResourceVersionError`: 504 Timeout with cause ResourceVersionTooLarge. */
export function tooLargeResourceVersion(requested: number, current: number): StatusError {
  const error = newTimeout(`Too large resource version: ${requested}, current: ${current}`, 1);
  error.status.details = {
    ...error.status.details,
    causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }],
  };
  return error;
}

/** The 410 of a list or watch from compacted history; a continue token to go on with, when there is one. */
function expired(error: ExpiredError): StatusError {
  const status = newResourceExpired(error.message);
  if (error.continueToken) status.status.metadata = { continue: error.continueToken };
  return status;
}

/**
 * Turns whatever a storage call threw into a StatusError (InterpretGetError and friends).
 * StatusErrors pass through; so do errors that are not storage errors, which the handler
 * reports as internal errors.
 */
export function interpretStorageError(error: unknown, resource: GroupResource, name: string, operation: StorageOperation): unknown {
  if (isStatusError(error) || !(error instanceof StorageError)) return error;
  if (error instanceof NotFoundError) return newNotFound(resource, name);
  if (error instanceof AlreadyExistsError) return newAlreadyExists(resource, name);
  if (error instanceof ConflictError) return newConflict(resource, name, error.message);
  if (error instanceof ExpiredError) return expired(error);
  if (error instanceof TooLargeResourceVersionError) return tooLargeResourceVersion(error.requested, error.current);
  if (error instanceof TimeoutError) return newServerTimeout(resource, operation, 2);
  if (error instanceof UnavailableError) return newServiceUnavailable(error.message);
  if (error instanceof InvalidArgumentError) return newBadRequest(error.message);
  if (error instanceof InvalidObjectError) return newInternalError(error);
  return newInternalError(error);
}

/** The message upstream answers a create that carries a resourceVersion with (500, reason Unknown). */
export const RESOURCE_VERSION_SET_ON_CREATE = 'resourceVersion should not be set on objects to be created';

export function resourceVersionSetOnCreate(): StatusError {
  return new StatusError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: RESOURCE_VERSION_SET_ON_CREATE,
    reason: '',
    code: 500,
  });
}
