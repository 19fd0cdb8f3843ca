/**
 * A rule's `fieldPath` (`.spec.replicas`, `.spec['x.y']`), resolved against the schema it is
 * declared on as upstream's ValidFieldPath does: only field and map-key steps, each of which the
 * schema must declare.
 */
import { mapValueSchema, type Schema } from '../schema/schema.js';

const MAX_STEPS = 64;

/** The path below the schema node (`spec.replicas`, `spec[x.y]`), or why it is not valid. */
export function resolveFieldPath(jsonPath: string, schema: Schema): { path: string } | { error: string } {
  let s: Schema | undefined = schema;
  let out = '';
  let rest = jsonPath;
  for (let steps = 0; rest.length > 0; steps++) {
    if (steps > MAX_STEPS) return { error: 'too many steps' };
    let name: string;
    if (rest.startsWith('.')) {
      const m = /^\.([^.[\]]+)/.exec(rest);
      if (!m) return { error: 'unexpected end of JSON path' };
      name = m[1];
      rest = rest.slice(m[0].length);
    } else if (rest.startsWith('[')) {
      const m = /^\['((?:[^'\\]|\\.)*)'\]/.exec(rest);
      if (!m) return { error: `expected single quoted string but got ${rest.slice(1)}` };
      name = m[1].replace(/\\(.)/g, '$1');
      rest = rest.slice(m[0].length);
    } else {
      return { error: `expected [ or . but got: ${rest}` };
    }
    if (!s) return { error: 'does not refer to a valid field' };
    if (s.properties) {
      s = s.properties[name];
      if (!s) return { error: 'does not refer to a valid field' };
      out = out === '' ? name : `${out}.${name}`;
    } else if (mapValueSchema(s)) {
      s = mapValueSchema(s);
      out = `${out}[${name}]`;
    } else {
      return { error: 'does not refer to a valid field' };
    }
  }
  return { path: out };
}
