/**
 * The access and token reviews of the kube tier over HTTP: SelfSubjectAccessReview,
 * SubjectAccessReview, LocalSubjectAccessReview, SelfSubjectRulesReview, SelfSubjectReview and
 * TokenReview answered from the server's own authorizer and authenticators, in JSON and
 * protobuf, and upstream's errors for bad input.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { installAll } from '../../generated/install.generated.js';
import { createKubeAPIServer, type KubeAPIServer } from '../../runtime/apiservers/kube/index.js';
import { decodeEnvelope } from '../../runtime/machinery/protobuf/envelope.js';
import { MEDIA_PROTOBUF, Scheme } from '../../runtime/machinery/scheme.js';
import { tokenAuthenticator } from '../../runtime/server/authentication/token-file.js';
import { privilegedGroups } from '../../runtime/server/authorization/modes.js';
import type { Authorizer } from '../../runtime/server/authorization/types.js';
import { openSqliteStorage, type SqliteStorage } from '../../runtime/storage/sqlite/index.js';
import { request } from '../endpoints/handlers/support.js';
import { startServer, testConfig, type Running } from '../server/helpers.js';
import { tempDir } from '../storage/support/temp-dir.js';

type Obj = Record<string, unknown>;

/** A mode like a webhook: it decides, but cannot list its rules. */
const aliceMayReadPods: Authorizer = {
  name: 'test-webhook',
  authorize(a) {
    if (a.apiGroup === 'authentication.k8s.io' && a.resource === 'selfsubjectreviews') return { decision: 'Allow' };
    if (a.user.name !== 'alice') return { decision: 'NoOpinion' };
    if (a.apiGroup === 'authorization.k8s.io' || a.apiGroup === 'authentication.k8s.io') return { decision: 'Allow' };
    if (a.resourceRequest && a.resource === 'pods' && a.verb === 'list') return { decision: 'Allow', reason: `labels(${a.labelSelector ?? ''}) fields(${a.fieldSelector ?? ''})` };
    if (a.resourceRequest && a.resource === 'pods' && a.verb === 'get') return { decision: 'Allow', reason: 'alice reads pods' };
    if (a.verb === 'delete') return { decision: 'Deny', reason: 'alice never deletes' };
    return { decision: 'NoOpinion', reason: 'no rule for alice' };
  },
};

const ADMIN = { Authorization: 'Bearer admin-token' };
const ALICE = { Authorization: 'Bearer alice-token' };
const AZ = '/apis/authorization.k8s.io/v1';
const AN = '/apis/authentication.k8s.io/v1';

describe('access and token reviews', () => {
  const scheme = new Scheme();
  installAll(scheme);
  let dir: { dir: string; remove: () => void };
  let storage: SqliteStorage;
  let kube: KubeAPIServer;
  let running: Running;
  before(async () => {
    dir = tempDir('reviews');
    storage = openSqliteStorage({ path: `${dir.dir}/kapi.db`, compactIntervalMs: 0 });
    const config = testConfig((c) => {
      c.authenticators = [
        tokenAuthenticator(
          new Map([
            ['admin-token', { name: 'admin', uid: 'u-1', groups: ['system:masters'] }],
            ['alice-token', { name: 'alice', uid: 'u-2', groups: ['dev'] }],
          ]),
        ),
      ];
      c.authorizers = [privilegedGroups, aliceMayReadPods];
    });
    kube = await createKubeAPIServer(config.complete(), { scheme, storage, controllers: false });
    running = await startServer(kube.server);
  });
  after(async () => {
    await running.stop();
    await kube.close();
    await storage.close();
    dir.remove();
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = ADMIN) => request(`${running.url}${path}`, 'POST', body, headers);
  const ssar = (spec: Obj) => ({ apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', metadata: { creationTimestamp: null }, spec });

  it('answers a SelfSubjectAccessReview from the authorizer, for the requesting user', async () => {
    const admin = await post(`${AZ}/selfsubjectaccessreviews`, ssar({ resourceAttributes: { namespace: 'default', verb: 'create', resource: 'pods' } }));
    assert.equal(admin.status, 201, admin.text);
    assert.equal(admin.json()['kind'], 'SelfSubjectAccessReview');
    assert.deepEqual(admin.json()['status'], { allowed: true });

    const read = await post(`${AZ}/selfsubjectaccessreviews`, ssar({ resourceAttributes: { namespace: 'default', verb: 'get', resource: 'pods' } }), ALICE);
    assert.deepEqual(read.json()['status'], { allowed: true, reason: 'alice reads pods' });
    const create = await post(`${AZ}/selfsubjectaccessreviews`, ssar({ resourceAttributes: { verb: 'create', resource: 'pods' } }), ALICE);
    assert.deepEqual(create.json()['status'], { allowed: false, reason: 'no rule for alice' });
    const del = await post(`${AZ}/selfsubjectaccessreviews`, ssar({ resourceAttributes: { verb: 'delete', resource: 'pods' } }), ALICE);
    assert.deepEqual(del.json()['status'], { allowed: false, denied: true, reason: 'alice never deletes' });
    const healthz = await post(`${AZ}/selfsubjectaccessreviews`, ssar({ nonResourceAttributes: { path: '/healthz', verb: 'get' } }), ALICE);
    assert.equal(healthz.json()['status'] && (healthz.json()['status'] as Obj)['allowed'], false);
  });

  it('hands the review\'s selectors to the authorizer, and says which did not parse', async () => {
    const list = (extra: Obj) => post(`${AZ}/selfsubjectaccessreviews`, ssar({ resourceAttributes: { verb: 'list', resource: 'pods', ...extra } }), ALICE);
    const raw = await list({ labelSelector: { rawSelector: 'app=web,tier!=db' }, fieldSelector: { rawSelector: 'spec.nodeName=n1' } });
    assert.deepEqual(raw.json()['status'], { allowed: true, reason: 'labels(app=web,tier!=db) fields(spec.nodeName=n1)' });
    const reqs = await list({
      labelSelector: { requirements: [{ key: 'app', operator: 'In', values: ['web', 'api'] }, { key: 'x', operator: 'Near' }] },
      fieldSelector: { requirements: [{ key: 'spec.nodeName', operator: 'NotIn', values: ['n2'] }] },
    });
    assert.deepEqual(reqs.json()['status'], {
      allowed: true,
      reason: 'labels(app in (api,web)) fields(spec.nodeName!=n2)',
      evaluationError: 'spec.resourceAttributes.labelSelector partially ignored due to parse error',
    });
    const bad = await list({ labelSelector: { rawSelector: 'a in (' }, fieldSelector: { requirements: [{ key: 'f', operator: 'Exists' }] } });
    assert.deepEqual(bad.json()['status'], {
      allowed: true,
      reason: 'labels() fields()',
      evaluationError: 'spec.resourceAttributes.fieldSelector ignored due to parse error; spec.resourceAttributes.labelSelector ignored due to parse error',
    });
  });

  it('takes and answers protobuf, as kubectl 1.32 and later send it', async () => {
    const gvk = { group: 'authorization.k8s.io', version: 'v1', kind: 'SelfSubjectAccessReview' };
    const body = scheme.encode(ssar({ resourceAttributes: { namespace: 'default', verb: 'get', resource: 'pods' } }), gvk, MEDIA_PROTOBUF) as Uint8Array;
    const res = await fetch(`${running.url}${AZ}/selfsubjectaccessreviews`, {
      method: 'POST',
      body: Buffer.from(body),
      headers: { ...ALICE, 'Content-Type': MEDIA_PROTOBUF, Accept: `${MEDIA_PROTOBUF},application/json` },
    });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('content-type'), MEDIA_PROTOBUF);
    const { object } = scheme.decode(new Uint8Array(await res.arrayBuffer()), MEDIA_PROTOBUF);
    assert.equal((object['status'] as Obj)['allowed'], true);
    assert.equal((object['spec'] as { resourceAttributes: Obj }).resourceAttributes['verb'], 'get');

    const rulesGvk = { group: 'authorization.k8s.io', version: 'v1', kind: 'SelfSubjectRulesReview' };
    const rules = scheme.encode({ apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', metadata: {}, spec: { namespace: 'default' } }, rulesGvk, MEDIA_PROTOBUF) as Uint8Array;
    const rulesRes = await fetch(`${running.url}${AZ}/selfsubjectrulesreviews`, { method: 'POST', body: Buffer.from(rules), headers: { ...ADMIN, 'Content-Type': MEDIA_PROTOBUF, Accept: MEDIA_PROTOBUF } });
    assert.equal(rulesRes.status, 201);
    const envelope = decodeEnvelope(new Uint8Array(await rulesRes.arrayBuffer()));
    assert.equal(envelope.kind, 'SelfSubjectRulesReview');
  });

  it('asks about the subject a SubjectAccessReview names', async () => {
    const sar = { apiVersion: 'authorization.k8s.io/v1', kind: 'SubjectAccessReview', spec: { user: 'alice', resourceAttributes: { verb: 'get', resource: 'pods', namespace: 'x' } } };
    const res = await post(`${AZ}/subjectaccessreviews`, sar);
    assert.equal(res.status, 201, res.text);
    assert.deepEqual(res.json()['status'], { allowed: true, reason: 'alice reads pods' });
    const masters = await post(`${AZ}/subjectaccessreviews`, { ...sar, spec: { groups: ['system:masters'], resourceAttributes: { verb: 'delete', resource: 'nodes' } } });
    assert.deepEqual(masters.json()['status'], { allowed: true });
  });

  it('checks a LocalSubjectAccessReview against the namespace of its path', async () => {
    const lsar = (ns: string) => ({
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'LocalSubjectAccessReview',
      spec: { user: 'alice', resourceAttributes: { verb: 'get', resource: 'pods', namespace: ns } },
    });
    const ok = await post(`${AZ}/namespaces/team/localsubjectaccessreviews`, lsar('team'));
    assert.equal(ok.status, 201, ok.text);
    assert.equal((ok.json()['metadata'] as Obj)['namespace'], 'team');
    assert.equal((ok.json()['status'] as Obj)['allowed'], true);
    const mismatch = await post(`${AZ}/namespaces/team/localsubjectaccessreviews`, lsar('other'));
    assert.equal(mismatch.status, 422);
    assert.equal(mismatch.json()['reason'], 'Invalid');
    assert.equal(
      mismatch.json()['message'],
      'LocalSubjectAccessReview.authorization.k8s.io "" is invalid: spec.resourceAttributes.namespace: Invalid value: "other": must match metadata.namespace',
    );
    const noNamespace = await post(`${AZ}/localsubjectaccessreviews`, lsar('team'));
    assert.equal(noNamespace.status, 405);
    const objectNamespace = await post(`${AZ}/namespaces/team/localsubjectaccessreviews`, { ...lsar('team'), metadata: { namespace: 'else' } });
    assert.equal(objectNamespace.status, 400);
    assert.equal(objectNamespace.json()['message'], 'the namespace of the provided object does not match the namespace sent on the request');
  });

  it('refuses bad reviews with upstream Status errors naming the field', async () => {
    const noSubject = await post(`${AZ}/subjectaccessreviews`, { apiVersion: 'authorization.k8s.io/v1', kind: 'SubjectAccessReview', spec: { resourceAttributes: { verb: 'get' } } });
    assert.equal(noSubject.status, 422);
    assert.equal(noSubject.json()['message'], 'SubjectAccessReview.authorization.k8s.io "" is invalid: spec.user: Invalid value: "": at least one of user or group must be specified');

    const neither = await post(`${AZ}/selfsubjectaccessreviews`, ssar({}));
    assert.equal(neither.status, 422);
    assert.match(neither.json()['message'] as string, /spec\.resourceAttributes: Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified/);
    const both = await post(`${AZ}/selfsubjectaccessreviews`, ssar({ resourceAttributes: { verb: 'get' }, nonResourceAttributes: { path: '/x', verb: 'get' } }));
    assert.equal(both.status, 422);
    assert.match(both.json()['message'] as string, /spec\.nonResourceAttributes: Invalid value: .*cannot be specified in combination with resourceAttributes/);

    const named = await post(`${AZ}/selfsubjectaccessreviews`, { ...ssar({ resourceAttributes: { verb: 'get' } }), metadata: { name: 'mine' } });
    assert.equal(named.status, 422);
    assert.match(named.json()['message'] as string, /metadata: Invalid value: .*must be empty/);

    const noSpec = await post(`${AZ}/selfsubjectaccessreviews`, { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview' });
    assert.equal(noSpec.status, 422, noSpec.text);
    assert.match(noSpec.json()['message'] as string, /spec: Required value/);

    const wrongKind = await post(`${AZ}/selfsubjectaccessreviews`, { apiVersion: 'authorization.k8s.io/v1', kind: 'SubjectAccessReview', spec: {} });
    assert.equal(wrongKind.status, 400);
    assert.equal(wrongKind.json()['reason'], 'BadRequest');

    const noNamespace = await post(`${AZ}/selfsubjectrulesreviews`, { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', spec: {} });
    assert.equal(noNamespace.status, 400);
    assert.equal(noNamespace.json()['message'], 'no namespace on request');
  });

  it('serves create only: other verbs are 405 and there is no Table', async () => {
    assert.equal((await request(`${running.url}${AZ}/selfsubjectaccessreviews`, 'GET', undefined, ADMIN)).status, 405);
    assert.equal((await request(`${running.url}${AZ}/selfsubjectaccessreviews/x`, 'GET', undefined, ADMIN)).status, 405);
    assert.equal((await request(`${running.url}${AZ}/selfsubjectaccessreviews/x`, 'DELETE', undefined, ADMIN)).status, 405);
    const table = await post(`${AZ}/selfsubjectaccessreviews`, ssar({ resourceAttributes: { verb: 'get' } }), { ...ADMIN, Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' });
    assert.equal(table.status, 406);
  });

  it('lists rules, incomplete when a mode cannot list its own', async () => {
    const res = await post(`${AZ}/selfsubjectrulesreviews`, { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', spec: { namespace: 'default' } }, ALICE);
    assert.equal(res.status, 201, res.text);
    assert.deepEqual(res.json()['status'], { resourceRules: [], nonResourceRules: [], incomplete: true });
  });

  it('tells who is asking (kubectl auth whoami)', async () => {
    const body = { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview', metadata: { creationTimestamp: null }, status: {} };
    const res = await post(`${AN}/selfsubjectreviews`, body, ALICE);
    assert.equal(res.status, 201, res.text);
    assert.deepEqual(res.json()['status'], { userInfo: { username: 'alice', uid: 'u-2', groups: ['dev', 'system:authenticated'] } });
    const anonymous = await post(`${AN}/selfsubjectreviews`, body, {});
    assert.deepEqual(anonymous.json()['status'], { userInfo: { username: 'system:anonymous', groups: ['system:unauthenticated'] } });
  });

  it('reviews tokens with the server\'s token authenticators', async () => {
    const review = (token: string, audiences?: string[]) => ({ apiVersion: 'authentication.k8s.io/v1', kind: 'TokenReview', spec: { token, audiences } });
    const good = await post(`${AN}/tokenreviews`, review('alice-token'));
    assert.equal(good.status, 201, good.text);
    assert.deepEqual(good.json()['status'], { authenticated: true, user: { username: 'alice', uid: 'u-2', groups: ['dev', 'system:authenticated'] } });
    const bad = await post(`${AN}/tokenreviews`, review('nobody'));
    assert.deepEqual(bad.json()['status'], { authenticated: false, user: {}, error: 'invalid bearer token' });
    const audiences = await post(`${AN}/tokenreviews`, review('alice-token', ['api']));
    assert.deepEqual((audiences.json()['status'] as Obj)['audiences'], ['api']);
    const empty = await post(`${AN}/tokenreviews`, review(''));
    assert.equal(empty.status, 400);
    assert.equal(empty.json()['message'], 'token is required for TokenReview in authentication');
  });
});
