/** The filter chain and director in process over HTTP: errors as Status, delegation, limits, auth. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newConflict } from '../../runtime/machinery/errors.js';
import { tokenAuthenticator } from '../../runtime/server/authentication/token-file.js';
import { alwaysDeny } from '../../runtime/server/authorization/modes.js';
import type { AuditEvent } from '../../runtime/server/audit/types.js';
import { get, startServer, testConfig, type Running } from './helpers.js';

describe('director and errors', () => {
  let running: Running;
  before(async () => {
    const completed = testConfig().complete();
    const delegate = completed.new('delegate');
    delegate.handle('/from-delegate', (ctx) => {
      ctx.body = 'delegate';
    });
    const head = completed.new('head', delegate);
    head.handle('/from-head', (ctx) => {
      ctx.body = `head ${ctx.state.user?.name} ${ctx.state.user?.groups.join(',')}`;
    });
    head.handle('/boom', () => {
      throw new Error('kaput');
    });
    head.handle('/conflict', () => {
      throw newConflict({ group: '', resource: 'pods' }, 'web', 'try again');
    });
    head.handlePrefix('/api/v1', (ctx) => {
      ctx.body = JSON.stringify(ctx.state.requestInfo);
    });
    const widget = { kind: 'Widget', listKind: 'WidgetList', plural: 'widgets', singular: 'widget', namespaced: true, shortNames: [], categories: [], verbs: ['get'], subresources: { status: false }, printColumns: [] };
    const installed = delegate.installAPIGroup(
      { name: 'example.com', versions: [{ version: 'v1', resources: [widget] }, { version: 'v2', resources: [widget] }, { version: 'v3', resources: [] }] },
      {
        handlerFor: (gv, resources) =>
          gv.version === 'v2'
            ? undefined
            : (ctx) => {
                ctx.body = `${gv.group}/${gv.version} ${resources.map((r) => r.plural).join(',')} ${ctx.state.requestInfo.verb} ${ctx.state.requestInfo.name}`;
              },
      },
    );
    assert.deepEqual(installed, [{ group: 'example.com', version: 'v1' }]);
    running = await startServer(head);
  });
  after(() => running.stop());

  it('serves its own routes, as anonymous', async () => {
    const res = await get(`${running.url}/from-head`);
    assert.equal(res.text, 'head system:anonymous system:unauthenticated');
    assert.ok(res.headers.get('audit-id'));
  });
  it('hands unknown paths to the delegate', async () => {
    assert.equal((await get(`${running.url}/from-delegate`)).text, 'delegate');
  });
  it('answers the rest with a 404 Status', async () => {
    const res = await get(`${running.url}/nothing/here`);
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('content-type'), 'application/json');
    assert.deepEqual(JSON.parse(res.text), {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'the server could not find the requested resource',
      reason: 'NotFound',
      details: {},
      code: 404,
    });
  });
  it('turns a thrown error into a 500 Status', async () => {
    const res = await get(`${running.url}/boom`);
    assert.equal(res.status, 500);
    const body = JSON.parse(res.text);
    assert.equal(body.reason, 'InternalError');
    assert.equal(body.message, 'Internal error occurred: kaput');
  });
  it('writes a thrown StatusError as itself', async () => {
    const res = await get(`${running.url}/conflict`);
    assert.equal(res.status, 409);
    assert.equal(JSON.parse(res.text).message, 'Operation cannot be fulfilled on pods "web": try again');
  });
  it('parses request info for handlers', async () => {
    const res = await get(`${running.url}/api/v1/namespaces/ns/pods?watch=1`);
    const info = JSON.parse(res.text);
    assert.equal(info.verb, 'watch');
    assert.equal(info.namespace, 'ns');
  });
  it('routes a group-version to the REST installer, through the delegate', async () => {
    assert.equal((await get(`${running.url}/apis/example.com/v1/namespaces/x/widgets/w`)).text, 'example.com/v1 widgets get w');
    assert.equal((await get(`${running.url}/apis/example.com/v2/namespaces/x/widgets/w`)).status, 404);
  });
  it('serves /version', async () => {
    const body = JSON.parse((await get(`${running.url}/version`)).text);
    assert.equal(body.major, '1');
    assert.match(body.gitVersion, /^v1\.\d+\.\d+/);
    assert.deepEqual(Object.keys(body), ['major', 'minor', 'gitVersion', 'gitCommit', 'gitTreeState', 'buildDate', 'goVersion', 'compiler', 'platform']);
  });
  it('serves /metrics with upstream names', async () => {
    await get(`${running.url}/api/v1/namespaces/ns/pods`);
    const text = (await get(`${running.url}/metrics`)).text;
    assert.match(
      text,
      /apiserver_request_total\{verb="LIST",dry_run="",group="",version="v1",resource="pods",subresource="",scope="namespace",component="apiserver",code="200"\} 1/,
    );
    assert.match(text, /apiserver_request_duration_seconds_bucket\{le="0.005"/);
    assert.match(text, /apiserver_current_inflight_requests\{request_kind="readOnly"\}/);
    assert.match(text, /# TYPE apiserver_storage_objects gauge/);
    assert.match(text, /# TYPE apiserver_watch_events_total counter/);
  });
});

describe('max in flight', () => {
  let running: Running;
  let release: () => void = () => {};
  before(async () => {
    const server = testConfig((c) => {
      c.maxRequestsInFlight = 1;
      c.maxMutatingRequestsInFlight = 1;
    })
      .complete()
      .new('limited');
    server.handle('/slow', async (ctx) => {
      await new Promise<void>((resolve) => (release = resolve));
      ctx.body = 'slow';
    });
    server.handle('/fast', (ctx) => {
      ctx.body = 'fast';
    });
    running = await startServer(server);
  });
  after(() => running.stop());

  it('answers 429 with Retry-After: 1 over the read-only limit, and spares mutating requests', async () => {
    const slow = fetch(`${running.url}/slow`);
    await new Promise((r) => setTimeout(r, 100));
    const res = await get(`${running.url}/fast`);
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('retry-after'), '1');
    const body = JSON.parse(res.text);
    assert.equal(body.reason, 'TooManyRequests');
    assert.equal(body.message, 'Too many requests, please try again later.');
    assert.deepEqual(body.details, { retryAfterSeconds: 1 });
    const post = await fetch(`${running.url}/fast`, { method: 'POST' });
    assert.equal(post.status, 200);
    release();
    assert.equal(await (await slow).text(), 'slow');
    assert.equal((await get(`${running.url}/fast`)).status, 200);
  });
});

describe('authentication, authorization and audit', () => {
  let running: Running;
  const events: AuditEvent[] = [];
  before(async () => {
    const server = testConfig((c) => {
      c.anonymousAuth = false;
      c.authenticators = [
        tokenAuthenticator(
          new Map([
            ['admin-token', { name: 'admin', uid: '1', groups: ['system:masters'] }],
            ['user-token', { name: 'jane', uid: '2', groups: ['devs'] }],
          ]),
        ),
      ];
      c.authorizers = [
        { name: 'masters', authorize: (a) => ({ decision: a.user.groups.includes('system:masters') ? 'Allow' : 'NoOpinion' }) },
        alwaysDeny,
      ];
      c.auditBackend = { processEvent: (e) => void events.push(e) };
    })
      .complete()
      .new('secured');
    server.handlePrefix('/api/v1', (ctx) => {
      ctx.body = `hello ${ctx.state.user?.name} (${ctx.get('Authorization') || 'no header'})`;
    });
    running = await startServer(server);
  });
  after(() => running.stop());

  it('401 without credentials when anonymous is off', async () => {
    const res = await get(`${running.url}/api/v1/pods`);
    assert.equal(res.status, 401);
    assert.equal(JSON.parse(res.text).message, 'Unauthorized');
  });
  it('401 for an unknown token', async () => {
    assert.equal((await get(`${running.url}/api/v1/pods`, { Authorization: 'Bearer nope' })).status, 401);
  });
  it('authenticates a token and strips the header', async () => {
    const res = await get(`${running.url}/api/v1/pods`, { Authorization: 'Bearer admin-token' });
    assert.equal(res.text, 'hello admin (no header)');
  });
  it('403 with upstream wording', async () => {
    const res = await get(`${running.url}/api/v1/namespaces/y/pods`, { Authorization: 'Bearer user-token' });
    assert.equal(res.status, 403);
    const body = JSON.parse(res.text);
    assert.equal(body.message, 'pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "y": Everything is forbidden.');
    assert.deepEqual(body.details, { kind: 'pods' });
  });
  it('impersonates when allowed', async () => {
    const res = await get(`${running.url}/api/v1/pods`, { Authorization: 'Bearer admin-token', 'Impersonate-User': 'bob', 'Impersonate-Group': 'system:masters' });
    assert.equal(res.text, 'hello bob (no header)');
    await new Promise((r) => setTimeout(r, 50));
    const event = events.findLast((e) => e.requestURI === '/api/v1/pods');
    assert.equal(event?.user.username, 'admin');
    assert.deepEqual(event?.impersonatedUser, { username: 'bob', groups: ['system:masters', 'system:authenticated'] });
  });
  it('403 for impersonation the user may not do', async () => {
    const res = await get(`${running.url}/api/v1/pods`, { Authorization: 'Bearer user-token', 'Impersonate-User': 'bob' });
    assert.equal(res.status, 403);
    assert.equal(
      JSON.parse(res.text).message,
      'users "bob" is forbidden: User "jane" cannot impersonate resource "users" in API group "" at the cluster scope: Everything is forbidden.',
    );
  });
  it('400 for groups without a user', async () => {
    assert.equal((await get(`${running.url}/api/v1/pods`, { Authorization: 'Bearer admin-token', 'Impersonate-Group': 'devs' })).status, 400);
  });
  it('audits each request', async () => {
    await get(`${running.url}/api/v1/namespaces/y/pods/p`, { Authorization: 'Bearer admin-token' });
    await new Promise((r) => setTimeout(r, 50));
    const event = events.find((e) => e.requestURI === '/api/v1/namespaces/y/pods/p');
    assert.ok(event);
    assert.equal(event.verb, 'get');
    assert.equal(event.user.username, 'admin');
    assert.deepEqual(event.objectRef, { resource: 'pods', namespace: 'y', name: 'p', apiVersion: 'v1' });
    assert.equal(event.responseStatus?.code, 200);
  });
});

describe('request timeout', () => {
  let running: Running;
  before(async () => {
    const server = testConfig((c) => {
      c.requestTimeoutMs = 300;
    })
      .complete()
      .new('timeouts');
    server.handle('/slow', async (ctx) => {
      await new Promise((r) => setTimeout(r, 600));
      ctx.body = 'late';
    });
    server.handlePrefix('/api/v1', async (ctx) => {
      await new Promise((r) => setTimeout(r, 600));
      ctx.body = `watch ended ${ctx.state.timeout === undefined}`;
    });
    running = await startServer(server);
  });
  after(() => running.stop());

  it('answers 504 Timeout past the deadline', async () => {
    const res = await get(`${running.url}/slow`);
    assert.equal(res.status, 504);
    const body = JSON.parse(res.text);
    assert.equal(body.reason, 'Timeout');
    assert.equal(body.message, 'Timeout: request did not complete within requested timeout - context deadline exceeded');
  });
  it('takes a shorter ?timeout= and rejects a malformed one', async () => {
    const started = Date.now();
    assert.equal((await get(`${running.url}/slow?timeout=50ms`)).status, 504);
    assert.ok(Date.now() - started < 290);
    const bad = await get(`${running.url}/slow?timeout=soon`);
    assert.equal(bad.status, 400);
    assert.equal(JSON.parse(bad.text).reason, 'BadRequest');
  });
  it('leaves watches alone', async () => {
    assert.equal((await get(`${running.url}/api/v1/pods?watch=1`)).text, 'watch ended true');
  });
});
