/** Continue tokens: apiserver's wire form, and refusal of anything that could leave the listed prefix. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeContinue, encodeContinue } from '../../runtime/storage/continue.js';
import { InvalidArgumentError } from '../../runtime/storage/errors.js';

const token = (body: unknown): string => Buffer.from(JSON.stringify(body)).toString('base64url');

describe('continue tokens', () => {
  it('encode as base64url JSON relative to the prefix', () => {
    const encoded = encodeContinue('/registry/pods/ns/b\u0000', '/registry/pods/', 42);
    assert.deepEqual(JSON.parse(Buffer.from(encoded, 'base64url').toString()), { v: 'meta.k8s.io/v1', rv: 42, start: 'ns/b\u0000' });
    assert.doesNotMatch(encoded, /=/);
    assert.deepEqual(decodeContinue(encoded, '/registry/pods/'), { key: '/registry/pods/ns/b\u0000', revision: 42 });
  });

  it('accept rv -1 (the latest) and a leading slash', () => {
    assert.deepEqual(decodeContinue(token({ v: 'meta.k8s.io/v1', rv: -1, start: '/a' }), '/p/'), { key: '/p/a', revision: -1 });
  });

  const invalid: [string, string][] = [
    ['not base64', '!!!'],
    ['not JSON', Buffer.from('{').toString('base64url')],
    ['an unknown version', token({ v: 'meta.k8s.io/v2', rv: 1, start: 'a' })],
    ['rv 0', token({ v: 'meta.k8s.io/v1', rv: 0, start: 'a' })],
    ['an empty start', token({ v: 'meta.k8s.io/v1', rv: 1, start: '' })],
    ['a climbing start', token({ v: 'meta.k8s.io/v1', rv: 1, start: '../secrets/x' })],
    ['a start with a double slash', token({ v: 'meta.k8s.io/v1', rv: 1, start: 'a//b' })],
  ];
  for (const [name, value] of invalid) {
    it(`reject ${name}`, () => {
      assert.throws(() => decodeContinue(value, '/registry/pods/'), InvalidArgumentError);
    });
  }

  it('refuse to encode a key outside the prefix', () => {
    assert.throws(() => encodeContinue('/other/a', '/registry/pods/', 1), InvalidArgumentError);
  });
});
