/**
 * A trimmed meta/v1 for the generator goldens.
 *
 * +groupName=meta.k8s.io
 * +package=k8s.io/apimachinery/pkg/apis/meta
 */
export {};
