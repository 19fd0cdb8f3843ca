/**
 * Table output of custom resources (apiextensions-apiserver's tableconvertor): `Name`, then the
 * version's additionalPrinterColumns, or `Age` alone when it declares none. Unlike the built-in
 * tables, no Age column is added to declared columns.
 */
import type { CustomResourceColumnDefinition } from '../../../../api-definitions/apiextensions/v1/types.js';
import { findFirst } from '../../../registry/json-path.js';
import { peekMeta } from '../../../registry/meta.js';
import { cellForJSONValue, type TableColumnDefinition, type TableConvertor } from '../../../registry/table.js';

/** ObjectMeta's descriptions of `name` and `creationTimestamp`, which upstream's columns carry. */
const NAME_DESCRIPTION =
  'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names';
const CREATION_TIMESTAMP_DESCRIPTION =
  'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata';

/** The columns served when a version declares none. */
export const DEFAULT_COLUMNS: readonly CustomResourceColumnDefinition[] = [
  { name: 'Age', type: 'date', description: CREATION_TIMESTAMP_DESCRIPTION, jsonPath: '.metadata.creationTimestamp' },
];

function lookup(object: Record<string, unknown>, jsonPath: string): unknown {
  try {
    return findFirst(object, jsonPath);
  } catch {
    return undefined;
  }
}

/** The Table of a CRD version with these printer columns (none: the default Age column). */
export function customResourceTable(printerColumns: readonly CustomResourceColumnDefinition[] | undefined): TableConvertor {
  const columns = printerColumns && printerColumns.length > 0 ? printerColumns : DEFAULT_COLUMNS;
  const definitions: TableColumnDefinition[] = [
    { name: 'Name', type: 'string', format: 'name', description: NAME_DESCRIPTION, priority: 0 },
    ...columns.map((c) => ({
      name: c.name,
      type: c.type,
      format: c.format ?? '',
      description: c.description || `Custom resource definition column (in JSONPath format): ${c.jsonPath}`,
      priority: c.priority ?? 0,
    })),
  ];
  return {
    columns: definitions,
    cells(versioned, _hub, now = Date.now()) {
      return [peekMeta(versioned).name ?? '', ...columns.map((c) => cellForJSONValue(c.type, lookup(versioned, c.jsonPath), now))];
    },
  };
}
