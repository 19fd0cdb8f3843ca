/**
 * Validation of webhook configurations over the internal types, with kube-apiserver's
 * messages: each webhook has a unique fully qualified name, declares its side effects and the
 * AdmissionReview versions it accepts, names one endpoint (an https URL or a service), and
 * keeps its policies and timeout within the supported values.
 */
import {
  duplicate,
  invalid,
  isDNS1123Subdomain,
  isValidPortNum,
  nameIsDNSSubdomain,
  newPath,
  notSupported,
  printedValue,
  required,
  validateLabelSelector,
  validateObjectMeta,
  validateObjectMetaUpdate,
  type FieldError,
  type FieldPath,
} from '../../runtime/machinery/validation/index.js';
import type * as admissionregistration from './types.js';

const ACCEPTED_REVIEW_VERSIONS = ['v1', 'v1beta1'];
const SIDE_EFFECT_CLASSES = ['None', 'NoneOnDryRun'];

/** IsFullyQualifiedName: a DNS subdomain of at least three segments. */
export function isFullyQualifiedName(path: FieldPath, name: string): FieldError[] {
  if (name.length === 0) return [required(path)];
  const bare = name.endsWith('.') ? name.slice(0, -1) : name;
  const errs = isDNS1123Subdomain(bare);
  if (errs.length > 0) return [invalid(path, bare, errs.join(','))];
  if (bare.split('.').length < 3) return [invalid(path, bare, 'should be a domain with at least three segments separated by dots')];
  return [];
}

function validateReviewVersions(versions: readonly string[] | undefined, path: FieldPath): FieldError[] {
  const list = versions ?? [];
  if (list.length === 0) return [required(path, `must specify one of ${ACCEPTED_REVIEW_VERSIONS.join(', ')}`)];
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  list.forEach((v, i) => {
    for (const m of isDNS1123Subdomain(v)) errs.push(invalid(path.index(i), v, m));
    if (seen.has(v)) errs.push(duplicate(path.index(i), v));
    seen.add(v);
  });
  if (!list.some((v) => ACCEPTED_REVIEW_VERSIONS.includes(v))) {
    errs.push(invalid(path, printedValue(`[]string{${list.map((v) => JSON.stringify(v)).join(', ')}}`), `must include at least one of ${ACCEPTED_REVIEW_VERSIONS.join(', ')}`));
  }
  return errs;
}

function validateClientConfig(config: admissionregistration.WebhookClientConfig | undefined, path: FieldPath): FieldError[] {
  const hasURL = config?.url !== undefined && config.url !== null;
  const service = config?.service;
  if (hasURL === !!service) return [required(path, 'exactly one of url or service is required')];
  if (hasURL) {
    const url = config?.url ?? '';
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      return [invalid(path.child('url'), url, 'host must be specified')];
    }
    if (parsed.protocol !== 'https:') return [invalid(path.child('url'), url, "'https' is the only allowed URL scheme")];
    return [];
  }
  const errs: FieldError[] = [];
  const servicePath = path.child('service');
  if (!service?.name) errs.push(required(servicePath.child('name'), 'service name is required'));
  if (!service?.namespace) errs.push(required(servicePath.child('namespace'), 'service namespace is required'));
  const port = service?.port;
  if (port !== undefined && port !== null) for (const m of isValidPortNum(port)) errs.push(invalid(servicePath.child('port'), port, `port is not valid: ${m}`));
  return errs;
}

function validateWebhook(hook: admissionregistration.ValidatingWebhook | admissionregistration.MutatingWebhook, path: FieldPath, mutating: boolean): FieldError[] {
  const errs = isFullyQualifiedName(path.child('name'), hook.name ?? '');
  if (hook.failurePolicy !== undefined && hook.failurePolicy !== null && !['Fail', 'Ignore'].includes(hook.failurePolicy)) {
    errs.push(notSupported(path.child('failurePolicy'), hook.failurePolicy, ['Fail', 'Ignore']));
  }
  if (hook.matchPolicy !== undefined && hook.matchPolicy !== null && !['Equivalent', 'Exact'].includes(hook.matchPolicy)) {
    errs.push(notSupported(path.child('matchPolicy'), hook.matchPolicy, ['Equivalent', 'Exact']));
  }
  if (!hook.sideEffects) errs.push(required(path.child('sideEffects'), `must specify one of ${SIDE_EFFECT_CLASSES.join(', ')}`));
  else if (!SIDE_EFFECT_CLASSES.includes(hook.sideEffects)) errs.push(notSupported(path.child('sideEffects'), hook.sideEffects, SIDE_EFFECT_CLASSES));
  const timeout = hook.timeoutSeconds;
  if (timeout !== undefined && timeout !== null && (timeout > 30 || timeout < 1)) {
    errs.push(invalid(path.child('timeoutSeconds'), timeout, 'the timeout value must be between 1 and 30 seconds'));
  }
  if (hook.namespaceSelector) errs.push(...validateLabelSelector(hook.namespaceSelector, {}, path.child('namespaceSelector')));
  if (hook.objectSelector) errs.push(...validateLabelSelector(hook.objectSelector, {}, path.child('objectSelector')));
  errs.push(...validateReviewVersions(hook.admissionReviewVersions, path.child('admissionReviewVersions')));
  errs.push(...validateClientConfig(hook.clientConfig, path.child('clientConfig')));
  const reinvocation = (hook as admissionregistration.MutatingWebhook).reinvocationPolicy;
  if (mutating && reinvocation !== undefined && reinvocation !== null && !['IfNeeded', 'Never'].includes(reinvocation)) {
    errs.push(notSupported(path.child('reinvocationPolicy'), reinvocation, ['IfNeeded', 'Never']));
  }
  return errs;
}

interface Configuration {
  metadata?: admissionregistration.ValidatingWebhookConfiguration['metadata'];
  webhooks?: (admissionregistration.ValidatingWebhook | admissionregistration.MutatingWebhook)[];
}

function validateConfiguration(config: Configuration, mutating: boolean): FieldError[] {
  const errs = validateObjectMeta(config.metadata, { namespaced: false, nameFn: nameIsDNSSubdomain });
  const names = new Set<string>();
  (config.webhooks ?? []).forEach((hook, i) => {
    const path = newPath('webhooks').index(i);
    errs.push(...validateWebhook(hook, path, mutating));
    if (hook.name && names.has(hook.name)) errs.push(duplicate(path.child('name'), hook.name));
    names.add(hook.name ?? '');
  });
  return errs;
}

export function validateValidatingWebhookConfiguration(config: admissionregistration.ValidatingWebhookConfiguration): FieldError[] {
  return validateConfiguration(config, false);
}

export function validateValidatingWebhookConfigurationUpdate(config: admissionregistration.ValidatingWebhookConfiguration, old: admissionregistration.ValidatingWebhookConfiguration): FieldError[] {
  return [...validateObjectMetaUpdate(config.metadata, old.metadata), ...validateConfiguration(config, false).filter((e) => !e.field.startsWith('metadata.'))];
}

export function validateMutatingWebhookConfiguration(config: admissionregistration.MutatingWebhookConfiguration): FieldError[] {
  return validateConfiguration(config, true);
}

export function validateMutatingWebhookConfigurationUpdate(config: admissionregistration.MutatingWebhookConfiguration, old: admissionregistration.MutatingWebhookConfiguration): FieldError[] {
  return [...validateObjectMetaUpdate(config.metadata, old.metadata), ...validateConfiguration(config, true).filter((e) => !e.field.startsWith('metadata.'))];
}
