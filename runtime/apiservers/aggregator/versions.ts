/**
 * The order of versions inside a group, as upstream's `CompareKubeAwareVersionStrings` sorts
 * them: Kubernetes-like names (`v2`, `v1`, `v1beta2`, `v1alpha1`) first, GA before beta before
 * alpha and higher numbers first; any other name after them, alphabetically.
 */

const KUBE_VERSION = /^v(\d+)(?:(alpha|beta)(\d+))?$/;

const STABILITY: Readonly<Record<string, number>> = { '': 3, beta: 2, alpha: 1 };

/** Negative when `a` sorts before `b` (is preferred), positive when after. */
export function compareKubeAwareVersions(a: string, b: string): number {
  const ma = KUBE_VERSION.exec(a);
  const mb = KUBE_VERSION.exec(b);
  if (!ma && !mb) return a < b ? -1 : a > b ? 1 : 0;
  if (!ma) return 1;
  if (!mb) return -1;
  // higher stability, then higher major, then higher minor sorts first
  const stability = STABILITY[mb[2] ?? '']! - STABILITY[ma[2] ?? '']!;
  if (stability !== 0) return stability;
  const major = Number(mb[1]) - Number(ma[1]);
  if (major !== 0) return major;
  return Number(mb[3] ?? 0) - Number(ma[3] ?? 0);
}
