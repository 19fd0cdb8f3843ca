/**
 * The Tables of admissionregistration.k8s.io kinds, with kube-apiserver's columns and cells
 * (printMutatingWebhook, printValidatingWebhook, printValidatingAdmissionPolicy and binding,
 * printMutatingAdmissionPolicy and binding).
 */
import { AGE_COLUMN, NAME_COLUMN, age, column, nameOf, selectorString } from '../../runtime/registry/printers.js';
import type { KObject } from '../../runtime/registry/meta.js';
import type { KindTable } from '../../runtime/registry/table.js';
import type * as admissionregistration from './types.js';

function webhookTable(): KindTable {
  return {
    columns: [NAME_COLUMN, column('Webhooks', 'integer', 'Webhooks indicates the number of webhooks registered in this configuration'), AGE_COLUMN],
    cells(hub: KObject, now: number) {
      const webhooks = (hub as { webhooks?: unknown[] }).webhooks ?? [];
      return [nameOf(hub), webhooks.length, age(hub, now)];
    },
  };
}

export const MUTATING_WEBHOOK_CONFIGURATION_TABLE = webhookTable();
export const VALIDATING_WEBHOOK_CONFIGURATION_TABLE = webhookTable();

function paramKind(kind: admissionregistration.ParamKind | undefined): string {
  return kind ? `${kind.apiVersion ?? ''}/${kind.kind ?? ''}` : '<unset>';
}

/** A binding's parameter: `namespace/name`, `*\/name` when the namespace is left to the request, or its selector. */
function paramRef(ref: admissionregistration.ParamRef | undefined): string {
  if (!ref) return '<unset>';
  if (ref.name) return ref.namespace ? `${ref.namespace}/${ref.name}` : `*/${ref.name}`;
  if (ref.selector) return selectorString(ref.selector);
  return '<unset>';
}

const PARAM_KIND_COLUMN = column('ParamKind', 'string', 'ParamKind specifies the kind of resources used to parameterize this policy');

export const VALIDATING_ADMISSION_POLICY_TABLE: KindTable = {
  columns: [NAME_COLUMN, column('Validations', 'integer', 'Validations indicates the number of validation rules defined in this configuration'), PARAM_KIND_COLUMN, AGE_COLUMN],
  cells(hub: KObject, now: number) {
    const spec = (hub as admissionregistration.ValidatingAdmissionPolicy).spec;
    return [nameOf(hub), (spec?.validations ?? []).length, paramKind(spec?.paramKind), age(hub, now)];
  },
};

export const MUTATING_ADMISSION_POLICY_TABLE: KindTable = {
  columns: [NAME_COLUMN, column('Mutations', 'integer', 'Mutation indicates the number of mutations rules defined in this configuration'), PARAM_KIND_COLUMN, AGE_COLUMN],
  cells(hub: KObject, now: number) {
    const spec = (hub as admissionregistration.MutatingAdmissionPolicy).spec;
    return [nameOf(hub), (spec?.mutations ?? []).length, paramKind(spec?.paramKind), age(hub, now)];
  },
};

function bindingTable(): KindTable {
  return {
    columns: [
      NAME_COLUMN,
      column('PolicyName', 'string', 'PolicyName indicates the policy definition which the policy binding binded to'),
      column('ParamRef', 'string', 'ParamRef indicates the param resource which sets the configration param'),
      AGE_COLUMN,
    ],
    cells(hub: KObject, now: number) {
      const spec = (hub as unknown as admissionregistration.ValidatingAdmissionPolicyBinding).spec;
      return [nameOf(hub), spec?.policyName ?? '', paramRef(spec?.paramRef), age(hub, now)];
    },
  };
}

export const VALIDATING_ADMISSION_POLICY_BINDING_TABLE = bindingTable();
export const MUTATING_ADMISSION_POLICY_BINDING_TABLE = bindingTable();
