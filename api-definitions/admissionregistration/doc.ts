/**
 * The admissionregistration.k8s.io API group.
 *
 * +groupName=admissionregistration.k8s.io
 * +package=k8s.io/api/admissionregistration
 * +versionPriority=v1
 * +storageVersion=v1
 */
export {};
