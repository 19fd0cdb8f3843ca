/**
 * End to end: `kubectl auth can-i`, `auth can-i --list` and `auth whoami` against `kapi serve`
 * with real kubectl 1.27 and 1.33 (1.33 posts the reviews as protobuf), binding a pod to a node
 * with `kubectl create -f binding.yaml` and `kubectl create --raw`, and evicting one.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fails, kubectlVersions, ok, startKapi, type Kapi } from './support/kapi.js';

const VERSIONS = kubectlVersions();

const pod = (name: string): string => `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  containers: [{name: c, image: busybox}]
`;

describe('kubectl auth and pod binding', { skip: VERSIONS.length === 0 && 'no kubectl.1.NN binaries on this machine' }, () => {
  let kapi: Kapi;
  before(async () => {
    kapi = await startKapi();
  });
  after(async () => {
    const code = await kapi.stop();
    assert.equal(code, 0, `the server did not stop cleanly:\n${kapi.log()}`);
  });

  it('lists the review resources and the pod and service account subresources in discovery', async () => {
    const core = (await kapi.request('/api/v1')).json as { resources: { name: string; kind: string; verbs: string[]; group?: string; version?: string }[] };
    const byName = new Map(core.resources.map((r) => [r.name, r]));
    assert.deepEqual(byName.get('pods/binding'), { name: 'pods/binding', singularName: '', namespaced: true, kind: 'Binding', verbs: ['create'] });
    assert.deepEqual(byName.get('pods/eviction'), { name: 'pods/eviction', singularName: '', namespaced: true, group: 'policy', version: 'v1', kind: 'Eviction', verbs: ['create'] });
    assert.deepEqual(byName.get('serviceaccounts/token'), {
      name: 'serviceaccounts/token',
      singularName: '',
      namespaced: true,
      group: 'authentication.k8s.io',
      version: 'v1',
      kind: 'TokenRequest',
      verbs: ['create'],
    });
    const authz = (await kapi.request('/apis/authorization.k8s.io/v1')).json as { resources: { name: string; verbs: string[] }[] };
    assert.deepEqual(authz.resources.map((r) => `${r.name}:${r.verbs.join(',')}`).sort(), [
      'localsubjectaccessreviews:create',
      'selfsubjectaccessreviews:create',
      'selfsubjectrulesreviews:create',
      'subjectaccessreviews:create',
    ]);
  });

  for (const version of VERSIONS) {
    const suffix = version.replace('.', '');
    describe(`kubectl ${version}`, () => {
      it('auth can-i answers yes from the authorizer', async () => {
        assert.equal(ok(await kapi.kubectl(version, 'auth', 'can-i', 'create', 'pods')), 'yes\n');
        assert.equal(ok(await kapi.kubectl(version, 'auth', 'can-i', 'get', '/healthz')), 'yes\n');
        assert.equal(ok(await kapi.kubectl(version, 'auth', 'can-i', 'delete', 'deployments.apps', '-n', 'kube-system')), 'yes\n');
      });

      it('auth can-i --list prints the rules table', async () => {
        const out = ok(await kapi.kubectl(version, 'auth', 'can-i', '--list'));
        const lines = out.trim().split('\n').map((l) => l.trim().split(/\s+/));
        assert.deepEqual(lines[0], ['Resources', 'Non-Resource', 'URLs', 'Resource', 'Names', 'Verbs']);
        assert.deepEqual(lines.slice(1), [
          ['*.*', '[]', '[]', '[*]'],
          ['[*]', '[]', '[*]'],
        ]);
      });

      it('auth whoami names the admin certificate\'s user and groups', async () => {
        if (version === '1.27') {
          // 1.27 knows only the alpha and beta SelfSubjectReview, which a 1.33 server no longer serves.
          const err = fails(await kapi.kubectl(version, 'auth', 'whoami'));
          assert.match(err, /^error: the selfsubjectreviews API is not enabled in the cluster/);
          return;
        }
        const out = ok(await kapi.kubectl(version, 'auth', 'whoami'));
        const rows = out.trim().split('\n').map((l) => l.trim().split(/\s{2,}/));
        assert.deepEqual(rows, [
          ['ATTRIBUTE', 'VALUE'],
          ['Username', 'kubernetes-admin'],
          ['Groups', '[system:masters system:authenticated]'],
        ]);
      });

      it('binds a pod to a node with create -f binding.yaml, once', async () => {
        const name = `bound-${suffix}`;
        ok(await kapi.kubectl(version, 'create', '-f', kapi.file(`${name}.yaml`, pod(name))));
        const binding = kapi.file(`${name}-binding.yaml`, `apiVersion: v1\nkind: Binding\nmetadata: {name: ${name}}\ntarget: {kind: Node, name: node-a}\n`);
        // kubectl names what the server returned, and a binding returns a Status, as upstream's does.
        assert.equal(ok(await kapi.kubectl(version, 'create', '-f', binding)), 'status/<unknown> created\n');
        assert.equal(ok(await kapi.kubectl(version, 'get', 'pod', name, '-o', 'jsonpath={.spec.nodeName}')), 'node-a');
        const err = fails(await kapi.kubectl(version, 'create', '-f', binding));
        assert.match(err, new RegExp(`Error from server \\(Conflict\\): .*Operation cannot be fulfilled on pods/binding "${name}": pod ${name} is already assigned to node "node-a"`));
      });

      it('binds through pods/<name>/binding with create --raw', async () => {
        const name = `raw-${suffix}`;
        ok(await kapi.kubectl(version, 'create', '-f', kapi.file(`${name}.yaml`, pod(name))));
        const body = kapi.file(`${name}-binding.json`, JSON.stringify({ apiVersion: 'v1', kind: 'Binding', metadata: { name }, target: { name: 'node-b' } }));
        const out = ok(await kapi.kubectl(version, 'create', '--raw', `/api/v1/namespaces/default/pods/${name}/binding`, '-f', body));
        assert.deepEqual(JSON.parse(out), { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
        assert.equal(ok(await kapi.kubectl(version, 'get', 'pod', name, '-o', 'jsonpath={.spec.nodeName}')), 'node-b');
      });

      it('evicts a pod through pods/<name>/eviction with create --raw', async () => {
        const name = `evicted-${suffix}`;
        ok(await kapi.kubectl(version, 'create', '-f', kapi.file(`${name}.yaml`, pod(name))));
        const body = kapi.file(`${name}-eviction.json`, JSON.stringify({ apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name } }));
        const out = ok(await kapi.kubectl(version, 'create', '--raw', `/api/v1/namespaces/default/pods/${name}/eviction`, '-f', body));
        assert.equal(JSON.parse(out)['status'], 'Success');
        const err = fails(await kapi.kubectl(version, 'get', 'pod', name));
        assert.match(err, new RegExp(`NotFound.*pods "${name}" not found`));
      });

      it('create token signs a service account token that authenticates as the account', async () => {
        const account = `robot-${suffix}`;
        ok(await kapi.kubectl(version, 'create', 'serviceaccount', account));
        const token = ok(await kapi.kubectl(version, 'create', 'token', account, '--duration=20m')).trim();
        assert.match(token, /^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
        const review = kapi.file(`${account}-review.yaml`, `apiVersion: authentication.k8s.io/v1\nkind: TokenReview\nspec: {token: ${token}}\n`);
        const reviewed = JSON.parse(ok(await kapi.kubectl(version, 'create', '-f', review, '-o', 'json'))) as { status: { authenticated: boolean; user: { username: string; groups: string[] } } };
        assert.equal(reviewed.status.authenticated, true);
        assert.equal(reviewed.status.user.username, `system:serviceaccount:default:${account}`);
        assert.deepEqual(reviewed.status.user.groups, ['system:serviceaccounts', 'system:serviceaccounts:default', 'system:authenticated']);

        // The token alone, without the admin certificate, reaches the server as the account.
        const kubeconfig = kapi.file(
          `${account}.kubeconfig`,
          JSON.stringify({
            apiVersion: 'v1',
            kind: 'Config',
            clusters: [{ name: 'kapi', cluster: { server: kapi.url, 'certificate-authority-data': kapi.tls.ca.toString('base64') } }],
            users: [{ name: account, user: { token } }],
            contexts: [{ name: account, context: { cluster: 'kapi', user: account, namespace: 'default' } }],
            'current-context': account,
          }),
        );
        assert.equal(ok(await kapi.kubectl(version, '--kubeconfig', kubeconfig, 'auth', 'can-i', 'get', 'pods')), 'yes\n');
        if (version !== '1.27') {
          const out = ok(await kapi.kubectl(version, '--kubeconfig', kubeconfig, 'auth', 'whoami', '-o', 'json'));
          assert.equal((JSON.parse(out) as { status: { userInfo: { username: string } } }).status.userInfo.username, `system:serviceaccount:default:${account}`);
        }

        // Deleting the account revokes its tokens.
        ok(await kapi.kubectl(version, 'delete', 'serviceaccount', account));
        const revoked = JSON.parse(ok(await kapi.kubectl(version, 'create', '-f', review, '-o', 'json'))) as { status: { authenticated: boolean; error: string } };
        assert.equal(revoked.status.authenticated, false);
        assert.equal(revoked.status.error, `service account default/${account} has been deleted`);
      });

      it('drain --dry-run=server evicts the node\'s pods through pods/eviction', async () => {
        const node = `node-${suffix}`;
        const name = `drained-${suffix}`;
        const manifest = `apiVersion: v1\nkind: Node\nmetadata: {name: ${node}}\n---\n${pod(name).replace('spec:\n', `spec:\n  nodeName: ${node}\n`)}`;
        ok(await kapi.kubectl(version, 'create', '-f', kapi.file(`${node}.yaml`, manifest)));
        const out = ok(await kapi.kubectl(version, 'drain', node, '--force', '--dry-run=server', '--timeout=30s'));
        assert.match(out, new RegExp(`evicting pod default/${name} \\(server dry run\\)`));
        assert.match(out, new RegExp(`node/${node} drained \\(server dry run\\)`));
        assert.equal(ok(await kapi.kubectl(version, 'get', 'pod', name, '-o', 'jsonpath={.metadata.deletionTimestamp}')), '');
      });
    });
  }
});
