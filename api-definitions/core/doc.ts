/**
 * The core API group.
 *
 * +groupName=""
 * +package=k8s.io/api/core
 * +versionPriority=v1
 * +storageVersion=v1
 */
export {};
