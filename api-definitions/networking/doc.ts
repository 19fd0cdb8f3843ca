/**
 * The networking.k8s.io API group.
 *
 * +groupName=networking.k8s.io
 * +package=k8s.io/api/networking
 * +versionPriority=v1
 * +storageVersion=v1
 */
export {};
