/**
 * The admission contract (apiserver's `pkg/admission`): what a plugin is told about a request,
 * and the two phases every write goes through, mutating plugins before the strategy validates
 * and validating plugins after, each free to reject the request with a Status error.
 */
import type { GroupVersionKind } from '../machinery/scheme-types.js';
import type { KObject } from '../registry/meta.js';
import type { UserInfo } from '../registry/strategy.js';

export type Operation = 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT';

/** A group, version and resource (schema.GroupVersionResource). */
export interface GroupVersionResource {
  readonly group: string;
  readonly version: string;
  readonly resource: string;
}

/** admission.Attributes: one request as plugins see it. Objects are hub objects. */
export interface Attributes {
  readonly operation: Operation;
  /** The object's name; for creates, the name in the body (empty with generateName). */
  readonly name: string;
  readonly namespace: string;
  readonly resource: GroupVersionResource;
  readonly subresource: string;
  /** The kind of `object`, in the version of the request. */
  readonly kind: GroupVersionKind;
  /** The new object (create, update); mutating plugins may change it in place. */
  readonly object?: KObject;
  /** The stored object (update, delete). */
  readonly oldObject?: KObject;
  /** The request's CreateOptions, UpdateOptions or DeleteOptions. */
  readonly options?: unknown;
  readonly dryRun: boolean;
  readonly user?: UserInfo;
}

/** A plugin, and which operations it wants to see. */
export interface AdmissionPlugin {
  readonly name: string;
  handles(operation: Operation): boolean;
}

/** A plugin that may change the object (admission.MutationInterface). */
export interface MutationPlugin extends AdmissionPlugin {
  admit(attributes: Attributes): Promise<void> | void;
}

/** A plugin that may only accept or reject (admission.ValidationInterface). */
export interface ValidationPlugin extends AdmissionPlugin {
  validate(attributes: Attributes): Promise<void> | void;
}

export function isMutationPlugin(plugin: AdmissionPlugin): plugin is MutationPlugin {
  return typeof (plugin as Partial<MutationPlugin>).admit === 'function';
}

export function isValidationPlugin(plugin: AdmissionPlugin): plugin is ValidationPlugin {
  return typeof (plugin as Partial<ValidationPlugin>).validate === 'function';
}

/** A plugin of either kind, or both. */
export type AnyPlugin = AdmissionPlugin & Partial<Pick<MutationPlugin, 'admit'>> & Partial<Pick<ValidationPlugin, 'validate'>>;

/** The configured plugins in order, run as one (admission.chainAdmissionHandler). */
export interface AdmissionChain {
  readonly plugins: readonly AdmissionPlugin[];
  /** Runs every mutating plugin that handles the operation, in order. */
  admit(attributes: Attributes): Promise<void>;
  /** Runs every validating plugin that handles the operation, in order. */
  validate(attributes: Attributes): Promise<void>;
}

/** A chain of plugins, run in the order given. */
export function newChain(plugins: readonly AnyPlugin[]): AdmissionChain {
  return {
    plugins,
    async admit(attributes) {
      for (const plugin of plugins) {
        if (isMutationPlugin(plugin) && plugin.handles(attributes.operation)) await plugin.admit(attributes);
      }
    },
    async validate(attributes) {
      for (const plugin of plugins) {
        if (isValidationPlugin(plugin) && plugin.handles(attributes.operation)) await plugin.validate(attributes);
      }
    },
  };
}

/** A chain that admits everything. */
export const ADMIT_ALL: AdmissionChain = newChain([]);
