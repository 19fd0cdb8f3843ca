/**
 * Validation of CustomResourceDefinitions, wherever they are stored: the rules live with the
 * rest of the CRD machinery in runtime/apiservers/extensions/validation.
 */
import type { FieldError } from '../../runtime/machinery/errors.js';
import {
  validateCustomResourceDefinition as validateCRD,
  validateCustomResourceDefinitionStatusUpdate as validateCRDStatusUpdate,
  validateCustomResourceDefinitionUpdate as validateCRDUpdate,
} from '../../runtime/apiservers/extensions/validation/crd.js';
import type { CustomResourceDefinition } from './types.js';

export function validateCustomResourceDefinition(crd: CustomResourceDefinition): FieldError[] {
  return validateCRD(crd);
}

export function validateCustomResourceDefinitionUpdate(crd: CustomResourceDefinition, old: CustomResourceDefinition): FieldError[] {
  return validateCRDUpdate(crd, old);
}

export function validateCustomResourceDefinitionStatusUpdate(crd: CustomResourceDefinition, old: CustomResourceDefinition): FieldError[] {
  return validateCRDStatusUpdate(crd, old);
}
