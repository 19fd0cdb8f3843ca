/**
 * Compares generated OpenAPI v2 definitions with upstream's swagger.json: for every definition
 * both have, the facts that matter on the wire (property names, types, formats, refs, items,
 * map values, required, list/map/patch metadata, group-version-kinds). Descriptions, enum
 * values, defaults and validation keywords are not compared: upstream's reference copy has
 * no descriptions, and its v2 document carries no enum values or defaults.
 */

/** A schema object as found in either document. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** One fact that differs; `path` is `<definition>/<keyword or properties/name>/…`. */
export interface Difference {
  readonly path: string;
  readonly generated: unknown;
  readonly upstream: unknown;
}

/** A difference that is expected, with the reason it is. */
export interface AllowedDifference {
  readonly path: string;
  readonly why: string;
}

export interface Comparison {
  /** Definitions present in both documents, sorted. */
  readonly compared: string[];
  readonly differences: Difference[];
}

/** Keywords compared as values; arrays compare in order (upstream's `required` follows field order). */
const COMPARED_KEYWORDS = [
  'type',
  'format',
  '$ref',
  'required',
  'x-kubernetes-list-type',
  'x-kubernetes-list-map-keys',
  'x-kubernetes-map-type',
  'x-kubernetes-patch-strategy',
  'x-kubernetes-patch-merge-key',
] as const;

const GVK = 'x-kubernetes-group-version-kind';

export function compareDefinitions(
  generated: Readonly<Record<string, JsonSchema>>,
  upstream: Readonly<Record<string, JsonSchema>>,
): Comparison {
  const compared = Object.keys(generated)
    .filter((name) => name in upstream)
    .sort();
  const differences: Difference[] = [];
  for (const name of compared) compareSchema(name, generated[name], upstream[name], differences);
  return { compared, differences };
}

function compareSchema(path: string, generated: JsonSchema, upstream: JsonSchema, into: Difference[]): void {
  for (const keyword of COMPARED_KEYWORDS) {
    if (!sameJson(generated[keyword], upstream[keyword])) {
      into.push({ path: `${path}/${keyword}`, generated: generated[keyword], upstream: upstream[keyword] });
    }
  }
  compareGroupVersionKinds(path, generated[GVK], upstream[GVK], into);
  for (const keyword of ['items', 'additionalProperties'] as const) {
    compareNested(`${path}/${keyword}`, generated[keyword], upstream[keyword], into);
  }
  const generatedProperties = (generated.properties ?? {}) as Record<string, JsonSchema>;
  const upstreamProperties = (upstream.properties ?? {}) as Record<string, JsonSchema>;
  const names = [
    ...new Set([...Object.keys(generatedProperties), ...Object.keys(upstreamProperties)]),
  ].sort();
  for (const name of names) {
    compareNested(`${path}/properties/${name}`, generatedProperties[name], upstreamProperties[name], into);
  }
}

function compareNested(path: string, generated: unknown, upstream: unknown, into: Difference[]): void {
  if (generated === undefined && upstream === undefined) return;
  if (isSchema(generated) && isSchema(upstream)) compareSchema(path, generated, upstream, into);
  else into.push({ path, generated: summary(generated), upstream: summary(upstream) });
}

/** Every generated group-version-kind must be one upstream lists (upstream may list more). */
function compareGroupVersionKinds(
  path: string,
  generated: unknown,
  upstream: unknown,
  into: Difference[],
): void {
  const ours = (generated ?? []) as unknown[];
  const theirs = (upstream ?? []) as unknown[];
  const missing = ours.filter((gvk) => !theirs.some((other) => sameJson(gvk, other)));
  if (missing.length > 0 || (ours.length === 0 && theirs.length > 0)) {
    into.push({ path: `${path}/${GVK}`, generated: gvkSummary(ours), upstream: gvkSummary(theirs) });
  }
}

/** `apiVersion kind` strings, the first few only: upstream lists some kinds in sixty groups. */
function gvkSummary(gvks: unknown[]): string[] {
  const shown = gvks.slice(0, 3).map((value) => {
    const { group, version, kind } = value as { group: string; version: string; kind: string };
    return `${group === '' ? version : `${group}/${version}`} ${kind}`;
  });
  return gvks.length > shown.length ? [...shown, `… ${gvks.length - shown.length} more`] : shown;
}

/** Allowed differences removed, plus the allow-list entries that matched nothing (stale). */
export function applyAllowList(
  differences: readonly Difference[],
  allowed: readonly AllowedDifference[],
): { unexpected: Difference[]; unused: AllowedDifference[] } {
  const paths = new Set(allowed.map((entry) => entry.path));
  return {
    unexpected: differences.filter((difference) => !paths.has(difference.path)),
    unused: allowed.filter((entry) => !differences.some((difference) => difference.path === entry.path)),
  };
}

/** One line per difference, for the failure message. */
export function formatDifferences(differences: readonly Difference[]): string {
  return differences
    .map((d) => `${d.path}: generated ${JSON.stringify(d.generated)}, upstream ${JSON.stringify(d.upstream)}`)
    .join('\n');
}

function isSchema(value: unknown): value is JsonSchema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A missing or present schema, short enough for a message. */
function summary(value: unknown): unknown {
  return value === undefined ? '(absent)' : value;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
