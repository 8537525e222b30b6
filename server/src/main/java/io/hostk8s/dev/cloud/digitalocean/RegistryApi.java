package io.hostk8s.dev.cloud.digitalocean;

import static io.hostk8s.dev.cloud.digitalocean.DoPaths.seg;

import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** {@code /v2/registries}: the container registry (DOCR), its tier and docker credentials (not the deprecated {@code /v2/registry}). */
public final class RegistryApi {
  private static final String REGISTRIES = "/v2/registries";
  private final DoApi api;

  RegistryApi(DoApi api) {
    this.api = api;
  }

  /** Regions and subscription tiers with their prices and whether the account is eligible for each. */
  public RegistryOptions options() {
    return api.getOne(REGISTRIES + "/options", DoScopes.REGISTRY_READ, "options", RegistryOptions.class);
  }

  /** The account's registries. */
  public List<Registry> list() {
    return api.getAll(REGISTRIES, DoScopes.REGISTRY_READ, "registries", Registry.class);
  }

  /** The registry of this name in the account, or empty on 404. */
  public Optional<Registry> find(String name) {
    return NotFound.empty(() -> api.getOne(REGISTRIES + "/" + seg(name), DoScopes.REGISTRY_READ, "registry",
        Registry.class));
  }

  /** Whether {@code name} is free across DigitalOcean (204 → true, 409 → false). */
  public boolean validateName(String name) {
    try {
      api.post(REGISTRIES + "/validate-name", DoScopes.REGISTRY_CREATE, Map.of("name", name), null);
      return true;
    } catch (HostK8sException e) {
      if (e.code() == ErrorCode.CLOUD_NAME_TAKEN) {
        return false;
      }
      throw e;
    }
  }

  /** Creates a registry; {@code tierSlug} (starter, basic, professional) and {@code region} may be null. Never retried. */
  public Registry create(String name, String tierSlug, String region) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    if (tierSlug != null) {
      body.put("subscription_tier_slug", tierSlug);
    }
    if (region != null) {
      body.put("region", region);
    }
    return api.postOne(REGISTRIES, DoScopes.REGISTRY_CREATE, body, "registry", Registry.class);
  }

  /** Deletes the registry and every image in it. */
  public void delete(String name) {
    api.delete(REGISTRIES + "/" + seg(name), DoScopes.REGISTRY_DELETE);
  }

  /** The account's registry subscription, or empty on 404 (no registry yet). */
  public Optional<Subscription> subscription() {
    return NotFound.empty(() -> api.getOne(REGISTRIES + "/subscription", DoScopes.REGISTRY_READ, "subscription",
        Subscription.class));
  }

  /** Switches the subscription to another tier (e.g. starter → basic: more repositories, costs money). */
  public Subscription updateSubscription(String tierSlug) {
    return api.postOne(REGISTRIES + "/subscription", DoScopes.REGISTRY_UPDATE, Map.of("tier_slug", tierSlug),
        "subscription", Subscription.class);
  }

  /**
   * The docker {@code config.json} for the registry, verbatim ({@code {"auths": {"registry.digitalocean.com": …}}}):
   * read-only or read-write, valid {@code expirySeconds} (0: never expires). A secret: hold it in memory only, never
   * log or write it to a file that is not 0600.
   */
  public String dockerCredentials(String registryName, boolean readWrite, long expirySeconds) {
    String query = "?read_write=" + readWrite + (expirySeconds > 0 ? "&expiry_seconds=" + expirySeconds : "");
    return api.getText(REGISTRIES + "/" + seg(registryName) + "/docker-credentials" + query,
        DoScopes.REGISTRY_CREDENTIALS);
  }


  /** Deletes one tag of a repository (its manifest stays until garbage collection). */
  public void deleteTag(String registryName, String repository, String tag) {
    api.delete(REGISTRIES + "/" + seg(registryName) + "/repositories/" + seg(repository) + "/tags/" + seg(tag),
        DoScopes.REGISTRY_DELETE);
  }
}
