/**
 * The discovery.k8s.io API group.
 *
 * +groupName=discovery.k8s.io
 * +package=k8s.io/api/discovery
 * +versionPriority=v1
 * +storageVersion=v1
 */
export {};
