/** v1alpha1 defaults: a reference without a type refers to a flunder. */
import type * as v1alpha1 from './types.js';

export function SetDefaults_FlunderSpec(obj: v1alpha1.FlunderSpec): void {
  if (!obj.referenceType && obj.reference) obj.referenceType = 'Flunder';
}
