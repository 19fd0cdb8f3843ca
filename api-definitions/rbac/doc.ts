/**
 * The rbac.authorization.k8s.io API group.
 *
 * +groupName=rbac.authorization.k8s.io
 * +package=k8s.io/api/rbac
 * +versionPriority=v1
 * +storageVersion=v1
 */
export {};
