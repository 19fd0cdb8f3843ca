/** The controllers' pure parts: the approval condition, caBundle checks and the CRD cache's ordering. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CustomResourceDefinition } from '../../../../api-definitions/apiextensions/v1/types.js';
import { approvalCondition } from '../../../../runtime/apiservers/extensions/controllers/api-approval-controller.js';
import { isValidCABundle } from '../../../../runtime/apiservers/extensions/controllers/ca-bundle.js';
import { CRDCache } from '../../../../runtime/apiservers/extensions/controllers/crd-cache.js';
import { ensurePki } from '../../../../runtime/cmd/pki.js';
import { readFileSync } from 'node:fs';
import { tempDir } from '../../../storage/support/temp-dir.js';
import { crdNamed } from './support.js';

const SEE = 'see https://github.com/kubernetes/enhancements/pull/1111';

describe('approvalCondition', () => {
  const cases: [string, { group: string; annotation?: string; want?: { status: string; reason: string; message: string } }][] = [
    ['not a protected group', { group: 'example.com', annotation: 'whatever' }],
    ['missing', { group: 'x.k8s.io', want: { status: 'False', reason: 'MissingAnnotation', message: `protected groups must have approval annotation "api-approved.kubernetes.io", ${SEE}` } }],
    ['unapproved', { group: 'kubernetes.io', annotation: 'unapproved', want: { status: 'False', reason: 'UnapprovedAnnotation', message: 'not approved: "unapproved"' } }],
    ['approved', { group: 'a.b.kubernetes.io', annotation: 'https://github.com/kubernetes/kubernetes/pull/1', want: { status: 'True', reason: 'ApprovedAnnotation', message: 'approved in https://github.com/kubernetes/kubernetes/pull/1' } }],
    [
      'not a URL',
      {
        group: 'k8s.io',
        annotation: 'approved-by-me',
        want: { status: 'False', reason: 'InvalidAnnotation', message: `protected groups must have approval annotation "api-approved.kubernetes.io" with either a URL or a reason starting with "unapproved", ${SEE}` },
      },
    ],
  ];
  for (const [name, { group, annotation, want }] of cases) {
    it(name, () => {
      const crd = crdNamed(group, { plural: 'things', kind: 'Thing' });
      if (annotation !== undefined) crd.metadata!.annotations = { 'api-approved.kubernetes.io': annotation };
      const got = approvalCondition(crd);
      assert.deepEqual(got, want ? { type: 'KubernetesAPIApprovalPolicyConformant', ...want } : undefined);
    });
  }
});

describe('isValidCABundle', () => {
  it('takes empty, a certificate, and refuses anything else', () => {
    const dir = tempDir('ca-bundle');
    try {
      const pki = ensurePki(dir.dir, ['127.0.0.1']);
      const pem = readFileSync(pki.ca.cert);
      assert.equal(isValidCABundle(undefined), true);
      assert.equal(isValidCABundle(''), true);
      assert.equal(isValidCABundle(pem.toString('base64')), true);
      assert.equal(isValidCABundle(Buffer.from('not a certificate').toString('base64')), false);
      assert.equal(isValidCABundle(Buffer.from('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n').toString('base64')), false);
    } finally {
      dir.remove();
    }
  });
});

describe('CRDCache', () => {
  const at = (rv: string, plural = 'things'): CustomResourceDefinition => {
    const crd = crdNamed('example.com', { plural, kind: 'Thing' });
    crd.metadata!.resourceVersion = rv;
    return crd;
  };

  it('moves only forward in resourceVersion and tells each new state once', () => {
    const cache = new CRDCache();
    const seen: string[] = [];
    cache.subscribe({ changed: (crd) => seen.push(`changed ${crd.metadata!.resourceVersion}`), deleted: (crd) => seen.push(`deleted ${crd.metadata!.resourceVersion}`) });
    assert.equal(cache.observe(at('5')).taken, true);
    assert.equal(cache.observe(at('5')).taken, true); // the same state again: taken, not told
    assert.equal(cache.observe(at('4')).taken, false);
    assert.equal(cache.observe(at('10')).taken, true);
    assert.equal(cache.get('things.example.com')?.metadata?.resourceVersion, '10');
    cache.forget(at('11'));
    assert.equal(cache.observe(at('10')).taken, false, 'a late event does not bring a deleted CRD back');
    assert.equal(cache.observe(at('12')).taken, true, 'a CRD created again under the name is taken');
    assert.deepEqual(seen, ['changed 5', 'changed 10', 'deleted 11', 'changed 12']);
  });

  it('lists a group without the named CRD', () => {
    const cache = new CRDCache();
    cache.observe(at('1', 'a'));
    cache.observe(at('2', 'b'));
    cache.observe({ ...at('3', 'c'), spec: { ...at('3', 'c').spec, group: 'other.com' } });
    assert.deepEqual(cache.inGroup('example.com', 'a.example.com').map((c) => c.metadata!.name), ['b.example.com']);
  });
});
