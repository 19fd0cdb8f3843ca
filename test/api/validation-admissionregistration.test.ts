/** Webhook configuration validation over internal objects: one named row per case, upstream's exact messages. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type * as admissionregistration from '../../api-definitions/admissionregistration/types.js';
import { validateMutatingWebhookConfiguration, validateValidatingWebhookConfiguration } from '../../api-definitions/admissionregistration/validation.js';
import { errorStrings } from '../../runtime/machinery/validation/index.js';

const hook = (extra: Partial<admissionregistration.ValidatingWebhook> = {}): admissionregistration.ValidatingWebhook => ({
  name: 'check.example.com',
  clientConfig: { service: { namespace: 'ns', name: 'svc', port: 443 } },
  sideEffects: 'None',
  admissionReviewVersions: ['v1'],
  failurePolicy: 'Fail',
  matchPolicy: 'Equivalent',
  timeoutSeconds: 10,
  ...extra,
});
const config = (...webhooks: admissionregistration.ValidatingWebhook[]): admissionregistration.ValidatingWebhookConfiguration => ({ metadata: { name: 'c' }, webhooks });

describe('validateValidatingWebhookConfiguration', () => {
  const rows: [string, admissionregistration.ValidatingWebhookConfiguration, string[]][] = [
    ['valid', config(hook(), hook({ name: 'other.example.com', clientConfig: { url: 'https://127.0.0.1:9443/v' } })), []],
    ['a name of two segments', config(hook({ name: 'example.com' })), ['webhooks[0].name: Invalid value: "example.com": should be a domain with at least three segments separated by dots']],
    ['duplicate names', config(hook(), hook()), ['webhooks[1].name: Duplicate value: "check.example.com"']],
    ['no side effects', config(hook({ sideEffects: undefined })), ['webhooks[0].sideEffects: Required value: must specify one of None, NoneOnDryRun']],
    ['unsupported side effects', config(hook({ sideEffects: 'Some' })), ['webhooks[0].sideEffects: Unsupported value: "Some": supported values: "None", "NoneOnDryRun"']],
    ['no review versions', config(hook({ admissionReviewVersions: [] })), ['webhooks[0].admissionReviewVersions: Required value: must specify one of v1, v1beta1']],
    ['unknown review versions', config(hook({ admissionReviewVersions: ['v2'] })), ['webhooks[0].admissionReviewVersions: Invalid value: []string{"v2"}: must include at least one of v1, v1beta1']],
    ['timeout too long', config(hook({ timeoutSeconds: 31 })), ['webhooks[0].timeoutSeconds: Invalid value: 31: the timeout value must be between 1 and 30 seconds']],
    ['two endpoints', config(hook({ clientConfig: { url: 'https://a.example.com', service: { namespace: 'ns', name: 'svc' } } })), ['webhooks[0].clientConfig: Required value: exactly one of url or service is required']],
    ['plain http', config(hook({ clientConfig: { url: 'http://a.example.com' } })), ['webhooks[0].clientConfig.url: Invalid value: "http://a.example.com": \'https\' is the only allowed URL scheme']],
    ['unknown failure policy', config(hook({ failurePolicy: 'Maybe' })), ['webhooks[0].failurePolicy: Unsupported value: "Maybe": supported values: "Fail", "Ignore"']],
  ];
  for (const [name, obj, want] of rows) it(name, () => assert.deepEqual(errorStrings(validateValidatingWebhookConfiguration(obj)), want));

  it('mutating webhooks have a known reinvocation policy', () => {
    const m: admissionregistration.MutatingWebhookConfiguration = { metadata: { name: 'm' }, webhooks: [{ ...hook(), reinvocationPolicy: 'Always' }] };
    assert.deepEqual(errorStrings(validateMutatingWebhookConfiguration(m)), ['webhooks[0].reinvocationPolicy: Unsupported value: "Always": supported values: "IfNeeded", "Never"']);
  });
});
