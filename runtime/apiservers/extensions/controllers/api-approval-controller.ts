/**
 * The API approval condition (apiextensions-apiserver's
 * KubernetesAPIApprovalPolicyConformantConditionController): CRDs in the community's protected
 * groups (`k8s.io`, `kubernetes.io` and their subdomains) get
 * `KubernetesAPIApprovalPolicyConformant`, True for an approval URL and False for a missing,
 * invalid or "unapproved…" annotation, with upstream's reasons and messages. Other groups get no
 * condition (the group never changes, so none is ever removed).
 */
import type { CustomResourceDefinition, CustomResourceDefinitionCondition } from '../../../../api-definitions/apiextensions/v1/types.js';
import { goQuote } from '../../../machinery/errors.js';
import { findCondition, setCondition } from '../naming/conditions.js';
import { API_APPROVED_ANNOTATION, isProtectedCommunityGroup } from '../validation/api-approval.js';
import { WorkQueue } from '../../kube/controllers/work-queue.js';
import type { CRDCache } from './crd-cache.js';
import type { CRDStatusWriter } from './status-writer.js';
import type { CRDController, ControllerLog } from './controller.js';

const TYPE = 'KubernetesAPIApprovalPolicyConformant';
const SEE = 'see https://github.com/kubernetes/enhancements/pull/1111';

/** Go's url.ParseRequestURI followed by the approval check: an absolute URL with a scheme and a host. */
function isApprovalURL(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol.length > 1 && url.host.length > 0;
  } catch {
    return false;
  }
}

/** The condition a CRD should carry, or undefined outside the protected groups. */
export function approvalCondition(crd: CustomResourceDefinition): CustomResourceDefinitionCondition | undefined {
  if (!isProtectedCommunityGroup(crd.spec?.group ?? '')) return undefined;
  const annotation = crd.metadata?.annotations?.[API_APPROVED_ANNOTATION] ?? '';
  if (annotation === '') {
    return { type: TYPE, status: 'False', reason: 'MissingAnnotation', message: `protected groups must have approval annotation "${API_APPROVED_ANNOTATION}", ${SEE}` };
  }
  if (annotation.startsWith('unapproved')) {
    return { type: TYPE, status: 'False', reason: 'UnapprovedAnnotation', message: `not approved: ${goQuote(annotation)}` };
  }
  if (isApprovalURL(annotation)) return { type: TYPE, status: 'True', reason: 'ApprovedAnnotation', message: `approved in ${annotation}` };
  return {
    type: TYPE,
    status: 'False',
    reason: 'InvalidAnnotation',
    message: `protected groups must have approval annotation "${API_APPROVED_ANNOTATION}" with either a URL or a reason starting with "unapproved", ${SEE}`,
  };
}

export class APIApprovalController implements CRDController {
  readonly queue: WorkQueue;
  /** The annotation value last acted on per CRD, so an unchanged annotation costs nothing. */
  private readonly lastSeen = new Map<string, string>();

  constructor(
    private readonly cache: CRDCache,
    private readonly writer: CRDStatusWriter,
    log: ControllerLog,
    private readonly now: () => string,
  ) {
    this.queue = new WorkQueue((name) => this.sync(name), { workers: 1, onDrop: (name, error) => log.dropped('api-approval', name, error) });
  }

  changed(crd: CustomResourceDefinition): void {
    if (isProtectedCommunityGroup(crd.spec?.group ?? '')) this.queue.add(crd.metadata?.name ?? '');
  }

  deleted(crd: CustomResourceDefinition): void {
    this.lastSeen.delete(crd.metadata?.name ?? '');
  }

  async sync(name: string): Promise<void> {
    const cached = this.cache.get(name);
    if (!cached) return;
    const annotation = cached.metadata?.annotations?.[API_APPROVED_ANNOTATION] ?? '';
    if (this.lastSeen.get(name) === annotation) return;
    const written = await this.writer.write(name, (current) => this.apply(current));
    if (written?.changed) this.cache.observe(written.crd);
    this.lastSeen.set(name, annotation);
  }

  apply(current: CustomResourceDefinition): CustomResourceDefinition | undefined {
    const condition = approvalCondition(current);
    if (!condition) return undefined;
    const before = findCondition(current, TYPE);
    if (before && before.status === condition.status && before.reason === condition.reason && before.message === condition.message) return undefined;
    current.status = { ...current.status, conditions: setCondition(current.status?.conditions, condition, this.now()) };
    return current;
  }
}
