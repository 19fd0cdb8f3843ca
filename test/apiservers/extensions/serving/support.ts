/**
 * Custom resources for the serving tests: a CRD with a schema (defaults, an enum, a CEL rule),
 * printer columns, status and scale subresources, short names and categories, in two versions;
 * and `establish`, which waits for the establishing controller's Established condition.
 */
import assert from 'node:assert/strict';
import type { HttpRequest, HttpResponse } from '../../../e2e/support/kapi.js';

export type Obj = Record<string, unknown>;

export const GROUP = 'stable.example.com';
export const CRDS = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';

/** A JSON request as the admin user. */
export type Call = (path: string, init?: HttpRequest) => Promise<HttpResponse>;

export function jsonBody(value: unknown, contentType = 'application/json'): HttpRequest {
  return { body: JSON.stringify(value), contentType };
}

export function widgetSchema(): Obj {
  return {
    type: 'object',
    properties: {
      spec: {
        type: 'object',
        properties: {
          replicas: { type: 'integer', minimum: 0, default: 1 },
          color: { type: 'string', enum: ['blue', 'green', 'red'], default: 'blue' },
          size: { type: 'string' },
          selector: { type: 'string' },
        },
        'x-kubernetes-validations': [{ rule: 'self.replicas <= 10', message: 'replicas must be at most 10' }],
      },
      status: { type: 'object', properties: { replicas: { type: 'integer' }, phase: { type: 'string' }, selector: { type: 'string' } } },
    },
  };
}

/** The CRD `widgets.stable.example.com`: v1 (storage) and v1beta1, namespaced unless told. */
export function widgetCRD(options: { plural?: string; kind?: string; scope?: 'Namespaced' | 'Cluster'; group?: string } = {}): Obj {
  const plural = options.plural ?? 'widgets';
  const kind = options.kind ?? 'Widget';
  const group = options.group ?? GROUP;
  const version = (name: string, storage: boolean): Obj => ({
    name,
    served: true,
    storage,
    schema: { openAPIV3Schema: widgetSchema() },
    selectableFields: [{ jsonPath: '.spec.color' }],
    subresources: {
      status: {},
      scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas', labelSelectorPath: '.status.selector' },
    },
    additionalPrinterColumns: [
      { name: 'Replicas', type: 'integer', jsonPath: '.spec.replicas' },
      { name: 'Color', type: 'string', jsonPath: '.spec.color', description: 'the colour' },
      { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
    ],
  });
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.${group}` },
    spec: {
      group,
      scope: options.scope ?? 'Namespaced',
      names: { plural, singular: kind.toLowerCase(), kind, listKind: `${kind}List`, shortNames: [`${plural.slice(0, 2)}x`], categories: ['all', 'gizmos'] },
      versions: [version('v1', true), version('v1beta1', false)],
    },
  };
}

/** Waits (up to 15 s) until the establishing controller has set the CRD's Established condition. */
export async function establish(call: Call, name: string): Promise<Obj> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const got = await call(`${CRDS}/${name}`);
    assert.equal(got.status, 200, got.body);
    const crd = got.json as Obj;
    const conditions = ((crd['status'] as Obj | undefined)?.['conditions'] as Obj[] | undefined) ?? [];
    if (conditions.some((c) => c['type'] === 'Established' && c['status'] === 'True')) return crd;
    if (Date.now() > deadline) assert.fail(`${name} was not established: ${JSON.stringify(crd['status'])}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Polls `check` every 50 ms until it holds or `ms` pass. */
export async function eventually(check: () => Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
