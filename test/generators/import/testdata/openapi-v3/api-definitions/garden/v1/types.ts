/** garden.example.com/v1: API types imported from openapi.json by `kapi import`. */

import type { int32, IntOrString, JSON, ObjectMeta, Quantity, TypeMeta } from '../../meta/v1/types.js';

export type Labels = Record<string, string>;

/** A plant in the garden. */
export interface Plant extends TypeMeta {
  /** +default={} */
  metadata?: ObjectMeta;
  /** What the gardener wants. */
  spec?: PlantSpec;
}

export interface PlantSpec {
  /** +kubebuilder:validation:MaxItems=8 */
  companions?: PlantSpecCompanion[];
  /**
   * How tall it may grow.
   * +default="1m"
   */
  height?: Quantity;
  kind?: PlantSpecKind;
  light?: PlantSpecLight;
  nickname?: string;
  /** +kubebuilder:validation:Format=date */
  planted?: string;
  pot?: JSON;
  /** +kubebuilder:validation:Enum=1;2;3 */
  priority?: int32;
  /** +default="Loam" */
  soil?: Soil;
  spacing?: IntOrString;
  /**
   * The species.
   * \+ not a marker, a plus sign in prose
   * +kubebuilder:validation:MinLength=1
   */
  species: string;
}

export interface PlantSpecCompanion {
  name?: string;
}

export type PlantSpecKind = 'Tree' | 'Shrub' | 'Herb';

export interface PlantSpecLight {
  direct?: boolean;
  /**
   * +kubebuilder:validation:Minimum=0
   * +kubebuilder:validation:Maximum=24
   */
  hours: int32;
}

/** What a plant grows in. */
export type Soil = 'Clay' | 'Sand' | 'Loam';

export type Tags = string[];
