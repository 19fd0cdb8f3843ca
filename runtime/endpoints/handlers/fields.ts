/**
 * Field validation of request bodies (`fieldValidation=Strict|Warn|Ignore`): fields the kind's
 * OpenAPI schema does not know, and fields a JSON object repeats. Paths are written as upstream
 * writes them (`spec.template.spec.containers[0].imagePullPolice`).
 */

/** One OpenAPI schema object, as JSON. */
export type SchemaObject = { readonly [keyword: string]: unknown };

/** Finds the unknown fields of a versioned object. */
export interface UnknownFieldChecker {
  /** The paths of fields the schema of `kind` does not declare, in document order. */
  unknownFields(object: unknown, gvk: { group: string; version: string; kind: string }): string[];
}

const REF_PREFIX = '#/definitions/';

/** A checker over OpenAPI v2 `definitions` (the openapi generator's output, merged). */
export class OpenAPIFieldChecker implements UnknownFieldChecker {
  private readonly byKind = new Map<string, SchemaObject>();

  constructor(private readonly definitions: Readonly<Record<string, SchemaObject>>) {
    for (const schema of Object.values(definitions)) {
      const gvks = schema['x-kubernetes-group-version-kind'];
      if (!Array.isArray(gvks)) continue;
      for (const g of gvks as { group: string; version: string; kind: string }[]) this.byKind.set(`${g.group}/${g.version}/${g.kind}`, schema);
    }
  }

  /** Whether the kind has a schema (otherwise nothing is checked). */
  knows(gvk: { group: string; version: string; kind: string }): boolean {
    return this.byKind.has(`${gvk.group}/${gvk.version}/${gvk.kind}`);
  }

  unknownFields(object: unknown, gvk: { group: string; version: string; kind: string }): string[] {
    const schema = this.byKind.get(`${gvk.group}/${gvk.version}/${gvk.kind}`);
    const out: string[] = [];
    if (schema) this.walk(object, schema, '', out, 0);
    return out;
  }

  private resolve(schema: SchemaObject): SchemaObject {
    let s = schema;
    for (let i = 0; i < 16; i++) {
      const ref = s['$ref'];
      if (typeof ref === 'string' && ref.startsWith(REF_PREFIX)) {
        const target = this.definitions[ref.slice(REF_PREFIX.length)];
        if (!target) return {};
        s = target;
        continue;
      }
      const allOf = s['allOf'];
      if (Array.isArray(allOf) && allOf.length === 1 && s['properties'] === undefined) {
        s = allOf[0] as SchemaObject;
        continue;
      }
      return s;
    }
    return s;
  }

  private walk(value: unknown, raw: SchemaObject, path: string, out: string[], depth: number): void {
    if (depth > 64 || value === null || typeof value !== 'object') return;
    const schema = this.resolve(raw);
    if (schema['x-kubernetes-preserve-unknown-fields'] === true || schema['x-kubernetes-embedded-resource'] === true) return;
    if (Array.isArray(value)) {
      const items = schema['items'];
      if (items && typeof items === 'object' && !Array.isArray(items)) {
        value.forEach((item, i) => this.walk(item, items as SchemaObject, `${path}[${i}]`, out, depth + 1));
      }
      return;
    }
    const properties = schema['properties'] as Record<string, SchemaObject> | undefined;
    const additional = schema['additionalProperties'];
    if (!properties && (additional === undefined || additional === true || additional === false)) return;
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const childPath = path === '' ? key : `${path}.${key}`;
      const declared = properties?.[key];
      if (declared) this.walk(child, declared, childPath, out, depth + 1);
      else if (additional && typeof additional === 'object') this.walk(child, additional as SchemaObject, childPath, out, depth + 1);
      else if (additional !== true) out.push(childPath);
    }
  }
}

/**
 * The fields a JSON text repeats within one object, as `a.b` paths in document order. Returns
 * [] for text that is not well-formed (the decoder reports that).
 */
export function duplicateJSONFields(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  const n = text.length;
  const ws = (): void => {
    while (i < n && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const str = (): string => {
    // at the opening quote
    let s = '';
    i++;
    while (i < n && text[i] !== '"') {
      if (text[i] === '\\') {
        const start = i;
        i += text[i + 1] === 'u' ? 6 : 2;
        s += JSON.parse(`"${text.slice(start, i)}"`) as string;
      } else s += text[i++];
    }
    i++;
    return s;
  };
  const value = (path: string, depth: number): void => {
    ws();
    if (depth > 256) throw new Error('too deep');
    const ch = text[i];
    if (ch === '{') {
      i++;
      const seen = new Set<string>();
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') throw new Error('bad key');
        const key = str();
        const childPath = path === '' ? key : `${path}.${key}`;
        if (seen.has(key)) out.push(childPath);
        seen.add(key);
        ws();
        if (text[i] !== ':') throw new Error('bad colon');
        i++;
        value(childPath, depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        throw new Error('bad object');
      }
    }
    if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let index = 0; ; index++) {
        value(`${path}[${index}]`, depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        throw new Error('bad array');
      }
    }
    if (ch === '"') {
      str();
      return;
    }
    while (i < n && !',}] \n\r\t'.includes(text[i])) i++;
  };
  try {
    value('', 0);
  } catch {
    return [];
  }
  return out;
}
