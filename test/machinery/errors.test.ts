/** The Status every error constructor builds: reason, code, details and the exact message. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  goQuote,
  isNotFound,
  newAlreadyExists,
  newBadRequest,
  newConflict,
  newForbidden,
  newForbiddenForAttributes,
  newGenericServerResponse,
  newGone,
  newInternalError,
  newInvalid,
  newMethodNotSupported,
  newNotAcceptable,
  newNotFound,
  newResourceExpired,
  newServiceUnavailable,
  newTimeout,
  newTooManyRequests,
  newTooOldResourceVersion,
  newUnauthorized,
  newUnsupportedMediaType,
  OMIT_VALUE,
  StatusError,
  toStatusError,
} from '../../runtime/machinery/errors.js';

const pods = { group: '', resource: 'pods' };
const deployments = { group: 'apps', resource: 'deployments' };

const cases: [string, { given: StatusError; code: number; reason: string; message: string }][] = [
  ['not found', { given: newNotFound(pods, 'x'), code: 404, reason: 'NotFound', message: 'pods "x" not found' }],
  ['not found in a group', { given: newNotFound(deployments, 'web'), code: 404, reason: 'NotFound', message: 'deployments.apps "web" not found' }],
  ['already exists', { given: newAlreadyExists(pods, 'web'), code: 409, reason: 'AlreadyExists', message: 'pods "web" already exists' }],
  [
    'conflict',
    {
      given: newConflict(pods, 'web', 'the object has been modified; please apply your changes to the latest version and try again'),
      code: 409,
      reason: 'Conflict',
      message: 'Operation cannot be fulfilled on pods "web": the object has been modified; please apply your changes to the latest version and try again',
    },
  ],
  ['bad request', { given: newBadRequest('bad'), code: 400, reason: 'BadRequest', message: 'bad' }],
  [
    'method not supported',
    { given: newMethodNotSupported(pods, 'create'), code: 405, reason: 'MethodNotAllowed', message: 'create is not supported on resources of kind "pods"' },
  ],
  [
    'unsupported media type',
    {
      given: newUnsupportedMediaType(),
      code: 415,
      reason: 'UnsupportedMediaType',
      message: 'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf',
    },
  ],
  [
    'not acceptable',
    {
      given: newNotAcceptable(['application/json', 'application/yaml']),
      code: 406,
      reason: 'NotAcceptable',
      message: 'only the following media types are accepted: application/json, application/yaml',
    },
  ],
  ['gone', { given: newGone('gone away'), code: 410, reason: 'Gone', message: 'gone away' }],
  ['expired', { given: newResourceExpired('too old'), code: 410, reason: 'Expired', message: 'too old' }],
  ['too old resource version', { given: newTooOldResourceVersion(5, 100), code: 410, reason: 'Expired', message: 'too old resource version: 5 (100)' }],
  ['too many requests', { given: newTooManyRequests('slow down', 1), code: 429, reason: 'TooManyRequests', message: 'slow down' }],
  ['unauthorized default', { given: newUnauthorized(), code: 401, reason: 'Unauthorized', message: 'not authorized' }],
  ['unauthorized', { given: newUnauthorized('Unauthorized'), code: 401, reason: 'Unauthorized', message: 'Unauthorized' }],
  ['timeout', { given: newTimeout('request did not complete'), code: 504, reason: 'Timeout', message: 'Timeout: request did not complete' }],
  ['service unavailable', { given: newServiceUnavailable('down'), code: 503, reason: 'ServiceUnavailable', message: 'down' }],
  ['internal error', { given: newInternalError(new Error('boom')), code: 500, reason: 'InternalError', message: 'Internal error occurred: boom' }],
  ['forbidden', { given: newForbidden(pods, '', 'nope'), code: 403, reason: 'Forbidden', message: 'pods is forbidden: nope' }],
  ['forbidden by name', { given: newForbidden(pods, 'web', 'nope'), code: 403, reason: 'Forbidden', message: 'pods "web" is forbidden: nope' }],
  [
    'forbidden for a namespaced list',
    {
      given: newForbiddenForAttributes({ user: 'x', verb: 'list', resourceRequest: true, apiGroup: '', resource: 'pods', namespace: 'y' }),
      code: 403,
      reason: 'Forbidden',
      message: 'pods is forbidden: User "x" cannot list resource "pods" in API group "" in the namespace "y"',
    },
  ],
  [
    'forbidden at the cluster scope',
    {
      given: newForbiddenForAttributes({ user: 'x', verb: 'get', resourceRequest: true, apiGroup: 'apps', resource: 'deployments', subresource: 'scale', name: 'd' }),
      code: 403,
      reason: 'Forbidden',
      message: 'deployments.apps "d" is forbidden: User "x" cannot get resource "deployments/scale" in API group "apps" at the cluster scope',
    },
  ],
  [
    'forbidden for a path',
    {
      given: newForbiddenForAttributes({ user: 'system:anonymous', verb: 'get', resourceRequest: false, path: '/metrics' }),
      code: 403,
      reason: 'Forbidden',
      message: 'forbidden: User "system:anonymous" cannot get path "/metrics"',
    },
  ],
  [
    'invalid with one field',
    {
      given: newInvalid({ group: '', kind: 'Pod' }, 'x', [{ type: 'Required', field: 'spec.containers[0].name' }]),
      code: 422,
      reason: 'Invalid',
      message: 'Pod "x" is invalid: spec.containers[0].name: Required value',
    },
  ],
  [
    'invalid with several fields',
    {
      given: newInvalid({ group: 'apps', kind: 'Deployment' }, 'x', [
        { type: 'Required', field: 'spec.containers[0].name' },
        { type: 'Invalid', field: 'spec.replicas', badValue: -1, detail: 'must be greater than or equal to 0' },
        { type: 'NotSupported', field: 'spec.strategy.type', badValue: 'Fast', detail: 'supported values: "Recreate", "RollingUpdate"' },
        { type: 'Invalid', field: 'metadata.name', badValue: OMIT_VALUE, detail: 'a lowercase RFC 1123 subdomain' },
      ]),
      code: 422,
      reason: 'Invalid',
      message:
        'Deployment.apps "x" is invalid: [spec.containers[0].name: Required value, spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.strategy.type: Unsupported value: "Fast": supported values: "Recreate", "RollingUpdate", metadata.name: Invalid value: a lowercase RFC 1123 subdomain]',
    },
  ],
  ['invalid with no field', { given: newInvalid({ group: '', kind: 'Pod' }, 'x', []), code: 422, reason: 'Invalid', message: 'Pod "x" is invalid' }],
  [
    'generic 404',
    { given: newGenericServerResponse(404), code: 404, reason: 'NotFound', message: 'the server could not find the requested resource' },
  ],
];

describe('error constructors', () => {
  for (const [name, { given, code, reason, message }] of cases) {
    it(name, () => {
      assert.equal(given.code, code);
      assert.equal(given.reason, reason);
      assert.equal(given.status.message, message);
      assert.equal(given.message, message);
      assert.equal(given.status.status, 'Failure');
    });
  }
});

describe('Status JSON', () => {
  it('matches upstream bytes for NotFound', () => {
    assert.equal(
      JSON.stringify(newNotFound(pods, 'nope')),
      '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods \\"nope\\" not found","reason":"NotFound","details":{"name":"nope","kind":"pods"},"code":404}',
    );
  });
  it('carries causes of an Invalid', () => {
    const body = JSON.parse(JSON.stringify(newInvalid({ group: '', kind: 'Pod' }, 'x', [{ type: 'Required', field: 'spec.containers[0].name' }])));
    assert.deepEqual(body.details, {
      name: 'x',
      kind: 'Pod',
      causes: [{ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.containers[0].name' }],
    });
  });
  it('carries retryAfterSeconds of a TooManyRequests', () => {
    const body = JSON.parse(JSON.stringify(newTooManyRequests('slow', 1)));
    assert.deepEqual(body.details, { retryAfterSeconds: 1 });
  });
  it('writes empty details as {}', () => {
    assert.equal(
      JSON.stringify(newGenericServerResponse(404)),
      '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server could not find the requested resource","reason":"NotFound","details":{},"code":404}',
    );
  });
});

describe('helpers', () => {
  it('quotes like Go', () => {
    assert.equal(goQuote('a"b\\c\n\x01'), '"a\\"b\\\\c\\n\\x01"');
  });
  it('classifies and wraps', () => {
    assert.ok(isNotFound(newNotFound(pods, 'x')));
    assert.ok(!isNotFound(new Error('x')));
    assert.equal(toStatusError(new Error('x')).code, 500);
    const e = newBadRequest('y');
    assert.equal(toStatusError(e), e);
  });
});
