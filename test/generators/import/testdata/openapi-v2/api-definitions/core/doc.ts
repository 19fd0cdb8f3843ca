/**
 * A trimmed core group: what the imported types refer to.
 *
 * +groupName=""
 * +package=k8s.io/api/core
 */
export {};
