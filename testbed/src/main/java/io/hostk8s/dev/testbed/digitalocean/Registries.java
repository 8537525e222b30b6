package io.hostk8s.dev.testbed.digitalocean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * DOCR's rules, shared by {@code /v2/registries*} and the legacy {@code /v2/registry*}: globally unique names,
 * one registry per account below Professional (up to 10 with it), the account-wide subscription tier.
 */
final class Registries {

  static final int PROFESSIONAL_MAX = 10;
  private static final Pattern NAME = Pattern.compile("^[a-z0-9-]{1,63}$");

  private final Account account;
  private final ClusterLifecycle lifecycle;
  private final RegistrySecrets secrets;

  Registries(Account account, ClusterLifecycle lifecycle, RegistrySecrets secrets) {
    this.account = account;
    this.lifecycle = lifecycle;
    this.secrets = secrets;
  }

  RegistrySecrets secrets() {
    return secrets;
  }

  static String validName(JsonNode body) {
    String name = Json.requiredText(body, "name");
    if (!NAME.matcher(name).matches()) {
      throw ApiException.unprocessable("validation error: name must match " + NAME.pattern());
    }
    return name;
  }

  /** 409 when another customer or this account already has the name. Call holding the account lock. */
  void checkFree(String name) {
    if (account.takenRegistryNames.contains(name) || account.registries.containsKey(name)) {
      throw ApiException.conflict("name already exists");
    }
  }

  ObjectNode create(JsonNode body, String defaultTier) {
    String name = validName(body);
    String tierSlug = Json.text(body, "subscription_tier_slug", defaultTier);
    if (tierSlug == null) {
      throw ApiException.unprocessable("validation error: subscription_tier_slug is required");
    }
    Catalog.tier(tierSlug).orElseThrow(() -> ApiException.unprocessable("validation error: invalid tier"));
    String region = Json.text(body, "region", "nyc3");
    if (!Catalog.REGISTRY_REGIONS.contains(region)) {
      throw ApiException.unprocessable("validation error: invalid region");
    }
    return account.locked(() -> {
      checkFree(name);
      if (!account.registries.isEmpty()) {
        boolean professional = "professional".equals(account.tier);
        if (!professional || account.registries.size() >= PROFESSIONAL_MAX) {
          throw ApiException.unprocessable("user already has a registry");
        }
      }
      if (account.tier == null) {
        account.tier = tierSlug;
        account.tierCreatedAt = Instant.now();
        account.tierUpdatedAt = account.tierCreatedAt;
      }
      Registry r = new Registry(name, region);
      account.registries.put(name, r);
      return r.toJson(subscriptionJson());
    });
  }

  void delete(String name) {
    List<String> touched = account.locked(() -> {
      if (account.registries.remove(name) == null) {
        throw ApiException.notFound();
      }
      if (account.registries.isEmpty()) {
        account.tier = null;
      }
      List<String> clusters = new ArrayList<>();
      account.clusters.values().forEach(c -> {
        if (c.registries.remove(name)) {
          clusters.add(c.id);
        }
      });
      return clusters;
    });
    touched.forEach(lifecycle::syncRegistrySecrets);
  }

  Registry get(String name) {
    return account.locked(() -> Optional.ofNullable(account.registries.get(name))
        .orElseThrow(ApiException::notFound));
  }

  /** The legacy API's one registry: 404 with none, 412 with several. */
  Registry single() {
    return account.locked(() -> {
      if (account.registries.isEmpty()) {
        throw ApiException.notFound();
      }
      if (account.registries.size() > 1) {
        throw new ApiException(412, "precondition_failed",
            "this account has multiple registries; use the /v2/registries endpoints");
      }
      return account.registries.values().iterator().next();
    });
  }

  /** Call holding the account lock. */
  ObjectNode subscriptionJson() {
    if (account.tier == null) {
      throw new ApiException(404, "not_found", "no subscription found");
    }
    ObjectNode o = Json.object();
    o.set("tier", Catalog.tierJson(Catalog.tier(account.tier).orElseThrow()));
    return o.put("created_at", Json.time(account.tierCreatedAt)).put("updated_at", Json.time(account.tierUpdatedAt));
  }

  ObjectNode updateSubscription(JsonNode body) {
    String slug = Json.requiredText(body, "tier_slug");
    Catalog.Tier tier = Catalog.tier(slug).orElseThrow(() -> ApiException.unprocessable("validation error: invalid tier"));
    return account.locked(() -> {
      if (account.registries.size() > 1 && !"professional".equals(slug)) {
        throw new ApiException(412, "precondition_failed", "several registries need the professional tier");
      }
      if (tier.repositories() > 0 && repositories() > tier.repositories()) {
        throw ApiException.unprocessable("validation error: the registry has more repositories than the "
            + slug + " tier allows");
      }
      Instant now = Instant.now();
      if (account.tier == null) {
        account.tierCreatedAt = now;
      }
      account.tier = slug;
      account.tierUpdatedAt = now;
      return Json.wrap("subscription", subscriptionJson());
    });
  }

  ObjectNode options() {
    int repos = account.locked(this::repositories);
    ObjectNode o = Json.object();
    o.set("available_regions", Json.strings(Catalog.REGISTRY_REGIONS));
    o.set("subscription_tiers", Json.array(Catalog.TIERS.stream().map(t -> {
      ObjectNode j = Catalog.tierJson(t);
      boolean over = t.repositories() > 0 && repos > t.repositories();
      j.put("eligible", !over);
      j.set("eligibility_reasons", Json.strings(over ? List.of("OverRepositoryLimit") : List.of()));
      return j;
    }).toList()));
    return Json.wrap("options", o);
  }

  /** {@code {"auths": {host: {"auth": base64(user:password)}}}}. */
  ObjectNode dockerCredentials() {
    ObjectNode auths = Json.object();
    auths.set(secrets.host(), Json.object().put("auth", secrets.encodedAuth()));
    return Json.wrap("auths", auths);
  }

  private int repositories() {
    return account.registries.values().stream().mapToInt(r -> r.repositories.size()).sum();
  }
}
