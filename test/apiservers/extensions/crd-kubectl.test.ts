/**
 * CustomResourceDefinitions through real kubectl 1.27 and 1.33 against `kapi serve`: a valid CRD
 * is created with its storage version recorded, and invalid ones are refused with upstream's
 * message, exactly as kubectl prints it against kube-apiserver.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fails, kubectlVersions, ok, startKapi, type Kapi } from '../../e2e/support/kapi.js';

const VERSIONS = kubectlVersions();

function crd(plural: string, group: string, name = `${plural}.${group}`, extraSpecSchema = ''): string {
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: ${name}
spec:
  group: ${group}
  scope: Namespaced
  names: {plural: ${plural}, singular: ${plural.replace(/s$/, '')}, kind: K${plural.replace(/s$/, '')}, listKind: K${plural.replace(/s$/, '')}List}
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
              replicas: {type: integer}
${extraSpecSchema}`;
}

describe('kubectl and CustomResourceDefinitions', { skip: VERSIONS.length === 0 && 'no kubectl.1.NN binaries on this machine' }, () => {
  let kapi: Kapi;
  before(async () => {
    kapi = await startKapi();
  });
  after(async () => {
    await kapi?.stop();
  });

  for (const version of VERSIONS) {
    const v = version.replace('.', '');
    it(`kubectl ${version}: creates a valid CRD and records its stored version`, async () => {
      const file = kapi.file(`good-${v}.yaml`, crd(`widgets${v}s`, 'example.com'));
      assert.equal(ok(await kapi.kubectl(version, 'create', '-f', file)).trim(), `customresourcedefinition.apiextensions.k8s.io/widgets${v}s.example.com created`);
      const stored = ok(await kapi.kubectl(version, 'get', 'crd', `widgets${v}s.example.com`, '-o', 'jsonpath={.status.storedVersions}'));
      assert.equal(stored, '["v1"]');
    });

    it(`kubectl ${version}: a name that is not plural.group`, async () => {
      const file = kapi.file(`badname-${v}.yaml`, crd(`gadgets${v}s`, 'example.com', `other${v}s.example.com`));
      const stderr = fails(await kapi.kubectl(version, 'create', '-f', file));
      assert.match(
        stderr,
        new RegExp(`The CustomResourceDefinition "other${v}s\\.example\\.com" is invalid: metadata\\.name: Invalid value: "other${v}s\\.example\\.com": must be spec\\.names\\.plural\\+"\\."\\+spec\\.group`),
      );
    });

    it(`kubectl ${version}: a field without a type and a rule that does not compile`, async () => {
      const extra = `              size: {description: untyped}
            x-kubernetes-validations:
            - rule: "self.replicas.twice() > 0"
`;
      const file = kapi.file(`badschema-${v}.yaml`, crd(`things${v}s`, 'example.com', undefined, extra));
      const stderr = fails(await kapi.kubectl(version, 'apply', '-f', file));
      assert.match(stderr, /spec\.validation\.openAPIV3Schema\.properties\[spec\]\.properties\[size\]\.type: Required value: must not be empty for specified object fields/);
      assert.doesNotMatch(stderr, /x-kubernetes-validations/, 'rules are compiled only once the schema is structural, as upstream');
    });
  }
});
