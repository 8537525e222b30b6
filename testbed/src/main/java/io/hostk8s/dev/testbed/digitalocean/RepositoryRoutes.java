package io.hostk8s.dev.testbed.digitalocean;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /v2/registry/{registry_name}/...}: repositories, tags, manifests (digests) and garbage collection.
 * Content arrives through {@link Account#pushManifest}.
 */
final class RepositoryRoutes {

  private static final String REGISTRY = "/v2/registry/{registry_name}";
  private static final String REPO = REGISTRY + "/repositories/{repository_name}";

  private final Account account;
  private final Registries registries;
  private final Pages pages;
  private final RegistryMirror mirror;

  RepositoryRoutes(Account account, Registries registries, Pages pages, RegistryMirror mirror) {
    this.account = account;
    this.registries = registries;
    this.pages = pages;
    this.mirror = mirror;
  }

  /** The registry named in the path, its repositories refreshed from the real registry when there is one. */
  private Registry registry(ApiRequest req) {
    Registry g = registries.get(req.param("registry_name"));
    mirror.refresh(g);
    return g;
  }

  void register(Router r) {
    r.add("GET", REGISTRY + "/repositoriesV2", this::repositories)
        .add("GET", REPO + "/tags", this::tags)
        .add("DELETE", REPO + "/tags/{repository_tag}", this::deleteTag)
        .add("GET", REPO + "/digests", this::manifests)
        .add("DELETE", REPO + "/digests/{manifest_digest}", this::deleteManifest)
        .add("POST", REGISTRY + "/garbage-collection", this::collectGarbage)
        .add("GET", REGISTRY + "/garbage-collection", req -> {
          registries.get(req.param("registry_name"));
          throw new ApiException(404, "not_found", "no active garbage collection");
        })
        .add("GET", REGISTRY + "/garbage-collections", req -> {
          registries.get(req.param("registry_name"));
          return ApiResponse.ok(Json.wrap("garbage_collections", Json.array(List.of())));
        });
  }

  private ApiResponse repositories(ApiRequest req) {
    Registry g = registry(req);
    List<ObjectNode> repos = account.locked(() -> {
      List<ObjectNode> out = new ArrayList<>();
      g.repositories.forEach((name, manifests) -> {
        ObjectNode o = Json.object().put("registry_name", g.name).put("name", name);
        manifests.values().stream().max((a, b) -> a.updatedAt().compareTo(b.updatedAt()))
            .ifPresent(m -> o.set("latest_manifest", manifestJson(g, name, m)));
        o.put("tag_count", manifests.values().stream().mapToInt(m -> m.tags().size()).sum())
            .put("manifest_count", manifests.size());
        out.add(o);
      });
      return out;
    });
    return ApiResponse.ok(pages.list(req, "repositories", repos));
  }

  private ApiResponse tags(ApiRequest req) {
    Registry g = registry(req);
    List<ObjectNode> tags = account.locked(() -> {
      List<ObjectNode> out = new ArrayList<>();
      for (Registry.Manifest m : repo(g, req).values()) {
        for (String t : m.tags()) {
          out.add(Json.object().put("registry_name", g.name).put("repository", req.param("repository_name"))
              .put("tag", t).put("manifest_digest", m.digest()).put("compressed_size_bytes", m.sizeBytes())
              .put("size_bytes", m.sizeBytes()).put("updated_at", Json.time(m.updatedAt())));
        }
      }
      return out;
    });
    return ApiResponse.ok(pages.list(req, "tags", tags));
  }

  private ApiResponse manifests(ApiRequest req) {
    Registry g = registry(req);
    List<ObjectNode> out = account.locked(() -> repo(g, req).values().stream()
        .map(m -> manifestJson(g, req.param("repository_name"), m)).toList());
    return ApiResponse.ok(pages.list(req, "manifests", out));
  }

  private ApiResponse deleteTag(ApiRequest req) {
    Registry g = registry(req);
    String tag = req.param("repository_tag");
    String digest = account.locked(() -> {
      Map<String, Registry.Manifest> manifests = repo(g, req);
      Registry.Manifest m = manifests.values().stream().filter(x -> x.tags().contains(tag)).findFirst()
          .orElseThrow(ApiException::notFound);
      manifests.put(m.digest(), new Registry.Manifest(m.digest(), m.sizeBytes(), Instant.now(),
          m.tags().stream().filter(t -> !t.equals(tag)).toList()));
      return m.digest();
    });
    mirror.deleteManifest(g, req.param("repository_name"), digest);
    return ApiResponse.noContent();
  }

  private ApiResponse deleteManifest(ApiRequest req) {
    Registry g = registry(req);
    account.locked(() -> {
      Map<String, Registry.Manifest> manifests = repo(g, req);
      if (manifests.remove(req.param("manifest_digest")) == null) {
        throw ApiException.notFound();
      }
      if (manifests.isEmpty()) {
        g.repositories.remove(req.param("repository_name"));
      }
    });
    mirror.deleteManifest(g, req.param("repository_name"), req.param("manifest_digest"));
    return ApiResponse.noContent();
  }

  /** Removes untagged manifests at once (the stand-in has no blobs to scan) and reports the run. */
  private ApiResponse collectGarbage(ApiRequest req) {
    Registry g = registries.get(req.param("registry_name"));
    String type = Json.text(req.body(), "type", "untagged manifests and unreferenced blobs");
    long freed = account.locked(() -> {
      long bytes = 0;
      if (type.contains("untagged manifests")) {
        for (Map<String, Registry.Manifest> manifests : g.repositories.values()) {
          for (Registry.Manifest m : new ArrayList<>(manifests.values())) {
            if (m.tags().isEmpty()) {
              manifests.remove(m.digest());
              bytes += m.sizeBytes();
            }
          }
        }
        g.repositories.values().removeIf(Map::isEmpty);
      }
      return bytes;
    });
    Instant now = Instant.now();
    ObjectNode gc = Json.object().put("uuid", UUID.randomUUID().toString()).put("registry_name", g.name)
        .put("status", "requested").put("created_at", Json.time(now)).put("updated_at", Json.time(now))
        .put("blobs_deleted", 0).put("freed_bytes", freed);
    return ApiResponse.created(Json.wrap("garbage_collection", gc));
  }

  private static Map<String, Registry.Manifest> repo(Registry g, ApiRequest req) {
    return Optional.ofNullable(g.repositories.get(req.param("repository_name"))).orElseThrow(ApiException::notFound);
  }

  private static ObjectNode manifestJson(Registry g, String repo, Registry.Manifest m) {
    ObjectNode o = Json.object().put("registry_name", g.name).put("repository", repo).put("digest", m.digest())
        .put("compressed_size_bytes", m.sizeBytes()).put("size_bytes", m.sizeBytes())
        .put("updated_at", Json.time(m.updatedAt()));
    o.set("tags", Json.strings(m.tags()));
    o.set("blobs", Json.array(List.of()));
    return o;
  }
}
