/** spec.names and status.acceptedNames (ValidateCustomResourceDefinitionNames): lower-case DNS labels, kinds in mixed case. */
import type { CustomResourceDefinitionNames } from '../../../../api-definitions/apiextensions/v1/types.js';
import { isDNS1035Label } from '../../../machinery/validation/content.js';
import { invalid, required, type FieldError } from '../../../machinery/validation/field.js';
import type { FieldPath } from '../../../machinery/validation/path.js';

/** The names of a spec, which must all be set. */
export function validateSpecNames(names: CustomResourceDefinitionNames | undefined, path: FieldPath): FieldError[] {
  const n = names ?? { plural: '', kind: '' };
  const errs: FieldError[] = [];
  if (!n.plural) errs.push(required(path.child('plural')));
  if (!n.singular) errs.push(required(path.child('singular')));
  if (!n.kind) errs.push(required(path.child('kind')));
  if (!n.listKind) errs.push(required(path.child('listKind')));
  return [...errs, ...validateNames(n, path)];
}

/** The names wherever they appear; empty ones are not checked here. */
export function validateNames(n: CustomResourceDefinitionNames, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const label = (value: string | undefined, at: FieldPath, prefix = '') => {
    if (!value) return;
    const problems = isDNS1035Label(prefix ? value.toLowerCase() : value);
    if (problems.length > 0) errs.push(invalid(at, value, prefix + problems.join(',')));
  };
  label(n.plural, path.child('plural'));
  label(n.singular, path.child('singular'));
  label(n.kind, path.child('kind'), 'may have mixed case, but should otherwise match: ');
  label(n.listKind, path.child('listKind'), 'may have mixed case, but should otherwise match: ');
  (n.shortNames ?? []).forEach((s, i) => label(s, path.child('shortNames').index(i)));
  if (n.kind && n.kind === n.listKind) errs.push(invalid(path.child('listKind'), n.listKind, 'kind and listKind may not be the same'));
  (n.categories ?? []).forEach((c, i) => label(c, path.child('categories').index(i)));
  return errs;
}
