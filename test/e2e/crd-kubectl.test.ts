/**
 * End to end: a CustomResourceDefinition through real kubectl 1.27 and 1.33 (fresh --cache-dir per
 * command), on SQLite and on etcd: apply a CRD with a schema, printer columns, a status
 * subresource, defaults, a CEL rule and two versions; wait for Established; apply valid, invalid,
 * defaulted and pruned resources; get with the printer columns, by short name and through
 * `get all`; watch; read the other version; delete the CRD and find the API gone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { backends, fails, kubectlVersions, ok, startKapi, type Kapi } from './support/kapi.js';

const VERSIONS = kubectlVersions();

function crdYaml(group: string): string {
  const version = (name: string, storage: boolean): string => `
  - name: ${name}
    served: true
    storage: ${storage}
    subresources:
      status: {}
    additionalPrinterColumns:
    - {name: Replicas, type: integer, jsonPath: .spec.replicas}
    - {name: Color, type: string, jsonPath: .spec.color}
    - {name: Phase, type: string, jsonPath: .status.phase}
    - {name: Age, type: date, jsonPath: .metadata.creationTimestamp}
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            x-kubernetes-validations:
            - {rule: "self.replicas <= 10", message: "replicas must be at most 10"}
            properties:
              replicas: {type: integer, minimum: 0, default: 1}
              color: {type: string, enum: [blue, green, red], default: blue}
          status:
            type: object
            properties:
              phase: {type: string}`;
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: gizmos.${group}
spec:
  group: ${group}
  scope: Namespaced
  names:
    plural: gizmos
    singular: gizmo
    kind: Gizmo
    listKind: GizmoList
    shortNames: [gz]
    categories: [all]
  versions:${version('v1', true)}${version('v1beta1', false)}
`;
}

function gizmo(group: string, name: string, spec: string): string {
  return `apiVersion: ${group}/v1
kind: Gizmo
metadata:
  name: ${name}
spec:
${spec}
`;
}

for (const backend of backends()) {
  describe(`kubectl and custom resources (${backend})`, { skip: VERSIONS.length === 0 && 'no kubectl.1.NN binaries on this machine' }, () => {
    let kapi: Kapi;
    before(async () => {
      kapi = await startKapi({ backend });
    });
    after(async () => {
      const code = await kapi.stop();
      assert.equal(code, 0, `the server did not stop cleanly:\n${kapi.log()}`);
    });

    for (const version of VERSIONS) {
      const group = `v${version.replace('.', '')}.${backend}.example.com`;
      const file = (name: string, content: string): string => kapi.file(`${group}-${name}.yaml`, content);
      describe(`kubectl ${version}`, () => {
        it('applies the CRD and waits for it to be established', async () => {
          assert.equal(ok(await kapi.kubectl(version, 'apply', '-f', file('crd', crdYaml(group)))), `customresourcedefinition.apiextensions.k8s.io/gizmos.${group} created\n`);
          const waited = ok(await kapi.kubectl(version, 'wait', '--for', 'condition=established', '--timeout=30s', `crd/gizmos.${group}`));
          assert.equal(waited, `customresourcedefinition.apiextensions.k8s.io/gizmos.${group} condition met\n`);
          const resources = ok(await kapi.kubectl(version, 'api-resources', `--api-group=${group}`, '--no-headers'));
          assert.match(resources, new RegExp(`^gizmos\\s+gz\\s+${group.replace(/\./g, '\\.')}/v1\\s+true\\s+Gizmo$`, 'm'));
        });

        it('applies a valid resource, and defaults what it leaves out', async () => {
          assert.equal(ok(await kapi.kubectl(version, 'apply', '-f', file('g1', gizmo(group, 'g1', '  replicas: 3\n  color: green')))), `gizmo.${group}/g1 created\n`);
          assert.equal(ok(await kapi.kubectl(version, 'apply', '-f', file('g2', gizmo(group, 'g2', '  {}')))), `gizmo.${group}/g2 created\n`);
          assert.equal(ok(await kapi.kubectl(version, 'get', `gizmos.${group}`, 'g2', '-o', 'jsonpath={.spec.replicas} {.spec.color}')), '1 blue');
          // a second apply updates (a merge patch for custom resources)
          assert.equal(ok(await kapi.kubectl(version, 'apply', '-f', file('g1b', gizmo(group, 'g1', '  replicas: 4\n  color: green')))), `gizmo.${group}/g1 configured\n`);
          assert.equal(ok(await kapi.kubectl(version, 'get', `gizmos.${group}`, 'g1', '-o', 'jsonpath={.spec.replicas} {.metadata.generation}')), '4 2');
        });

        it('refuses invalid resources, naming the field', async () => {
          const wrongType = fails(await kapi.kubectl(version, 'apply', '-f', file('bad1', gizmo(group, 'bad1', '  replicas: three'))));
          assert.match(wrongType, /spec\.replicas: Invalid value: "string": spec\.replicas in body must be of type integer: "string"/);
          const enumValue = fails(await kapi.kubectl(version, 'apply', '-f', file('bad2', gizmo(group, 'bad2', '  color: mauve'))));
          assert.match(enumValue, /spec\.color: Unsupported value: "mauve": supported values: "blue", "green", "red"/);
          const rule = fails(await kapi.kubectl(version, 'apply', '-f', file('bad3', gizmo(group, 'bad3', '  replicas: 11'))));
          assert.match(rule, /The Gizmo "bad3" is invalid: spec: Invalid value: "object": replicas must be at most 10/);
        });

        it('refuses unknown fields under strict validation, and prunes them without it', async () => {
          const unknown = gizmo(group, 'g3', '  replicas: 2\n  shape: round');
          const strict = fails(await kapi.kubectl(version, 'apply', '-f', file('g3', unknown)));
          assert.match(strict, /unknown field "spec\.shape"/);
          ok(await kapi.kubectl(version, 'apply', '--validate=false', '-f', file('g3', unknown)));
          const stored = parseYaml(ok(await kapi.kubectl(version, 'get', `gizmos.${group}`, 'g3', '-o', 'yaml'))) as { spec: Record<string, unknown> };
          assert.deepEqual(stored.spec, { replicas: 2, color: 'blue' });
        });

        it('gets with the printer columns, by short name, and through get all', async () => {
          const out = ok(await kapi.kubectl(version, 'get', `gizmos.${group}`));
          const [header, ...rows] = out.trim().split('\n');
          assert.match(header!, /^NAME\s+REPLICAS\s+COLOR\s+PHASE\s+AGE$/);
          // a missing value is a null cell, which kubectl prints empty
          assert.ok(rows.some((r) => /^g1\s+4\s+green\s+\d+s$/.test(r)), out);
          const short = ok(await kapi.kubectl(version, 'get', `gz.${group}`, 'g2', '--no-headers'));
          assert.match(short, /^g2\s+1\s+blue\s+\d+s$/m);
          const all = ok(await kapi.kubectl(version, 'get', 'all'));
          assert.match(all, new RegExp(`^gizmo\\.${group.replace(/\./g, '\\.')}/g1\\s+4\\s+green`, 'm'));
        });

        it('sets status through the status subresource and prints it', async () => {
          const patch = ['patch', `gizmos.${group}`, 'g1', '--subresource=status', '--type=merge', '-p', '{"status":{"phase":"Ready"},"spec":{"replicas":9}}'];
          ok(await kapi.kubectl(version, ...patch));
          assert.equal(ok(await kapi.kubectl(version, 'get', `gizmos.${group}`, 'g1', '-o', 'jsonpath={.status.phase} {.spec.replicas}')), 'Ready 4');
        });

        it('reads the other version', async () => {
          const beta = parseYaml(ok(await kapi.kubectl(version, 'get', `gizmos.v1beta1.${group}`, 'g1', '-o', 'yaml'))) as { apiVersion: string; spec: Record<string, unknown> };
          assert.equal(beta.apiVersion, `${group}/v1beta1`);
          assert.deepEqual(beta.spec, { replicas: 4, color: 'green' });
        });

        it('watches changes', async () => {
          const result = await kapi.watch(version, 8000, ['get', `gizmos.${group}`, 'g2', '-w', '--no-headers'], async () => {
            ok(await kapi.kubectl(version, 'patch', `gizmos.${group}`, 'g2', '--type=merge', '-p', '{"spec":{"color":"red"}}'));
          });
          const rows = result.stdout.trim().split('\n');
          assert.ok(rows.some((r) => /^g2\s+1\s+blue/.test(r)) && rows.some((r) => /^g2\s+1\s+red/.test(r)), `watch output:\n${result.stdout}\n${result.stderr}`);
        });

        it('labels, selects, describes and deletes a resource', async () => {
          ok(await kapi.kubectl(version, 'label', `gizmos.${group}`, 'g3', 'tier=gold'));
          assert.match(ok(await kapi.kubectl(version, 'get', `gizmos.${group}`, '-l', 'tier=gold', '--no-headers')), /^g3\s+2\s+blue\s+\d+s\n$/);
          const described = ok(await kapi.kubectl(version, 'describe', `gizmos.${group}`, 'g1'));
          assert.match(described, /^Name:\s+g1$/m);
          assert.match(described, /^API Version:\s+v\d+\.\w+\.example\.com\/v1$/m);
          assert.match(described, /^Kind:\s+Gizmo$/m);
          assert.match(described, /^\s+Replicas:\s+4$/m);
          assert.equal(ok(await kapi.kubectl(version, 'delete', `gizmos.${group}`, 'g3')), `gizmo.${group} "g3" deleted\n`);
          assert.match(fails(await kapi.kubectl(version, 'get', `gizmos.${group}`, 'g3')), new RegExp(`NotFound.*gizmos\\.${group.replace(/\./g, '\\.')} "g3" not found`));
        });

        it('deletes the CRD, its resources with it, and the API is gone', async () => {
          assert.equal(ok(await kapi.kubectl(version, 'delete', 'crd', `gizmos.${group}`, '--timeout=60s')), `customresourcedefinition.apiextensions.k8s.io "gizmos.${group}" deleted\n`);
          const raw = await kapi.request(`/apis/${group}/v1/namespaces/default/gizmos`);
          assert.equal(raw.status, 404, raw.body);
          const err = fails(await kapi.kubectl(version, 'get', `gizmos.${group}`));
          assert.match(err, /the server doesn't have a resource type "gizmos"/);
        });
      });
    }
  });
}
