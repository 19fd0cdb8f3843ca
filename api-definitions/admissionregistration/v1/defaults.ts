/**
 * Defaults of admissionregistration.k8s.io/v1: webhooks fail closed, match equivalent requests,
 * select every namespace and object, wait 10 s, and (mutating ones) are never reinvoked; rules
 * cover every scope; services listen on 443; admission policies fail closed, and their bindings
 * deny when the parameter is missing. sideEffects and admissionReviewVersions have no default
 * in v1: validation requires them.
 */
import type * as v1 from './types.js';

const DEFAULT_TIMEOUT_SECONDS = 10;

function webhookDefaults(obj: v1.ValidatingWebhook | v1.MutatingWebhook): void {
  obj.failurePolicy ??= 'Fail';
  obj.matchPolicy ??= 'Equivalent';
  obj.namespaceSelector ??= {};
  obj.objectSelector ??= {};
  obj.timeoutSeconds ??= DEFAULT_TIMEOUT_SECONDS;
}

export function SetDefaults_ValidatingWebhook(obj: v1.ValidatingWebhook): void {
  webhookDefaults(obj);
}

export function SetDefaults_MutatingWebhook(obj: v1.MutatingWebhook): void {
  webhookDefaults(obj);
  obj.reinvocationPolicy ??= 'Never';
}

export function SetDefaults_RuleWithOperations(obj: v1.RuleWithOperations): void {
  obj.scope ??= '*';
}

export function SetDefaults_NamedRuleWithOperations(obj: v1.NamedRuleWithOperations): void {
  obj.scope ??= '*';
}

export function SetDefaults_ServiceReference(obj: v1.ServiceReference): void {
  obj.port ??= 443;
}

export function SetDefaults_ValidatingAdmissionPolicySpec(obj: v1.ValidatingAdmissionPolicySpec): void {
  obj.failurePolicy ??= 'Fail';
}

export function SetDefaults_MutatingAdmissionPolicySpec(obj: v1.MutatingAdmissionPolicySpec): void {
  obj.failurePolicy ??= 'Fail';
}

export function SetDefaults_MatchResources(obj: v1.MatchResources): void {
  obj.matchPolicy ??= 'Equivalent';
  obj.namespaceSelector ??= {};
  obj.objectSelector ??= {};
}

export function SetDefaults_ParamRef(obj: v1.ParamRef): void {
  obj.parameterNotFoundAction ??= 'Deny';
}
