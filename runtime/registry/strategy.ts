/**
 * Strategies: what differs between kinds on the write path (rest.RESTCreateStrategy,
 * RESTUpdateStrategy, RESTDeleteStrategy and the status variants), as one resolved `Strategy`
 * the Store calls.
 *
 * Every resource gets the generic strategy built from its ResourceInfo:
 *   - create: status cleared when the resource has a status subresource; generation 1;
 *   - update: status kept from the stored object (main resource) or everything but status kept
 *     (status subresource); generation bumped when anything outside metadata and status changed;
 *   - validation of ObjectMeta (names are DNS subdomains unless the kind says otherwise);
 *   - selectable fields `metadata.name` and, when namespaced, `metadata.namespace`.
 *
 * A group adds per-kind behaviour in `api-definitions/<group>/strategy.ts` by exporting
 * `strategies: GroupStrategies`, a `KindStrategyHooks` per kind. Hooks run after the generic
 * behaviour and extend it (validation errors are concatenated, prepare hooks run second); the
 * boolean options switch generic behaviour off or on.
 *
 * Kind validation lives in `api-definitions/<group>/validation.ts` as `validate<Kind>(obj)`,
 * `validate<Kind>Update(obj, old)` and `validate<Kind>StatusUpdate(obj, old)` over hub objects,
 * as upstream's ValidateDeployment and friends: they validate the whole object, ObjectMeta
 * included, and replace the generic ObjectMeta validation where present.
 */
import type { FieldError } from '../machinery/errors.js';
import type { ResourceInfo } from '../machinery/scheme-types.js';
import { metaOf, peekMeta, specChanged, specFields, type KObject } from './meta.js';
import type { Attrs } from './selection.js';
import type { KindTable } from './table.js';
import { nameIsDNSSubdomain, validateObjectMeta, type NameValidator } from './validation.js';

/** Who is asking: enough for strategies and admission to decide (user.Info). */
export interface UserInfo {
  readonly name: string;
  readonly uid?: string;
  readonly groups?: readonly string[];
  readonly extra?: Readonly<Record<string, readonly string[]>>;
}

/** What a strategy knows about the request it serves. */
export interface StrategyContext {
  /** The request's namespace; '' for cluster-scoped resources and all-namespace requests. */
  readonly namespace: string;
  readonly user?: UserInfo;
  /** Adds a `Warning: 299 - "<message>"` header to the response. */
  warn(message: string): void;
}

/** metav1.DeleteOptions as JSON. */
export interface DeleteOptions {
  gracePeriodSeconds?: number | null;
  preconditions?: { uid?: string | null; resourceVersion?: string | null } | null;
  orphanDependents?: boolean | null;
  propagationPolicy?: string | null;
  dryRun?: string[] | null;
}

/** rest.GarbageCollectionPolicy: what deleting an object does to its dependents by default. */
export type GarbageCollectionPolicy = 'DeleteDependents' | 'OrphanDependents' | 'Unsupported';

/** The per-kind hooks a group supplies; every member is optional. */
export interface KindStrategyHooks {
  /** The rule names must follow; DNS subdomain by default (NameIsDNSSubdomain). */
  readonly nameValidation?: NameValidator;
  /** Clear `status` on create; default: whether the resource has a status subresource. */
  readonly resetStatusOnCreate?: boolean;
  /** Keep metadata.generation (1 on create, +1 on spec change); default: the object has a `spec` and a status subresource. */
  readonly trackGeneration?: boolean;
  /** PUT to a missing object creates it. Default false. */
  readonly allowCreateOnUpdate?: boolean;
  /** PUT without metadata.resourceVersion overwrites. Default true. */
  readonly allowUnconditionalUpdate?: boolean;
  /** Return the deleted object from DELETE rather than a Success Status. Default false. */
  readonly returnDeletedObject?: boolean;
  /** Default DeleteDependents. */
  readonly defaultGarbageCollectionPolicy?: GarbageCollectionPolicy;
  /** Field selector labels beyond metadata.name and metadata.namespace, e.g. `spec.nodeName`. */
  readonly fieldLabels?: readonly string[];
  /**
   * Whether `metadata.namespace` is a field label. Default true, as for every kind without its
   * own field label conversion; Namespace and Node answer only their own labels.
   */
  readonly namespaceFieldLabel?: boolean;

  prepareForCreate?(ctx: StrategyContext, object: KObject): void;
  prepareForUpdate?(ctx: StrategyContext, object: KObject, old: KObject): void;
  validate?(ctx: StrategyContext, object: KObject): FieldError[];
  validateUpdate?(ctx: StrategyContext, object: KObject, old: KObject): FieldError[];
  warningsOnCreate?(ctx: StrategyContext, object: KObject): string[];
  warningsOnUpdate?(ctx: StrategyContext, object: KObject, old: KObject): string[];
  /** Normalizes an object before it is stored. */
  canonicalize?(object: KObject): void;
  /** Values of `fieldLabels` for an object. */
  selectableFields?(object: KObject): Record<string, string>;
  /**
   * Whether deletion is graceful (pods): sets `options.gracePeriodSeconds` to the period to
   * use and returns true, or returns false to delete at once.
   */
  checkGracefulDelete?(ctx: StrategyContext, object: KObject, options: DeleteOptions): boolean;
  /** Seconds until a written object expires (Events, as `--event-ttl`); undefined or 0 for never. */
  ttlSeconds?(object: KObject, update: boolean): number | undefined;
  /** The kind's own Table columns and cells, instead of NAME, the printer columns and AGE. */
  readonly table?: KindTable;
  /** The status subresource's own hooks. */
  readonly status?: {
    prepareForUpdate?(ctx: StrategyContext, object: KObject, old: KObject): void;
    validateUpdate?(ctx: StrategyContext, object: KObject, old: KObject): FieldError[];
    warningsOnUpdate?(ctx: StrategyContext, object: KObject, old: KObject): string[];
  };
}

/** What `api-definitions/<group>/strategy.ts` exports as `strategies`: hooks per kind. */
export type GroupStrategies = Readonly<Record<string, KindStrategyHooks>>;

/** A resolved strategy: everything the Store asks of a kind. */
export interface Strategy {
  readonly namespaced: boolean;
  readonly hasStatusSubresource: boolean;
  /** Field selector labels this kind answers. */
  readonly fieldLabels: ReadonlySet<string>;
  readonly returnDeletedObject: boolean;
  /** The kind's own table, when it has one. */
  readonly table?: KindTable;
  ttlSeconds?(object: KObject, update: boolean): number | undefined;
  prepareForCreate(ctx: StrategyContext, object: KObject): void;
  prepareForUpdate(ctx: StrategyContext, object: KObject, old: KObject): void;
  validate(ctx: StrategyContext, object: KObject): FieldError[];
  validateUpdate(ctx: StrategyContext, object: KObject, old: KObject): FieldError[];
  warningsOnCreate(ctx: StrategyContext, object: KObject): string[];
  warningsOnUpdate(ctx: StrategyContext, object: KObject, old: KObject): string[];
  canonicalize(object: KObject): void;
  allowCreateOnUpdate(): boolean;
  allowUnconditionalUpdate(): boolean;
  getAttrs(object: KObject): Attrs;
  checkGracefulDelete?(ctx: StrategyContext, object: KObject, options: DeleteOptions): boolean;
  defaultGarbageCollectionPolicy(ctx: StrategyContext): GarbageCollectionPolicy;
}

/** Per-kind validation functions found in `api-definitions/<group>/validation.ts`; each returns a fresh array. */
export interface KindValidationFunctions {
  validate?(object: KObject): FieldError[];
  validateUpdate?(object: KObject, old: KObject): FieldError[];
  validateStatusUpdate?(object: KObject, old: KObject): FieldError[];
}

/** The generic strategy of a resource, extended by a kind's hooks and validation functions. */
export function newStrategy(info: ResourceInfo, hooks: KindStrategyHooks = {}, validation: KindValidationFunctions = {}): Strategy {
  const hasStatus = info.subresources.status;
  const resetStatus = hooks.resetStatusOnCreate ?? hasStatus;
  const nameFn = hooks.nameValidation ?? nameIsDNSSubdomain;
  const trackGeneration = (object: KObject): boolean => hooks.trackGeneration ?? (hasStatus && object['spec'] !== undefined);
  const fieldLabels = new Set(['metadata.name', ...(hooks.namespaceFieldLabel === false ? [] : ['metadata.namespace']), ...(hooks.fieldLabels ?? [])]);
  return {
    namespaced: info.namespaced,
    hasStatusSubresource: hasStatus,
    fieldLabels,
    returnDeletedObject: hooks.returnDeletedObject ?? false,
    table: hooks.table,
    ttlSeconds: hooks.ttlSeconds,
    prepareForCreate(ctx, object) {
      if (resetStatus) delete object['status'];
      if (trackGeneration(object)) metaOf(object).generation = 1;
      hooks.prepareForCreate?.(ctx, object);
    },
    prepareForUpdate(ctx, object, old) {
      if (hasStatus) {
        if (old['status'] === undefined) delete object['status'];
        else object['status'] = old['status'];
      }
      if (trackGeneration(object) || trackGeneration(old)) {
        const meta = metaOf(object);
        const oldGeneration = peekMeta(old).generation ?? 0;
        meta.generation = specChanged(object, old) ? oldGeneration + 1 : oldGeneration;
      }
      hooks.prepareForUpdate?.(ctx, object, old);
    },
    validate(ctx, object) {
      const errs = validation.validate ? validation.validate(object) : validateObjectMeta(metaOf(object), info.namespaced, nameFn);
      errs.push(...(hooks.validate?.(ctx, object) ?? []));
      return errs;
    },
    validateUpdate(ctx, object, old) {
      const errs = validation.validateUpdate ? validation.validateUpdate(object, old) : validateObjectMeta(metaOf(object), info.namespaced, nameFn);
      errs.push(...(hooks.validateUpdate?.(ctx, object, old) ?? []));
      return errs;
    },
    warningsOnCreate: (ctx, object) => hooks.warningsOnCreate?.(ctx, object) ?? [],
    warningsOnUpdate: (ctx, object, old) => hooks.warningsOnUpdate?.(ctx, object, old) ?? [],
    canonicalize: (object) => hooks.canonicalize?.(object),
    allowCreateOnUpdate: () => hooks.allowCreateOnUpdate ?? false,
    allowUnconditionalUpdate: () => hooks.allowUnconditionalUpdate ?? true,
    getAttrs(object) {
      const meta = peekMeta(object);
      const fields: Record<string, string> = { 'metadata.name': meta.name ?? '' };
      if (info.namespaced) fields['metadata.namespace'] = meta.namespace ?? '';
      if (hooks.selectableFields) Object.assign(fields, hooks.selectableFields(object));
      return { labels: meta.labels ?? {}, fields };
    },
    checkGracefulDelete: hooks.checkGracefulDelete,
    defaultGarbageCollectionPolicy: () => hooks.defaultGarbageCollectionPolicy ?? 'DeleteDependents',
  };
}

/**
 * The strategy of the status subresource: an update keeps everything but status (and
 * metadata) from the stored object and never changes the generation.
 */
export function newStatusStrategy(base: Strategy, hooks: KindStrategyHooks = {}, validation: KindValidationFunctions = {}): Strategy {
  return {
    ...base,
    prepareForCreate() {},
    prepareForUpdate(ctx, object, old) {
      for (const key of specFields(object)) delete object[key];
      for (const key of specFields(old)) object[key] = old[key];
      const generation = peekMeta(old).generation;
      if (generation !== undefined) metaOf(object).generation = generation;
      hooks.status?.prepareForUpdate?.(ctx, object, old);
    },
    validateUpdate(ctx, object, old) {
      const errs = validation.validateStatusUpdate
        ? validation.validateStatusUpdate(object, old)
        : validateObjectMeta(metaOf(object), base.namespaced, hooks.nameValidation ?? nameIsDNSSubdomain);
      errs.push(...(hooks.status?.validateUpdate?.(ctx, object, old) ?? []));
      return errs;
    },
    warningsOnUpdate: (ctx, object, old) => hooks.status?.warningsOnUpdate?.(ctx, object, old) ?? [],
    allowCreateOnUpdate: () => false,
  };
}
