/**
 * Writes many small ConfigMaps straight into a store before kapi starts, in the storage form
 * kapi itself writes (storage-version JSON, system fields set), so that large collections take
 * seconds to prepare instead of minutes of HTTP creates. Bounded: `count` creates, `inFlight`
 * at a time (on SQLite, creates issued in one turn share a transaction).
 */
import { randomUUID } from 'node:crypto';
import type { Storage } from '../../runtime/storage/interface.js';

export function benchConfigMap(namespace: string, name: string): Record<string, unknown> {
  return {
    kind: 'ConfigMap',
    apiVersion: 'v1',
    metadata: { name, namespace, uid: randomUUID(), creationTimestamp: '2026-01-01T00:00:00Z', labels: { app: 'bench' } },
    data: { key: 'value' },
  };
}

export async function fillConfigMaps(storage: Storage, namespace: string, count: number, inFlight: number): Promise<void> {
  for (let start = 0; start < count; start += inFlight) {
    const batch: Promise<unknown>[] = [];
    for (let i = start; i < Math.min(count, start + inFlight); i++) {
      const name = `cm-${String(i).padStart(6, '0')}`;
      batch.push(storage.create(`/registry/configmaps/${namespace}/${name}`, benchConfigMap(namespace, name)));
    }
    await Promise.all(batch);
  }
}
