/**
 * Label and field selectors with upstream's syntax, matching and error messages: the
 * `labelSelector` and `fieldSelector` of LIST and WATCH, and metav1.LabelSelector objects.
 */
export {
  LabelSelector,
  Requirement,
  SelectorError,
  newRequirement,
  parseLabelSelector,
  selectorFromSet,
  validatedSelectorFromSet,
} from './labels.js';
export type { Labels, Operator } from './labels.js';
export { labelSelectorAsSelector } from './label-selector.js';
export type { LabelSelectorObject, LabelSelectorRequirementObject } from './label-selector.js';
export {
  FieldSelector,
  FieldSelectorError,
  defaultFieldLabelConversion,
  escapeFieldValue,
  fieldLabelConversion,
  fieldSelectorFromSet,
  parseFieldSelector,
  unescapeFieldValue,
} from './fields.js';
export type { FieldRequirement, FieldTransform, Fields } from './fields.js';
export { isDNS1123Subdomain, isQualifiedName, isValidLabelValue } from './validation.js';
