/**
 * The events.k8s.io API group.
 *
 * +groupName=events.k8s.io
 * +package=k8s.io/api/events
 * +versionPriority=v1
 * +storageVersion=v1
 */
export {};
