/**
 * Validation of flunders over the internal types, with upstream sample-apiserver's messages: at
 * most one reference, the one its referenceType names, and a known referenceType. Fischers get
 * the generic object metadata checks only, as upstream's strategy validates nothing of them.
 */
import {
  invalid,
  nameIsDNSSubdomain,
  newPath,
  required,
  validateObjectMeta,
  validateObjectMetaUpdate,
  type FieldError,
  type FieldPath,
} from '../../../../runtime/machinery/validation/index.js';
import type * as wardle from './types.js';

export function validateFlunderSpec(spec: wardle.FlunderSpec, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const flunder = spec.flunderReference ?? '';
  const fischer = spec.fischerReference ?? '';
  const type = spec.referenceType ?? '';
  if (flunder !== '' && fischer !== '') {
    errs.push(invalid(path.child('fischerReference'), fischer, 'cannot be set with flunderReference at the same time'));
  } else if (flunder !== '' && type !== 'Flunder') {
    errs.push(invalid(path.child('flunderReference'), flunder, 'cannot be set if referenceType is not Flunder'));
  } else if (fischer !== '' && type !== 'Fischer') {
    errs.push(invalid(path.child('fischerReference'), fischer, 'cannot be set if referenceType is not Fischer'));
  } else if (fischer === '' && type === 'Fischer') {
    errs.push(required(path.child('fischerReference'), 'cannot be empty if referenceType is Fischer'));
  } else if (flunder === '' && type === 'Flunder') {
    errs.push(required(path.child('flunderReference'), 'cannot be empty if referenceType is Flunder'));
  }
  if (type !== '' && type !== 'Flunder' && type !== 'Fischer') {
    errs.push(invalid(path.child('referenceType'), type, 'must be Flunder or Fischer'));
  }
  return errs;
}

export function validateFlunder(flunder: wardle.Flunder): FieldError[] {
  return [
    ...validateObjectMeta(flunder.metadata, { namespaced: true, nameFn: nameIsDNSSubdomain }),
    ...validateFlunderSpec(flunder.spec ?? {}, newPath('spec')),
  ];
}

export function validateFlunderUpdate(flunder: wardle.Flunder, old: wardle.Flunder): FieldError[] {
  return [...validateObjectMetaUpdate(flunder.metadata, old.metadata), ...validateFlunderSpec(flunder.spec ?? {}, newPath('spec'))];
}
