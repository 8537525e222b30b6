package io.hostk8s.dev.testbed.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvRewriterTest {

  private final ServiceLookup services = (ns, name) -> {
    if (ns.equals("sample-app") && name.equals("redis")) {
      return Optional.of(new ServiceEndpoint(ns, name, Map.of(6379, 41001)));
    }
    if (ns.equals("sample-app") && name.equals("db")) {
      return Optional.of(new ServiceEndpoint(ns, name, Map.of(5432, 41002)));
    }
    return Optional.empty();
  };

  @Test
  void hostVariablesNamingAServiceGetLoopbackAndTheCompanionPortVariable() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("REDIS_HOST", "redis");
    env.put("REDIS_PORT", "6379");
    env.put("POSTGRES_HOST", "db.sample-app.svc.cluster.local");
    Map<String, String> out = new EnvRewriter(services).rewrite(env, "sample-app");
    assertThat(out).containsEntry("REDIS_HOST", "127.0.0.1").containsEntry("REDIS_PORT", "41001")
        .containsEntry("POSTGRES_HOST", "127.0.0.1").containsEntry("POSTGRES_PORT", "41002");
  }

  @Test
  void urlsGetHostAndPortRewrittenAndUnknownNamesAreReported() {
    EnvRewriter rw = new EnvRewriter(services);
    Map<String, String> out = rw.rewrite(Map.of("DATABASE_URL", "postgres://postgres:pw@db:5432/votes",
        "OTHER_URL", "http://cache.other:80/x", "CACHE_HOST", "memcached"), "sample-app");
    assertThat(out).containsEntry("DATABASE_URL", "postgres://postgres:pw@127.0.0.1:41002/votes")
        .containsEntry("OTHER_URL", "http://cache.other:80/x").containsEntry("CACHE_HOST", "memcached");
    assertThat(rw.unresolved()).containsExactlyInAnyOrder("cache.other", "memcached");
  }

  @Test
  void otherNamespacesAndPlainValuesAreLeftAlone() {
    Map<String, String> out = new EnvRewriter(services).rewrite(Map.of("REDIS_HOST", "redis", "MODE", "redis"),
        "elsewhere");
    assertThat(out).containsEntry("REDIS_HOST", "redis").containsEntry("MODE", "redis");
  }
}
