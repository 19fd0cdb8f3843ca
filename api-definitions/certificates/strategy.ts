/**
 * Per-kind behaviour of CertificateSigningRequests, as kube-apiserver's csr strategy has it:
 * the requester's identity is taken from the request, never from the body; a new request
 * carries no status (so it cannot arrive approved); updates of the main resource change
 * metadata only; the `spec.signerName` field selector; the Table of printCertificateSigningRequest.
 */
import { NAME_COLUMN, AGE_COLUMN, age, column, nameOf } from '../../runtime/registry/printers.js';
import type { KObject } from '../../runtime/registry/meta.js';
import type { GroupStrategies } from '../../runtime/registry/strategy.js';
import { humanDuration, type KindTable } from '../../runtime/registry/table.js';
import type * as certificates from './types.js';

/** extractCSRStatus: Denied over Approved over Pending, then `,Failed` and `,Issued`. */
export function csrCondition(csr: certificates.CertificateSigningRequest): string {
  const types = new Set((csr.status?.conditions ?? []).map((c) => c.type));
  let status = types.has('Denied') ? 'Denied' : types.has('Approved') ? 'Approved' : 'Pending';
  if (types.has('Failed')) status += ',Failed';
  if (csr.status?.certificate) status += ',Issued';
  return status;
}

export const CSR_TABLE: KindTable = {
  columns: [
    NAME_COLUMN,
    AGE_COLUMN,
    column('SignerName', 'string', 'Requested signer for the request.'),
    column('Requestor', 'string', 'Information about the requesting user.'),
    column('RequestedDuration', 'string', 'expirationSeconds is the requested duration of validity of the issued certificate.'),
    column('Condition', 'string', 'Conditions applied to the request, such as approval or denial.'),
  ],
  cells(hub: KObject, now: number) {
    const csr = hub as unknown as certificates.CertificateSigningRequest;
    const seconds = csr.spec?.expirationSeconds;
    const duration = seconds === undefined || seconds === null ? '<none>' : humanDuration(seconds * 1000);
    return [nameOf(hub), age(hub, now), csr.spec?.signerName || '<none>', csr.spec?.username ?? '', duration, csrCondition(csr)];
  },
};

export const strategies: GroupStrategies = {
  CertificateSigningRequest: {
    table: CSR_TABLE,
    fieldLabels: ['spec.signerName'],
    selectableFields: (object) => ({ 'spec.signerName': (object as unknown as certificates.CertificateSigningRequest).spec?.signerName ?? '' }),
    prepareForCreate(ctx, object) {
      const csr = object as unknown as certificates.CertificateSigningRequest;
      csr.spec ??= { request: '', signerName: '' };
      const spec = csr.spec;
      delete spec.username;
      delete spec.uid;
      delete spec.groups;
      delete spec.extra;
      const user = ctx.user;
      if (user) {
        if (user.name) spec.username = user.name;
        if (user.uid) spec.uid = user.uid;
        if (user.groups && user.groups.length > 0) spec.groups = [...user.groups];
        const extra = Object.entries(user.extra ?? {});
        if (extra.length > 0) spec.extra = Object.fromEntries(extra.map(([k, v]) => [k, [...v]]));
      }
      csr.status = {};
    },
    prepareForUpdate(_ctx, object, old) {
      // The main resource changes metadata only; status has its own subresource.
      object['spec'] = old['spec'];
    },
  },
};
