/**
 * meta/v1: the vocabulary every API group shares (object and list metadata, Status, label
 * selectors, discovery documents) and the scalar aliases API types are written in.
 *
 * +groupName=meta.k8s.io
 * +package=k8s.io/apimachinery/pkg/apis/meta
 */
export {};
