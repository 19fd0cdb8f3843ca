/**
 * The Tables of rbac.authorization.k8s.io kinds: bindings as printRoleBinding prints them (the
 * role, then users, groups and service accounts in the wide form); roles have no printer
 * upstream and get the default `Name`, `Created At` table.
 */
import { AGE_COLUMN, CREATED_AT_TABLE, NAME_COLUMN, age, column, nameOf } from '../../runtime/registry/printers.js';
import type { KObject } from '../../runtime/registry/meta.js';
import type { KindTable } from '../../runtime/registry/table.js';
import type * as rbac from './types.js';

/** SubjectsStrings: user names, group names and `namespace/name` of service accounts. */
export function subjectsStrings(subjects: readonly rbac.Subject[] | undefined): { users: string[]; groups: string[]; serviceAccounts: string[] } {
  const out = { users: [] as string[], groups: [] as string[], serviceAccounts: [] as string[] };
  for (const s of subjects ?? []) {
    if (s.kind === 'ServiceAccount') out.serviceAccounts.push(`${s.namespace ?? ''}/${s.name}`);
    else if (s.kind === 'User') out.users.push(s.name);
    else if (s.kind === 'Group') out.groups.push(s.name);
  }
  return out;
}

function bindingTable(what: string): KindTable {
  return {
    columns: [
      NAME_COLUMN,
      column('Role', 'string', 'RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace.'),
      AGE_COLUMN,
      column('Users', 'string', `Users in the ${what}`, 1),
      column('Groups', 'string', `Groups in the ${what}`, 1),
      column('ServiceAccounts', 'string', `ServiceAccounts in the ${what}`, 1),
    ],
    cells(hub: KObject, now: number) {
      const binding = hub as unknown as rbac.RoleBinding;
      const { users, groups, serviceAccounts } = subjectsStrings(binding.subjects);
      const ref = binding.roleRef;
      return [nameOf(hub), `${ref?.kind ?? ''}/${ref?.name ?? ''}`, age(hub, now), users.join(', '), groups.join(', '), serviceAccounts.join(', ')];
    },
  };
}

export const ROLE_BINDING_TABLE = bindingTable('roleBinding');
export const CLUSTER_ROLE_BINDING_TABLE = bindingTable('clusterRoleBinding');
export const ROLE_TABLE = CREATED_AT_TABLE;
