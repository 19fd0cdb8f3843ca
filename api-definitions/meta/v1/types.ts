/**
 * meta/v1: object and list metadata, Status, label and field selectors, request options,
 * watch events, discovery documents, tables and partial-object metadata, shared by every
 * API group. Field names, optionality, list semantics and protobuf numbers follow
 * k8s.io/apimachinery/pkg/apis/meta/v1.
 */

export * from './scalars.js';

import type { int32, int64, Time, RawExtension, FieldsV1, JSON } from './scalars.js';

// ---------------------------------------------------------------------------------------------
// Small named string types. Upstream declares them as plain Go string types without +enum, so
// the OpenAPI schema carries no enum; they are aliases here for the same reason.
// ---------------------------------------------------------------------------------------------

/** A unique identifier assigned to an object by the server (a UUID in practice). */
export type UID = string;

/** How a list request matches resourceVersion: `NotOlderThan` or `Exact`. */
export type ResourceVersionMatch = string;

/** How a deletion propagates to dependents: `Orphan`, `Background` or `Foreground`. */
export type DeletionPropagation = string;

/** A machine-readable reason for a failed Status, such as `NotFound` or `Conflict`. */
export type StatusReason = string;

/** A machine-readable kind of StatusCause, such as `FieldValueRequired` or `FieldValueInvalid`. */
export type CauseType = string;

/** The operator of a label selector requirement: `In`, `NotIn`, `Exists` or `DoesNotExist`. */
export type LabelSelectorOperator = string;

/** The operation that produced a managed-fields entry: `Apply` or `Update`. */
export type ManagedFieldsOperationType = string;

/** A condition status: `True`, `False` or `Unknown`. */
export type ConditionStatus = string;

/** The type of a table row condition; the only defined value is `Completed`. */
export type RowConditionType = string;

/** Which part of each object a Table carries: `None`, `Metadata` or `Object`. */
export type IncludeObjectPolicy = string;

/**
 * The verbs a resource supports (get, list, watch, create, update, patch, delete, …). In JSON a
 * plain string array; in protobuf a nested message whose field 1 repeats the strings.
 */
export type Verbs = string[];

// ---------------------------------------------------------------------------------------------
// Object and list metadata
// ---------------------------------------------------------------------------------------------

/**
 * The kind and API version of a serialized object; kinds inline these two fields. They carry no
 * protobuf numbers: inlined into a kind they are not fields of its message, and in protobuf they
 * travel in the runtime.Unknown envelope that wraps every encoded object.
 * +protobuf=false
 */
export interface TypeMeta {
  /**
   * The REST kind of the object, in CamelCase.
   * +optional
   */
  kind?: string;
  /**
   * The group/version the object is expressed in.
   * +optional
   */
  apiVersion?: string;
}

/** Metadata of lists and other synthetic responses. */
export interface ListMeta {
  /**
   * Legacy link to this list; no longer populated.
   * +optional
   * +protobuf=1
   */
  selfLink?: string;
  /**
   * Opaque server version of the list, usable to start a watch.
   * +optional
   * +protobuf=2
   */
  resourceVersion?: string;
  /**
   * Opaque token to fetch the next chunk of a limited list.
   * +optional
   * +protobuf=3
   */
  continue?: string;
  /**
   * Estimated number of items not yet returned by a chunked list.
   * +optional
   * +protobuf=4
   */
  remainingItemCount?: int64;
  /**
   * The shard of the collection this list covers, when the request selected one.
   * +optional
   * +protobuf=5
   */
  shardInfo?: ShardInfo;
}

/** Identifies the shard of a collection that a list response covers. */
export interface ShardInfo {
  /**
   * The shard selector the server applied.
   * +protobuf=1
   */
  selector: string;
}

/** Metadata every persisted object carries. */
export interface ObjectMeta {
  /**
   * Name, unique within the namespace; cannot be updated.
   * +optional
   * +protobuf=1
   */
  name?: string;
  /**
   * Prefix from which the server generates a unique name when name is empty.
   * +optional
   * +protobuf=2
   */
  generateName?: string;
  /**
   * Namespace the object lives in; empty for cluster-scoped objects.
   * +optional
   * +protobuf=3
   */
  namespace?: string;
  /**
   * Legacy link to this object; no longer populated.
   * +optional
   * +protobuf=4
   */
  selfLink?: string;
  /**
   * Identifier unique in time and space, set by the server on creation.
   * +optional
   * +protobuf=5
   */
  uid?: UID;
  /**
   * Opaque server version of the object, used for optimistic concurrency and watches.
   * +optional
   * +protobuf=6
   */
  resourceVersion?: string;
  /**
   * Sequence number of the desired state, set by the server.
   * +optional
   * +protobuf=7
   */
  generation?: int64;
  /**
   * When the server created the object.
   * +optional
   * +protobuf=8
   */
  creationTimestamp?: Time;
  /**
   * When the object will be deleted, set once graceful deletion is requested.
   * +optional
   * +protobuf=9
   */
  deletionTimestamp?: Time;
  /**
   * Grace period granted to the pending deletion, in seconds.
   * +optional
   * +protobuf=10
   */
  deletionGracePeriodSeconds?: int64;
  /**
   * Key/value labels used to organise and select objects.
   * +optional
   * +protobuf=11
   */
  labels?: Record<string, string>;
  /**
   * Key/value annotations for arbitrary non-identifying data.
   * +optional
   * +protobuf=12
   */
  annotations?: Record<string, string>;
  /**
   * Objects this one depends on, for garbage collection.
   * +optional
   * +patchMergeKey=uid
   * +patchStrategy=merge
   * +listType=map
   * +listMapKey=uid
   * +protobuf=13
   */
  ownerReferences?: OwnerReference[];
  /**
   * Identifiers that must all be removed before the object is deleted.
   * +optional
   * +patchStrategy=merge
   * +listType=set
   * +protobuf=14
   */
  finalizers?: string[];
  /**
   * Which manager owns which fields, per version and operation.
   * +optional
   * +listType=atomic
   * +protobuf=17
   */
  managedFields?: ManagedFieldsEntry[];
}

/**
 * Identifies an owning object in the same namespace as the dependent, or cluster-scoped.
 * +structType=atomic
 */
export interface OwnerReference {
  /**
   * API version of the owner.
   * +protobuf=5
   */
  apiVersion: string;
  /**
   * Kind of the owner.
   * +protobuf=1
   */
  kind: string;
  /**
   * Name of the owner.
   * +protobuf=3
   */
  name: string;
  /**
   * UID of the owner.
   * +protobuf=4
   */
  uid: UID;
  /**
   * True when the owner is the managing controller.
   * +optional
   * +protobuf=6
   */
  controller?: boolean;
  /**
   * True when foreground deletion of the owner must wait for this reference to go.
   * +optional
   * +protobuf=7
   */
  blockOwnerDeletion?: boolean;
}

/** Records the set of fields one manager owns, and how it came to own them. */
export interface ManagedFieldsEntry {
  /**
   * Identifier of the workflow managing the fields.
   * +optional
   * +protobuf=1
   */
  manager?: string;
  /**
   * The operation that created the entry.
   * +optional
   * +protobuf=2
   */
  operation?: ManagedFieldsOperationType;
  /**
   * The group/version the field set is expressed in.
   * +optional
   * +protobuf=3
   */
  apiVersion?: string;
  /**
   * When the entry was last changed.
   * +optional
   * +protobuf=4
   */
  time?: Time;
  /**
   * Format of the field set; currently always `FieldsV1`.
   * +optional
   * +protobuf=6
   */
  fieldsType?: string;
  /**
   * The owned fields in FieldsV1 trie format.
   * +optional
   * +protobuf=7
   */
  fieldsV1?: FieldsV1;
  /**
   * The subresource the update went through, empty for the main resource.
   * +optional
   * +protobuf=8
   */
  subresource?: string;
}

// ---------------------------------------------------------------------------------------------
// Status
// ---------------------------------------------------------------------------------------------

/** The result of a call that returns no other object, notably errors. */
export interface Status extends TypeMeta {
  /**
   * Standard list metadata.
   * +optional
   * +protobuf=1
   */
  metadata?: ListMeta;
  /**
   * `Success` or `Failure`.
   * +optional
   * +protobuf=2
   */
  status?: string;
  /**
   * Human-readable description of the outcome.
   * +optional
   * +protobuf=3
   */
  message?: string;
  /**
   * Machine-readable reason for a failure.
   * +optional
   * +protobuf=4
   */
  reason?: StatusReason;
  /**
   * Extra data that depends on the reason.
   * +optional
   * +protobuf=5
   */
  details?: StatusDetails;
  /**
   * Suggested HTTP status code, 0 if unset.
   * +optional
   * +protobuf=6
   */
  code?: int32;
}

/** Additional, reason-dependent information attached to a Status. */
export interface StatusDetails {
  /**
   * Name of the resource the status is about.
   * +optional
   * +protobuf=1
   */
  name?: string;
  /**
   * Group of the resource the status is about.
   * +optional
   * +protobuf=2
   */
  group?: string;
  /**
   * Kind of the resource the status is about.
   * +optional
   * +protobuf=3
   */
  kind?: string;
  /**
   * UID of the resource the status is about.
   * +optional
   * +protobuf=6
   */
  uid?: UID;
  /**
   * Individual causes of the failure.
   * +optional
   * +listType=atomic
   * +protobuf=4
   */
  causes?: StatusCause[];
  /**
   * Seconds to wait before retrying the operation.
   * +optional
   * +protobuf=5
   */
  retryAfterSeconds?: int32;
}

/** One cause of a failed operation, optionally tied to a field. */
export interface StatusCause {
  /**
   * Machine-readable kind of the cause.
   * +optional
   * +protobuf=1
   */
  reason?: CauseType;
  /**
   * Human-readable description of the cause.
   * +optional
   * +protobuf=2
   */
  message?: string;
  /**
   * JSON path of the field that caused the error, e.g. `items[0].name`.
   * +optional
   * +protobuf=3
   */
  field?: string;
}

// ---------------------------------------------------------------------------------------------
// Selectors and conditions
// ---------------------------------------------------------------------------------------------

/**
 * A label query; matchLabels and matchExpressions are ANDed. Empty matches everything.
 * +structType=atomic
 */
export interface LabelSelector {
  /**
   * Labels that must match exactly.
   * +optional
   * +protobuf=1
   */
  matchLabels?: Record<string, string>;
  /**
   * Set-based requirements on labels.
   * +optional
   * +listType=atomic
   * +protobuf=2
   */
  matchExpressions?: LabelSelectorRequirement[];
}

/** A single requirement relating a label key to a set of values. */
export interface LabelSelectorRequirement {
  /**
   * The label key the requirement applies to.
   * +protobuf=1
   */
  key: string;
  /**
   * How the key relates to the values.
   * +protobuf=2
   */
  operator: LabelSelectorOperator;
  /**
   * Values for In and NotIn; empty for Exists and DoesNotExist.
   * +optional
   * +listType=atomic
   * +protobuf=3
   */
  values?: string[];
}

/** A single requirement relating a field path to a set of values. */
export interface FieldSelectorRequirement {
  /**
   * The field selector key the requirement applies to.
   * +protobuf=1
   */
  key: string;
  /**
   * How the key relates to the values: In, NotIn, Exists or DoesNotExist.
   * +protobuf=2
   */
  operator: string;
  /**
   * Values for In and NotIn; empty for Exists and DoesNotExist.
   * +optional
   * +listType=atomic
   * +protobuf=3
   */
  values?: string[];
}

/** One aspect of an object's observed state, for use in status.conditions lists. */
export interface Condition {
  /**
   * Type of the condition in CamelCase, optionally domain-prefixed.
   * +protobuf=1
   */
  type: string;
  /**
   * Whether the condition holds.
   * +protobuf=2
   */
  status: ConditionStatus;
  /**
   * The metadata.generation the condition was computed from.
   * +optional
   * +protobuf=3
   */
  observedGeneration?: int64;
  /**
   * When the status last changed.
   * +protobuf=4
   */
  lastTransitionTime: Time;
  /**
   * CamelCase identifier of the reason for the last transition.
   * +protobuf=5
   */
  reason: string;
  /**
   * Human-readable details of the last transition; may be empty.
   * +protobuf=6
   */
  message: string;
}

// ---------------------------------------------------------------------------------------------
// Request options
// ---------------------------------------------------------------------------------------------

/** Options of a delete call. */
export interface DeleteOptions extends TypeMeta {
  /**
   * Seconds to wait before deleting; zero deletes immediately.
   * +optional
   * +protobuf=1
   */
  gracePeriodSeconds?: int64;
  /**
   * Conditions that must hold for the deletion to proceed.
   * +optional
   * +protobuf=2
   */
  preconditions?: Preconditions;
  /**
   * Deprecated switch to orphan dependents; use propagationPolicy.
   * +optional
   * +protobuf=3
   */
  orphanDependents?: boolean;
  /**
   * Whether and how dependents are garbage collected.
   * +optional
   * +protobuf=4
   */
  propagationPolicy?: DeletionPropagation;
  /**
   * Dry-run stages to apply without persisting; `All` is the only value.
   * +optional
   * +listType=atomic
   * +protobuf=5
   */
  dryRun?: string[];
  /**
   * Forces deletion of objects the server cannot read back, at the cluster's risk.
   * +optional
   * +protobuf=6
   */
  ignoreStoreReadErrorWithClusterBreakingPotential?: boolean;
}

/** Conditions an object must satisfy before an operation proceeds. */
export interface Preconditions {
  /**
   * The UID the object must have.
   * +optional
   * +protobuf=1
   */
  uid?: UID;
  /**
   * The resourceVersion the object must have.
   * +optional
   * +protobuf=2
   */
  resourceVersion?: string;
}

/** Query options of a list or watch call. */
export interface ListOptions extends TypeMeta {
  /**
   * Restricts the result by label.
   * +optional
   * +protobuf=1
   */
  labelSelector?: string;
  /**
   * Restricts the result by field.
   * +optional
   * +protobuf=2
   */
  fieldSelector?: string;
  /**
   * Stream changes instead of returning a list.
   * +optional
   * +protobuf=3
   */
  watch?: boolean;
  /**
   * Ask for BOOKMARK watch events.
   * +optional
   * +protobuf=9
   */
  allowWatchBookmarks?: boolean;
  /**
   * Constrains which resource version the request may be served from.
   * +optional
   * +protobuf=4
   */
  resourceVersion?: string;
  /**
   * How resourceVersion is interpreted.
   * +optional
   * +protobuf=10
   */
  resourceVersionMatch?: ResourceVersionMatch;
  /**
   * Upper bound on the duration of the call, in seconds.
   * +optional
   * +protobuf=5
   */
  timeoutSeconds?: int64;
  /**
   * Maximum number of items to return in one chunk.
   * +optional
   * +protobuf=7
   */
  limit?: int64;
  /**
   * Continue token from a previous chunk.
   * +optional
   * +protobuf=8
   */
  continue?: string;
  /**
   * Start a watch with synthetic events for the current state.
   * +optional
   * +protobuf=11
   */
  sendInitialEvents?: boolean;
  /**
   * Restricts the result to one shard of the collection.
   * +optional
   * +protobuf=15
   */
  shardSelector?: string;
}

/** Query options of a get call. */
export interface GetOptions extends TypeMeta {
  /**
   * Constrains which resource version the request may be served from.
   * +optional
   * +protobuf=1
   */
  resourceVersion?: string;
}

/** Options of a create call. */
export interface CreateOptions extends TypeMeta {
  /**
   * Dry-run stages to apply without persisting; `All` is the only value.
   * +optional
   * +listType=atomic
   * +protobuf=1
   */
  dryRun?: string[];
  /**
   * Name of the actor making the change, for field ownership.
   * +optional
   * +protobuf=3
   */
  fieldManager?: string;
  /**
   * Handling of unknown or duplicate fields: `Ignore`, `Warn` or `Strict`.
   * +optional
   * +protobuf=4
   */
  fieldValidation?: string;
}

/** Options of an update call. */
export interface UpdateOptions extends TypeMeta {
  /**
   * Dry-run stages to apply without persisting; `All` is the only value.
   * +optional
   * +listType=atomic
   * +protobuf=1
   */
  dryRun?: string[];
  /**
   * Name of the actor making the change, for field ownership.
   * +optional
   * +protobuf=2
   */
  fieldManager?: string;
  /**
   * Handling of unknown or duplicate fields: `Ignore`, `Warn` or `Strict`.
   * +optional
   * +protobuf=3
   */
  fieldValidation?: string;
}

/** Options of a patch call. */
export interface PatchOptions extends TypeMeta {
  /**
   * Dry-run stages to apply without persisting; `All` is the only value.
   * +optional
   * +listType=atomic
   * +protobuf=1
   */
  dryRun?: string[];
  /**
   * Take over fields owned by other managers in an apply patch.
   * +optional
   * +protobuf=2
   */
  force?: boolean;
  /**
   * Name of the actor making the change; required for apply patches.
   * +optional
   * +protobuf=3
   */
  fieldManager?: string;
  /**
   * Handling of unknown or duplicate fields: `Ignore`, `Warn` or `Strict`.
   * +optional
   * +protobuf=4
   */
  fieldValidation?: string;
}

/** Options of a server-side apply call; the apply-specific view of PatchOptions. */
export interface ApplyOptions extends TypeMeta {
  /**
   * Dry-run stages to apply without persisting; `All` is the only value.
   * +optional
   * +listType=atomic
   * +protobuf=1
   */
  dryRun?: string[];
  /**
   * Take over fields owned by other managers.
   * +protobuf=2
   */
  force: boolean;
  /**
   * Name of the actor applying the change.
   * +protobuf=3
   */
  fieldManager: string;
}

/** Options of a request for a Table. */
export interface TableOptions extends TypeMeta {
  /**
   * How much of each object to embed in the rows; the server defaults to `Metadata`.
   * +optional
   * +protobuf=1
   */
  includeObject?: IncludeObjectPolicy;
}

/** The body of a PATCH request; its content depends on the patch type. */
export interface Patch {}

// ---------------------------------------------------------------------------------------------
// Watch and generic lists
// ---------------------------------------------------------------------------------------------

/** One event of a watch stream. */
export interface WatchEvent {
  /**
   * ADDED, MODIFIED, DELETED, BOOKMARK or ERROR.
   * +protobuf=1
   */
  type: string;
  /**
   * The object the event is about; a Status for ERROR events.
   * +protobuf=2
   */
  object: RawExtension;
}

/** A list of objects of arbitrary kinds. */
export interface List extends TypeMeta {
  /**
   * Standard list metadata.
   * +optional
   * +protobuf=1
   */
  metadata?: ListMeta;
  /**
   * The objects.
   * +protobuf=2
   */
  items: RawExtension[];
}

// ---------------------------------------------------------------------------------------------
// Identification of groups, versions, kinds and resources
// ---------------------------------------------------------------------------------------------

/** A group and a resource, without a version. */
export interface GroupResource {
  /**
   * The API group.
   * +protobuf=1
   */
  group: string;
  /**
   * The resource (plural name).
   * +protobuf=2
   */
  resource: string;
}

/** A group, version and resource. */
export interface GroupVersionResource {
  /**
   * The API group.
   * +protobuf=1
   */
  group: string;
  /**
   * The version.
   * +protobuf=2
   */
  version: string;
  /**
   * The resource (plural name).
   * +protobuf=3
   */
  resource: string;
}

/** A group and a kind, without a version. */
export interface GroupKind {
  /**
   * The API group.
   * +protobuf=1
   */
  group: string;
  /**
   * The kind.
   * +protobuf=2
   */
  kind: string;
}

/** A group, version and kind. */
export interface GroupVersionKind {
  /**
   * The API group.
   * +protobuf=1
   */
  group: string;
  /**
   * The version.
   * +protobuf=2
   */
  version: string;
  /**
   * The kind.
   * +protobuf=3
   */
  kind: string;
}

// ---------------------------------------------------------------------------------------------
// Discovery
// ---------------------------------------------------------------------------------------------

/** The versions of the legacy core API, served at /api. */
export interface APIVersions extends TypeMeta {
  /**
   * The available versions.
   * +listType=atomic
   * +protobuf=1
   */
  versions: string[];
  /**
   * Server addresses to use, by client CIDR.
   * +listType=atomic
   * +protobuf=2
   */
  serverAddressByClientCIDRs: ServerAddressByClientCIDR[];
}

/** The API groups a server offers, served at /apis. */
export interface APIGroupList extends TypeMeta {
  /**
   * The groups.
   * +listType=atomic
   * +protobuf=1
   */
  groups: APIGroup[];
}

/** An API group with its versions and preferred version. */
export interface APIGroup extends TypeMeta {
  /**
   * Name of the group.
   * +protobuf=1
   */
  name: string;
  /**
   * Versions the group serves.
   * +listType=atomic
   * +protobuf=2
   */
  versions: GroupVersionForDiscovery[];
  /**
   * The version the server prefers.
   * +optional
   * +protobuf=3
   */
  preferredVersion?: GroupVersionForDiscovery;
  /**
   * Server addresses to use, by client CIDR.
   * +optional
   * +listType=atomic
   * +protobuf=4
   */
  serverAddressByClientCIDRs?: ServerAddressByClientCIDR[];
}

/** The server address a client in a given CIDR should use. */
export interface ServerAddressByClientCIDR {
  /**
   * CIDR that client IPs are matched against.
   * +protobuf=1
   */
  clientCIDR: string;
  /**
   * Host, host:port, IP or IP:port of the server for matching clients.
   * +protobuf=2
   */
  serverAddress: string;
}

/** One version of a group, as listed in discovery. */
export interface GroupVersionForDiscovery {
  /**
   * The `group/version` string.
   * +protobuf=1
   */
  groupVersion: string;
  /**
   * The version alone.
   * +protobuf=2
   */
  version: string;
}

/** A resource served by a group version, as listed in discovery. */
export interface APIResource {
  /**
   * Plural name of the resource.
   * +protobuf=1
   */
  name: string;
  /**
   * Singular name of the resource.
   * +protobuf=6
   */
  singularName: string;
  /**
   * Whether the resource is namespaced.
   * +protobuf=2
   */
  namespaced: boolean;
  /**
   * Preferred group of the resource; empty means the list's group.
   * +optional
   * +protobuf=8
   */
  group?: string;
  /**
   * Preferred version of the resource; empty means the list's version.
   * +optional
   * +protobuf=9
   */
  version?: string;
  /**
   * Kind of the resource.
   * +protobuf=3
   */
  kind: string;
  /**
   * Verbs the resource supports.
   * +protobuf=4
   */
  verbs: Verbs;
  /**
   * Suggested short names.
   * +optional
   * +listType=atomic
   * +protobuf=5
   */
  shortNames?: string[];
  /**
   * Groupings the resource belongs to, such as `all`.
   * +optional
   * +listType=atomic
   * +protobuf=7
   */
  categories?: string[];
  /**
   * Opaque hash of the storage version, comparable only for equality.
   * +optional
   * +protobuf=10
   */
  storageVersionHash?: string;
}

/** The resources a group version serves. */
export interface APIResourceList extends TypeMeta {
  /**
   * The group version the list describes.
   * +protobuf=1
   */
  groupVersion: string;
  /**
   * The resources.
   * +listType=atomic
   * +protobuf=2
   */
  resources: APIResource[];
}

/** The paths a server serves at its root, such as `/healthz` and `/apis`. */
export interface RootPaths {
  /**
   * The paths.
   * +listType=atomic
   * +protobuf=1
   */
  paths: string[];
}

// ---------------------------------------------------------------------------------------------
// Tables and partial object metadata
// ---------------------------------------------------------------------------------------------

/**
 * A tabular rendering of a set of objects. Tables are only ever sent as JSON, so Table and its
 * parts have no protobuf form.
 *
 * +protobuf=false
 */
export interface Table extends TypeMeta {
  /**
   * Standard list metadata.
   * +optional
   */
  metadata?: ListMeta;
  /**
   * The columns; every row has one cell per column.
   * +listType=atomic
   */
  columnDefinitions: TableColumnDefinition[];
  /**
   * The rows.
   * +listType=atomic
   */
  rows: TableRow[];
}

/**
 * Describes one column of a Table.
 * +protobuf=false
 */
export interface TableColumnDefinition {
  /**
   * Human-readable column name.
   */
  name: string;
  /**
   * OpenAPI type of the cells, such as string or integer.
   */
  type: string;
  /**
   * OpenAPI format of the cells, possibly empty; `name` marks the object-name column.
   */
  format: string;
  /**
   * Human-readable description of the column.
   */
  description: string;
  /**
   * Importance of the column; lower is more important.
   */
  priority: int32;
}

/**
 * One row of a Table.
 * +protobuf=false
 */
export interface TableRow {
  /**
   * One JSON value per column.
   * +listType=atomic
   */
  cells: JSON[];
  /**
   * Display-related conditions of the row.
   * +optional
   * +listType=atomic
   */
  conditions?: TableRowCondition[];
  /**
   * The object or its metadata, as selected by includeObject.
   * +optional
   */
  object?: RawExtension;
}

/**
 * A condition attached to a table row.
 * +protobuf=false
 */
export interface TableRowCondition {
  /**
   * Type of the condition.
   */
  type: RowConditionType;
  /**
   * Whether the condition holds.
   */
  status: ConditionStatus;
  /**
   * Machine-readable reason for the last transition.
   * +optional
   */
  reason?: string;
  /**
   * Human-readable details of the last transition.
   * +optional
   */
  message?: string;
}

/** Any object reduced to its metadata. */
export interface PartialObjectMetadata extends TypeMeta {
  /**
   * Standard object metadata.
   * +optional
   * +protobuf=1
   */
  metadata?: ObjectMeta;
}

/** A list of objects reduced to their metadata. */
export interface PartialObjectMetadataList extends TypeMeta {
  /**
   * Standard list metadata.
   * +optional
   * +protobuf=1
   */
  metadata?: ListMeta;
  /**
   * The objects.
   * +protobuf=2
   */
  items: PartialObjectMetadata[];
}
