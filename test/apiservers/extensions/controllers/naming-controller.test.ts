/**
 * The naming, establishing and API approval controllers on a kube tier over SQLite: CRDs
 * written over HTTP get acceptedNames and their conditions, conflicts within a group are
 * reported with upstream's reasons and messages, and a name freed by a deleted CRD goes to the
 * CRD that wanted it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { request } from '../../../endpoints/handlers/support.js';
import { conditionOf, crdNamed, CRDS, getCRD, startHarness, waitFor, waitForCondition, type Harness, type Obj } from './support.js';

describe('CRD naming and establishing controllers', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h.close();
  });

  const create = async (crd: unknown): Promise<Obj> => {
    const res = await request(`${h.url}${CRDS}`, 'POST', crd);
    assert.equal(res.status, 201, res.text);
    return res.json();
  };

  it('accepts the names of a new CRD and establishes it', async () => {
    await create(crdNamed('naming.example.com', { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList', shortNames: ['wd'], categories: ['all'] }));
    const crd = await waitForCondition(h.url, 'widgets.naming.example.com', 'Established', 'True');
    assert.deepEqual((crd['status'] as Obj)['acceptedNames'], {
      plural: 'widgets',
      singular: 'widget',
      kind: 'Widget',
      listKind: 'WidgetList',
      shortNames: ['wd'],
      categories: ['all'],
    });
    assert.deepEqual(
      { ...conditionOf(crd, 'NamesAccepted') },
      { ...conditionOf(crd, 'NamesAccepted'), type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found' },
    );
    const established = conditionOf(crd, 'Established')!;
    assert.equal(established.reason, 'InitialNamesAccepted');
    assert.equal(established.message, 'the initial names have been accepted');
    // no KubernetesAPIApprovalPolicyConformant outside the protected groups
    assert.equal(conditionOf(crd, 'KubernetesAPIApprovalPolicyConformant'), undefined);
  });

  const conflicts: [string, { names: { plural: string; singular: string; kind: string; listKind: string; shortNames?: string[] }; reason: string; message: string }][] = [
    ['a plural that is another CRD’s singular', { names: { plural: 'widget', singular: 'onewidget', kind: 'OneWidget', listKind: 'OneWidgetList' }, reason: 'PluralConflict', message: '"widget" is already in use' }],
    ['a plural that is another CRD’s short name', { names: { plural: 'wd', singular: 'wdee', kind: 'Wdee', listKind: 'WdeeList' }, reason: 'PluralConflict', message: '"wd" is already in use' }],
    ['a singular that is another CRD’s plural', { names: { plural: 'gizmos', singular: 'widgets', kind: 'Gizmo', listKind: 'GizmoList' }, reason: 'SingularConflict', message: '"widgets" is already in use' }],
    ['a short name in use', { names: { plural: 'gadgets', singular: 'gadget', kind: 'Gadget', listKind: 'GadgetList', shortNames: ['wd'] }, reason: 'ShortNamesConflict', message: '"wd" is already in use' }],
    ['a kind in use', { names: { plural: 'doodads', singular: 'doodad', kind: 'Widget', listKind: 'DoodadList' }, reason: 'KindConflict', message: '"Widget" is already in use' }],
    ['a list kind in use', { names: { plural: 'thingies', singular: 'thingy', kind: 'Thingy', listKind: 'WidgetList' }, reason: 'ListKindConflict', message: '"WidgetList" is already in use' }],
  ];
  for (const [name, want] of conflicts) {
    it(`reports ${name} as NamesAccepted=False`, async () => {
      const crdName = `${want.names.plural}.naming.example.com`;
      await create(crdNamed('naming.example.com', want.names));
      const crd = await waitForCondition(h.url, crdName, 'NamesAccepted', 'False');
      const c = conditionOf(crd, 'NamesAccepted')!;
      assert.equal(c.reason, want.reason);
      assert.equal(c.message, want.message);
      assert.deepEqual(
        { ...conditionOf(crd, 'Established') },
        { ...conditionOf(crd, 'Established'), status: 'False', reason: 'NotAccepted', message: 'not all names are accepted' },
      );
      // stays so: never Established while a name conflicts
      await new Promise((resolve) => setTimeout(resolve, 150));
      assert.equal(conditionOf((await getCRD(h.url, crdName))!, 'Established')?.status, 'False');
    });
  }

  it('gives a CRD of another group the same names', async () => {
    await create(crdNamed('other.example.com', { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList', shortNames: ['wd'] }));
    await waitForCondition(h.url, 'widgets.other.example.com', 'Established', 'True');
  });

  it('refuses a built-in resource’s name in its group', async () => {
    // a CRD in a built-in group takes the "unapproved" route past API approval
    const crd = crdNamed('networking.k8s.io', { plural: 'netpols', singular: 'netpol', kind: 'Ingress', listKind: 'NetpolList' });
    crd.metadata!.annotations = { 'api-approved.kubernetes.io': 'unapproved, testing' };
    await create(crd);
    const got = await waitForCondition(h.url, 'netpols.networking.k8s.io', 'NamesAccepted', 'False');
    assert.equal(conditionOf(got, 'NamesAccepted')?.reason, 'KindConflict');
    assert.equal(conditionOf(got, 'NamesAccepted')?.message, '"Ingress" is already in use');
  });

  it('hands a freed name to the CRD that asked for it once the holder is deleted', async () => {
    await create(crdNamed('free.example.com', { plural: 'holders', singular: 'holder', kind: 'Holder', listKind: 'HolderList', shortNames: ['hd'] }));
    await waitForCondition(h.url, 'holders.free.example.com', 'Established', 'True');
    await create(crdNamed('free.example.com', { plural: 'wanters', singular: 'wanter', kind: 'Wanter', listKind: 'WanterList', shortNames: ['hd'] }));
    await waitForCondition(h.url, 'wanters.free.example.com', 'NamesAccepted', 'False', 'ShortNamesConflict');
    const del = await request(`${h.url}${CRDS}/holders.free.example.com`, 'DELETE');
    assert.equal(del.status, 200, del.text);
    await waitFor('holders gone', async () => ((await getCRD(h.url, 'holders.free.example.com')) ? undefined : true));
    const wanter = await waitForCondition(h.url, 'wanters.free.example.com', 'Established', 'True');
    assert.deepEqual(((wanter['status'] as Obj)['acceptedNames'] as Obj)['shortNames'], ['hd']);
    assert.equal(conditionOf(wanter, 'NamesAccepted')?.reason, 'NoConflicts');
  });

  it('keeps the accepted names when the spec asks for a name in use, and reports it', async () => {
    await create(crdNamed('rename.example.com', { plural: 'alphas', singular: 'alpha', kind: 'Alpha', listKind: 'AlphaList' }));
    await create(crdNamed('rename.example.com', { plural: 'betas', singular: 'beta', kind: 'Beta', listKind: 'BetaList' }));
    await waitForCondition(h.url, 'betas.rename.example.com', 'Established', 'True');
    const beta = (await getCRD(h.url, 'betas.rename.example.com'))!;
    (beta['spec'] as { names: Obj }).names['shortNames'] = ['alpha'];
    const put = await request(`${h.url}${CRDS}/betas.rename.example.com`, 'PUT', beta);
    assert.equal(put.status, 200, put.text);
    const after = await waitForCondition(h.url, 'betas.rename.example.com', 'NamesAccepted', 'False', 'ShortNamesConflict');
    assert.equal(((after['status'] as Obj)['acceptedNames'] as Obj)['shortNames'], undefined);
    // once established, a CRD stays established
    assert.equal(conditionOf(after, 'Established')?.status, 'True');
  });

  const approvals: [string, { annotation: string; status: string; reason: string; message: string }][] = [
    ['an approval URL', { annotation: 'https://github.com/kubernetes/kubernetes/pull/78458', status: 'True', reason: 'ApprovedAnnotation', message: 'approved in https://github.com/kubernetes/kubernetes/pull/78458' }],
    ['an unapproved reason', { annotation: 'unapproved, experimental-only', status: 'False', reason: 'UnapprovedAnnotation', message: 'not approved: "unapproved, experimental-only"' }],
  ];
  for (const [name, want] of approvals) {
    it(`sets KubernetesAPIApprovalPolicyConformant for ${name}`, async () => {
      const plural = want.status === 'True' ? 'approveds' : 'unapproveds';
      const crd = crdNamed('approval.k8s.io', { plural, singular: plural.slice(0, -1), kind: plural === 'approveds' ? 'Approved' : 'Unapproved', listKind: `${plural}List` });
      crd.metadata!.annotations = { 'api-approved.kubernetes.io': want.annotation };
      await create(crd);
      const got = await waitForCondition(h.url, `${plural}.approval.k8s.io`, 'KubernetesAPIApprovalPolicyConformant', want.status);
      const c = conditionOf(got, 'KubernetesAPIApprovalPolicyConformant')!;
      assert.equal(c.reason, want.reason);
      assert.equal(c.message, want.message);
    });
  }
});

describe('CRD establishing controller and conversion webhooks', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h.close();
  });

  it('keeps a CRD whose conversion webhook caBundle holds no certificate at Established=False (InvalidCABundle)', async () => {
    const crd = crdNamed('cabundle.example.com', { plural: 'bundles', singular: 'bundle', kind: 'Bundle', listKind: 'BundleList' });
    crd.spec.versions.push({ ...structuredClone(crd.spec.versions[0]), name: 'v2', storage: false });
    crd.spec.conversion = {
      strategy: 'Webhook',
      webhook: {
        conversionReviewVersions: ['v1'],
        clientConfig: { url: 'https://127.0.0.1:9443/convert', caBundle: Buffer.from('not a certificate').toString('base64') },
      },
    };
    const res = await request(`${h.url}${CRDS}`, 'POST', crd);
    assert.equal(res.status, 201, res.text);
    const got = await waitForCondition(h.url, 'bundles.cabundle.example.com', 'Established', 'False', 'InvalidCABundle');
    assert.equal(conditionOf(got, 'Established')?.message, 'The conversion webhook CABundle is invalid');
    assert.equal(conditionOf(got, 'NamesAccepted')?.status, 'True');
  });
});
