/** Which packages get OpenAPI output, and the names that output uses for them. */
import type { ApiModel, GroupModel, PackageModel } from '../model/types.js';

/** A versioned package and its group: one set of output files. */
export interface PackageTarget {
  readonly pkg: PackageModel & { readonly version: string };
  readonly group: GroupModel;
  /** `autoscaling/v2`, or `v1` for the core group, as apiVersion spells it. */
  readonly groupVersion: string;
}

/** Every versioned package in model order; internal packages have no wire form and get nothing. */
export function packageTargets(model: ApiModel): PackageTarget[] {
  return model.groups.flatMap((group) =>
    group.versions
      .filter((pkg): pkg is PackageTarget['pkg'] => pkg.version !== null)
      .map((pkg) => ({ pkg, group, groupVersion: apiVersion(group.groupName, pkg.version) })),
  );
}

export function apiVersion(groupName: string, version: string): string {
  return groupName === '' ? version : `${groupName}/${version}`;
}

/** The validator function of a kind: `validateHorizontalPodAutoscaler`. */
export function validatorName(kind: string): string {
  return `validate${kind}`;
}
