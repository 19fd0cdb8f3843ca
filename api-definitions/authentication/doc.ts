/**
 * The authentication.k8s.io API group.
 *
 * +groupName=authentication.k8s.io
 * +package=k8s.io/api/authentication
 * +versionPriority=v1
 * +storageVersion=v1
 */
export {};
