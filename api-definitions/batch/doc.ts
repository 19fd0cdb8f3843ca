/**
 * The batch API group.
 *
 * +groupName=batch
 * +package=k8s.io/api/batch
 * +versionPriority=v1
 * +storageVersion=v1
 */
export {};
