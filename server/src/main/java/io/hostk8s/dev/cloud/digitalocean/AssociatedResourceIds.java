package io.hostk8s.dev.cloud.digitalocean;

import java.util.List;

/** The body of the selective destroy: ids of the load balancers, volumes and volume snapshots to delete with the cluster. */
public record AssociatedResourceIds(List<String> loadBalancers, List<String> volumes, List<String> volumeSnapshots) {}
