package io.hostk8s.dev.cloud.digitalocean;

import java.util.List;

/** {@code /v2/sizes}: droplet sizes with their prices (for the cost estimate). */
public final class SizesApi {
  private final DoApi api;

  SizesApi(DoApi api) {
    this.api = api;
  }

  /** Every size, all pages. */
  public List<Size> list() {
    return api.list("/v2/sizes", DoScopes.SIZES_READ, "sizes", Size.class);
  }
}
