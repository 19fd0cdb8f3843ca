/**
 * The certificates.k8s.io API group.
 *
 * +groupName=certificates.k8s.io
 * +package=k8s.io/api/certificates
 * +versionPriority=v1
 * +storageVersion=v1
 */
export {};
