/** What the CRD controllers share: how the informer hands them changes, and where they report. */
import type { CustomResourceDefinition } from '../../../../api-definitions/apiextensions/v1/types.js';
import type { WorkQueue } from '../../kube/controllers/work-queue.js';

export interface CRDController {
  readonly queue: WorkQueue;
  /** A CRD seen for the first time or changed; `old` is the state before, when known. */
  changed(crd: CustomResourceDefinition, old: CustomResourceDefinition | undefined): void;
  /** A CRD gone (its last state, or a tombstone with its name). */
  deleted(crd: CustomResourceDefinition): void;
}

export interface ControllerLog {
  /** A key given up after its last retry; the next change of the CRD queues it again. */
  dropped(controller: string, name: string, error: unknown): void;
  /** Progress worth a line at -v=2 and above. */
  info(controller: string, name: string, message: string): void;
}
