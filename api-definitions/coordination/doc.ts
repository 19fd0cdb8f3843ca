/**
 * The coordination.k8s.io API group.
 *
 * +groupName=coordination.k8s.io
 * +package=k8s.io/api/coordination
 * +versionPriority=v1
 * +storageVersion=v1
 */
export {};
