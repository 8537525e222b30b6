package io.hostk8s.dev.cloud.digitalocean;

import java.util.List;

/** A block storage volume (made by the cluster's CSI driver for a PVC: name {@code pvc-<uid>}). */
public record Volume(String id, String name, int sizeGigabytes, RegionRef region, List<Long> dropletIds, List<String> tags,
    String createdAt) {}
