/**
 * secretStrategy: `stringData` is a write-only convenience; its entries are written into
 * `data` (base64, overwriting keys of the same name) and the field is dropped before the
 * secret is validated and stored, as kube-apiserver's v1 conversion does. Secrets are
 * selectable by `type`.
 */
import type { KObject } from '../../../runtime/registry/meta.js';
import type { KindStrategyHooks } from '../../../runtime/registry/strategy.js';
import { SECRET_TABLE } from '../printers/config.js';
import type * as core from '../types.js';

/** Folds stringData into data and removes it. */
export function foldStringData(object: KObject): void {
  const secret = object as unknown as core.Secret;
  const stringData = secret.stringData;
  delete secret.stringData;
  if (!stringData || Object.keys(stringData).length === 0) return;
  const data = (secret.data ??= {});
  for (const [key, value] of Object.entries(stringData)) data[key] = Buffer.from(value, 'utf8').toString('base64');
}

export const SECRET_STRATEGY: KindStrategyHooks = {
  fieldLabels: ['type'],
  selectableFields: (object) => ({ type: (object as unknown as core.Secret).type ?? '' }),
  table: SECRET_TABLE,
  prepareForCreate: (_ctx, object) => foldStringData(object),
  prepareForUpdate: (_ctx, object) => foldStringData(object),
};
