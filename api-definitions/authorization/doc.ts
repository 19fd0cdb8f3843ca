/**
 * The authorization.k8s.io API group.
 *
 * +groupName=authorization.k8s.io
 * +package=k8s.io/api/authorization
 * +versionPriority=v1
 * +storageVersion=v1
 */
export {};
