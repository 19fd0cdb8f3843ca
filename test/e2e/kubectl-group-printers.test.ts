/**
 * End to end: kubectl 1.27 and 1.33 create objects of the apps, batch, rbac and networking
 * groups with their `create` subcommands and print them with `get`, reading the columns and
 * cells of kube-apiserver's printers from the Tables kapi serves.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { kubectlVersions, ok, startKapi, type Kapi } from './support/kapi.js';

const VERSIONS = kubectlVersions();

/** The words of a header or row line, split on runs of two or more spaces as kubectl aligns them. */
const fields = (line: string): string[] => line.trim().split(/\s{2,}/);

function lines(out: string): string[] {
  return out.split('\n').filter((l) => l.length > 0);
}

describe('kubectl get on the built-in groups prints upstream columns', { skip: VERSIONS.length === 0 && 'no kubectl.1.NN binaries on this machine' }, () => {
  let kapi: Kapi;
  before(async () => {
    kapi = await startKapi();
  });
  after(async () => {
    const code = await kapi.stop();
    assert.equal(code, 0, `the server did not stop cleanly:\n${kapi.log()}`);
  });

  for (const version of VERSIONS) {
    const ns = `printers-${version.replace('.', '')}`;
    describe(`kubectl ${version}`, () => {
      before(async () => {
        ok(await kapi.kubectl(version, 'create', 'namespace', ns));
      });

      it('create deployment, get deploy', async () => {
        assert.equal(ok(await kapi.kubectl(version, 'create', 'deployment', 'web', '--image=nginx', '-n', ns)), 'deployment.apps/web created\n');
        const [header, row] = lines(ok(await kapi.kubectl(version, 'get', 'deploy', '-n', ns)));
        assert.deepEqual(fields(header), ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE']);
        assert.deepEqual(fields(row).slice(0, 4), ['web', '0/1', '0', '0']);
        const [wide, wideRow] = lines(ok(await kapi.kubectl(version, 'get', 'deploy', 'web', '-o', 'wide', '-n', ns)));
        assert.deepEqual(fields(wide), ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE', 'CONTAINERS', 'IMAGES', 'SELECTOR']);
        assert.deepEqual(fields(wideRow).slice(5), ['nginx', 'nginx', 'app=web']);
      });

      it('create job from an image, get jobs', async () => {
        assert.equal(ok(await kapi.kubectl(version, 'create', 'job', 'j', '--image=busybox', '-n', ns)), 'job.batch/j created\n');
        const [header, row] = lines(ok(await kapi.kubectl(version, 'get', 'jobs', '-n', ns)));
        // The server decides the columns: current upstream's, whatever the client's age.
        assert.deepEqual(fields(header), ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE']);
        assert.deepEqual(fields(row).slice(0, 3), ['j', 'Running', '0/1']);
        const selector = ok(await kapi.kubectl(version, 'get', 'job', 'j', '-n', ns, '-o', 'jsonpath={.spec.selector.matchLabels}'));
        assert.match(selector, /"batch\.kubernetes\.io\/controller-uid":"[0-9a-f-]{36}"/);
      });

      it('create cronjob, get cj', async () => {
        assert.equal(ok(await kapi.kubectl(version, 'create', 'cronjob', 'nightly', '--image=busybox', '--schedule=0 3 * * *', '-n', ns)), 'cronjob.batch/nightly created\n');
        const [header, row] = lines(ok(await kapi.kubectl(version, 'get', 'cj', '-n', ns)));
        assert.deepEqual(fields(header), ['NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE']);
        assert.deepEqual(fields(row).slice(0, 6), ['nightly', '0 3 * * *', '<none>', 'False', '0', '<none>']);
      });

      it('create role and rolebinding, get rolebinding -o wide', async () => {
        assert.equal(ok(await kapi.kubectl(version, 'create', 'role', 'reader', '--verb=get,list', '--resource=pods', '-n', ns)), 'role.rbac.authorization.k8s.io/reader created\n');
        const [roleHeader] = lines(ok(await kapi.kubectl(version, 'get', 'roles', '-n', ns)));
        assert.deepEqual(fields(roleHeader), ['NAME', 'CREATED AT']);
        const created = ok(await kapi.kubectl(version, 'create', 'rolebinding', 'readers', '--role=reader', '--user=alice', '--group=devs', `--serviceaccount=${ns}:builder`, '-n', ns));
        assert.equal(created, 'rolebinding.rbac.authorization.k8s.io/readers created\n');
        const [header, row] = lines(ok(await kapi.kubectl(version, 'get', 'rolebinding', '-o', 'wide', '-n', ns)));
        assert.deepEqual(fields(header), ['NAME', 'ROLE', 'AGE', 'USERS', 'GROUPS', 'SERVICEACCOUNTS']);
        const cells = fields(row);
        assert.deepEqual([cells[0], cells[1], ...cells.slice(3)], ['readers', 'Role/reader', 'alice', 'devs', `${ns}/builder`]);
      });

      it('create ingress from a rule, get ing', async () => {
        assert.equal(ok(await kapi.kubectl(version, 'create', 'ingress', 'x', '--rule=foo.com/bar=svc1:8080', '-n', ns)), 'ingress.networking.k8s.io/x created\n');
        const [header, row] = lines(ok(await kapi.kubectl(version, 'get', 'ing', '-n', ns)));
        assert.deepEqual(fields(header), ['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE']);
        // ADDRESS is empty, so the columns around it are separated by its width.
        assert.match(row, /^x\s+<none>\s+foo\.com\s+80\s+\d+s$/);
      });
    });
  }
});
