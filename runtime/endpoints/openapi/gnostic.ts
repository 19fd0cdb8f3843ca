/**
 * OpenAPI v2 as protobuf: the gnostic `openapi.v2.Document` message kubectl 1.27 and 1.28 read
 * from `/openapi/v2` (and later versions when they fall back to client-side validation or look
 * up strategic-merge metadata). The message definitions below are those of gnostic's
 * OpenAPIv2.proto (package openapi.v2), one message per line as `field type number`, `*` before
 * a repeated type, `oneof:` before messages whose fields form one oneof.
 */
import protobuf from 'protobufjs';

const MESSAGES: Readonly<Record<string, string>> = {
  AdditionalPropertiesItem: 'oneof: schema Schema 1, boolean bool 2',
  Any: 'value google.protobuf.Any 1, yaml string 2',
  ApiKeySecurity: 'type string 1, name string 2, in string 3, description string 4, vendor_extension *NamedAny 5',
  BasicAuthenticationSecurity: 'type string 1, description string 2, vendor_extension *NamedAny 3',
  BodyParameter:
    'description string 1, name string 2, in string 3, required bool 4, schema Schema 5, ' +
    'vendor_extension *NamedAny 6',
  Contact: 'name string 1, url string 2, email string 3, vendor_extension *NamedAny 4',
  Default: 'additional_properties *NamedAny 1',
  Definitions: 'additional_properties *NamedSchema 1',
  Document:
    'swagger string 1, info Info 2, host string 3, base_path string 4, schemes *string 5, ' +
    'consumes *string 6, produces *string 7, paths Paths 8, definitions Definitions 9, ' +
    'parameters ParameterDefinitions 10, responses ResponseDefinitions 11, ' +
    'security *SecurityRequirement 12, security_definitions SecurityDefinitions 13, tags *Tag 14, ' +
    'external_docs ExternalDocs 15, vendor_extension *NamedAny 16',
  Examples: 'additional_properties *NamedAny 1',
  ExternalDocs: 'description string 1, url string 2, vendor_extension *NamedAny 3',
  FileSchema:
    'format string 1, title string 2, description string 3, default Any 4, required *string 5, ' +
    'type string 6, read_only bool 7, external_docs ExternalDocs 8, example Any 9, ' +
    'vendor_extension *NamedAny 10',
  FormDataParameterSubSchema:
    'required bool 1, in string 2, description string 3, name string 4, allow_empty_value bool 5, ' +
    'type string 6, format string 7, items PrimitivesItems 8, collection_format string 9, default Any 10, ' +
    'maximum double 11, exclusive_maximum bool 12, minimum double 13, exclusive_minimum bool 14, ' +
    'max_length int64 15, min_length int64 16, pattern string 17, max_items int64 18, min_items int64 19, ' +
    'unique_items bool 20, enum *Any 21, multiple_of double 22, vendor_extension *NamedAny 23',
  Header:
    'type string 1, format string 2, items PrimitivesItems 3, collection_format string 4, default Any 5, ' +
    'maximum double 6, exclusive_maximum bool 7, minimum double 8, exclusive_minimum bool 9, ' +
    'max_length int64 10, min_length int64 11, pattern string 12, max_items int64 13, min_items int64 14, ' +
    'unique_items bool 15, enum *Any 16, multiple_of double 17, description string 18, ' +
    'vendor_extension *NamedAny 19',
  HeaderParameterSubSchema:
    'required bool 1, in string 2, description string 3, name string 4, type string 5, format string 6, ' +
    'items PrimitivesItems 7, collection_format string 8, default Any 9, maximum double 10, ' +
    'exclusive_maximum bool 11, minimum double 12, exclusive_minimum bool 13, max_length int64 14, ' +
    'min_length int64 15, pattern string 16, max_items int64 17, min_items int64 18, unique_items bool 19, ' +
    'enum *Any 20, multiple_of double 21, vendor_extension *NamedAny 22',
  Headers: 'additional_properties *NamedHeader 1',
  Info:
    'title string 1, version string 2, description string 3, terms_of_service string 4, contact Contact 5, ' +
    'license License 6, vendor_extension *NamedAny 7',
  ItemsItem: 'schema *Schema 1',
  JsonReference: '_ref string 1, description string 2',
  License: 'name string 1, url string 2, vendor_extension *NamedAny 3',
  NamedAny: 'name string 1, value Any 2',
  NamedHeader: 'name string 1, value Header 2',
  NamedParameter: 'name string 1, value Parameter 2',
  NamedPathItem: 'name string 1, value PathItem 2',
  NamedResponse: 'name string 1, value Response 2',
  NamedResponseValue: 'name string 1, value ResponseValue 2',
  NamedSchema: 'name string 1, value Schema 2',
  NamedSecurityDefinitionsItem: 'name string 1, value SecurityDefinitionsItem 2',
  NamedString: 'name string 1, value string 2',
  NamedStringArray: 'name string 1, value StringArray 2',
  NonBodyParameter:
    'oneof: header_parameter_sub_schema HeaderParameterSubSchema 1, ' +
    'form_data_parameter_sub_schema FormDataParameterSubSchema 2, ' +
    'query_parameter_sub_schema QueryParameterSubSchema 3, ' +
    'path_parameter_sub_schema PathParameterSubSchema 4',
  Oauth2AccessCodeSecurity:
    'type string 1, flow string 2, scopes Oauth2Scopes 3, authorization_url string 4, token_url string 5, ' +
    'description string 6, vendor_extension *NamedAny 7',
  Oauth2ApplicationSecurity:
    'type string 1, flow string 2, scopes Oauth2Scopes 3, token_url string 4, description string 5, ' +
    'vendor_extension *NamedAny 6',
  Oauth2ImplicitSecurity:
    'type string 1, flow string 2, scopes Oauth2Scopes 3, authorization_url string 4, ' +
    'description string 5, vendor_extension *NamedAny 6',
  Oauth2PasswordSecurity:
    'type string 1, flow string 2, scopes Oauth2Scopes 3, token_url string 4, description string 5, ' +
    'vendor_extension *NamedAny 6',
  Oauth2Scopes: 'additional_properties *NamedString 1',
  Operation:
    'tags *string 1, summary string 2, description string 3, external_docs ExternalDocs 4, ' +
    'operation_id string 5, produces *string 6, consumes *string 7, parameters *ParametersItem 8, ' +
    'responses Responses 9, schemes *string 10, deprecated bool 11, security *SecurityRequirement 12, ' +
    'vendor_extension *NamedAny 13',
  Parameter: 'oneof: body_parameter BodyParameter 1, non_body_parameter NonBodyParameter 2',
  ParameterDefinitions: 'additional_properties *NamedParameter 1',
  ParametersItem: 'oneof: parameter Parameter 1, json_reference JsonReference 2',
  PathItem:
    '_ref string 1, get Operation 2, put Operation 3, post Operation 4, delete Operation 5, ' +
    'options Operation 6, head Operation 7, patch Operation 8, parameters *ParametersItem 9, ' +
    'vendor_extension *NamedAny 10',
  PathParameterSubSchema:
    'required bool 1, in string 2, description string 3, name string 4, type string 5, format string 6, ' +
    'items PrimitivesItems 7, collection_format string 8, default Any 9, maximum double 10, ' +
    'exclusive_maximum bool 11, minimum double 12, exclusive_minimum bool 13, max_length int64 14, ' +
    'min_length int64 15, pattern string 16, max_items int64 17, min_items int64 18, unique_items bool 19, ' +
    'enum *Any 20, multiple_of double 21, vendor_extension *NamedAny 22',
  Paths: 'vendor_extension *NamedAny 1, path *NamedPathItem 2',
  PrimitivesItems:
    'type string 1, format string 2, items PrimitivesItems 3, collection_format string 4, default Any 5, ' +
    'maximum double 6, exclusive_maximum bool 7, minimum double 8, exclusive_minimum bool 9, ' +
    'max_length int64 10, min_length int64 11, pattern string 12, max_items int64 13, min_items int64 14, ' +
    'unique_items bool 15, enum *Any 16, multiple_of double 17, vendor_extension *NamedAny 18',
  Properties: 'additional_properties *NamedSchema 1',
  QueryParameterSubSchema:
    'required bool 1, in string 2, description string 3, name string 4, allow_empty_value bool 5, ' +
    'type string 6, format string 7, items PrimitivesItems 8, collection_format string 9, default Any 10, ' +
    'maximum double 11, exclusive_maximum bool 12, minimum double 13, exclusive_minimum bool 14, ' +
    'max_length int64 15, min_length int64 16, pattern string 17, max_items int64 18, min_items int64 19, ' +
    'unique_items bool 20, enum *Any 21, multiple_of double 22, vendor_extension *NamedAny 23',
  Response: 'description string 1, schema SchemaItem 2, headers Headers 3, examples Examples 4, vendor_extension *NamedAny 5',
  ResponseDefinitions: 'additional_properties *NamedResponse 1',
  ResponseValue: 'oneof: response Response 1, json_reference JsonReference 2',
  Responses: 'response_code *NamedResponseValue 1, vendor_extension *NamedAny 2',
  Schema:
    '_ref string 1, format string 2, title string 3, description string 4, default Any 5, ' +
    'multiple_of double 6, maximum double 7, exclusive_maximum bool 8, minimum double 9, ' +
    'exclusive_minimum bool 10, max_length int64 11, min_length int64 12, pattern string 13, ' +
    'max_items int64 14, min_items int64 15, unique_items bool 16, max_properties int64 17, ' +
    'min_properties int64 18, required *string 19, enum *Any 20, ' +
    'additional_properties AdditionalPropertiesItem 21, type TypeItem 22, items ItemsItem 23, ' +
    'all_of *Schema 24, properties Properties 25, discriminator string 26, read_only bool 27, xml Xml 28, ' +
    'external_docs ExternalDocs 29, example Any 30, vendor_extension *NamedAny 31',
  SchemaItem: 'oneof: schema Schema 1, file_schema FileSchema 2',
  SecurityDefinitions: 'additional_properties *NamedSecurityDefinitionsItem 1',
  SecurityDefinitionsItem:
    'oneof: basic_authentication_security BasicAuthenticationSecurity 1, ' +
    'api_key_security ApiKeySecurity 2, oauth2_implicit_security Oauth2ImplicitSecurity 3, ' +
    'oauth2_password_security Oauth2PasswordSecurity 4, ' +
    'oauth2_application_security Oauth2ApplicationSecurity 5, ' +
    'oauth2_access_code_security Oauth2AccessCodeSecurity 6',
  SecurityRequirement: 'additional_properties *NamedStringArray 1',
  StringArray: 'value *string 1',
  Tag: 'name string 1, description string 2, external_docs ExternalDocs 3, vendor_extension *NamedAny 4',
  TypeItem: 'value *string 1',
  VendorExtension: 'additional_properties *NamedAny 1',
  Xml: 'name string 1, namespace string 2, prefix string 3, attribute bool 4, wrapped bool 5, vendor_extension *NamedAny 6',
};

function buildRoot(): protobuf.Root {
  const root = new protobuf.Root();
  root.define('google.protobuf').add(new protobuf.Type('Any').add(new protobuf.Field('type_url', 1, 'string')).add(new protobuf.Field('value', 2, 'bytes')));
  const ns = root.define('openapi.v2');
  for (const [name, spec] of Object.entries(MESSAGES)) {
    const type = new protobuf.Type(name);
    const isOneof = spec.startsWith('oneof: ');
    const fields = (isOneof ? spec.slice('oneof: '.length) : spec).split(', ').map((f) => {
      const [fieldName, rawType, id] = f.split(' ');
      const repeated = rawType.startsWith('*');
      return new protobuf.Field(fieldName, Number(id), repeated ? rawType.slice(1) : rawType, repeated ? 'repeated' : undefined);
    });
    for (const field of fields) type.add(field);
    if (isOneof) type.add(new protobuf.OneOf('oneof', fields.map((f) => f.name)));
    ns.add(type);
  }
  root.resolveAll();
  return root;
}

let documentType: protobuf.Type | undefined;

/** The `openapi.v2.Document` message type. */
export function gnosticDocumentType(): protobuf.Type {
  documentType ??= buildRoot().lookupType('openapi.v2.Document');
  return documentType;
}

type Json = Record<string, unknown>;
type Message = Record<string, unknown>;

/** `Any` holds a value as YAML text; JSON is YAML, so the value's JSON goes there. */
function any(value: unknown): Message {
  return { yaml: JSON.stringify(value) };
}

function vendorExtensions(object: Json): Message[] {
  return Object.entries(object)
    .filter(([key]) => key.startsWith('x-'))
    .map(([name, value]) => ({ name, value: any(value) }));
}

function put(target: Message, key: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value) && value.length === 0) return;
  target[key] = value;
}

/** A JSON schema object as `openapi.v2.Schema`. */
export function schemaMessage(s: Json): Message {
  const m: Message = {};
  put(m, '_ref', s['$ref']);
  put(m, 'format', s['format']);
  put(m, 'title', s['title']);
  put(m, 'description', s['description']);
  if ('default' in s) m['default'] = any(s['default']);
  for (const [json, proto] of [
    ['multipleOf', 'multiple_of'],
    ['maximum', 'maximum'],
    ['exclusiveMaximum', 'exclusive_maximum'],
    ['minimum', 'minimum'],
    ['exclusiveMinimum', 'exclusive_minimum'],
    ['maxLength', 'max_length'],
    ['minLength', 'min_length'],
    ['pattern', 'pattern'],
    ['maxItems', 'max_items'],
    ['minItems', 'min_items'],
    ['uniqueItems', 'unique_items'],
    ['maxProperties', 'max_properties'],
    ['minProperties', 'min_properties'],
    ['discriminator', 'discriminator'],
    ['readOnly', 'read_only'],
  ] as const) {
    put(m, proto, s[json]);
  }
  put(m, 'required', s['required']);
  if (Array.isArray(s['enum'])) m['enum'] = (s['enum'] as unknown[]).map(any);
  const additional = s['additionalProperties'];
  if (typeof additional === 'boolean') m['additional_properties'] = { boolean: additional };
  else if (additional && typeof additional === 'object') m['additional_properties'] = { schema: schemaMessage(additional as Json) };
  if (s['type'] !== undefined) m['type'] = { value: Array.isArray(s['type']) ? s['type'] : [s['type']] };
  const items = s['items'];
  if (items && typeof items === 'object') m['items'] = { schema: (Array.isArray(items) ? items : [items]).map((i) => schemaMessage(i as Json)) };
  if (Array.isArray(s['allOf'])) m['all_of'] = (s['allOf'] as Json[]).map(schemaMessage);
  const properties = s['properties'];
  if (properties && typeof properties === 'object') {
    m['properties'] = {
      additional_properties: Object.entries(properties as Record<string, Json>).map(([name, value]) => ({ name, value: schemaMessage(value) })),
    };
  }
  if ('example' in s) m['example'] = any(s['example']);
  put(m, 'vendor_extension', vendorExtensions(s));
  return m;
}

function parameterMessage(p: Json): Message {
  if ('$ref' in p) return { json_reference: { _ref: p['$ref'] } };
  if (p['in'] === 'body') {
    const body: Message = {};
    put(body, 'description', p['description']);
    put(body, 'name', p['name']);
    put(body, 'in', p['in']);
    put(body, 'required', p['required']);
    if (p['schema']) body['schema'] = schemaMessage(p['schema'] as Json);
    put(body, 'vendor_extension', vendorExtensions(p));
    return { parameter: { body_parameter: body } };
  }
  const sub: Message = {};
  put(sub, 'required', p['required']);
  put(sub, 'in', p['in']);
  put(sub, 'description', p['description']);
  put(sub, 'name', p['name']);
  put(sub, 'type', p['type']);
  put(sub, 'format', p['format']);
  put(sub, 'unique_items', p['uniqueItems']);
  if ('default' in p) sub['default'] = any(p['default']);
  put(sub, 'vendor_extension', vendorExtensions(p));
  const kind = { query: 'query_parameter_sub_schema', path: 'path_parameter_sub_schema', header: 'header_parameter_sub_schema', formData: 'form_data_parameter_sub_schema' }[
    String(p['in']) as 'query'
  ];
  return { parameter: { non_body_parameter: { [kind ?? 'query_parameter_sub_schema']: sub } } };
}

function operationMessage(o: Json): Message {
  const m: Message = {};
  put(m, 'tags', o['tags']);
  put(m, 'summary', o['summary']);
  put(m, 'description', o['description']);
  put(m, 'operation_id', o['operationId']);
  put(m, 'produces', o['produces']);
  put(m, 'consumes', o['consumes']);
  if (Array.isArray(o['parameters'])) m['parameters'] = (o['parameters'] as Json[]).map(parameterMessage);
  const responses = (o['responses'] ?? {}) as Record<string, Json>;
  m['responses'] = {
    response_code: Object.entries(responses).map(([code, r]) => {
      const response: Message = { description: r['description'] ?? '' };
      if (r['schema']) response['schema'] = { schema: schemaMessage(r['schema'] as Json) };
      return { name: code, value: { response } };
    }),
  };
  put(m, 'schemes', o['schemes']);
  put(m, 'deprecated', o['deprecated']);
  put(m, 'vendor_extension', vendorExtensions(o));
  return m;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;

function pathItemMessage(item: Json): Message {
  const m: Message = {};
  put(m, '_ref', item['$ref']);
  for (const method of METHODS) if (item[method]) m[method] = operationMessage(item[method] as Json);
  if (Array.isArray(item['parameters'])) m['parameters'] = (item['parameters'] as Json[]).map(parameterMessage);
  put(m, 'vendor_extension', vendorExtensions(item));
  return m;
}

/** A Swagger 2.0 JSON document as an `openapi.v2.Document` message object. */
export function documentMessage(doc: Json): Message {
  const m: Message = {};
  put(m, 'swagger', doc['swagger']);
  if (doc['info']) m['info'] = { ...(doc['info'] as Json) };
  put(m, 'host', doc['host']);
  put(m, 'base_path', doc['basePath']);
  put(m, 'schemes', doc['schemes']);
  put(m, 'consumes', doc['consumes']);
  put(m, 'produces', doc['produces']);
  const paths = (doc['paths'] ?? {}) as Record<string, Json>;
  m['paths'] = { path: Object.entries(paths).map(([name, item]) => ({ name, value: pathItemMessage(item) })) };
  const definitions = (doc['definitions'] ?? {}) as Record<string, Json>;
  m['definitions'] = { additional_properties: Object.entries(definitions).map(([name, s]) => ({ name, value: schemaMessage(s) })) };
  if (Array.isArray(doc['security'])) {
    m['security'] = (doc['security'] as Record<string, string[]>[]).map((req) => ({
      additional_properties: Object.entries(req).map(([name, value]) => ({ name, value: { value } })),
    }));
  }
  const securityDefinitions = doc['securityDefinitions'] as Record<string, Json> | undefined;
  if (securityDefinitions) {
    m['security_definitions'] = {
      additional_properties: Object.entries(securityDefinitions).map(([name, d]) => {
        const body: Message = {};
        for (const key of ['type', 'name', 'in', 'description'] as const) put(body, key, d[key]);
        return { name, value: { api_key_security: body } };
      }),
    };
  }
  put(m, 'vendor_extension', vendorExtensions(doc));
  return m;
}

/** Encodes a Swagger 2.0 JSON document as gnostic protobuf bytes. */
export function encodeOpenAPIV2(doc: Json): Uint8Array {
  const type = gnosticDocumentType();
  return type.encode(type.fromObject(documentMessage(doc))).finish();
}
