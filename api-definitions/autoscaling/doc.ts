/**
 * autoscaling: the HorizontalPodAutoscaler, served in four shapes that all convert through one
 * hub type, and the Scale subresource body.
 *
 * autoscaling/v1 only knows a CPU utilization target; everything newer travels through it in
 * annotations. v2beta1 keeps the flat metric shapes of v1's annotations, v2beta2 and v2 use
 * target/current structs and add scaling behavior; only v2 has per-direction tolerance.
 *
 * +groupName=autoscaling
 * +package=k8s.io/api/autoscaling
 * +versionPriority=v2,v1,v2beta2,v2beta1
 * +storageVersion=v2
 */
export {};
