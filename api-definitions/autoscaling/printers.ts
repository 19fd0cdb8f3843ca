/**
 * The HorizontalPodAutoscaler Table, with kube-apiserver's columns and cells
 * (printHorizontalPodAutoscaler, formatHPAMetrics): each metric as `current/target`, two at most.
 */
import { AGE_COLUMN, NAME_COLUMN, age, column, int, nameOf } from '../../runtime/registry/printers.js';
import type { KObject } from '../../runtime/registry/meta.js';
import type { KindTable } from '../../runtime/registry/table.js';
import type * as autoscaling from './types.js';

const UNKNOWN = '<unknown>';
const quantity = (q: string | undefined): string => q ?? '0';
const percent = (n: number | undefined): string | undefined => (n === undefined || n === null ? undefined : `${n}%`);

/** One metric as `current/target`, the way formatHPAMetrics words each source type. */
function formatMetric(spec: autoscaling.MetricSpec, status: autoscaling.MetricStatus | undefined): string {
  switch (spec.type) {
    case 'External': {
      const target = spec.external?.target;
      if (target?.averageValue !== undefined) return `${status?.external?.current.averageValue ?? UNKNOWN}/${target.averageValue} (avg)`;
      return `${status?.external ? quantity(status.external.current.value) : UNKNOWN}/${quantity(target?.value)}`;
    }
    case 'Pods':
      return `${status?.pods ? quantity(status.pods.current.averageValue) : UNKNOWN}/${quantity(spec.pods?.target.averageValue)}`;
    case 'Object': {
      const target = spec.object?.target;
      if (target?.averageValue !== undefined) return `${status?.object?.current.averageValue ?? UNKNOWN}/${target.averageValue} (avg)`;
      return `${status?.object ? quantity(status.object.current.value) : UNKNOWN}/${quantity(target?.value)}`;
    }
    case 'Resource':
    case 'ContainerResource': {
      const source = spec.type === 'Resource' ? spec.resource : spec.containerResource;
      const current = spec.type === 'Resource' ? status?.resource : status?.containerResource;
      const name = source?.name ?? '';
      if (source?.target.averageValue !== undefined) return `${name}: ${current ? quantity(current.current.averageValue) : UNKNOWN}/${source.target.averageValue}`;
      return `${name}: ${percent(current?.current.averageUtilization) ?? UNKNOWN}/${percent(source?.target.averageUtilization) ?? '<auto>'}`;
    }
    default:
      return '<unknown type>';
  }
}

/** formatHPAMetrics: `<none>` without metrics, else the first two and ` + N more...`. */
export function formatHPAMetrics(specs: readonly autoscaling.MetricSpec[] | undefined, statuses: readonly autoscaling.MetricStatus[] | undefined): string {
  const list = specs ?? [];
  if (list.length === 0) return '<none>';
  const max = 2;
  const shown = list.slice(0, max).map((spec, i) => formatMetric(spec, statuses?.[i]));
  const joined = shown.join(', ');
  return list.length > max ? `${joined} + ${list.length - max} more...` : joined;
}

export const HORIZONTAL_POD_AUTOSCALER_TABLE: KindTable = {
  columns: [
    NAME_COLUMN,
    column('Reference', 'string', 'scaleTargetRef points to the target resource to scale.'),
    column('Targets', 'string', 'metrics contains the specifications for which to use to calculate the desired replica count.'),
    column('MinPods', 'string', 'minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down.'),
    column('MaxPods', 'string', 'maxReplicas is the upper limit for the number of replicas to which the autoscaler can scale up.'),
    column('Replicas', 'string', 'currentReplicas is current number of replicas of pods managed by this autoscaler.'),
    AGE_COLUMN,
  ],
  cells(hub: KObject, now: number) {
    const hpa = hub as unknown as autoscaling.HorizontalPodAutoscaler;
    const ref = hpa.spec?.scaleTargetRef;
    const min = hpa.spec?.minReplicas;
    return [
      nameOf(hub),
      `${ref?.kind ?? ''}/${ref?.name ?? ''}`,
      formatHPAMetrics(hpa.spec?.metrics, hpa.status?.currentMetrics),
      min === undefined || min === null ? '<unset>' : String(min),
      int(hpa.spec?.maxReplicas),
      int(hpa.status?.currentReplicas),
      age(hub, now),
    ];
  },
};
