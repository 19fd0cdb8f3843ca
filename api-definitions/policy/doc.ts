/**
 * The policy API group.
 *
 * +groupName=policy
 * +package=k8s.io/api/policy
 * +versionPriority=v1
 * +storageVersion=v1
 */
export {};
