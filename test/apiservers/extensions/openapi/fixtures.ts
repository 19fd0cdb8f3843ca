/** Sample CRDs for the OpenAPI builder tests: upstream's conformance "Foo" schema, served at two versions. */
import type { CustomResourceDefinition, JSONSchemaProps } from '../../../../api-definitions/apiextensions/v1/types.js';

/** The schema of upstream's CustomResourcePublishOpenAPI conformance tests (schemaFoo). */
export const fooSchema: JSONSchemaProps = {
  description: 'Foo CRD for Testing',
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      description: 'Specification of Foo',
      properties: {
        bars: {
          description: 'List of Bars and their specs.',
          type: 'array',
          items: {
            type: 'object',
            required: ['name'],
            properties: {
              name: { description: 'Name of Bar.', type: 'string' },
              age: { description: 'Age of Bar.', type: 'string' },
              feeling: { description: 'Whether Bar is feeling great.', type: 'string', enum: ['Great', 'Down'] },
              bazs: { description: 'List of Bazs.', items: { type: 'string' }, type: 'array' },
            },
          },
        },
      },
    },
    status: {
      description: 'Status of Foo',
      type: 'object',
      properties: {
        bars: {
          description: 'List of Bars and their statuses.',
          type: 'array',
          items: {
            type: 'object',
            properties: {
              name: { description: 'Name of Bar.', type: 'string' },
              available: { description: 'Whether the Bar is installed.', type: 'boolean' },
              quxType: { description: 'Indicates to external qux type.', pattern: 'in-tree|out-of-tree', type: 'string' },
            },
          },
        },
      },
    },
  },
};

export interface SampleOptions {
  readonly name?: string;
  readonly group?: string;
  readonly kind?: string;
  readonly plural?: string;
  readonly versions?: readonly { name: string; served?: boolean; schema?: JSONSchemaProps; status?: boolean; scale?: boolean }[];
  readonly scope?: 'Namespaced' | 'Cluster';
  readonly established?: boolean;
  readonly resourceVersion?: string;
}

export function sampleCRD(o: SampleOptions = {}): CustomResourceDefinition {
  const group = o.group ?? 'stable.example.com';
  const kind = o.kind ?? 'Foo';
  const plural = o.plural ?? `${kind.toLowerCase()}s`;
  const versions = o.versions ?? [{ name: 'v1' }];
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: o.name ?? `${plural}.${group}`, resourceVersion: o.resourceVersion ?? '1' },
    spec: {
      group,
      scope: o.scope ?? 'Namespaced',
      names: { kind, listKind: `${kind}List`, plural, singular: kind.toLowerCase() },
      versions: versions.map((v, i) => ({
        name: v.name,
        served: v.served ?? true,
        storage: i === 0,
        schema: { openAPIV3Schema: v.schema ?? fooSchema },
        ...(v.status || v.scale
          ? {
              subresources: {
                ...(v.status ? { status: {} } : {}),
                ...(v.scale ? { scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas' } } : {}),
              },
            }
          : {}),
      })),
    },
    status: {
      conditions: o.established === false ? [] : [{ type: 'Established', status: 'True', reason: 'InitialNamesAccepted', message: 'the initial names have been accepted' }],
      storedVersions: [versions[0].name],
    },
  };
}
