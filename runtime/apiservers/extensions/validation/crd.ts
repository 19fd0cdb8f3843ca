/**
 * Validation of CustomResourceDefinitions with apiextensions-apiserver's rules and messages
 * (pkg/apis/apiextensions/validation): the name is `<plural>.<group>`, names and versions are
 * well formed, exactly one version is stored, every version has a structural schema whose
 * defaults and CEL rules are sound, and on update the identity of the resource does not change.
 */
import type { CustomResourceDefinition, CustomResourceDefinitionVersion } from '../../../../api-definitions/apiextensions/v1/types.js';
import { isDNS1035Label, isDNS1123Subdomain } from '../../../machinery/validation/content.js';
import { invalid, notSupported, required, type FieldError } from '../../../machinery/validation/field.js';
import { nameIsDNSSubdomain } from '../../../machinery/validation/names.js';
import { validateImmutableField, validateObjectMeta, validateObjectMetaUpdate } from '../../../machinery/validation/objectmeta.js';
import { newPath, type FieldPath } from '../../../machinery/validation/path.js';
import { validateAPIApproval } from './api-approval.js';
import { goStrings, goVersions } from './go-values.js';
import { hoist } from './hoist.js';
import { validateNames, validateSpecNames } from './names.js';
import { validateCRDSchema } from './schema.js';
import { validateColumns, validateDeprecationWarning, validateSelectableFields, validateSubresources } from './version-parts.js';
import { validateConversion } from './webhook.js';

/** Whether a CRD's Established condition is True: then its scope and kind may no longer change. */
export function isEstablished(crd: CustomResourceDefinition): boolean {
  return (crd.status?.conditions ?? []).some((c) => c.type === 'Established' && c.status === 'True');
}

function validateSpec(crd: CustomResourceDefinition, path: FieldPath): FieldError[] {
  const spec = crd.spec ?? ({} as CustomResourceDefinition['spec']);
  const errs: FieldError[] = [];
  if (!spec.group) errs.push(required(path.child('group')));
  else {
    const problems = isDNS1123Subdomain(spec.group);
    if (problems.length > 0) errs.push(invalid(path.child('group'), spec.group, problems.join(',')));
    else if (spec.group.split('.').length < 2) errs.push(invalid(path.child('group'), spec.group, 'should be a domain with at least one dot'));
  }
  if (!spec.scope) errs.push(required(path.child('scope')));
  else if (spec.scope !== 'Cluster' && spec.scope !== 'Namespaced') errs.push(notSupported(path.child('scope'), spec.scope, ['Cluster', 'Namespaced']));

  const versions = spec.versions ?? [];
  const hoisted = hoist(spec);
  const statusEnabledIn = (v: CustomResourceDefinitionVersion) => (hoisted.subresources ?? v.subresources)?.status !== undefined;
  if (versions.length === 0) errs.push(required(path.child('versions'), 'must have at least one version'));
  const names = new Set<string>();
  let unique = true;
  versions.forEach((v, i) => {
    const at = path.child('versions').index(i);
    if (names.has(v.name)) unique = false;
    names.add(v.name);
    const problems = isDNS1035Label(v.name ?? '');
    if (problems.length > 0) errs.push(invalid(at.child('name'), v.name ?? '', problems.join(',')));
    const own = hoisted.versions[i];
    errs.push(...validateDeprecationWarning(v.deprecated, v.deprecationWarning, at.child('deprecationWarning')));
    if (!hoisted.validation?.openAPIV3Schema && !own.schema?.openAPIV3Schema) {
      errs.push(required(at.child('schema').child('openAPIV3Schema'), 'schemas are required'));
    }
    errs.push(...validateCRDSchema(own.schema, at.child('schema'), statusEnabledIn(v)));
    errs.push(...validateSubresources(own.subresources, at.child('subresources')));
    errs.push(...validateColumns(own.additionalPrinterColumns, at.child('additionalPrinterColumns')));
    errs.push(...validateSelectableFields(v.selectableFields, v.schema?.openAPIV3Schema, at.child('selectableFields')));
  });
  const shown = goVersions(hoisted.versions);
  if (!unique) errs.push(invalid(path.child('versions'), shown, 'must contain unique version names'));
  if (versions.filter((v) => v.storage).length !== 1) errs.push(invalid(path.child('versions'), shown, 'must have exactly one version marked as storage version'));
  if (versions.length > 0 && !versions.some((v) => v.served)) errs.push(invalid(path.child('versions'), shown, 'must have at least one version marked as served'));

  errs.push(...validateSpecNames(spec.names, path.child('names')));
  errs.push(...validateCRDSchema(hoisted.validation, path.child('validation'), versions.length > 0 && statusEnabledIn(versions[0])));
  errs.push(...validateSubresources(hoisted.subresources, path.child('subresources')));
  errs.push(...validateColumns(hoisted.additionalPrinterColumns, path.child('additionalPrinterColumns')));
  errs.push(...validateConversion(spec.conversion, path.child('conversion')));
  if (spec.preserveUnknownFields === true) {
    errs.push(invalid(path.child('preserveUnknownFields'), true, 'cannot set to true, set x-kubernetes-preserve-unknown-fields to true in spec.versions[*].schema instead'));
  }
  return errs;
}

/** status.storedVersions: not empty, holding the storage version, and only versions the spec lists. */
export function validateStoredVersions(crd: CustomResourceDefinition, path: FieldPath = newPath('status', 'storedVersions')): FieldError[] {
  const stored = crd.status?.storedVersions ?? [];
  if (stored.length === 0) return [invalid(path, goStrings(crd.status?.storedVersions), 'must have at least one stored version')];
  const errs: FieldError[] = [];
  const remaining = new Map<string, number>();
  stored.forEach((v, i) => remaining.set(v, i));
  for (const v of crd.spec?.versions ?? []) {
    if (v.storage && !stored.includes(v.name)) errs.push(invalid(path, v.name, `must have the storage version ${v.name}`));
    remaining.delete(v.name);
  }
  for (const [v, i] of remaining) errs.push(invalid(path.index(i), v, 'must appear in spec.versions'));
  return errs;
}

function validateStatus(crd: CustomResourceDefinition): FieldError[] {
  const accepted = crd.status?.acceptedNames;
  return accepted ? validateNames(accepted, newPath('status', 'acceptedNames')) : [];
}

/** A CRD on create (after the strategy has set status.storedVersions to the storage version). */
export function validateCustomResourceDefinition(crd: CustomResourceDefinition): FieldError[] {
  const requiredName = `${crd.spec?.names?.plural ?? ''}.${crd.spec?.group ?? ''}`;
  const nameFn = (name: string, prefix: boolean) => {
    const problems = nameIsDNSSubdomain(name, prefix);
    if (name !== requiredName) problems.push('must be spec.names.plural+"."+spec.group');
    return problems;
  };
  return [
    ...validateObjectMeta(crd.metadata, { namespaced: false, nameFn }),
    ...validateSpec(crd, newPath('spec')),
    ...validateStatus(crd),
    ...validateStoredVersions(crd),
    ...validateAPIApproval(crd),
  ];
}

/** A CRD on update: everything create checks, plus the fields that name or store its resources. */
export function validateCustomResourceDefinitionUpdate(crd: CustomResourceDefinition, old: CustomResourceDefinition): FieldError[] {
  const errs = [...validateObjectMetaUpdate(crd.metadata, old.metadata), ...validateSpec(crd, newPath('spec'))];
  const spec = newPath('spec');
  if (isEstablished(old)) {
    errs.push(...validateImmutableField(crd.spec?.scope, old.spec?.scope, spec.child('scope')));
    errs.push(...validateImmutableField(crd.spec?.names?.kind, old.spec?.names?.kind, spec.child('names', 'kind')));
  }
  errs.push(...validateImmutableField(crd.spec?.group, old.spec?.group, spec.child('group')));
  errs.push(...validateImmutableField(crd.spec?.names?.plural, old.spec?.names?.plural, spec.child('names', 'plural')));
  errs.push(...validateStatus(crd), ...validateStoredVersions(crd), ...validateAPIApproval(crd, old));
  return errs;
}

/** A write to the status subresource. */
export function validateCustomResourceDefinitionStatusUpdate(crd: CustomResourceDefinition, old: CustomResourceDefinition): FieldError[] {
  return [...validateObjectMetaUpdate(crd.metadata, old.metadata), ...validateStatus(crd), ...validateStoredVersions(crd)];
}
