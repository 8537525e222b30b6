package io.hostk8s.dev.protocol;

/**
 * A service's resource use now, from the cluster's metrics API ({@code metrics.k8s.io} PodMetrics, summed over its
 * pods' containers).
 *
 * @param cpuMillicores CPU in millicores (1000 = one core)
 * @param memoryBytes   memory (working set) in bytes
 * @param pods          pods the metrics API reported for the service
 */
public record ServiceMetrics(long cpuMillicores, long memoryBytes, int pods) {}
