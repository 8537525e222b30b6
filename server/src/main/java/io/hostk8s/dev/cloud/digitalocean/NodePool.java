package io.hostk8s.dev.cloud.digitalocean;

import java.util.List;

/** A cluster's node pool with its nodes. */
public record NodePool(String id, String name, String size, int count, List<Node> nodes, List<String> tags) {}
