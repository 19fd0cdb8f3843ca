/**
 * The internal (hub) types of wardle.example.com. A Flunder names what it refers to in one of
 * two fields, as v1beta1 does; v1alpha1's single `reference` converts to whichever field its
 * `referenceType` selects.
 */
import type { ListMeta, ObjectMeta, TypeMeta } from '../../../../api-definitions/meta/v1/types.js';

/** `Flunder` or `Fischer`; other values are refused by validation, not by the schema (as upstream). */
export type ReferenceType = string;

export interface FlunderSpec {
  /** The name of another flunder; excludes fischerReference. */
  flunderReference?: string;
  /** The name of a fischer; excludes flunderReference. */
  fischerReference?: string;
  referenceType?: ReferenceType;
}

export interface FlunderStatus {}

export interface Flunder extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: FlunderSpec;
  status?: FlunderStatus;
}

export interface FlunderList extends TypeMeta {
  metadata?: ListMeta;
  items: Flunder[];
}

export interface Fischer extends TypeMeta {
  metadata?: ObjectMeta;
  /** Names no flunder may be created with while this fischer exists. */
  disallowedFlunders?: string[];
}

export interface FischerList extends TypeMeta {
  metadata?: ListMeta;
  items: Fischer[];
}
