/**
 * The JSONPath subset printer columns and scale subresources use (`.spec.replicas`,
 * `.items[0].name`, `.containers[*].image`, `.conditions[?(@.type=="Ready")].status`), read
 * from and written to plain JSON objects.
 */

type Step = { kind: 'field'; name: string } | { kind: 'index'; index: number } | { kind: 'all' } | { kind: 'filter'; path: string[]; op: '==' | '!='; value: unknown };

const cache = new Map<string, Step[]>();

function parseFilter(body: string): Step {
  const m = /^\?\(@((?:\.[^.=!\s]+)+)\s*(==|!=)\s*(.+)\)$/.exec(body.trim());
  if (!m) throw new Error(`unsupported JSONPath filter: [${body}]`);
  const raw = m[3].trim();
  let value: unknown;
  if (/^(['"]).*\1$/.test(raw)) value = raw.slice(1, -1);
  else if (raw === 'true' || raw === 'false') value = raw === 'true';
  else if (!Number.isNaN(Number(raw))) value = Number(raw);
  else value = raw;
  return { kind: 'filter', path: m[1].slice(1).split('.'), op: m[2] as '==' | '!=', value };
}

/** Parses `.a.b[0].c`, with or without the surrounding `{}` and leading `$`. */
export function parseJSONPath(path: string): Step[] {
  const hit = cache.get(path);
  if (hit) return hit;
  let p = path.trim();
  if (p.startsWith('{') && p.endsWith('}')) p = p.slice(1, -1).trim();
  if (p.startsWith('$')) p = p.slice(1);
  const steps: Step[] = [];
  let i = 0;
  while (i < p.length) {
    if (p[i] === '.') {
      let j = i + 1;
      while (j < p.length && p[j] !== '.' && p[j] !== '[') j++;
      const name = p.slice(i + 1, j);
      if (name === '*') steps.push({ kind: 'all' });
      else if (name !== '') steps.push({ kind: 'field', name });
      i = j;
    } else if (p[i] === '[') {
      const end = p.indexOf(']', i);
      if (end < 0) throw new Error(`unterminated [ in JSONPath ${path}`);
      const body = p.slice(i + 1, end);
      if (body === '*') steps.push({ kind: 'all' });
      else if (/^-?\d+$/.test(body)) steps.push({ kind: 'index', index: Number(body) });
      else if (/^'.*'$|^".*"$/.test(body)) steps.push({ kind: 'field', name: body.slice(1, -1) });
      else steps.push(parseFilter(body));
      i = end + 1;
    } else {
      let j = i;
      while (j < p.length && p[j] !== '.' && p[j] !== '[') j++;
      steps.push({ kind: 'field', name: p.slice(i, j) });
      i = j;
    }
  }
  cache.set(path, steps);
  return steps;
}

function child(value: unknown, name: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[name] : undefined;
}

function fieldAt(value: unknown, path: string[]): unknown {
  let v = value;
  for (const name of path) v = child(v, name);
  return v;
}

/** Every value `path` selects, in document order; missing fields select nothing. */
export function findAll(object: unknown, path: string): unknown[] {
  let current: unknown[] = [object];
  for (const step of parseJSONPath(path)) {
    const next: unknown[] = [];
    for (const value of current) {
      switch (step.kind) {
        case 'field': {
          const v = child(value, step.name);
          if (v !== undefined) next.push(v);
          break;
        }
        case 'index':
          if (Array.isArray(value)) {
            const at = step.index < 0 ? value.length + step.index : step.index;
            if (at >= 0 && at < value.length) next.push(value[at]);
          }
          break;
        case 'all':
          if (Array.isArray(value)) next.push(...value);
          else if (value !== null && typeof value === 'object') next.push(...Object.values(value));
          break;
        case 'filter':
          if (Array.isArray(value)) {
            for (const item of value) {
              const v = fieldAt(item, step.path);
              if (step.op === '==' ? v === step.value : v !== step.value) next.push(item);
            }
          }
          break;
      }
    }
    current = next;
  }
  return current;
}

/** The first value `path` selects, or undefined. */
export function findFirst(object: unknown, path: string): unknown {
  return findAll(object, path)[0];
}

/** Sets the value at a path of plain fields (`.spec.replicas`), creating objects on the way. */
export function setPath(object: Record<string, unknown>, path: string, value: unknown): void {
  const steps = parseJSONPath(path);
  let target: Record<string, unknown> = object;
  steps.forEach((step, i) => {
    if (step.kind !== 'field') throw new Error(`cannot set through ${path}: only plain fields are supported`);
    if (i === steps.length - 1) {
      target[step.name] = value;
      return;
    }
    let next = target[step.name];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) {
      next = {};
      target[step.name] = next;
    }
    target = next as Record<string, unknown>;
  });
}
