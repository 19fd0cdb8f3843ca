/**
 * End to end: the verbs kubectl uses, against HorizontalPodAutoscalers served by the kube tier,
 * with real kubectl 1.27 and 1.33 (fresh --cache-dir per command): create, get (table, yaml,
 * json, watch), apply (create then update), patch (strategic, merge, json), dry runs, field
 * validation, delete.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { fails, kubectlVersions, ok, startKapi, type Kapi } from './support/kapi.js';

const VERSIONS = kubectlVersions();

function hpa(name: string, maxReplicas = 3, extra = ''): string {
  return `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${name}
  labels: {app: ${name}}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ${name}}
  minReplicas: 1
  maxReplicas: ${maxReplicas}
${extra}`;
}

describe('kubectl verbs on HorizontalPodAutoscalers', { skip: VERSIONS.length === 0 && 'no kubectl.1.NN binaries on this machine' }, () => {
  let kapi: Kapi;
  before(async () => {
    kapi = await startKapi();
  });
  after(async () => {
    const code = await kapi.stop();
    assert.equal(code, 0, `the server did not stop cleanly:\n${kapi.log()}`);
  });

  for (const version of VERSIONS) {
    const name = `web-${version.replace('.', '')}`;
    describe(`kubectl ${version}`, () => {
      it('create -f, and AlreadyExists the second time', async () => {
        const file = kapi.file(`${name}.yaml`, hpa(name));
        assert.equal(ok(await kapi.kubectl(version, 'create', '-f', file)), `horizontalpodautoscaler.autoscaling/${name} created\n`);
        const err = fails(await kapi.kubectl(version, 'create', '-f', file));
        assert.equal(err, `Error from server (AlreadyExists): error when creating "${file}": horizontalpodautoscalers.autoscaling "${name}" already exists\n`);
      });

      it('get prints a table', async () => {
        const out = ok(await kapi.kubectl(version, 'get', 'hpa'));
        const [header, ...rows] = out.trim().split('\n');
        assert.match(header, /^NAME\s+REFERENCE\s+TARGETS\s+MINPODS\s+MAXPODS\s+REPLICAS\s+AGE$/);
        assert.ok(rows.some((r) => new RegExp(`^${name}\\s+Deployment/${name}\\s+cpu: <unknown>/80%\\s+1\\s+3\\s+0\\s+\\d+s$`).test(r)), out);
        const wide = ok(await kapi.kubectl(version, 'get', 'hpa', name, '--show-labels', '-o', 'wide'));
        assert.match(wide, new RegExp(`app=${name}`));
        const all = ok(await kapi.kubectl(version, 'get', 'hpa', '-A'));
        assert.match(all, new RegExp(`^default\\s+${name}\\s`, 'm'));
      });

      it('get -o yaml and -o jsonpath', async () => {
        const object = parseYaml(ok(await kapi.kubectl(version, 'get', 'hpa', name, '-o', 'yaml'))) as Record<string, Record<string, unknown>>;
        assert.equal(object['apiVersion'] as unknown, 'autoscaling/v2');
        assert.equal(object['kind'] as unknown, 'HorizontalPodAutoscaler');
        assert.match(String(object['metadata']['uid']), /^[0-9a-f-]{36}$/);
        assert.equal(object['metadata']['namespace'], 'default');
        assert.equal(ok(await kapi.kubectl(version, 'get', 'hpa', name, '-o', 'jsonpath={.spec.metrics[0].resource.target.averageUtilization}')), '80');
        const v1 = JSON.parse(ok(await kapi.kubectl(version, 'get', '--raw', `/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers/${name}`))) as Record<string, Record<string, unknown>>;
        assert.equal(v1['apiVersion'] as unknown, 'autoscaling/v1');
        assert.equal(v1['spec']['targetCPUUtilizationPercentage'], 80);
      });

      it('get of a missing object is NotFound', async () => {
        const err = fails(await kapi.kubectl(version, 'get', 'hpa', 'nope'));
        assert.equal(err, 'Error from server (NotFound): horizontalpodautoscalers.autoscaling "nope" not found\n');
      });

      it('get -w prints the change', async () => {
        const result = await kapi.watch(version, 8000, ['get', 'hpa', name, '-w'], async () => {
          ok(await kapi.kubectl(version, 'patch', 'hpa', name, '--type=merge', '-p', '{"spec":{"maxReplicas":4}}'));
        });
        const rows = result.stdout.trim().split('\n').filter((l) => l.startsWith(name));
        assert.ok(rows.length >= 2, `watch output:\n${result.stdout}\n${result.stderr}`);
      });

      it('patch: strategic, merge and json, and no change', async () => {
        assert.equal(ok(await kapi.kubectl(version, 'patch', 'hpa', name, '-p', '{"spec":{"maxReplicas":5}}')), `horizontalpodautoscaler.autoscaling/${name} patched\n`);
        ok(await kapi.kubectl(version, 'patch', 'hpa', name, '--type=merge', '-p', '{"metadata":{"labels":{"tier":"front"}}}'));
        ok(await kapi.kubectl(version, 'patch', 'hpa', name, '--type=json', '-p', '[{"op":"replace","path":"/spec/minReplicas","value":2}]'));
        assert.equal(
          ok(await kapi.kubectl(version, 'patch', 'hpa', name, '--type=merge', '-p', '{"spec":{"maxReplicas":5}}')),
          `horizontalpodautoscaler.autoscaling/${name} patched (no change)\n`,
        );
        const out = ok(await kapi.kubectl(version, 'get', 'hpa', name, '-o', 'jsonpath={.spec.minReplicas} {.spec.maxReplicas} {.metadata.labels.tier}'));
        assert.equal(out, '2 5 front');
      });

      it('apply creates, then configures', async () => {
        const applied = `${name}-applied`;
        const file = kapi.file(`${applied}.yaml`, hpa(applied, 3));
        assert.equal(ok(await kapi.kubectl(version, 'apply', '-f', file)), `horizontalpodautoscaler.autoscaling/${applied} created\n`);
        kapi.file(`${applied}.yaml`, hpa(applied, 6));
        assert.equal(ok(await kapi.kubectl(version, 'apply', '-f', file)), `horizontalpodautoscaler.autoscaling/${applied} configured\n`);
        assert.equal(ok(await kapi.kubectl(version, 'get', 'hpa', applied, '-o', 'jsonpath={.spec.maxReplicas}')), '6');
        assert.equal(ok(await kapi.kubectl(version, 'apply', '-f', file)), `horizontalpodautoscaler.autoscaling/${applied} unchanged\n`);
      });

      it('dry runs on the server write nothing', async () => {
        const dry = `${name}-dry`;
        const file = kapi.file(`${dry}.yaml`, hpa(dry));
        assert.equal(ok(await kapi.kubectl(version, 'create', '-f', file, '--dry-run=server')), `horizontalpodautoscaler.autoscaling/${dry} created (server dry run)\n`);
        fails(await kapi.kubectl(version, 'get', 'hpa', dry));
      });

      it('refuses unknown fields (fieldValidation=Strict)', async () => {
        const file = kapi.file(`${name}-bad.yaml`, hpa(`${name}-bad`, 3, '  foo: 1\n'));
        const err = fails(await kapi.kubectl(version, 'create', '-f', file));
        assert.equal(
          err,
          `Error from server (BadRequest): error when creating "${file}": HorizontalPodAutoscaler in version "v2" cannot be handled as a HorizontalPodAutoscaler: strict decoding error: unknown field "spec.foo"\n`,
        );
        assert.match(ok(await kapi.kubectl(version, 'create', '-f', file, '--validate=false')), /created/);
      });

      it('delete, then NotFound', async () => {
        assert.equal(ok(await kapi.kubectl(version, 'delete', 'hpa', name)), `horizontalpodautoscaler.autoscaling "${name}" deleted\n`);
        fails(await kapi.kubectl(version, 'get', 'hpa', name));
        const err = fails(await kapi.kubectl(version, 'delete', 'hpa', name));
        assert.equal(err, `Error from server (NotFound): horizontalpodautoscalers.autoscaling "${name}" not found\n`);
      });
    });
  }
});
