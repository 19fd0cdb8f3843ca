/** The Available condition helpers, APIService validation and its Table. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { API_SERVICE_TABLE } from '../../../api-definitions/apiregistration/strategy.js';
import { validateAPIService, validateAPIServiceStatusUpdate } from '../../../api-definitions/apiregistration/validation.js';
import type { APIService } from '../../../runtime/apiservers/aggregator/apiservice.js';
import { sameCondition, sortVersions, withCondition } from '../../../runtime/apiservers/aggregator/apiservice.js';

const base = (spec: Partial<NonNullable<APIService['spec']>>, name = 'v1.wardle.example.com'): APIService => ({
  metadata: { name, creationTimestamp: '2020-01-01T00:00:00Z' },
  spec: { group: 'wardle.example.com', version: 'v1', groupPriorityMinimum: 2000, versionPriority: 10, ...spec },
});

describe('withCondition', () => {
  const earlier = new Date('2020-01-01T00:00:00Z');
  const later = new Date('2021-01-01T00:00:00Z');
  it('keeps the transition time while the status stays, and other conditions as they are', () => {
    const first = withCondition([{ type: 'Other', status: 'True' }], { type: 'Available', status: 'False', reason: 'A', message: 'a' }, earlier);
    const second = withCondition(first, { type: 'Available', status: 'False', reason: 'B', message: 'b' }, later);
    assert.deepEqual(second, [
      { type: 'Other', status: 'True' },
      { type: 'Available', status: 'False', lastTransitionTime: '2020-01-01T00:00:00Z', reason: 'B', message: 'b' },
    ]);
    const third = withCondition(second, { type: 'Available', status: 'True', reason: 'Passed', message: 'all checks passed' }, later);
    assert.equal(third[1]!.lastTransitionTime, '2021-01-01T00:00:00Z');
  });
  it('compares conditions without their transition times', () => {
    assert.ok(sameCondition({ type: 'Available', status: 'True', reason: 'Local', lastTransitionTime: 'x' }, { type: 'Available', status: 'True', reason: 'Local' }));
    assert.ok(!sameCondition({ type: 'Available', status: 'True', reason: 'Local' }, { type: 'Available', status: 'True', reason: 'Passed' }));
  });
});

describe('sortVersions', () => {
  it('prefers the higher versionPriority, then the kube-aware newer version', () => {
    const sorted = sortVersions([base({ version: 'v1beta1', versionPriority: 10 }), base({ version: 'v2', versionPriority: 10 }), base({ version: 'v1alpha1', versionPriority: 20 })]);
    assert.deepEqual(sorted.map((s) => s.spec?.version), ['v1alpha1', 'v2', 'v1beta1']);
  });
});

describe('validateAPIService', () => {
  const errors = (service: APIService): string[] => validateAPIService(service).map((e) => `${e.field}: ${e.type}: ${e.detail ?? ''}`);
  it('accepts a local and a remote APIService', () => {
    assert.deepEqual(errors(base({})), []);
    assert.deepEqual(errors(base({ service: { namespace: 'ns', name: 'svc', port: 443 }, caBundle: Buffer.from('pem').toString('base64') })), []);
    assert.deepEqual(errors({ metadata: { name: 'v1.' }, spec: { group: '', version: 'v1', groupPriorityMinimum: 18000, versionPriority: 1 } }), []);
  });
  const cases: [string, { given: APIService; want: RegExp }][] = [
    ['a name other than version.group', { given: base({}, 'v1.other.example.com'), want: /^metadata\.name: Invalid: must be `spec\.version\+"\."\+spec\.group`: "v1\.wardle\.example\.com"$/ }],
    ['an empty group other than v1', { given: base({ group: '', version: 'v2' }, 'v2.'), want: /^spec\.group: Required: only v1 may have an empty group and it better be legacy kube$/ }],
    ['a version that is no DNS-1035 label', { given: base({ version: 'V1' }, 'V1.wardle.example.com'), want: /^spec\.version: Invalid: / }],
    ['a group priority over 20000', { given: base({ groupPriorityMinimum: 20001 }), want: /^spec\.groupPriorityMinimum: Invalid: must be positive and less than 20000$/ }],
    ['a version priority of 0', { given: base({ versionPriority: 0 }), want: /^spec\.versionPriority: Invalid: must be positive and less than 1000$/ }],
    ['insecureSkipTLSVerify on a local APIService', { given: base({ insecureSkipTLSVerify: true }), want: /^spec\.insecureSkipTLSVerify: Invalid: local APIServices may not have insecureSkipTLSVerify$/ }],
    ['a service without a name', { given: base({ service: { namespace: 'ns', port: 443 } }), want: /^spec\.service\.name: Required: $/ }],
    ['a service port out of range', { given: base({ service: { namespace: 'ns', name: 'svc', port: 70000 } }), want: /^spec\.service\.port: Invalid: port is not valid: / }],
    [
      'insecureSkipTLSVerify beside a caBundle',
      { given: base({ service: { namespace: 'ns', name: 'svc', port: 443 }, insecureSkipTLSVerify: true, caBundle: 'cGVt' }), want: /^spec\.insecureSkipTLSVerify: Invalid: may not be true if caBundle is present$/ },
    ],
  ];
  for (const [name, { given, want }] of cases) {
    it(`refuses ${name}`, () => {
      const found = errors(given);
      assert.ok(found.some((e) => want.test(e)), found.join('\n'));
    });
  }
  it('refuses a condition status other than True, False or Unknown', () => {
    const old = { ...base({}), metadata: { ...base({}).metadata, resourceVersion: '1' } };
    const service = { ...old, status: { conditions: [{ type: 'Available', status: 'Maybe' }] } };
    assert.deepEqual(
      validateAPIServiceStatusUpdate(service, old).map((e) => e.field),
      ['status.conditions[0].status'],
    );
  });
});

describe('the APIService Table', () => {
  const now = Date.parse('2020-01-01T00:05:00Z');
  it('shows Local or the service, and the Available status with its reason when it is not True', () => {
    assert.deepEqual(API_SERVICE_TABLE.columns.map((c) => c.name), ['Name', 'Service', 'Available', 'Age']);
    assert.deepEqual(API_SERVICE_TABLE.cells(base({}) as never, now), ['v1.wardle.example.com', 'Local', 'Unknown', '5m']);
    const remote = { ...base({ service: { namespace: 'ns', name: 'svc', port: 443 } }), status: { conditions: [{ type: 'Available', status: 'False', reason: 'FailedDiscoveryCheck' }] } };
    assert.deepEqual(API_SERVICE_TABLE.cells(remote as never, now), ['v1.wardle.example.com', 'ns/svc', 'False (FailedDiscoveryCheck)', '5m']);
    const up = { ...remote, status: { conditions: [{ type: 'Available', status: 'True', reason: 'Passed' }] } };
    assert.equal(API_SERVICE_TABLE.cells(up as never, now)[2], 'True');
  });
});
