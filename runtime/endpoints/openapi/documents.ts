/**
 * The OpenAPI documents: v2 (one Swagger document for everything served) and v3 (one document
 * per group-version, plus the index kubectl reads first). Schemas are the generated ones; only
 * those the paths reach (transitively through `$ref`) are included.
 */
import type { OperationSpec, ParameterSpec, PathSpec } from './operations.js';
import type { SchemaObject } from './source.js';

export interface DocumentInfo {
  readonly title: string;
  readonly version: string;
}

const SECURITY_SCHEME = { type: 'apiKey', description: 'Bearer Token authentication', name: 'authorization', in: 'header' };

/** Every definition reachable from `roots` through `$ref`s with `prefix`. */
export function reachable(roots: Iterable<string>, all: Readonly<Record<string, SchemaObject>>, prefix: string): Record<string, SchemaObject> {
  const out: Record<string, SchemaObject> = {};
  const queue = [...roots];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (key === '$ref' && typeof v === 'string' && v.startsWith(prefix)) queue.push(v.slice(prefix.length));
        else visit(v);
      }
    }
  };
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (name in out || !(name in all)) continue;
    out[name] = all[name];
    visit(all[name]);
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function schemaNamesOf(paths: readonly PathSpec[]): Set<string> {
  const names = new Set<string>();
  for (const p of paths) {
    for (const o of p.operations) {
      if (o.body) names.add(o.body);
      for (const r of o.responses) if (r.schema) names.add(r.schema);
    }
  }
  return names;
}

function gvkExtension(o: OperationSpec): Record<string, string> {
  return { group: o.gvk.group, kind: o.gvk.kind, version: o.gvk.version };
}

// ---- v2 ----

function v2Parameter(p: ParameterSpec): Record<string, unknown> {
  const out: Record<string, unknown> = { name: p.name, in: p.in, type: p.type, description: p.description };
  if (p.required) out['required'] = true;
  if (p.in === 'query') out['uniqueItems'] = true;
  return out;
}

function v2Operation(o: OperationSpec): Record<string, unknown> {
  const parameters: Record<string, unknown>[] = [];
  if (o.body) {
    const schema = { $ref: `#/definitions/${o.body}` };
    parameters.push(o.bodyRequired === false ? { name: 'body', in: 'body', schema } : { name: 'body', in: 'body', required: true, schema });
  }
  parameters.push(...o.parameters.map(v2Parameter));
  const responses: Record<string, unknown> = {};
  for (const r of o.responses) responses[r.code] = r.schema ? { description: r.description, schema: { $ref: `#/definitions/${r.schema}` } } : { description: r.description };
  const out: Record<string, unknown> = {
    description: o.description,
    consumes: o.consumes,
    produces: o.produces,
    schemes: ['https'],
    tags: [o.tag],
    operationId: o.operationId,
  };
  if (parameters.length > 0) out['parameters'] = parameters;
  out['responses'] = responses;
  out['x-kubernetes-action'] = o.action;
  out['x-kubernetes-group-version-kind'] = gvkExtension(o);
  return out;
}

function v2Paths(paths: readonly PathSpec[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of [...paths].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const item: Record<string, unknown> = {};
    for (const o of p.operations) item[o.method] = v2Operation(o);
    item['parameters'] = p.parameters.map(v2Parameter);
    out[p.path] = item;
  }
  return out;
}

/** The Swagger 2.0 document of every served path. */
export function openAPIV2(info: DocumentInfo, paths: readonly PathSpec[], definitions: Readonly<Record<string, SchemaObject>>): Record<string, unknown> {
  return {
    swagger: '2.0',
    info: { title: info.title, version: info.version },
    paths: v2Paths(paths),
    definitions: reachable(schemaNamesOf(paths), definitions, '#/definitions/'),
    securityDefinitions: { BearerToken: SECURITY_SCHEME },
    security: [{ BearerToken: [] }],
  };
}

// ---- v3 ----

function v3Parameter(p: ParameterSpec): Record<string, unknown> {
  const schema: Record<string, unknown> = { type: p.type };
  if (p.in === 'query') schema['uniqueItems'] = true;
  const out: Record<string, unknown> = { name: p.name, in: p.in, description: p.description };
  if (p.required) out['required'] = true;
  out['schema'] = schema;
  return out;
}

function v3Content(mediaTypes: readonly string[], schema: string): Record<string, unknown> {
  return Object.fromEntries(mediaTypes.map((m) => [m, { schema: { $ref: `#/components/schemas/${schema}` } }]));
}

function v3Operation(o: OperationSpec): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  for (const r of o.responses) {
    responses[r.code] = r.schema ? { description: r.description, content: v3Content(o.produces, r.schema) } : { description: r.description };
  }
  const out: Record<string, unknown> = { tags: [o.tag], description: o.description, operationId: o.operationId };
  if (o.parameters.length > 0) out['parameters'] = o.parameters.map(v3Parameter);
  if (o.body) out['requestBody'] = o.bodyRequired === false ? { content: v3Content(o.consumes, o.body) } : { content: v3Content(o.consumes, o.body), required: true };
  out['responses'] = responses;
  out['x-kubernetes-action'] = o.action;
  out['x-kubernetes-group-version-kind'] = gvkExtension(o);
  return out;
}

/** The OpenAPI 3.0 document of one group-version. */
export function openAPIV3(info: DocumentInfo, paths: readonly PathSpec[], schemas: Readonly<Record<string, SchemaObject>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of [...paths].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const item: Record<string, unknown> = {};
    for (const o of p.operations) item[o.method] = v3Operation(o);
    item['parameters'] = p.parameters.map(v3Parameter);
    out[p.path] = item;
  }
  return {
    openapi: '3.0.0',
    info: { title: info.title, version: info.version },
    paths: out,
    components: { schemas: reachable(schemaNamesOf(paths), schemas, '#/components/schemas/'), securitySchemes: { BearerToken: SECURITY_SCHEME } },
    security: [{ BearerToken: [] }],
  };
}
