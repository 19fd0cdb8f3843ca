/**
 * The apiregistration.k8s.io API group.
 *
 * +groupName=apiregistration.k8s.io
 * +package=k8s.io/kube-aggregator/pkg/apis/apiregistration
 * +versionPriority=v1
 * +storageVersion=v1
 */
export {};
