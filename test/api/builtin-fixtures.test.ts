/**
 * Upstream's fully populated objects of the built-in groups (fixtures/HEAD, one per kind, every
 * field set) through the scheme: JSON decodes, converts to the hub (no defaults) and back to
 * the same version without losing or changing a field, and protobuf encodes and decodes to the
 * same object. A failure names the first path that differs.
 *
 * Every fixture is accounted for: its kind is registered in the scheme, or NOT_REGISTERED says
 * why not. PARTS_NOT_KEPT lists what a registered kind cannot carry, with the reason; the rest
 * of such a fixture is still checked.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { installAll } from '../../generated/install.generated.js';
import { MEDIA_JSON, MEDIA_PROTOBUF, Scheme, type WireObject } from '../../runtime/machinery/scheme.js';
import { firstDifference } from '../support/diff.js';

const FIXTURES = path.join(import.meta.dirname, '..', '..', '..', 'shared', 'reference', 'kubernetes', 'fixtures', 'HEAD');
const scheme = new Scheme();
installAll(scheme);

/** Fixtures of kinds the scheme does not register, by file name, with the reason. */
const NOT_REGISTERED: Record<string, string> = {
  // admission.k8s.io is a webhook payload, not an API group the server serves.
  'admission.k8s.io.v1.AdmissionReview.json': 'not a served group',
  // The reference swagger.json (the source of the built-in groups) has neither in
  // certificates.k8s.io/v1; they are newer upstream.
  'certificates.k8s.io.v1.ClusterTrustBundle.json': 'not in the reference swagger.json',
  'certificates.k8s.io.v1.PodCertificateRequest.json': 'not in the reference swagger.json',
  // Upstream registers meta/v1's discovery documents, options, Status and WatchEvent in the core
  // group too; kapi has them in meta/v1 only, where they are not kinds (no metadata).
  'core.v1.APIGroup.json': 'meta/v1 type',
  'core.v1.APIVersions.json': 'meta/v1 type',
  'core.v1.CreateOptions.json': 'meta/v1 type',
  'core.v1.DeleteOptions.json': 'meta/v1 type',
  'core.v1.GetOptions.json': 'meta/v1 type',
  'core.v1.ListOptions.json': 'meta/v1 type',
  'core.v1.PatchOptions.json': 'meta/v1 type',
  'core.v1.Status.json': 'meta/v1 type',
  'core.v1.UpdateOptions.json': 'meta/v1 type',
  'core.v1.WatchEvent.json': 'meta/v1 type',
  // Query-parameter structs of the connect subresources (pods/log, pods/exec, …): they have no
  // metadata, so they are not kinds; the subresources are not served yet.
  'core.v1.NodeProxyOptions.json': 'subresource options',
  'core.v1.PodAttachOptions.json': 'subresource options',
  'core.v1.PodExecOptions.json': 'subresource options',
  'core.v1.PodLogOptions.json': 'subresource options',
  'core.v1.PodPortForwardOptions.json': 'subresource options',
  'core.v1.PodProxyOptions.json': 'subresource options',
  'core.v1.ServiceProxyOptions.json': 'subresource options',
  // Internal to kube-apiserver (the service IP and node port allocators' storage, and the
  // payload of the created-by annotation); not in the OpenAPI document.
  'core.v1.RangeAllocation.json': 'not served upstream',
  'core.v1.SerializedReference.json': 'not served upstream',
};

/**
 * Paths a registered kind cannot carry, with the reason. They are removed from the fixture
 * before the round trip.
 */
const PARTS_NOT_KEPT: Record<string, { paths: string[]; why: string }> = {
  // JobSpec.scheduling (generated.proto field 17) holds scheduling.k8s.io/v1alpha3 workload
  // types, a package kapi does not have; `kapi import` left the field out.
  'batch.v1.Job.json': { paths: ['spec.scheduling'], why: 'needs scheduling.k8s.io/v1alpha3' },
  'batch.v1.CronJob.json': { paths: ['spec.jobTemplate.spec.scheduling'], why: 'needs scheduling.k8s.io/v1alpha3' },
};

function fixture(file: string): WireObject {
  const object = JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')) as WireObject;
  for (const dotted of PARTS_NOT_KEPT[file]?.paths ?? []) {
    const keys = dotted.split('.');
    const parent = keys.slice(0, -1).reduce<Record<string, unknown>>((o, k) => o[k] as Record<string, unknown>, object);
    assert.ok(keys.at(-1)! in parent, `${file}: ${dotted} is listed in PARTS_NOT_KEPT but the fixture has none`);
    delete parent[keys.at(-1)!];
  }
  return object;
}

function assertSame(actual: unknown, expected: unknown, what: string): void {
  const difference = firstDifference(actual, expected);
  assert.equal(difference, undefined, `${what}: first difference at ${difference}`);
}

/** `apps.v1.Deployment.json` → apps/v1 Deployment; `core.v1.Pod.json` → v1 Pod. */
function gvkOf(file: string): { group: string; version: string; kind: string } {
  const parts = file.replace(/\.json$/, '').split('.');
  const kind = parts.pop()!;
  const version = parts.pop()!;
  const group = parts.join('.');
  return { group: group === 'core' ? '' : group, version, kind };
}

const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).sort();

describe('built-in fixtures (HEAD) through the scheme', () => {
  for (const file of files) {
    const gvk = gvkOf(file);
    const apiVersion = gvk.group === '' ? gvk.version : `${gvk.group}/${gvk.version}`;
    const kind = gvk.kind;
    if (!scheme.recognizes(gvk)) {
      it(`${file}: not registered (${NOT_REGISTERED[file] ?? 'no reason given'})`, () => {
        assert.ok(NOT_REGISTERED[file], `${apiVersion} ${kind} is not registered in the scheme and NOT_REGISTERED does not say why`);
      });
      continue;
    }

    it(`${file}: JSON → hub → ${apiVersion} keeps every field`, () => {
      assert.equal(NOT_REGISTERED[file], undefined, 'registered, but listed in NOT_REGISTERED');
      const original = fixture(file);
      const decoded = scheme.decodeVersioned(JSON.stringify(original), MEDIA_JSON);
      assert.deepEqual(decoded.gvk, gvk);
      const hub = scheme.toInternal(decoded.object, gvk, { defaults: false });
      assertSame(scheme.fromInternal(hub, gvk), original, file);
    });

    it(`${file}: protobuf encodes and decodes to the same object`, (t) => {
      if (!scheme.protobufCodec(gvk)) {
        t.skip(`${apiVersion} has no protobuf codec`);
        return;
      }
      const original = fixture(file);
      const hub = scheme.toInternal(structuredClone(original), gvk, { defaults: false });
      const decoded = scheme.decodeVersioned(scheme.encode(hub, gvk, MEDIA_PROTOBUF), MEDIA_PROTOBUF);
      assert.deepEqual(decoded.gvk, gvk);
      const { kind: _k, apiVersion: _a, ...fields } = original;
      assertSame(decoded.object, fields, `${file} protobuf`);
    });
  }

  it('every NOT_REGISTERED and PARTS_NOT_KEPT entry names a fixture', () => {
    for (const name of [...Object.keys(NOT_REGISTERED), ...Object.keys(PARTS_NOT_KEPT)]) {
      assert.ok(files.includes(name), `${name} is not a fixture any more: remove its entry`);
    }
  });
});
