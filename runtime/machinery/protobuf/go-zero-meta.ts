/**
 * Go's zero values in ObjectMeta, left out as Go's JSON encoding leaves them out.
 *
 * A Go client marshals every non-pointer field of ObjectMeta, so a protobuf body carries
 * `generateName: ""`, `selfLink: ""`, `generation: 0` and so on even when the user set none of
 * them. Upstream decodes them into the struct's zero values, which `omitempty` then drops from
 * every JSON answer; decoding them into present fields would make a protobuf-created object read
 * back with fields a JSON-created one lacks. Only ObjectMeta is handled here: its value-typed
 * fields are known exactly, whereas elsewhere a field present on the wire with a zero value may
 * be a Go pointer whose zero matters (`replicas: 0`, `allowPrivilegeEscalation: false`).
 */

/** ObjectMeta's value-typed (non-pointer, `omitempty`) scalar fields and their zero values. */
const OBJECT_META_ZEROS: Readonly<Record<string, string | number>> = {
  name: '',
  generateName: '',
  namespace: '',
  selfLink: '',
  uid: '',
  resourceVersion: '',
  generation: 0,
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Removes ObjectMeta's zero-valued scalar fields from one metadata object, in place. */
export function dropObjectMetaZeros(meta: Record<string, unknown>): void {
  for (const [field, zero] of Object.entries(OBJECT_META_ZEROS)) {
    if (meta[field] === zero) delete meta[field];
  }
}

/**
 * Removes Go zero values from every ObjectMeta in a protobuf-decoded object, in place: the
 * object's own `metadata` and those of embedded templates (`spec.template.metadata`,
 * `spec.jobTemplate.metadata`, `volumeClaimTemplates[].metadata`, …). In the built-in types
 * every field named `metadata` holds an ObjectMeta.
 */
export function dropGoZeroMetadata(object: Record<string, unknown>): void {
  const pending: unknown[] = [object];
  while (pending.length > 0) {
    const value = pending.pop();
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null && typeof item === 'object') pending.push(item);
      continue;
    }
    if (!isRecord(value)) continue;
    for (const [key, child] of Object.entries(value)) {
      if (key === 'metadata' && isRecord(child)) dropObjectMetaZeros(child);
      if (child !== null && typeof child === 'object') pending.push(child);
    }
  }
}
