/**
 * Validation of APIServices over the internal types, with kube-aggregator's messages: the name
 * is `<version>.<group>`, the group a DNS subdomain (empty only for the legacy `v1`), the
 * priorities in range, local APIServices carry no TLS settings, a service reference is complete.
 */
import {
  invalid,
  isDNS1035Label,
  isDNS1123Subdomain,
  isValidPortNum,
  newPath,
  notSupported,
  required,
  validateObjectMeta,
  validateObjectMetaUpdate,
  validatePathSegmentName,
  type FieldError,
} from '../../runtime/machinery/validation/index.js';
import type * as apiregistration from './types.js';

const CONDITION_STATUSES = ['True', 'False', 'Unknown'];

export function validateAPIService(service: apiregistration.APIService): FieldError[] {
  const spec = service.spec ?? ({} as Partial<apiregistration.APIServiceSpec>);
  const group = spec.group ?? '';
  const version = spec.version ?? '';
  const requiredName = `${version}.${group}`;
  const errs = validateObjectMeta(service.metadata, {
    namespaced: false,
    nameFn: (name, prefix) => {
      const minimal = validatePathSegmentName(name, prefix);
      if (minimal.length > 0) return minimal;
      return name === requiredName ? [] : [`must be \`spec.version+"."+spec.group\`: "${requiredName}"`];
    },
  });
  if (group === '' && version !== 'v1') errs.push(required(newPath('spec', 'group'), 'only v1 may have an empty group and it better be legacy kube'));
  if (group !== '') for (const why of isDNS1123Subdomain(group)) errs.push(invalid(newPath('spec', 'group'), group, why));
  for (const why of isDNS1035Label(version)) errs.push(invalid(newPath('spec', 'version'), version, why));
  const groupPriority = spec.groupPriorityMinimum ?? 0;
  if (groupPriority <= 0 || groupPriority > 20000) errs.push(invalid(newPath('spec', 'groupPriorityMinimum'), groupPriority, 'must be positive and less than 20000'));
  const versionPriority = spec.versionPriority ?? 0;
  if (versionPriority <= 0 || versionPriority > 1000) errs.push(invalid(newPath('spec', 'versionPriority'), versionPriority, 'must be positive and less than 1000'));
  const caBundle = spec.caBundle ?? '';
  const insecure = spec.insecureSkipTLSVerify === true;
  const ref = spec.service;
  if (ref === undefined || ref === null) {
    if (caBundle !== '') errs.push(invalid(newPath('spec', 'caBundle'), `${Buffer.from(caBundle, 'base64').length} bytes`, 'local APIServices may not have a caBundle'));
    if (insecure) errs.push(invalid(newPath('spec', 'insecureSkipTLSVerify'), insecure, 'local APIServices may not have insecureSkipTLSVerify'));
    return errs;
  }
  if ((ref.namespace ?? '') === '') errs.push(required(newPath('spec', 'service', 'namespace')));
  if ((ref.name ?? '') === '') errs.push(required(newPath('spec', 'service', 'name')));
  const port = ref.port ?? 443;
  const portErrors = isValidPortNum(port);
  if (portErrors.length > 0) errs.push(invalid(newPath('spec', 'service', 'port'), port, `port is not valid: ${portErrors.join(', ')}`));
  if (insecure && caBundle !== '') errs.push(invalid(newPath('spec', 'insecureSkipTLSVerify'), insecure, 'may not be true if caBundle is present'));
  return errs;
}

export function validateAPIServiceUpdate(service: apiregistration.APIService, old: apiregistration.APIService): FieldError[] {
  return [...validateObjectMetaUpdate(service.metadata, old.metadata), ...validateAPIService(service).filter((e) => !e.field.startsWith('metadata.') || e.field === 'metadata.name')];
}

export function validateAPIServiceStatusUpdate(service: apiregistration.APIService, old: apiregistration.APIService): FieldError[] {
  const errs = validateObjectMetaUpdate(service.metadata, old.metadata);
  (service.status?.conditions ?? []).forEach((condition, i) => {
    const path = newPath('status', 'conditions').index(i);
    if (!CONDITION_STATUSES.includes(condition.status)) errs.push(notSupported(path.child('status'), condition.status, CONDITION_STATUSES));
    if ((condition.type ?? '') === '') errs.push(required(path.child('type')));
  });
  return errs;
}
