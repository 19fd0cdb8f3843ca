/**
 * Marker parsing: the `+name=value` lines in JSDoc comments, checked against the table of
 * markers kapi knows. An unknown marker or a malformed value is an error, never ignored.
 */
import { CodegenError } from '../errors.js';
import type { SourceLocation } from '../model/types.js';

/** One `+name` or `+name=value` line. */
export interface Marker {
  readonly name: string;
  /** The text after `=`, or undefined for a bare marker. */
  readonly value: string | undefined;
  readonly location: SourceLocation;
}

/** Where a marker may appear. */
export type MarkerSite = 'field' | 'type' | 'group' | 'version';

type ValueShape = 'none' | 'bool' | 'int' | 'number' | 'string' | 'json' | 'args' | 'enum';

interface MarkerSpec {
  readonly sites: readonly MarkerSite[];
  readonly value: ValueShape;
  /** For 'enum' values. */
  readonly allowed?: readonly string[];
  /** For 'args' values: the keys accepted. */
  readonly keys?: readonly string[];
  /** May appear more than once. */
  readonly repeatable?: boolean;
}

const VALIDATION_NUMBERS = [
  'Minimum',
  'Maximum',
  'MultipleOf',
] as const;
const VALIDATION_INTS = ['MinLength', 'MaxLength', 'MinItems', 'MaxItems', 'MinProperties', 'MaxProperties'] as const;

function buildSpecs(): Map<string, MarkerSpec> {
  const specs = new Map<string, MarkerSpec>([
    ['groupName', { sites: ['group'], value: 'string' }],
    ['package', { sites: ['group'], value: 'string' }],
    ['versionPriority', { sites: ['group'], value: 'string' }],
    ['storageVersion', { sites: ['group'], value: 'string' }],
    ['optional', { sites: ['field'], value: 'none' }],
    ['required', { sites: ['field'], value: 'none' }],
    ['default', { sites: ['field'], value: 'json' }],
    ['protobuf', { sites: ['field', 'type'], value: 'string' }],
    ['protobufEmbed', { sites: ['type'], value: 'string', repeatable: true }],
    ['listType', { sites: ['field'], value: 'enum', allowed: ['atomic', 'set', 'map'] }],
    ['listMapKey', { sites: ['field'], value: 'string', repeatable: true }],
    ['mapType', { sites: ['field', 'type'], value: 'enum', allowed: ['atomic', 'granular'] }],
    ['structType', { sites: ['field', 'type'], value: 'enum', allowed: ['atomic', 'granular'] }],
    [
      'patchStrategy',
      { sites: ['field'], value: 'enum', allowed: ['merge', 'retainKeys', 'merge,retainKeys', 'replace'] },
    ],
    ['patchMergeKey', { sites: ['field'], value: 'string' }],
    ['enum', { sites: ['type'], value: 'none' }],
    ['k8s:conversion-gen', { sites: ['field', 'type'], value: 'bool' }],
    ['kubebuilder:validation:ExclusiveMinimum', { sites: ['field'], value: 'bool' }],
    ['kubebuilder:validation:ExclusiveMaximum', { sites: ['field'], value: 'bool' }],
    ['kubebuilder:validation:Pattern', { sites: ['field'], value: 'string' }],
    ['kubebuilder:validation:Format', { sites: ['field'], value: 'string' }],
    ['kubebuilder:validation:Enum', { sites: ['field'], value: 'string' }],
    ['kubebuilder:validation:UniqueItems', { sites: ['field'], value: 'bool' }],
    ['kubebuilder:validation:XIntOrString', { sites: ['field'], value: 'none' }],
    ['kubebuilder:validation:EmbeddedResource', { sites: ['field'], value: 'none' }],
    ['kubebuilder:pruning:PreserveUnknownFields', { sites: ['field'], value: 'none' }],
    [
      'kubebuilder:resource',
      { sites: ['type'], value: 'args', keys: ['path', 'singular', 'scope', 'shortName', 'categories'] },
    ],
    ['kubebuilder:subresource:status', { sites: ['type'], value: 'none' }],
    [
      'kubebuilder:subresource:scale',
      { sites: ['type'], value: 'args', keys: ['specpath', 'statuspath', 'selectorpath'] },
    ],
    [
      'kubebuilder:printcolumn',
      {
        sites: ['type'],
        value: 'args',
        keys: ['name', 'type', 'JSONPath', 'format', 'description', 'priority'],
        repeatable: true,
      },
    ],
    ['genclient:onlyVerbs', { sites: ['type'], value: 'string' }],
  ]);
  for (const name of VALIDATION_NUMBERS) specs.set(`kubebuilder:validation:${name}`, { sites: ['field'], value: 'number' });
  for (const name of VALIDATION_INTS) specs.set(`kubebuilder:validation:${name}`, { sites: ['field'], value: 'int' });
  return specs;
}

const SPECS = buildSpecs();

/** The names of every marker kapi accepts, for messages. */
export function knownMarkerNames(): string[] {
  return [...SPECS.keys()].sort();
}

/**
 * Splits a JSDoc comment into its prose and its marker lines. `text` is the comment's full
 * source text (with `/**` and `*` prefixes), `startLine` its first line number.
 */
export function splitDoc(text: string, file: string, startLine: number): { doc: string; markers: Marker[] } {
  const prose: string[] = [];
  const markers: Marker[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw
      .replace(/^\s*\/\*\*?/, '')
      .replace(/\*\/\s*$/, '')
      .replace(/^\s*\*(?!\/)/, '')
      .trim();
    const match = /^\+([A-Za-z][\w:.-]*)(?:=(.*))?$/.exec(line);
    if (match) {
      const { name, value } = splitArgsMarker(match[1]!, match[2]?.trim());
      markers.push({ name, value, location: { file, line: startLine + index } });
    } else {
      prose.push(line);
    }
  });
  return { doc: prose.join('\n').trim(), markers };
}

/**
 * kubebuilder writes argument markers as `+kubebuilder:resource:path=x,scope=y`: the first
 * argument's key is glued to the marker name. Splits it off when the prefix is a known marker.
 */
function splitArgsMarker(name: string, value: string | undefined): { name: string; value: string | undefined } {
  if (SPECS.has(name)) return { name, value };
  const cut = name.lastIndexOf(':');
  if (cut > 0 && SPECS.get(name.slice(0, cut))?.value === 'args') {
    return { name: name.slice(0, cut), value: `${name.slice(cut + 1)}=${value ?? ''}` };
  }
  return { name, value };
}

/** Checks markers against the table for one site; returns the errors found. */
export function checkMarkers(markers: readonly Marker[], site: MarkerSite, subject: string): CodegenError[] {
  const errors: CodegenError[] = [];
  const seen = new Set<string>();
  for (const marker of markers) {
    const spec = SPECS.get(marker.name);
    if (!spec) {
      errors.push(new CodegenError(marker.location, subject, `unknown marker +${marker.name}`));
      continue;
    }
    if (!spec.sites.includes(site)) {
      errors.push(
        new CodegenError(marker.location, subject, `marker +${marker.name} is not allowed on a ${site}`),
      );
      continue;
    }
    if (seen.has(marker.name) && !spec.repeatable) {
      errors.push(new CodegenError(marker.location, subject, `marker +${marker.name} appears more than once`));
    }
    seen.add(marker.name);
    const problem = valueProblem(spec, marker.value);
    if (problem) errors.push(new CodegenError(marker.location, subject, `bad value for +${marker.name}: ${problem}`));
  }
  return errors;
}

function valueProblem(spec: MarkerSpec, value: string | undefined): string | undefined {
  if (spec.value === 'none') return value === undefined ? undefined : 'takes no value';
  if (value === undefined || value === '') {
    return spec.value === 'bool' ? undefined : 'a value is required';
  }
  switch (spec.value) {
    case 'bool':
      return value === 'true' || value === 'false' ? undefined : `"${value}" is not true or false`;
    case 'int':
      return /^-?\d+$/.test(value) ? undefined : `"${value}" is not an integer`;
    case 'number':
      return Number.isFinite(Number(value)) ? undefined : `"${value}" is not a number`;
    case 'json':
      return parseDefault(value) === undefined ? `"${value}" is not a JSON value` : undefined;
    case 'enum':
      return spec.allowed!.includes(value) ? undefined : `"${value}" is not one of ${spec.allowed!.join(', ')}`;
    case 'args': {
      const args = parseArgs(value);
      if (!args) return `"${value}" is not a list of key=value pairs`;
      const unknown = Object.keys(args).filter((key) => !spec.keys!.includes(key));
      return unknown.length > 0 ? `unknown key ${unknown.join(', ')} (known: ${spec.keys!.join(', ')})` : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Parses a `+default=` value: JSON, or a bare word taken as a string (`+default=Always`),
 * as kubebuilder allows. Returns undefined when the text is neither.
 */
export function parseDefault(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return /^[\w./-]+$/.test(value) ? value : undefined;
  }
}

/**
 * Parses kubebuilder-style arguments `a=1,b="x, y",c=p;q`. Returns undefined on a syntax error.
 */
export function parseArgs(text: string): Record<string, string> | undefined {
  const result: Record<string, string> = {};
  let i = 0;
  while (i < text.length) {
    const eq = text.indexOf('=', i);
    if (eq < 0) return undefined;
    const key = text.slice(i, eq).trim();
    if (!/^[A-Za-z][\w]*$/.test(key)) return undefined;
    let j = eq + 1;
    let value: string;
    if (text[j] === '"') {
      const close = text.indexOf('"', j + 1);
      if (close < 0) return undefined;
      value = text.slice(j + 1, close);
      j = close + 1;
    } else {
      const comma = text.indexOf(',', j);
      const end = comma < 0 ? text.length : comma;
      value = text.slice(j, end).trim();
      j = end;
    }
    result[key] = value;
    if (j < text.length) {
      if (text[j] !== ',') return undefined;
      j++;
    }
    i = j;
  }
  return result;
}

/** Convenience accessors over a marker list. */
export class MarkerSet {
  constructor(readonly markers: readonly Marker[]) {}

  has(name: string): boolean {
    return this.markers.some((m) => m.name === name);
  }

  value(name: string): string | undefined {
    return this.markers.find((m) => m.name === name)?.value;
  }

  values(name: string): string[] {
    return this.markers.filter((m) => m.name === name).map((m) => m.value ?? '');
  }

  args(name: string): Record<string, string> | undefined {
    const value = this.value(name);
    return value === undefined ? undefined : parseArgs(value);
  }

  allArgs(name: string): Record<string, string>[] {
    return this.values(name).map((v) => parseArgs(v) ?? {});
  }

  bool(name: string): boolean | undefined {
    if (!this.has(name)) return undefined;
    const value = this.value(name);
    return value === undefined || value === '' || value === 'true';
  }

  number(name: string): number | undefined {
    const value = this.value(name);
    return value === undefined ? undefined : Number(value);
  }
}
