/**
 * How the CRD controllers write: through the CRD Store with the status subresource's strategy
 * (upstream's controllers call UpdateStatus), so spec never changes, status is validated, and a
 * write that removes the last finalizer of a CRD being deleted deletes it, as any update does.
 * The change is computed from the stored object on every try of the compare-and-swap, so a
 * racing write costs a retry, not a wrong decision.
 */
import type { CustomResourceDefinition } from '../../../../api-definitions/apiextensions/v1/types.js';
import { isNotFound } from '../../../machinery/errors.js';
import type { KObject } from '../../../registry/meta.js';
import type { RequestContext } from '../../../registry/rest.js';
import type { Store } from '../../../registry/store.js';
import { newStatusStrategy, type Strategy } from '../../../registry/strategy.js';
import { validateCustomResourceDefinitionStatusUpdate } from '../validation/crd.js';

/** Who the controllers write as: the apiextensions-apiserver's own loopback identity. */
export const CONTROLLER_CONTEXT: RequestContext = {
  namespace: '',
  user: { name: 'system:apiserver', groups: ['system:masters'] },
  warn: () => {},
};

/** A change of a CRD: the new state, or undefined when nothing needs writing. */
export type CRDMutation = (current: CustomResourceDefinition) => CustomResourceDefinition | undefined;

const NO_CHANGE = Symbol('no change');

const asCRD = (object: KObject): CustomResourceDefinition => object as unknown as CustomResourceDefinition;

export class CRDStatusWriter {
  private readonly strategy: Strategy;

  constructor(readonly crds: Store) {
    this.strategy = newStatusStrategy(crds.strategy, {}, {
      validateStatusUpdate: (object, old) => validateCustomResourceDefinitionStatusUpdate(asCRD(object), asCRD(old)),
    });
  }

  /**
   * Applies `mutate` to the stored CRD and writes the result. Returns the CRD as written (or as
   * deleted, when the write removed its last finalizer), the stored CRD when `mutate` found
   * nothing to change (`changed: false`), or undefined when the CRD is gone.
   */
  async write(name: string, mutate: CRDMutation): Promise<{ readonly crd: CustomResourceDefinition; readonly changed: boolean } | undefined> {
    let unchanged: CustomResourceDefinition | undefined;
    try {
      const { object } = await this.crds.updateWith(this.strategy, CONTROLLER_CONTEXT, name, {
        updatedObject: (existing) => {
          // a copy, so `existing` stays the stored state when nothing changes
          unchanged = undefined;
          const next = mutate(structuredClone(asCRD(existing)));
          if (next === undefined) {
            unchanged = asCRD(existing);
            throw NO_CHANGE;
          }
          return next as unknown as KObject;
        },
      });
      return { crd: asCRD(object), changed: true };
    } catch (error) {
      if (error === NO_CHANGE && unchanged) return { crd: unchanged, changed: false };
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }
}
