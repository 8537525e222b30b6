package io.hostk8s.dev.cloud.digitalocean;

import java.util.List;

/** What a cluster left on the account that costs money: load balancers, volumes, volume snapshots. */
public record AssociatedResources(List<NamedId> loadBalancers, List<NamedId> volumes, List<NamedId> volumeSnapshots) {}
