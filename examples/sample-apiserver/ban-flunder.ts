/**
 * The BanFlunder admission plugin of upstream's sample-apiserver: a flunder may not be created
 * with a name any fischer lists in `disallowedFlunders`. Fischers are read from the watch cache.
 */
import type { Attributes, MutationPlugin } from '../../runtime/admission/interfaces.js';
import { newForbidden } from '../../runtime/machinery/errors.js';
import type { Store } from '../../runtime/registry/store.js';

export const BAN_FLUNDER = 'BanFlunder';
export const WARDLE_GROUP = 'wardle.example.com';

export function banFlunderPlugin(fischers: Store): MutationPlugin {
  return {
    name: BAN_FLUNDER,
    handles: (operation) => operation === 'CREATE',
    async admit(attributes: Attributes) {
      if (attributes.resource.group !== WARDLE_GROUP || attributes.resource.resource !== 'flunders' || attributes.subresource !== '') return;
      const name = (attributes.object?.['metadata'] as { name?: string } | undefined)?.name ?? '';
      if (name === '') return;
      const list = await fischers.list({ namespace: '', warn: () => {} }, { resourceVersion: '0' });
      for (const fischer of list.items) {
        const disallowed = (fischer['disallowedFlunders'] as string[] | undefined) ?? [];
        if (disallowed.includes(name)) {
          throw newForbidden({ group: WARDLE_GROUP, resource: 'flunders' }, name, 'this name may not be used, please change the resource name');
        }
      }
    },
  };
}
