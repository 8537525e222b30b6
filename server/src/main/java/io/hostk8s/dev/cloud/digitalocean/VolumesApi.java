package io.hostk8s.dev.cloud.digitalocean;

import static io.hostk8s.dev.cloud.digitalocean.DoPaths.seg;

import java.util.List;
import java.util.Optional;

/** {@code /v2/volumes}: read what the cluster's CSI driver made; delete only orphans we recorded. */
public final class VolumesApi {
  private final DoApi api;

  VolumesApi(DoApi api) {
    this.api = api;
  }

  public Optional<Volume> find(String id) {
    return NotFound.empty(() -> api.getOne("/v2/volumes/" + seg(id), DoScopes.VOLUME_READ, "volume", Volume.class));
  }

  /** The volumes of a region. */
  public List<Volume> list(String region) {
    return api.list("/v2/volumes?region=" + seg(region), DoScopes.VOLUME_READ, "volumes", Volume.class);
  }

  public void delete(String id) {
    api.delete("/v2/volumes/" + seg(id), DoScopes.VOLUME_DELETE);
  }
}
