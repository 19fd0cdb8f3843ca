/**
 * The establishing controller (apiextensions-apiserver's EstablishingController): once a CRD's
 * names are accepted, `Established=True` (reason InitialNamesAccepted), the signal clients such
 * as `kubectl wait --for condition=established` wait for. A CRD whose conversion webhook has a
 * caBundle with no certificate stays `Established=False` (InvalidCABundle), as upstream.
 *
 * Upstream queues a CRD here only after the serving layer has seen its accepted names, so an
 * Established CRD is served at once; `beforeEstablish` is that seam for the tier that serves
 * custom resources.
 */
import type { CustomResourceDefinition } from '../../../../api-definitions/apiextensions/v1/types.js';
import { findCondition, isConditionTrue, setCondition } from '../naming/conditions.js';
import { WorkQueue } from '../../kube/controllers/work-queue.js';
import { isValidCABundle } from './ca-bundle.js';
import type { CRDCache } from './crd-cache.js';
import type { CRDStatusWriter } from './status-writer.js';
import type { CRDController, ControllerLog } from './controller.js';

/** Waits until the custom resources of `crd` (with its accepted names) are being served. */
export type BeforeEstablish = (crd: CustomResourceDefinition) => Promise<void>;

const needsEstablishing = (crd: CustomResourceDefinition): boolean => isConditionTrue(crd, 'NamesAccepted') && !isConditionTrue(crd, 'Established');

export class EstablishingController implements CRDController {
  readonly queue: WorkQueue;

  constructor(
    private readonly cache: CRDCache,
    private readonly writer: CRDStatusWriter,
    log: ControllerLog,
    private readonly now: () => string,
    private readonly beforeEstablish?: BeforeEstablish,
  ) {
    this.queue = new WorkQueue((name) => this.sync(name), { workers: 1, onDrop: (name, error) => log.dropped('establishing', name, error) });
  }

  changed(crd: CustomResourceDefinition): void {
    if (needsEstablishing(crd)) this.queue.add(crd.metadata?.name ?? '');
  }

  deleted(): void {}

  async sync(name: string): Promise<void> {
    const cached = this.cache.get(name);
    if (!cached || !needsEstablishing(cached)) return;
    await this.beforeEstablish?.(cached);
    const written = await this.writer.write(name, (current) => this.establish(current));
    if (written?.changed) this.cache.observe(written.crd);
  }

  establish(current: CustomResourceDefinition): CustomResourceDefinition | undefined {
    if (!needsEstablishing(current)) return undefined;
    const caBundle = current.spec?.conversion?.webhook?.clientConfig?.caBundle;
    const condition = isValidCABundle(caBundle)
      ? { type: 'Established', status: 'True', reason: 'InitialNamesAccepted', message: 'the initial names have been accepted' }
      : { type: 'Established', status: 'False', reason: 'InvalidCABundle', message: 'The conversion webhook CABundle is invalid' };
    const before = findCondition(current, 'Established');
    if (before && before.status === condition.status && before.reason === condition.reason && before.message === condition.message) return undefined;
    current.status = { ...current.status, conditions: setCondition(current.status?.conditions, condition, this.now()) };
    return current;
  }
}
