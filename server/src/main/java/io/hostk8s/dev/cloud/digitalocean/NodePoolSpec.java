package io.hostk8s.dev.cloud.digitalocean;

import java.util.List;

/** A node pool to create: name, size slug, node count, tags. */
public record NodePoolSpec(String name, String size, int count, List<String> tags) {}
