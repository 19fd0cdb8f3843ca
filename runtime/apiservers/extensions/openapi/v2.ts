/**
 * The OpenAPI v2 form of a published CRD schema, as apiextensions-apiserver's
 * `ToStructuralOpenAPIV2` writes it: Swagger 2.0 has no `nullable` and no `oneOf`/`anyOf`/`not`,
 * and kubectl's v2 reader (client-side validation, `explain` before 1.27) misreads untyped
 * arrays and objects that preserve unknown fields, so those are loosened until kubectl accepts
 * what the server accepts.
 */
import { isObject, MAX_DEPTH } from '../schema/schema.js';
import type { PublishedSchema } from './structural.js';

/** A copy of `schema` that Swagger 2.0 can say and kubectl's v2 validation does not misread. */
export function toOpenAPIV2(schema: PublishedSchema): PublishedSchema {
  const out = structuredClone(schema);
  visit(out, 0);
  return out;
}

/** Parent first, then its items, properties and additionalProperties, as upstream's visitor walks. */
function visit(s: PublishedSchema, depth: number): void {
  if (depth > MAX_DEPTH) return;
  delete s['allOf'];
  delete s['oneOf'];
  delete s['anyOf'];
  delete s['not'];
  if (s['nullable'] === true) {
    // A nullable value is "anything, including null" to v2; its shape would make kubectl refuse null.
    delete s['type'];
    delete s['nullable'];
    delete s['items'];
    delete s['properties'];
  }
  const preserve = s['x-kubernetes-preserve-unknown-fields'] === true;
  if (preserve) {
    // Declared fields would make kubectl refuse the undeclared ones the server keeps.
    delete s['items'];
    delete s['properties'];
  }
  if (s['items'] === undefined && s['type'] === 'array') delete s['type'];
  if (preserve && s['type'] === 'object') delete s['type'];

  const properties = isObject(s['properties']) ? (s['properties'] as Record<string, PublishedSchema>) : undefined;
  const additional = isObject(s['additionalProperties']) ? (s['additionalProperties'] as PublishedSchema) : undefined;
  // A field that may be null cannot be required: v2 would read the null as missing.
  if (Array.isArray(s['required'])) {
    let required = s['required'] as string[];
    if (properties) required = required.filter((f) => properties[f]?.['nullable'] !== true);
    if (additional?.['nullable'] === true) required = [];
    if (required.length === 0) delete s['required'];
    else s['required'] = required;
  }

  if (isObject(s['items'])) visit(s['items'] as PublishedSchema, depth + 1);
  if (properties) for (const p of Object.values(properties)) visit(p, depth + 1);
  if (additional) visit(additional, depth + 1);
}
