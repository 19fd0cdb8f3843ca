/**
 * RequestScope: everything the verb handlers need to serve one resource (or subresource) in
 * one group-version, assembled once by the installer (apiserver's handlers.RequestScope).
 */
import type { AdmissionChain } from '../../admission/interfaces.js';
import type { Scheme } from '../../machinery/scheme.js';
import type { GroupVersionKind, ResourceInfo } from '../../machinery/scheme-types.js';
import type { RestStorage } from '../../registry/rest.js';
import type { SelectorParser } from '../../registry/selection.js';
import type { TableConvertor } from '../../registry/table.js';
import type { UnknownFieldChecker } from './fields.js';

/** The PATCH types handled without server-side apply. */
export type PatchKind = 'json' | 'merge' | 'strategic';

/** Applies a PATCH body to an object in its versioned JSON form (machinery/patch behind a seam). */
export interface PatchApplier {
  /**
   * The patched JSON. `strict` asks strategic merge patches to fail on fields the kind does not
   * have. Throws the patch layer's errors (400, 413, 422).
   */
  apply(kind: PatchKind, original: Record<string, unknown>, patch: unknown, gvk: GroupVersionKind, options: { strict: boolean }): unknown;
  /** Whether strategic merge patch is possible for the kind (it needs the kind's patch metadata). */
  supportsStrategic(gvk: GroupVersionKind): boolean;
}

export interface RequestScope {
  readonly scheme: Scheme;
  /** The resource's ResourceInfo in the request's version. */
  readonly info: ResourceInfo;
  /** The group-version of the URL. */
  readonly group: string;
  readonly version: string;
  /** '' or the subresource (`status`, `scale`). */
  readonly subresource: string;
  readonly rest: RestStorage;
  /** The kind this endpoint reads and writes, in the URL's version (Scale for scale). */
  readonly kind: GroupVersionKind;
  /** The list kind of `kind`, when there is one. */
  readonly listKind?: GroupVersionKind;
  /** Table output; undefined where Table is not offered. */
  readonly table?: TableConvertor;
  readonly admission: AdmissionChain;
  readonly selectors: SelectorParser;
  readonly patcher?: PatchApplier;
  readonly fieldChecker?: UnknownFieldChecker;
  readonly maxRequestBodyBytes: number;
  /** Watches without timeoutSeconds last between this and twice this many seconds. */
  readonly minRequestTimeoutSeconds: number;
}

/** `pods`, or `deployments/scale`: how the resource appears in admission and messages. */
export function resourcePath(scope: RequestScope): string {
  return scope.subresource ? `${scope.info.plural}/${scope.subresource}` : scope.info.plural;
}
