/**
 * The naming controller (apiextensions-apiserver's NamingConditionController): gives each CRD
 * the names it asked for that no other CRD of its group (nor a built-in resource of the group)
 * holds, records them in `status.acceptedNames` with the `NamesAccepted` condition, and keeps
 * `Established` at Installing / NotAccepted until the establishing controller takes over.
 *
 * One worker, as upstream: the decision for one CRD depends on what the others of its group
 * hold, so two decisions must not interleave. Whenever a CRD's accepted names change or it goes
 * away, the other CRDs of its group are looked at again, since a name may have been freed.
 */
import type { CustomResourceDefinition } from '../../../../api-definitions/apiextensions/v1/types.js';
import { semanticEqual } from '../../../machinery/validation/equality.js';
import { findCondition, setCondition } from '../naming/conditions.js';
import { calculateNamesAndConditions, type BuiltinResource } from '../naming/names.js';
import { WorkQueue } from '../../kube/controllers/work-queue.js';
import type { CRDCache } from './crd-cache.js';
import type { CRDStatusWriter } from './status-writer.js';
import type { CRDController, ControllerLog } from './controller.js';

const groupOfName = (name: string): string => name.slice(name.indexOf('.') + 1);

export class NamingController implements CRDController {
  readonly queue: WorkQueue;

  constructor(
    private readonly cache: CRDCache,
    private readonly writer: CRDStatusWriter,
    private readonly builtins: readonly BuiltinResource[],
    log: ControllerLog,
    private readonly now: () => string,
  ) {
    this.queue = new WorkQueue((name) => this.sync(name), { workers: 1, onDrop: (name, error) => log.dropped('naming', name, error) });
  }

  changed(crd: CustomResourceDefinition): void {
    this.queue.add(crd.metadata?.name ?? '');
  }

  deleted(crd: CustomResourceDefinition): void {
    this.queue.add(crd.metadata?.name ?? '');
  }

  async sync(name: string): Promise<void> {
    const cached = this.cache.get(name);
    if (!cached) {
      // gone: its names are free for the others of its group
      this.requeueGroup(groupOfName(name), name);
      return;
    }
    if (semanticEqual(cached.spec?.names, cached.status?.acceptedNames) && findCondition(cached, 'NamesAccepted')?.status === 'True') return;
    const written = await this.writer.write(name, (current) => this.reconcile(current));
    if (!written?.changed) return;
    this.cache.observe(written.crd);
    this.requeueGroup(written.crd.spec.group, name);
  }

  /** The CRD with its names decided against the others of its group, or undefined when nothing changes. */
  reconcile(current: CustomResourceDefinition): CustomResourceDefinition | undefined {
    const name = current.metadata?.name ?? '';
    const others = this.cache.inGroup(current.spec?.group ?? '', name);
    const result = calculateNamesAndConditions(current, [current, ...others], this.builtins);
    const before = findCondition(current, 'NamesAccepted');
    const sameCondition =
      before !== undefined &&
      before.status === result.namesAccepted.status &&
      before.reason === result.namesAccepted.reason &&
      before.message === result.namesAccepted.message;
    if (sameCondition && semanticEqual(current.status?.acceptedNames, result.acceptedNames)) return undefined;
    const now = this.now();
    let conditions = setCondition(current.status?.conditions, result.namesAccepted, now);
    conditions = setCondition(conditions, result.established, now);
    current.status = { ...current.status, acceptedNames: result.acceptedNames, conditions };
    return current;
  }

  private requeueGroup(group: string, except: string): void {
    for (const crd of this.cache.inGroup(group, except)) this.queue.add(crd.metadata?.name ?? '');
  }
}
