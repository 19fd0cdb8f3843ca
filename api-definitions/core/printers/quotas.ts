/**
 * The tables of resource quotas and limit ranges: a quota's `resource: used/hard` pairs split into
 * REQUEST and LIMIT (resources named `limits.*`), sorted by resource name; limit ranges show only
 * their creation time, as kube-apiserver prints them.
 */
import type { KObject } from '../../../runtime/registry/meta.js';
import { AGE_COLUMN, age, column, CREATED_AT_TABLE, NAME_COLUMN, nameOf } from '../../../runtime/registry/printers.js';
import type { KindTable } from '../../../runtime/registry/table.js';
import type * as core from '../types.js';

export const LIMIT_RANGE_TABLE: KindTable = CREATED_AT_TABLE;

/** The REQUEST and LIMIT cells of a quota. */
export function quotaCells(quota: core.ResourceQuota): [string, string] {
  const hard = quota.status?.hard ?? {};
  const used = quota.status?.used ?? {};
  const requests: string[] = [];
  const limits: string[] = [];
  for (const resource of Object.keys(hard).sort()) {
    const pieces = resource.split('.');
    const target = pieces.length > 1 && pieces[0] === 'limits' ? limits : requests;
    target.push(`${resource}: ${used[resource] ?? '0'}/${hard[resource]}`);
  }
  return [requests.join(', '), limits.join(', ')];
}

export const RESOURCE_QUOTA_TABLE: KindTable = {
  columns: [
    NAME_COLUMN,
    AGE_COLUMN,
    column('Request', 'string', 'Request represents a minimum amount of cpu/memory that a container may consume.'),
    column('Limit', 'string', 'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.'),
  ],
  cells(hub: KObject, now: number) {
    const [requests, limits] = quotaCells(hub as unknown as core.ResourceQuota);
    return [nameOf(hub), age(hub, now), requests, limits];
  },
};
