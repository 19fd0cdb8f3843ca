/**
 * TokenRequest over HTTP: `serviceaccounts/<name>/token` signs a token for the account with the
 * requested audiences, lifetime and bound object, in JSON and protobuf; the token authenticates
 * (TokenReview) until the account or the bound pod goes; bad requests get upstream's Status.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { installAll } from '../../generated/install.generated.js';
import { createKubeAPIServer, type KubeAPIServer } from '../../runtime/apiservers/kube/index.js';
import { serviceAccountTokenAuthenticator } from '../../runtime/apiservers/kube/reviews/index.js';
import { MEDIA_PROTOBUF, Scheme } from '../../runtime/machinery/scheme.js';
import { openSqliteStorage, type SqliteStorage } from '../../runtime/storage/sqlite/index.js';
import { request } from '../endpoints/handlers/support.js';
import { startServer, testConfig, type Running } from '../server/helpers.js';
import { tempDir } from '../storage/support/temp-dir.js';

type Obj = Record<string, unknown>;

const SA = '/api/v1/namespaces/default/serviceaccounts';
const ISSUER = 'https://kubernetes.default.svc.cluster.local';

describe('TokenRequest', () => {
  const scheme = new Scheme();
  installAll(scheme);
  let dir: { dir: string; remove: () => void };
  let storage: SqliteStorage;
  let kube: KubeAPIServer;
  let running: Running;
  before(async () => {
    dir = tempDir('token-request');
    storage = openSqliteStorage({ path: `${dir.dir}/kapi.db`, compactIntervalMs: 0 });
    const tokens = serviceAccountTokenAuthenticator(`${dir.dir}/pki/sa.key`);
    const config = testConfig((c) => {
      c.authenticators = [tokens];
    });
    kube = await createKubeAPIServer(config.complete(), { scheme, storage, controllers: false, serviceAccountTokens: tokens });
    running = await startServer(kube.server);
  });
  after(async () => {
    await running.stop();
    await kube.close();
    await storage.close();
    dir.remove();
  });

  const call = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => request(`${running.url}${path}`, method, body, headers);
  const tokenRequest = (spec: Obj = {}, metadata: Obj = {}) => ({ apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', metadata, spec });
  const account = async (name: string): Promise<string> => {
    const res = await call('POST', SA, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name } });
    assert.equal(res.status, 201, res.text);
    return (res.json()['metadata'] as { uid: string }).uid;
  };
  const review = async (token: string, audiences?: string[]): Promise<Obj> => {
    const res = await call('POST', '/apis/authentication.k8s.io/v1/tokenreviews', { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenReview', spec: { token, audiences } });
    assert.equal(res.status, 201, res.text);
    return res.json()['status'] as Obj;
  };

  it('signs a token with upstream\'s claims and default audience and lifetime', async () => {
    const uid = await account('builder');
    const before = Math.floor(Date.now() / 1000);
    const res = await call('POST', `${SA}/builder/token`, tokenRequest());
    assert.equal(res.status, 201, res.text);
    const body = res.json();
    assert.equal(body['kind'], 'TokenRequest');
    assert.equal(body['apiVersion'], 'authentication.k8s.io/v1');
    assert.deepEqual(body['spec'], { audiences: [ISSUER], expirationSeconds: 3600 });
    assert.equal((body['metadata'] as Obj)['name'], 'builder');
    const status = body['status'] as { token: string; expirationTimestamp: string };
    assert.equal(decodeProtectedHeader(status.token).alg, 'RS256');
    const claims = decodeJwt(status.token);
    assert.equal(claims.iss, ISSUER);
    assert.equal(claims.sub, 'system:serviceaccount:default:builder');
    assert.deepEqual(claims.aud, [ISSUER]);
    assert.ok(claims.exp! - claims.iat! === 3600 && claims.iat! >= before);
    assert.deepEqual(claims['kubernetes.io'], { namespace: 'default', serviceaccount: { name: 'builder', uid } });
    assert.equal(Date.parse(status.expirationTimestamp) / 1000, claims.exp);

    const reviewed = await review(status.token);
    assert.equal(reviewed['authenticated'], true);
    assert.equal((reviewed['user'] as Obj)['username'], 'system:serviceaccount:default:builder');
    assert.equal((reviewed['user'] as Obj)['uid'], uid);
    assert.deepEqual(reviewed['audiences'], [ISSUER]);
  });

  it('takes a protobuf TokenRequest, as kubectl 1.32 and later send it', async () => {
    await account('proto');
    const gvk = { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest' };
    const body = scheme.encode(tokenRequest({ audiences: ['vault'], expirationSeconds: 1200 }), gvk, MEDIA_PROTOBUF) as Uint8Array;
    const res = await fetch(`${running.url}${SA}/proto/token`, { method: 'POST', body: Buffer.from(body), headers: { 'Content-Type': MEDIA_PROTOBUF, Accept: 'application/json' } });
    assert.equal(res.status, 201);
    const token = ((await res.json()) as { status: { token: string } }).status.token;
    const claims = decodeJwt(token);
    assert.deepEqual(claims.aud, ['vault']);
    assert.equal(claims.exp! - claims.iat!, 1200);
    // Not for this server's audience: it does not authenticate here, but a review for its own audience accepts it.
    const here = await review(token);
    assert.equal(here['authenticated'], false);
    assert.match(here['error'] as string, /aud/);
    const forVault = await review(token, ['vault', 'other']);
    assert.equal(forVault['authenticated'], true);
    assert.deepEqual(forVault['audiences'], ['vault']);
    assert.equal((forVault['user'] as Obj)['username'], 'system:serviceaccount:default:proto');
  });

  it('binds a token to a pod, which stops it when the pod goes', async () => {
    await account('runner');
    const pod = await call('POST', '/api/v1/namespaces/default/pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'job' },
      spec: { serviceAccountName: 'runner', containers: [{ name: 'c', image: 'busybox' }] },
    });
    assert.equal(pod.status, 201, pod.text);
    const podUID = (pod.json()['metadata'] as { uid: string }).uid;
    const res = await call('POST', `${SA}/runner/token`, tokenRequest({ boundObjectRef: { kind: 'Pod', apiVersion: 'v1', name: 'job', uid: podUID } }));
    assert.equal(res.status, 201, res.text);
    const token = (res.json()['status'] as { token: string }).token;
    assert.deepEqual((decodeJwt(token)['kubernetes.io'] as Obj)['pod'], { name: 'job', uid: podUID });
    const user = (await review(token))['user'] as { extra: Record<string, string[]> };
    assert.deepEqual(user.extra['authentication.kubernetes.io/pod-name'], ['job']);

    assert.equal((await call('DELETE', '/api/v1/namespaces/default/pods/job?gracePeriodSeconds=0')).status, 200);
    assert.deepEqual(await review(token), { authenticated: false, user: {}, error: 'pod default/job has been deleted' });
  });

  it('refuses bad requests with upstream Status errors', async () => {
    await account('strict');
    const short = await call('POST', `${SA}/strict/token`, tokenRequest({ expirationSeconds: 60 }));
    assert.equal(short.status, 422);
    assert.equal(short.json()['message'], 'TokenRequest.authentication.k8s.io "" is invalid: spec.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes');
    const renamed = await call('POST', `${SA}/strict/token`, tokenRequest({}, { name: 'other' }));
    assert.equal(renamed.status, 422);
    assert.match(renamed.json()['message'] as string, /metadata\.name: Invalid value: "other": must match the service account name if specified/);
    const missing = await call('POST', `${SA}/ghost/token`, tokenRequest());
    assert.equal(missing.status, 404);
    assert.equal(missing.json()['message'], 'serviceaccounts "ghost" not found');
    const wrongKind = await call('POST', `${SA}/strict/token`, tokenRequest({ boundObjectRef: { kind: 'ConfigMap', apiVersion: 'v1', name: 'x' } }));
    assert.equal(wrongKind.status, 400);
    assert.equal(wrongKind.json()['message'], 'cannot bind token to object of type /v1, Kind=ConfigMap');
    const secret = await call('POST', '/api/v1/namespaces/default/secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } });
    assert.equal(secret.status, 201, secret.text);
    const stale = await call('POST', `${SA}/strict/token`, tokenRequest({ boundObjectRef: { kind: 'Secret', apiVersion: 'v1', name: 's', uid: 'old' } }));
    assert.equal(stale.status, 409);
    assert.match(stale.json()['message'] as string, /the UID in the bound object reference \(old\) does not match the UID in record/);
    const notABody = await call('POST', `${SA}/strict/token`, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'strict' } });
    assert.equal(notABody.status, 400);
  });
});
