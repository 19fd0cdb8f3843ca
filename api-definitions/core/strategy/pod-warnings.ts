/**
 * Warnings kube-apiserver returns for pods and pod templates (podutil.GetWarningsForPod), the
 * part about node labels: deprecated node labels in `nodeSelector` and in required or preferred
 * node affinity terms. The object is stored; the client is told what to use instead.
 */
import { newPath, type FieldPath } from '../../../runtime/machinery/validation/index.js';
import type * as core from '../types.js';

/** nodeapi's deprecated node labels and what replaced them. */
const DEPRECATED_NODE_LABELS: Readonly<Record<string, string>> = {
  'beta.kubernetes.io/arch': 'deprecated since v1.14; use "kubernetes.io/arch" instead',
  'beta.kubernetes.io/os': 'deprecated since v1.14; use "kubernetes.io/os" instead',
  'failure-domain.beta.kubernetes.io/region': 'deprecated since v1.17; use "topology.kubernetes.io/region" instead',
  'failure-domain.beta.kubernetes.io/zone': 'deprecated since v1.17; use "topology.kubernetes.io/zone" instead',
  'beta.kubernetes.io/instance-type': 'deprecated since v1.17; use "node.kubernetes.io/instance-type" instead',
};

/** GetWarningsForNodeSelectorTerm: `<path>.matchExpressions[i].key: <label> is <message>`. */
function termWarnings(term: core.NodeSelectorTerm | undefined, path: FieldPath): string[] {
  const out: string[] = [];
  (term?.matchExpressions ?? []).forEach((r, i) => {
    const msg = DEPRECATED_NODE_LABELS[r.key];
    if (msg) out.push(`${path.child('matchExpressions').index(i).child('key').toString()}: ${r.key} is ${msg}`);
  });
  return out;
}

/** The node label warnings of a pod spec at `path` (`spec`, `template.spec`, `spec.template.spec`). */
export function podSpecNodeLabelWarnings(spec: core.PodSpec | undefined, path: FieldPath): string[] {
  if (!spec) return [];
  const out: string[] = [];
  for (const key of Object.keys(spec.nodeSelector ?? {})) {
    const msg = DEPRECATED_NODE_LABELS[key];
    if (msg) out.push(`${path.child('nodeSelector').key(key).toString()}: ${msg}`);
  }
  const affinity = spec.affinity?.nodeAffinity;
  const requiredPath = path.child('affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms');
  (affinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []).forEach((term, i) => out.push(...termWarnings(term, requiredPath.index(i))));
  const preferredPath = path.child('affinity', 'nodeAffinity', 'preferredDuringSchedulingIgnoredDuringExecution');
  (affinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).forEach((p, i) => out.push(...termWarnings(p.preference, preferredPath.index(i).child('preference'))));
  return out;
}

export const podWarnings = (pod: core.Pod): string[] => podSpecNodeLabelWarnings(pod.spec, newPath('spec'));
export const podTemplateWarnings = (template: core.PodTemplate): string[] => podSpecNodeLabelWarnings(template.template?.spec, newPath('template', 'spec'));
export const replicationControllerWarnings = (rc: core.ReplicationController): string[] =>
  podSpecNodeLabelWarnings(rc.spec?.template?.spec, newPath('spec', 'template', 'spec'));
