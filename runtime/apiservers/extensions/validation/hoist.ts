/**
 * The shape upstream validates: apiextensions' internal CustomResourceDefinitionSpec, into which
 * conversion from v1 moves per-version schema, subresources and printer columns up to
 * spec.validation, spec.subresources and spec.additionalPrinterColumns when every version has
 * the same ones. Error paths follow that shape (`spec.validation.openAPIV3Schema…` for a CRD whose
 * versions share one schema, `spec.versions[1].schema.openAPIV3Schema…` otherwise).
 */
import type {
  CustomResourceColumnDefinition,
  CustomResourceDefinitionSpec,
  CustomResourceDefinitionVersion,
  CustomResourceSubresources,
  CustomResourceValidation,
} from '../../../../api-definitions/apiextensions/v1/types.js';
import { semanticEqual } from '../../../machinery/validation/equality.js';

export interface HoistedSpec {
  readonly validation?: CustomResourceValidation;
  readonly subresources?: CustomResourceSubresources;
  readonly additionalPrinterColumns?: CustomResourceColumnDefinition[];
  /** The versions with whatever was hoisted taken out. */
  readonly versions: CustomResourceDefinitionVersion[];
}

function allSame<T>(versions: readonly CustomResourceDefinitionVersion[], pick: (v: CustomResourceDefinitionVersion) => T | undefined): boolean {
  return versions.length > 0 && versions.every((v) => semanticEqual(pick(v), pick(versions[0])));
}

/** Moves what every version shares to the spec, as v1 → internal conversion does. */
export function hoist(spec: CustomResourceDefinitionSpec): HoistedSpec {
  const versions = (spec.versions ?? []).map((v) => ({ ...v }));
  const hoisted: { -readonly [K in keyof HoistedSpec]: HoistedSpec[K] } = { versions };
  if (allSame(versions, (v) => v.schema)) {
    hoisted.validation = versions[0].schema;
    for (const v of versions) delete v.schema;
  }
  if (allSame(versions, (v) => v.subresources)) {
    hoisted.subresources = versions[0].subresources;
    for (const v of versions) delete v.subresources;
  }
  if (allSame(versions, (v) => v.additionalPrinterColumns)) {
    hoisted.additionalPrinterColumns = versions[0].additionalPrinterColumns;
    for (const v of versions) delete v.additionalPrinterColumns;
  }
  return hoisted;
}
