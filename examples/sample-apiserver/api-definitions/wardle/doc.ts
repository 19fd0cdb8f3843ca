/**
 * The wardle.example.com API group of the sample aggregated API server: Flunders (namespaced)
 * and Fischers (cluster-scoped), as upstream's k8s.io/sample-apiserver defines them. v1beta1 is
 * preferred; objects are stored as v1alpha1, the version that has both kinds.
 *
 * +groupName=wardle.example.com
 * +package=k8s.io/sample-apiserver/pkg/apis/wardle
 * +versionPriority=v1beta1,v1alpha1
 * +storageVersion=v1alpha1
 */
export {};
