package io.hostk8s.dev.testbed.digitalocean;

import io.hostk8s.dev.testbed.registry.AuthRegistry;
import io.hostk8s.dev.testbed.registry.RegistryContents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * With a real registry behind the stand-in ({@link AuthRegistry}): a DOCR registry's repositories and tags are what
 * that registry really holds under {@code <registry name>/}, read before each answer; deletes go through to it.
 * Without one, it does nothing and the in-memory model ({@link Account#pushManifest}) is the truth.
 */
final class RegistryMirror {
  private final Account account;
  private final Optional<RegistryContents> real;

  RegistryMirror(Account account, Optional<AuthRegistry> registry) {
    this.account = account;
    this.real = registry.map(AuthRegistry::contents);
  }

  /** Makes {@code g}'s repositories those of the real registry (manifests seen before keep their time). */
  void refresh(Registry g) {
    if (real.isEmpty()) {
      return;
    }
    RegistryContents contents = real.get();
    String prefix = g.name + "/";
    Map<String, Map<String, RegistryContents.Manifest>> found = new LinkedHashMap<>();
    Map<String, Map<String, List<String>>> tags = new LinkedHashMap<>();
    for (String repository : contents.repositories()) {
      if (!repository.startsWith(prefix)) {
        continue;
      }
      String name = repository.substring(prefix.length());
      for (String tag : contents.tags(repository)) {
        contents.manifest(repository, tag).ifPresent(m -> {
          found.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(m.digest(), m);
          tags.computeIfAbsent(name, k -> new LinkedHashMap<>()).computeIfAbsent(m.digest(), k -> new ArrayList<>()).add(tag);
        });
      }
    }
    account.locked(() -> {
      Map<String, Map<String, Registry.Manifest>> next = new LinkedHashMap<>();
      found.forEach((name, manifests) -> manifests.forEach((digest, m) -> {
        Registry.Manifest old = g.repositories.getOrDefault(name, Map.of()).get(digest);
        Instant at = old == null ? Instant.now() : old.updatedAt();
        next.computeIfAbsent(name, k -> new LinkedHashMap<>())
            .put(digest, new Registry.Manifest(digest, m.sizeBytes(), at, List.copyOf(tags.get(name).get(digest))));
      }));
      g.repositories.clear();
      g.repositories.putAll(next);
    });
  }

  /** Deletes a manifest in the real registry (distribution 2.8 deletes by digest: every tag on it goes). */
  void deleteManifest(Registry g, String repository, String digest) {
    real.ifPresent(c -> c.deleteManifest(g.name + "/" + repository, digest));
  }
}
