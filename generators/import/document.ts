/**
 * Loads the importer's input: an OpenAPI v2 document (`definitions`), an OpenAPI v3 document
 * (`components.schemas`) or CustomResourceDefinition manifests (YAML or JSON, one or several
 * documents), and tells which it is.
 */
import { parseAllDocuments } from 'yaml';
import type { PathItem, Schema } from './schema.js';

export interface OpenApiDocument {
  readonly format: 'openapi-v2' | 'openapi-v3';
  /** Named schemas by their name in the document. */
  readonly definitions: Readonly<Record<string, Schema>>;
  readonly paths: Readonly<Record<string, PathItem>>;
  /** The prefix of local `$ref`s: `#/definitions/` or `#/components/schemas/`. */
  readonly refPrefix: string;
}

export interface CrdDocument {
  readonly format: 'crd';
  readonly crds: readonly CustomResourceDefinition[];
}

export type SourceDocument = OpenApiDocument | CrdDocument;

/** The parts of an apiextensions.k8s.io/v1 CustomResourceDefinition the importer reads. */
export interface CustomResourceDefinition {
  readonly spec: {
    readonly group: string;
    readonly scope: 'Namespaced' | 'Cluster';
    readonly names: {
      readonly kind: string;
      readonly plural: string;
      readonly singular?: string;
      readonly listKind?: string;
      readonly shortNames?: readonly string[];
      readonly categories?: readonly string[];
    };
    readonly versions: readonly CrdVersion[];
  };
}

export interface CrdVersion {
  readonly name: string;
  readonly served?: boolean;
  readonly storage?: boolean;
  readonly schema?: { readonly openAPIV3Schema?: Schema };
  readonly subresources?: {
    readonly status?: object;
    readonly scale?: {
      readonly specReplicasPath: string;
      readonly statusReplicasPath: string;
      readonly labelSelectorPath?: string;
    };
  };
  readonly additionalPrinterColumns?: readonly {
    readonly name: string;
    readonly type: string;
    readonly jsonPath: string;
    readonly format?: string;
    readonly description?: string;
    readonly priority?: number;
  }[];
}

export class ImportError extends Error {}

/** Parses the text of an input file; `name` is used in messages. */
export function parseSource(text: string, name: string): SourceDocument {
  const values = parseDocuments(text, name);
  const crds = values.filter(isCrd);
  if (crds.length > 0) {
    if (crds.length !== values.length) {
      throw new ImportError(`${name}: mixes CustomResourceDefinitions with other documents`);
    }
    return { format: 'crd', crds };
  }
  if (values.length !== 1) throw new ImportError(`${name}: expected one OpenAPI document, found ${values.length}`);
  const doc = values[0] as Record<string, unknown>;
  if (typeof doc['swagger'] === 'string') {
    return {
      format: 'openapi-v2',
      definitions: (doc['definitions'] ?? {}) as Record<string, Schema>,
      paths: (doc['paths'] ?? {}) as Record<string, PathItem>,
      refPrefix: '#/definitions/',
    };
  }
  if (typeof doc['openapi'] === 'string') {
    const components = (doc['components'] ?? {}) as { schemas?: Record<string, Schema> };
    return {
      format: 'openapi-v3',
      definitions: components.schemas ?? {},
      paths: (doc['paths'] ?? {}) as Record<string, PathItem>,
      refPrefix: '#/components/schemas/',
    };
  }
  throw new ImportError(`${name}: neither an OpenAPI document (swagger: or openapi:) nor a CustomResourceDefinition`);
}

function parseDocuments(text: string, name: string): unknown[] {
  const raw: unknown[] = [];
  if (text.trimStart().startsWith('{')) {
    try {
      raw.push(JSON.parse(text) as unknown);
    } catch (error) {
      throw new ImportError(`${name}: ${(error as Error).message}`);
    }
  } else {
    for (const doc of parseAllDocuments(text)) {
      if (doc.errors.length > 0) throw new ImportError(`${name}: ${doc.errors[0]!.message}`);
      raw.push(doc.toJS() as unknown);
    }
  }
  // `kubectl get crd -o yaml` gives a List of them.
  return raw
    .filter((value) => value !== null && value !== undefined)
    .flatMap((value) => (isObject(value) && value['kind'] === 'List' && Array.isArray(value['items']) ? value['items'] : [value]));
}

function isCrd(value: unknown): value is CustomResourceDefinition {
  return isObject(value) && value['kind'] === 'CustomResourceDefinition';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
