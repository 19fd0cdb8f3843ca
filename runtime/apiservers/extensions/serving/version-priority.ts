/**
 * Kubernetes-aware version order (apimachinery's CompareKubeAwareVersionStrings): versions shaped
 * `v<major>[alpha|beta<minor>]` come first, GA before beta before alpha, higher numbers first;
 * other versions follow in lexical order. Discovery lists a CRD group's versions in this order
 * and its first is the preferred version.
 */
import type { CustomResourceDefinition } from '../../../../api-definitions/apiextensions/v1/types.js';

const KUBE_VERSION = /^v(\d+)(?:(alpha|beta)(\d+))?$/;
const STABILITY: Readonly<Record<string, number>> = { alpha: 0, beta: 1, ga: 2 };

interface KubeVersion {
  readonly major: number;
  readonly stability: number;
  readonly minor: number;
}

function parse(version: string): KubeVersion | undefined {
  const m = KUBE_VERSION.exec(version);
  if (!m) return undefined;
  return { major: Number(m[1]), stability: STABILITY[m[2] ?? 'ga']!, minor: m[3] === undefined ? 0 : Number(m[3]) };
}

/** Positive when `a` has the higher priority, negative when `b` has, 0 when equal. */
export function compareKubeAwareVersions(a: string, b: string): number {
  if (a === b) return 0;
  const pa = parse(a);
  const pb = parse(b);
  if (!pa && !pb) return a < b ? 1 : -1;
  if (!pa) return -1;
  if (!pb) return 1;
  if (pa.stability !== pb.stability) return pa.stability - pb.stability;
  if (pa.major !== pb.major) return pa.major - pb.major;
  return pa.minor - pb.minor;
}

/** Versions sorted highest priority first. */
export function sortByKubeAwareVersion(versions: readonly string[]): string[] {
  return [...versions].sort((a, b) => compareKubeAwareVersions(b, a));
}

/** The served versions of a CRD, highest priority first. */
export function servedVersions(crd: CustomResourceDefinition): string[] {
  return sortByKubeAwareVersion((crd.spec.versions ?? []).filter((v) => v.served).map((v) => v.name));
}
