/**
 * The scheduling.k8s.io API group.
 *
 * +groupName=scheduling.k8s.io
 * +package=k8s.io/api/scheduling
 * +versionPriority=v1
 * +storageVersion=v1
 */
export {};
