/**
 * The storage.k8s.io API group.
 *
 * +groupName=storage.k8s.io
 * +package=k8s.io/api/storage
 * +versionPriority=v1
 * +storageVersion=v1
 */
export {};
