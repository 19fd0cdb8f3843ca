/** CustomResourceDefinition validation on create, with apiextensions-apiserver's messages. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CustomResourceDefinition, JSONSchemaProps } from '../../../../api-definitions/apiextensions/v1/types.js';
import { validateCustomResourceDefinition } from '../../../../runtime/apiservers/extensions/validation/crd.js';
import { errorStrings } from '../../../../runtime/machinery/validation/field.js';
import { validCRD } from './support.js';

type Mutation = (crd: CustomResourceDefinition) => void;

const schemaOf = (crd: CustomResourceDefinition): JSONSchemaProps => crd.spec.versions[0].schema!.openAPIV3Schema!;
const specSchema = (crd: CustomResourceDefinition): JSONSchemaProps => schemaOf(crd).properties!['spec'];
const V1 = (storage: boolean, served = true) =>
  `apiextensions.CustomResourceDefinitionVersion{Name:"v1", Served:${served}, Storage:${storage}, Deprecated:false, DeprecationWarning:(*string)(nil), Schema:(*apiextensions.CustomResourceValidation)(nil), Subresources:(*apiextensions.CustomResourceSubresources)(nil), AdditionalPrinterColumns:[]apiextensions.CustomResourceColumnDefinition(nil), SelectableFields:[]apiextensions.SelectableField(nil)}`;

const cases: [string, { mutate: Mutation; want: string[] }][] = [
  ['valid', { mutate: () => {}, want: [] }],
  [
    'name is not plural.group',
    { mutate: (c) => (c.metadata!.name = 'gadgets.example.com'), want: ['metadata.name: Invalid value: "gadgets.example.com": must be spec.names.plural+"."+spec.group'] },
  ],
  [
    'group without a dot',
    {
      mutate: (c) => {
        c.spec.group = 'example';
        c.metadata!.name = 'widgets.example';
      },
      want: ['spec.group: Invalid value: "example": should be a domain with at least one dot'],
    },
  ],
  [
    'protected group without approval',
    {
      mutate: (c) => {
        c.spec.group = 'x.k8s.io';
        c.metadata!.name = 'widgets.x.k8s.io';
      },
      want: ['metadata.annotations[api-approved.kubernetes.io]: Required value: protected groups must have approval annotation "api-approved.kubernetes.io", see https://github.com/kubernetes/enhancements/pull/1111'],
    },
  ],
  [
    'protected group with an approval that is neither URL nor reason',
    {
      mutate: (c) => {
        c.spec.group = 'x.k8s.io';
        c.metadata = { name: 'widgets.x.k8s.io', annotations: { 'api-approved.kubernetes.io': 'yes' } };
      },
      want: [
        'metadata.annotations[api-approved.kubernetes.io]: Invalid value: "yes": protected groups must have approval annotation "api-approved.kubernetes.io" with either a URL or a reason starting with "unapproved", see https://github.com/kubernetes/enhancements/pull/1111',
      ],
    },
  ],
  [
    'protected group, approved or knowingly unapproved',
    {
      mutate: (c) => {
        c.spec.group = 'x.k8s.io';
        c.metadata = { name: 'widgets.x.k8s.io', annotations: { 'api-approved.kubernetes.io': 'unapproved, experimental' } };
      },
      want: [],
    },
  ],
  ['unsupported scope', { mutate: (c) => (c.spec.scope = 'Global'), want: ['spec.scope: Unsupported value: "Global": supported values: "Cluster", "Namespaced"'] }],
  [
    'names',
    {
      mutate: (c) => {
        c.spec.names = { plural: 'widgets', kind: 'Widget_', listKind: 'Widget_', shortNames: ['W'] };
      },
      want: [
        'spec.names.singular: Required value',
        'spec.names.kind: Invalid value: "Widget_": may have mixed case, but should otherwise match: a DNS-1035 label must consist of lower case alphanumeric characters or \'-\', start with an alphabetic character, and end with an alphanumeric character (e.g. \'my-name\',  or \'abc-123\', regex used for validation is \'[a-z]([-a-z0-9]*[a-z0-9])?\')',
        'spec.names.listKind: Invalid value: "Widget_": may have mixed case, but should otherwise match: a DNS-1035 label must consist of lower case alphanumeric characters or \'-\', start with an alphabetic character, and end with an alphanumeric character (e.g. \'my-name\',  or \'abc-123\', regex used for validation is \'[a-z]([-a-z0-9]*[a-z0-9])?\')',
        'spec.names.shortNames[0]: Invalid value: "W": a DNS-1035 label must consist of lower case alphanumeric characters or \'-\', start with an alphabetic character, and end with an alphanumeric character (e.g. \'my-name\',  or \'abc-123\', regex used for validation is \'[a-z]([-a-z0-9]*[a-z0-9])?\')',
        'spec.names.listKind: Invalid value: "Widget_": kind and listKind may not be the same',
      ],
    },
  ],
  [
    'no storage version',
    {
      mutate: (c) => {
        c.spec.versions[0].storage = false;
        c.status = { storedVersions: ['v1'] };
      },
      want: [`spec.versions: Invalid value: []apiextensions.CustomResourceDefinitionVersion{${V1(false)}}: must have exactly one version marked as storage version`],
    },
  ],
  [
    'duplicate versions',
    {
      mutate: (c) => c.spec.versions.push({ ...c.spec.versions[0], storage: false }),
      want: [`spec.versions: Invalid value: []apiextensions.CustomResourceDefinitionVersion{${V1(true)}, ${V1(false)}}: must contain unique version names`],
    },
  ],
  [
    'no served version',
    { mutate: (c) => (c.spec.versions[0].served = false), want: [`spec.versions: Invalid value: []apiextensions.CustomResourceDefinitionVersion{${V1(true, false)}}: must have at least one version marked as served`] },
  ],
  [
    'missing schema',
    {
      mutate: (c) => {
        delete c.spec.versions[0].schema;
      },
      want: ['spec.versions[0].schema.openAPIV3Schema: Required value: schemas are required'],
    },
  ],
  [
    'field without a type',
    {
      mutate: (c) => (specSchema(c).properties!['size'] = { description: 'no type' }),
      want: ['spec.validation.openAPIV3Schema.properties[spec].properties[size].type: Required value: must not be empty for specified object fields'],
    },
  ],
  [
    'array without items',
    { mutate: (c) => (specSchema(c).properties!['list'] = { type: 'array' }), want: ['spec.validation.openAPIV3Schema.properties[spec].properties[list].items: Required value: must be specified'] },
  ],
  [
    'properties and additionalProperties',
    {
      mutate: (c) => (specSchema(c).additionalProperties = { type: 'string' }),
      want: ['spec.validation.openAPIV3Schema.properties[spec].additionalProperties: Forbidden: additionalProperties and properties are mutual exclusive'],
    },
  ],
  [
    'metadata beyond name and generateName',
    {
      mutate: (c) => (schemaOf(c).properties!['metadata'] = { type: 'object', properties: { labels: { type: 'object' } } }),
      want: ['spec.validation.openAPIV3Schema.properties[metadata]: Forbidden: must not specify anything other than name and generateName, but metadata is implicitly specified'],
    },
  ],
  ['metadata restricting the name', { mutate: (c) => (schemaOf(c).properties!['metadata'] = { type: 'object', properties: { name: { type: 'string', maxLength: 10 } } }), want: [] }],
  [
    'int-or-string with preserve-unknown-fields',
    {
      mutate: (c) => (specSchema(c).properties!['port'] = { 'x-kubernetes-int-or-string': true, 'x-kubernetes-preserve-unknown-fields': true }),
      want: ['spec.validation.openAPIV3Schema.properties[spec].properties[port].x-kubernetes-preserve-unknown-fields: Invalid value: true: must be false if x-kubernetes-int-or-string is true'],
    },
  ],
  [
    'embedded resource that is not an object',
    {
      mutate: (c) => (specSchema(c).properties!['template'] = { type: 'string', 'x-kubernetes-embedded-resource': true }),
      want: [
        'spec.validation.openAPIV3Schema.properties[spec].properties[template].properties: Required value: must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields',
        'spec.validation.openAPIV3Schema.properties[spec].properties[template].type: Invalid value: "string": must be object if x-kubernetes-embedded-resource is true',
      ],
    },
  ],
  [
    'type in a junctor',
    {
      mutate: (c) => (specSchema(c).anyOf = [{ type: 'object', required: ['size'] }]),
      want: ['spec.validation.openAPIV3Schema.properties[spec].anyOf[0].type: Forbidden: must be empty to be structural'],
    },
  ],
  [
    'junctor naming an undeclared field',
    {
      mutate: (c) => (schemaOf(c).oneOf = [{ properties: { other: { minLength: 1 } } }]),
      want: ['spec.validation.openAPIV3Schema.properties[other]: Required value: because it is defined in spec.validation.openAPIV3Schema.oneOf[0].properties[other]'],
    },
  ],
  [
    'unsupported keywords',
    {
      mutate: (c) => {
        specSchema(c).properties!['size'].$ref = '#/definitions/x';
        specSchema(c).properties!['tags'] = { type: 'array', items: { type: 'string' }, uniqueItems: true };
      },
      want: [
        'spec.validation.openAPIV3Schema.properties[spec].properties[size].$ref: Forbidden: $ref is not supported',
        'spec.validation.openAPIV3Schema.properties[spec].properties[tags].uniqueItems: Forbidden: uniqueItems cannot be set to true since the runtime complexity becomes quadratic',
      ],
    },
  ],
  [
    'pattern that is not RE2',
    {
      mutate: (c) => (specSchema(c).properties!['size'].pattern = '[a-'),
      want: ["spec.validation.openAPIV3Schema.properties[spec].properties[size].pattern: Invalid value: \"[a-\": must be a valid regular expression, but isn't: error parsing regexp: missing closing ]: `[a-`"],
    },
  ],
  [
    'list-map without keys',
    {
      mutate: (c) => (specSchema(c).properties!['ports'] = { type: 'array', 'x-kubernetes-list-type': 'map', items: { type: 'object', properties: { name: { type: 'string' } } } }),
      want: ['spec.validation.openAPIV3Schema.properties[spec].properties[ports].x-kubernetes-list-map-keys: Required value: must not be empty if x-kubernetes-list-type is map'],
    },
  ],
  [
    'default of the wrong type',
    {
      mutate: (c) => (specSchema(c).properties!['replicas'].default = 'one'),
      want: ['spec.validation.openAPIV3Schema.properties[spec].properties[replicas].default: Invalid value: "string":  in body must be of type integer: "string"'],
    },
  ],
  [
    'default with unknown fields',
    {
      mutate: (c) => (specSchema(c).properties!['size'] = { type: 'object', properties: { a: { type: 'string' } }, default: { a: 'x', b: 1 } }),
      want: ['spec.validation.openAPIV3Schema.properties[spec].properties[size].default: Invalid value: map[string]interface {}{"a":"x", "b":1}: must not have unknown fields'],
    },
  ],
  [
    'default inside top-level metadata',
    {
      mutate: (c) => (schemaOf(c).properties!['metadata'] = { type: 'object', properties: { name: { type: 'string', default: 'x' } } }),
      want: ['spec.validation.openAPIV3Schema.properties[metadata].properties[name].default: Forbidden: must not be set in top-level metadata'],
    },
  ],
  [
    'CEL rule that does not compile',
    {
      mutate: (c) => (specSchema(c)['x-kubernetes-validations'] = [{ rule: 'self.replicas.frobnicate()' }]),
      want: [
        `spec.validation.openAPIV3Schema.properties[spec].x-kubernetes-validations[0].rule: Invalid value: apiextensions.ValidationRule{Rule:"self.replicas.frobnicate()", Message:"", MessageExpression:"", Reason:(*apiextensions.FieldValueErrorReason)(nil), FieldPath:"", OptionalOldSelf:(*bool)(nil)}: compilation failed: ERROR: <input>:1:25: undeclared reference to 'frobnicate' (in container '')\n | self.replicas.frobnicate()\n | ........................^`,
      ],
    },
  ],
  [
    'per-version schemas keep per-version paths',
    {
      mutate: (c) => {
        const v2 = structuredClone(c.spec.versions[0]);
        v2.name = 'v2';
        v2.storage = false;
        v2.schema!.openAPIV3Schema!.properties!['spec'].properties!['extra'] = { type: 'array' };
        c.spec.versions.push(v2);
      },
      want: ['spec.versions[1].schema.openAPIV3Schema.properties[spec].properties[extra].items: Required value: must be specified'],
    },
  ],
  [
    'printer column type and path',
    {
      mutate: (c) => (c.spec.versions[0].additionalPrinterColumns = [{ name: 'Age', type: 'time', jsonPath: 'metadata.creationTimestamp' }]),
      want: [
        'spec.additionalPrinterColumns[0].type: Invalid value: "time": must be one of boolean,date,integer,number,string',
        'spec.additionalPrinterColumns[0].JSONPath: Invalid value: "metadata.creationTimestamp": must be a simple json path starting with .',
      ],
    },
  ],
  [
    'scale paths',
    {
      mutate: (c) => (c.spec.versions[0].subresources!.scale = { specReplicasPath: '.status.replicas', statusReplicasPath: '' }),
      want: ['spec.subresources.scale.specReplicasPath: Invalid value: ".status.replicas": should be a json path under .spec', 'spec.subresources.scale.statusReplicasPath: Required value'],
    },
  ],
  ['conversion strategy', { mutate: (c) => (c.spec.conversion = { strategy: 'Magic' }), want: ['spec.conversion.strategy: Unsupported value: "Magic": supported values: "None", "Webhook"'] }],
  [
    'webhook conversion without client config',
    {
      mutate: (c) => (c.spec.conversion = { strategy: 'Webhook', webhook: { conversionReviewVersions: ['v2'] } }),
      want: ['spec.conversion.webhookClientConfig: Required value: required when strategy is set to Webhook', 'spec.conversion.conversionReviewVersions: Invalid value: []string{"v2"}: must include at least one of v1, v1beta1'],
    },
  ],
  [
    'webhook conversion with an http URL',
    {
      mutate: (c) => (c.spec.conversion = { strategy: 'Webhook', webhook: { clientConfig: { url: 'http://127.0.0.1/convert' }, conversionReviewVersions: ['v1'] } }),
      want: ["spec.conversion.webhookClientConfig.url: Invalid value: \"http\": 'https' is the only allowed URL scheme; desired format: https://host[/path]"],
    },
  ],
  [
    'preserveUnknownFields',
    { mutate: (c) => (c.spec.preserveUnknownFields = true), want: ['spec.preserveUnknownFields: Invalid value: true: cannot set to true, set x-kubernetes-preserve-unknown-fields to true in spec.versions[*].schema instead'] },
  ],
  [
    'stored version not in spec',
    { mutate: (c) => (c.status!.storedVersions = ['v1', 'v0']), want: ['status.storedVersions[1]: Invalid value: "v0": must appear in spec.versions'] },
  ],
  [
    'selectable field of an object',
    {
      mutate: (c) => (c.spec.versions[0].selectableFields = [{ jsonPath: '.spec' }, { jsonPath: '.spec.size' }, { jsonPath: '.spec.nope' }]),
      want: [
        'spec.versions[0].selectableFields[0].jsonPath: Invalid value: ".spec": must point to a field of type string, boolean or integer. Enums and string formats are supported',
        'spec.versions[0].selectableFields[2].jsonPath: Invalid value: ".spec.nope": is an invalid path: does not refer to a valid field',
      ],
    },
  ],
];

describe('validateCustomResourceDefinition', () => {
  for (const [name, { mutate, want }] of cases) {
    it(name, () => {
      const crd = validCRD();
      mutate(crd);
      assert.deepEqual(errorStrings(validateCustomResourceDefinition(crd)), want);
    });
  }
});
