/** Per-kind behaviour of admissionregistration.k8s.io objects: kube-apiserver's Tables. */
import type { GroupStrategies } from '../../runtime/registry/strategy.js';
import {
  MUTATING_ADMISSION_POLICY_BINDING_TABLE,
  MUTATING_ADMISSION_POLICY_TABLE,
  MUTATING_WEBHOOK_CONFIGURATION_TABLE,
  VALIDATING_ADMISSION_POLICY_BINDING_TABLE,
  VALIDATING_ADMISSION_POLICY_TABLE,
  VALIDATING_WEBHOOK_CONFIGURATION_TABLE,
} from './printers.js';

export const strategies: GroupStrategies = {
  MutatingWebhookConfiguration: { table: MUTATING_WEBHOOK_CONFIGURATION_TABLE },
  ValidatingWebhookConfiguration: { table: VALIDATING_WEBHOOK_CONFIGURATION_TABLE },
  ValidatingAdmissionPolicy: { table: VALIDATING_ADMISSION_POLICY_TABLE },
  ValidatingAdmissionPolicyBinding: { table: VALIDATING_ADMISSION_POLICY_BINDING_TABLE },
  MutatingAdmissionPolicy: { table: MUTATING_ADMISSION_POLICY_TABLE },
  MutatingAdmissionPolicyBinding: { table: MUTATING_ADMISSION_POLICY_BINDING_TABLE },
};
