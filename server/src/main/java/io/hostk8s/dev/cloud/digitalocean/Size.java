package io.hostk8s.dev.cloud.digitalocean;

import java.util.List;

/** A droplet size from {@code GET /v2/sizes}: memory in MiB, disk in GiB, prices in USD, regions where it is offered. */
public record Size(String slug, int memory, int vcpus, int disk, double priceMonthly, double priceHourly,
    List<String> regions, boolean available, String description) {}
