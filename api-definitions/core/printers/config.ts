/**
 * The tables of configmaps, secrets and service accounts: how many entries each holds, as
 * kube-apiserver's printers count them (a configmap's `data` and `binaryData` together).
 */
import type { KObject } from '../../../runtime/registry/meta.js';
import { AGE_COLUMN, age, column, NAME_COLUMN, nameOf } from '../../../runtime/registry/printers.js';
import type { KindTable } from '../../../runtime/registry/table.js';
import type * as core from '../types.js';
import { count } from './columns.js';

export const CONFIG_MAP_TABLE: KindTable = {
  columns: [NAME_COLUMN, column('Data', 'string', 'The number of keys in data and binaryData.'), AGE_COLUMN],
  cells(hub: KObject, now: number) {
    const cm = hub as unknown as core.ConfigMap;
    return [nameOf(hub), count(cm.data) + count(cm.binaryData), age(hub, now)];
  },
};

export const SECRET_TABLE: KindTable = {
  columns: [NAME_COLUMN, column('Type', 'string', 'The type of the secret (type).'), column('Data', 'string', 'The number of keys in data.'), AGE_COLUMN],
  cells(hub: KObject, now: number) {
    const secret = hub as unknown as core.Secret;
    return [nameOf(hub), secret.type ?? '', count(secret.data), age(hub, now)];
  },
};

export const SERVICE_ACCOUNT_TABLE: KindTable = {
  columns: [NAME_COLUMN, column('Secrets', 'string', 'The number of secrets the service account lists (secrets).'), AGE_COLUMN],
  cells: (hub: KObject, now: number) => [nameOf(hub), count((hub as unknown as core.ServiceAccount).secrets), age(hub, now)],
};
