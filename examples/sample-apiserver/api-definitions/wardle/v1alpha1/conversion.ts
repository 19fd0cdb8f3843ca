/**
 * v1alpha1 names a flunder's reference once, with its type beside it; the hub keeps one field per
 * type. A reference moves to the field its (defaulted) type selects and back; a type that is
 * neither Flunder nor Fischer carries no reference, as upstream's conversion drops it.
 */
import type * as wardle from '../types.js';
import type * as v1alpha1 from './types.js';

export function Convert_v1alpha1_FlunderSpec_To_wardle_FlunderSpec(input: v1alpha1.FlunderSpec): wardle.FlunderSpec {
  const out: wardle.FlunderSpec = {};
  switch (input.referenceType) {
    case 'Flunder':
      out.referenceType = 'Flunder';
      if (input.reference) out.flunderReference = input.reference;
      break;
    case 'Fischer':
      out.referenceType = 'Fischer';
      if (input.reference) out.fischerReference = input.reference;
      break;
    default:
      // Kept so validation can name it ("must be Flunder or Fischer") instead of losing it.
      if (input.referenceType) out.referenceType = input.referenceType;
  }
  return out;
}

export function Convert_wardle_FlunderSpec_To_v1alpha1_FlunderSpec(input: wardle.FlunderSpec): v1alpha1.FlunderSpec {
  const out: v1alpha1.FlunderSpec = {};
  switch (input.referenceType) {
    case 'Flunder':
      out.referenceType = 'Flunder';
      if (input.flunderReference) out.reference = input.flunderReference;
      break;
    case 'Fischer':
      out.referenceType = 'Fischer';
      if (input.fischerReference) out.reference = input.fischerReference;
      break;
    default:
      if (input.referenceType) out.referenceType = input.referenceType;
  }
  return out;
}
