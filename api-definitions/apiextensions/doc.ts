/**
 * The apiextensions.k8s.io API group.
 *
 * +groupName=apiextensions.k8s.io
 * +package=k8s.io/apiextensions-apiserver/pkg/apis/apiextensions
 * +versionPriority=v1
 * +storageVersion=v1
 */
export {};
