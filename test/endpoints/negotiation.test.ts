/** Accept and Content-Type negotiation against the headers kubectl and the client libraries send. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DISCOVERY_V2,
  DISCOVERY_V2BETA1,
  MEDIA_JSON,
  MEDIA_PROTOBUF,
  MediaTypeError,
  negotiateInput,
  negotiateOutput,
  parseAccept,
  parseGoBool,
  parseMediaType,
  restEndpointRestrictions,
  sameGVK,
  type EndpointRestrictions,
} from '../../runtime/endpoints/negotiation.js';
import { StatusError } from '../../runtime/machinery/errors.js';

const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';
const AGG_V2 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';
const AGG_V2BETA1 = 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList';
const rest = restEndpointRestrictions({ table: true, watch: true });
const discovery: EndpointRestrictions = {
  allowsConversion: (t, m) => m === MEDIA_JSON && (sameGVK(t, DISCOVERY_V2) || sameGVK(t, DISCOVERY_V2BETA1)),
};

describe('parseMediaType', () => {
  const rows: [string, { given: string; want: unknown }][] = [
    ['plain', { given: 'application/json', want: { type: 'application', subtype: 'json', params: {} } }],
    ['params', { given: 'Application/JSON; charset=utf-8;as=Table', want: { type: 'application', subtype: 'json', params: { charset: 'utf-8', as: 'Table' } } }],
    ['quoted', { given: 'text/plain; x="a;b"', want: { type: 'text', subtype: 'plain', params: { x: 'a;b' } } }],
    [
      'openapi v2 with a dot',
      { given: 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf', want: { type: 'application', subtype: 'com.github.proto-openapi.spec.v2.v1.0+protobuf', params: {} } },
    ],
  ];
  for (const [name, { given, want }] of rows) it(name, () => assert.deepEqual(parseMediaType(given), want));
  it('rejects @ like Go does', () => {
    assert.throws(() => parseMediaType('application/com.github.proto-openapi.spec.v2@v1.0+protobuf'), MediaTypeError);
  });
  it('rejects duplicate parameters', () => assert.throws(() => parseMediaType('a/b;x=1;x=2'), MediaTypeError));
});

describe('parseAccept', () => {
  it('orders by q, then concrete before wildcard', () => {
    const clauses = parseAccept('*/*;q=0.8, application/yaml;q=0.9, text/*, application/json');
    assert.deepEqual(
      clauses.map((c) => `${c.type}/${c.subtype}`),
      ['application/json', 'text/*', 'application/yaml', '*/*'],
    );
  });
  it('keeps header order otherwise', () => {
    assert.deepEqual(
      parseAccept(TABLE).map((c) => c.params['v'] ?? ''),
      ['v1', 'v1beta1', ''],
    );
  });
  it('drops q=0', () => assert.equal(parseAccept('application/json;q=0').length, 0));
});

describe('negotiateOutput', () => {
  const rows: [string, { accept: string | undefined; restrictions?: EndpointRestrictions; supported?: string[]; want: string }][] = [
    ['no Accept → JSON', { accept: undefined, want: 'application/json' }],
    ['kubectl get → Table v1', { accept: TABLE, restrictions: rest, want: 'application/json;as=Table;v=v1;g=meta.k8s.io' }],
    ['Table refused → plain JSON', { accept: TABLE, want: 'application/json' }],
    ['*/* → JSON', { accept: '*/*', want: 'application/json' }],
    ['client-node', { accept: 'application/json, */*;q=0.8', want: 'application/json' }],
    ['yaml', { accept: 'application/yaml', want: 'application/yaml' }],
    ['protobuf first', { accept: 'application/vnd.kubernetes.protobuf,application/json', want: MEDIA_PROTOBUF }],
    [
      'PartialObjectMetadataList',
      {
        accept: 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json',
        restrictions: rest,
        want: 'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io',
      },
    ],
    [
      'aggregated discovery v2 (kubectl 1.33)',
      { accept: `${AGG_V2},${AGG_V2BETA1},application/json`, restrictions: discovery, supported: [MEDIA_JSON], want: `application/json;as=APIGroupDiscoveryList;v=v2;g=apidiscovery.k8s.io` },
    ],
    [
      'aggregated discovery v2beta1 (kubectl 1.27)',
      { accept: `${AGG_V2BETA1},application/json`, restrictions: discovery, supported: [MEDIA_JSON], want: `application/json;as=APIGroupDiscoveryList;v=v2beta1;g=apidiscovery.k8s.io` },
    ],
    ['Table in protobuf is not allowed', { accept: 'application/vnd.kubernetes.protobuf;as=Table;v=v1;g=meta.k8s.io,application/json', restrictions: rest, want: 'application/json' }],
  ];
  for (const [name, { accept, restrictions, supported, want }] of rows) {
    it(name, () => assert.equal(negotiateOutput(accept, supported, restrictions).contentType, want));
  }
  it('406 with upstream wording', () => {
    assert.throws(
      () => negotiateOutput('text/html'),
      (e: unknown) =>
        e instanceof StatusError &&
        e.code === 406 &&
        e.message === 'only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf',
    );
  });
  it('stream=watch only where allowed', () => {
    assert.equal(negotiateOutput('application/json;stream=watch', undefined, rest).stream, 'watch');
    assert.throws(() => negotiateOutput('application/json;stream=watch'), StatusError);
  });
});

describe('negotiateInput', () => {
  it('accepts JSON with parameters', () => assert.equal(negotiateInput('application/json; charset=utf-8'), MEDIA_JSON));
  it('defaults to JSON', () => assert.equal(negotiateInput(undefined), MEDIA_JSON));
  it('accepts protobuf', () => assert.equal(negotiateInput(MEDIA_PROTOBUF), MEDIA_PROTOBUF));
  it('415 with upstream wording', () => {
    assert.throws(
      () => negotiateInput('text/plain'),
      (e: unknown) =>
        e instanceof StatusError &&
        e.code === 415 &&
        e.message === 'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf',
    );
  });
});

describe('parseGoBool', () => {
  for (const v of ['1', 't', 'T', 'TRUE', 'true', 'True']) it(`${v} is true`, () => assert.equal(parseGoBool(v), true));
  for (const v of ['0', 'f', 'F', 'FALSE', 'false', 'False']) it(`${v} is false`, () => assert.equal(parseGoBool(v), false));
  it('yes is neither', () => assert.equal(parseGoBool('yes'), undefined));
});

describe('lenient Accept parsing', () => {
  it('keeps the @ form kubectl asks OpenAPI v2 with', () => {
    const [clause] = parseAccept('application/com.github.proto-openapi.spec.v2@v1.0+protobuf');
    assert.equal(clause.subtype, 'com.github.proto-openapi.spec.v2@v1.0+protobuf');
  });
});
