/** The request context the in-process controllers act under, and small helpers they share. */
import type { KObject } from '../../../registry/meta.js';
import { peekMeta } from '../../../registry/meta.js';
import type { RequestContext } from '../../../registry/rest.js';

/** Controllers write as kube-controller-manager's identity would, with system:masters rights. */
export function controllerContext(namespace: string, controller: string): RequestContext {
  return { namespace, user: { name: `system:serviceaccount:kube-system:${controller}`, groups: ['system:masters', 'system:serviceaccounts'] }, warn: () => {} };
}

/** `<namespace>/<name>`, or `<name>` for cluster-scoped objects. */
export function objectKey(object: KObject): string {
  const meta = peekMeta(object);
  return meta.namespace ? `${meta.namespace}/${meta.name ?? ''}` : (meta.name ?? '');
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
