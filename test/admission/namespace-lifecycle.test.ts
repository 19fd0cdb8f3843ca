/** NamespaceLifecycle and the chain the admission flags select. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StatusError } from '../../runtime/machinery/errors.js';
import type { Attributes } from '../../runtime/admission/interfaces.js';
import { namespaceLifecycle } from '../../runtime/admission/namespace-lifecycle.js';
import { buildAdmissionChain, validateAdmissionOptions } from '../../runtime/admission/plugins.js';

const namespaces: Record<string, { phase: string }> = { live: { phase: 'Active' }, dying: { phase: 'Terminating' } };
const lookup = { get: async (name: string) => namespaces[name] };

function attrs(over: Partial<Attributes>): Attributes {
  return {
    operation: 'CREATE',
    name: 'web',
    namespace: 'live',
    resource: { group: '', version: 'v1', resource: 'configmaps' },
    subresource: '',
    kind: { group: '', version: 'v1', kind: 'ConfigMap' },
    dryRun: false,
    ...over,
  };
}

describe('NamespaceLifecycle', () => {
  const plugin = namespaceLifecycle(lookup);

  const cases: [string, { given: Partial<Attributes>; code?: number; message?: string }][] = [
    ['create in an active namespace', { given: {} }],
    ['create in a missing namespace', { given: { namespace: 'gone' }, code: 404, message: 'namespaces "gone" not found' }],
    [
      'create in a terminating namespace',
      { given: { namespace: 'dying' }, code: 403, message: 'configmaps "web" is forbidden: unable to create new content in namespace dying because it is being terminated' },
    ],
    ['update in a terminating namespace', { given: { namespace: 'dying', operation: 'UPDATE' } }],
    ['update in a missing namespace', { given: { namespace: 'gone', operation: 'UPDATE' }, code: 404 }],
    ['delete in a missing namespace', { given: { namespace: 'gone', operation: 'DELETE' } }],
    ['cluster-scoped objects', { given: { namespace: '', resource: { group: '', version: 'v1', resource: 'nodes' }, kind: { group: '', version: 'v1', kind: 'Node' } } }],
    [
      'deleting kube-system',
      {
        given: { operation: 'DELETE', name: 'kube-system', namespace: 'kube-system', resource: { group: '', version: 'v1', resource: 'namespaces' }, kind: { group: '', version: 'v1', kind: 'Namespace' } },
        code: 403,
        message: 'namespaces "kube-system" is forbidden: this namespace may not be deleted',
      },
    ],
    [
      'deleting another namespace',
      { given: { operation: 'DELETE', name: 'live', namespace: 'live', resource: { group: '', version: 'v1', resource: 'namespaces' }, kind: { group: '', version: 'v1', kind: 'Namespace' } } },
    ],
  ];
  for (const [name, { given, code, message }] of cases) {
    it(name, async () => {
      const run = Promise.resolve().then(() => plugin.admit(attrs(given)));
      if (code === undefined) return run;
      await assert.rejects(run, (e: StatusError) => {
        assert.equal(e.code, code);
        if (message) assert.equal(e.message, message);
        return true;
      });
    });
  }

  it('adds the NamespaceTerminating cause', async () => {
    await assert.rejects(Promise.resolve().then(() => plugin.admit(attrs({ namespace: 'dying' }))), (e: StatusError) => {
      assert.deepEqual(e.status.details?.causes, [{ reason: 'NamespaceTerminating', message: 'namespace dying is being terminated', field: 'metadata.namespace' }]);
      return true;
    });
  });
});

describe('NamespaceLifecycle reads', () => {
  it('reads a namespace live for a while after it was deleted, from the cache otherwise', async () => {
    // A cache that still shows `stale` Active after its DELETE; the store already has it Terminating.
    const asked: { name: string; live: boolean }[] = [];
    const staleCache = {
      get: async (name: string, options?: { live?: boolean }) => {
        asked.push({ name, live: options?.live ?? false });
        return { phase: options?.live ? 'Terminating' : 'Active' };
      },
    };
    const plugin = namespaceLifecycle(staleCache);
    await plugin.admit(attrs({ namespace: 'stale' }));
    const namespace = { resource: { group: '', version: 'v1', resource: 'namespaces' }, kind: { group: '', version: 'v1', kind: 'Namespace' } };
    await plugin.admit(attrs({ operation: 'DELETE', name: 'stale', namespace: 'stale', ...namespace }));
    await assert.rejects(Promise.resolve().then(() => plugin.admit(attrs({ namespace: 'stale' }))), (e: StatusError) => e.code === 403);
    await plugin.admit(attrs({ namespace: 'other' }));
    assert.deepEqual(asked, [
      { name: 'stale', live: false },
      { name: 'stale', live: true },
      { name: 'other', live: false },
    ]);
  });
});

describe('admission flags', () => {
  it('turns the defaults on, in upstream order, NamespaceLifecycle first', () => {
    const built = buildAdmissionChain({}, { namespaces: lookup });
    assert.equal(built.enabled[0], 'NamespaceLifecycle');
    assert.deepEqual(built.chain.plugins.map((p) => p.name), ['NamespaceLifecycle']);
    assert.ok(built.unimplemented.includes('ServiceAccount'));
  });

  it('enables and disables by name', () => {
    const built = buildAdmissionChain({ enable: ['AlwaysDeny'], disable: ['NamespaceLifecycle'] });
    assert.deepEqual(built.chain.plugins.map((p) => p.name), ['AlwaysDeny']);
  });

  it('refuses unknown and overlapping names as kube-apiserver does', () => {
    assert.deepEqual(validateAdmissionOptions({ enable: ['Nope', 'AlwaysDeny'], disable: ['AlwaysDeny'] }), [
      'enable-admission-plugins plugin "Nope" is unknown',
      '[AlwaysDeny] in enable-admission-plugins and disable-admission-plugins overlapped',
    ]);
    assert.throws(() => buildAdmissionChain({ enable: ['Nope'] }), /is unknown/);
  });
});
