/**
 * The node.k8s.io API group.
 *
 * +groupName=node.k8s.io
 * +package=k8s.io/api/node
 * +versionPriority=v1
 * +storageVersion=v1
 */
export {};
