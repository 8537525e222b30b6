package io.hostk8s.dev.cloud.digitalocean;

import java.util.List;

/**
 * The body of {@code POST /v2/kubernetes/clusters}; null fields are left out. Set {@code ha} explicitly: DigitalOcean
 * defaults it to true for 1.36+, which costs extra.
 */
public record CreateClusterRequest(String name, String region, String version, List<NodePoolSpec> nodePools,
    List<String> tags, Boolean ha, Boolean autoUpgrade, Boolean surgeUpgrade) {}
