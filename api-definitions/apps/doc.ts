/**
 * The apps API group.
 *
 * +groupName=apps
 * +package=k8s.io/api/apps
 * +versionPriority=v1
 * +storageVersion=v1
 */
export {};
