package io.hostk8s.dev.cloud.publish;

import io.hostk8s.dev.build.PodmanEngine;
import io.hostk8s.dev.cloud.digitalocean.DigitalOcean;
import io.hostk8s.dev.cloud.digitalocean.DoApiConfig;
import io.hostk8s.dev.testbed.digitalocean.DigitalOceanStandIn;
import io.hostk8s.dev.testbed.digitalocean.DigitalOceanStandInOptions;
import io.hostk8s.dev.testbed.prism.Prism;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What every whole-publish IT starts once per class: the DigitalOcean stand-in (clusters provision in 1 s, a
 * registry that wants the docker-credentials' password) behind Prism's validating proxy of DigitalOcean's spec, a
 * Podman engine that may push to that registry, and an audit client that talks to the stand-in directly.
 * Register it with {@code @RegisterExtension static final PublishStandIn cloud = new PublishStandIn(TOKEN, o -> o)}.
 */
public final class PublishStandIn implements BeforeAllCallback, AfterAllCallback {
  private final String token;
  private final UnaryOperator<DigitalOceanStandInOptions> options;
  private Path dir;
  private DigitalOceanStandIn standIn;
  private Prism prism;
  private PodmanEngine podman;
  private DigitalOcean audit;

  public PublishStandIn(String token, UnaryOperator<DigitalOceanStandInOptions> options) {
    this.token = token;
    this.options = options;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    dir = Files.createTempDirectory("publish-standin-");
    standIn = DigitalOceanStandIn.start(options.apply(DigitalOceanStandInOptions.of(repo(), dir.resolve("do"))
        .withProvisionSeconds(1).withAuthRegistry(true)));
    prism = Prism.proxy(standIn.baseUrl());
    podman = PodmanEngine.start(dir.resolve("podman"), standIn.authRegistry().orElseThrow().host());
    audit = DigitalOcean.connect(DoApiConfig.defaults(standIn.baseUrl(), () -> Optional.of(token)));
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try (AutoCloseable a = audit; AutoCloseable p = podman; AutoCloseable x = prism; AutoCloseable s = standIn) {
      // closed in reverse order
    } finally {
      deleteQuietly(dir);
    }
  }

  public static Path repo() {
    return Path.of("..").toAbsolutePath().normalize();
  }

  public DigitalOceanStandIn standIn() {
    return standIn;
  }

  public Prism prism() {
    return prism;
  }

  public PodmanEngine podman() {
    return podman;
  }

  public DigitalOcean audit() {
    return audit;
  }

  /** The CA the stand-in's cert-manager issues from for {@code clusterId} (a test's HOSTK8S_CA_FILE). */
  public Path caFile(String clusterId) {
    return dir.resolve("do/clusters").resolve(clusterId).resolve("ca.pem");
  }

  /** Podman's environment, the token and a HOME inside the workspace: the environment of a publish command. */
  public Map<String, String> env(Path root) {
    Map<String, String> env = new HashMap<>(podman.env());
    env.put("DIGITALOCEAN_ACCESS_TOKEN", token);
    env.put("HOME", root.resolve("home").toString());
    return env;
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException e) {
      // best effort: a leftover temporary directory is harmless
    }
  }
}
