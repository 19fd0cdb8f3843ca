/**
 * The handlers' error boundary: whatever a handler or the layers below threw becomes the
 * Status a client sees. Registry errors are Statuses already; scheme errors are 400s; patch
 * errors carry their code; anything else is a 500 InternalError.
 */
import {
  isStatusError,
  newBadRequest,
  newGenericServerResponse,
  newInternalError,
  newRequestEntityTooLarge,
  type StatusError,
} from '../../machinery/errors.js';
import { SchemeError } from '../../machinery/scheme.js';

/** The shape of machinery/patch's PatchError, matched by shape to stay independent of it. */
interface PatchLikeError {
  readonly name: 'PatchError';
  readonly reason: 'BadRequest' | 'Invalid' | 'RequestEntityTooLarge';
  readonly message: string;
}

function isPatchError(error: unknown): error is PatchLikeError {
  return error instanceof Error && error.name === 'PatchError' && typeof (error as Partial<PatchLikeError>).reason === 'string';
}

export function toStatusError(error: unknown): StatusError {
  if (isStatusError(error)) return error;
  if (error instanceof SchemeError) return newBadRequest(error.message);
  if (isPatchError(error)) {
    switch (error.reason) {
      case 'BadRequest':
        return newBadRequest(error.message);
      case 'RequestEntityTooLarge':
        return newRequestEntityTooLarge(error.message);
      case 'Invalid':
        return newGenericServerResponse(422);
    }
  }
  return newInternalError(error);
}
