package io.hostk8s.dev.testbed.image;

import static io.hostk8s.dev.testbed.image.OciImages.Entry.file;
import static io.hostk8s.dev.testbed.image.OciImages.Entry.symlink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hostk8s.dev.testbed.Tools;
import io.hostk8s.dev.testbed.registry.AuthRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kubelet's pull of an app dir from a real registry (Debian's docker-registry with credentials): OCI index and
 * Docker v2 manifests, the config's WORKDIR, whiteouts and opaque dirs of a later layer, the layer cache by digest,
 * 401 without pull access, and layers that try to write outside the app dir (refused, nothing written there).
 */
class ImagePullerTest {
  @TempDir
  static Path dir;
  private static AuthRegistry registry;
  private static OciImages images;

  @BeforeAll
  static void start() {
    Tools.require(AuthRegistry.binary().orElse(Path.of("/usr/bin/docker-registry")));
    registry = AuthRegistry.start(dir.resolve("registry"));
    images = new OciImages(registry);
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.close();
    }
  }

  private ImagePuller puller(Path cache, boolean credentials) {
    return new ImagePuller(new RegistryAccess(Set.of(registry.host()),
        ref -> credentials ? Optional.of(registry.userColonPassword()) : Optional.empty(), cache));
  }

  private static Path await(CompletableFuture<Path> pull) throws Exception {
    return pull.get(60, java.util.concurrent.TimeUnit.SECONDS);
  }

  @Test
  void theAppDirIsTheWorkdirOfTheStackedLayersWithTheirWhiteouts() throws Exception {
    byte[] base = OciImages.layer(List.of(file("etc/passwd", "root:x:0:0"), file("usr/local/app/app.py", "v1"),
        file("usr/local/app/old.txt", "old"), file("usr/local/app/sub/x.txt", "x"), file("usr/local/app/keep.txt", "k")));
    byte[] change = OciImages.layer(List.of(file("usr/local/app/.wh.old.txt", ""),
        file("usr/local/app/sub/.wh..wh..opq", ""), file("usr/local/app/sub/y.txt", "y"),
        file("usr/local/app/app.py", "v2"), symlink("usr/local/app/conf", "/etc")));
    images.push("reg/app", "oci", "/usr/local/app", true, List.of(base, change));
    Path cache = dir.resolve("cache");
    try (ImagePuller puller = puller(cache, true)) {
      String image = registry.host() + "/reg/app:oci";
      assertThat(puller.pulls(image)).isTrue();
      assertThat(puller.pulls("docker.io/library/redis:7")).isFalse();
      Path app = await(puller.appDir(image, "/ignored-the-image-has-a-workdir"));
      assertThat(Files.readString(app.resolve("app.py"))).isEqualTo("v2");
      assertThat(Files.readString(app.resolve("keep.txt"))).isEqualTo("k");
      assertThat(app.resolve("old.txt")).as("whiteout").doesNotExist();
      assertThat(app.resolve("sub/x.txt")).as("opaque dir").doesNotExist();
      assertThat(Files.readString(app.resolve("sub/y.txt"))).isEqualTo("y");
      assertThat(Files.readSymbolicLink(app.resolve("conf"))).isEqualTo(Path.of("/etc"));
      assertThat(app.resolve("passwd")).doesNotExist();
      try (Stream<Path> layers = Files.list(cache.resolve("layers"))) {
        assertThat(layers.map(p -> p.getFileName().toString()))
            .containsExactlyInAnyOrder(name(base) + "@usr_local_app", name(change) + "@usr_local_app");
      }
    }
  }

  @Test
  void aDockerV2ManifestWithoutWorkdirGivesTheRecipesPathAndTheCacheServesTheNextPull() throws Exception {
    byte[] only = OciImages.layer(List.of(file("srv/web/index.html", "hello")));
    images.push("reg/web", "v2", null, false, List.of(only));
    Path cache = dir.resolve("cache-v2");
    String image = registry.host() + "/reg/web:v2";
    Path first;
    try (ImagePuller puller = puller(cache, true)) {
      first = await(puller.appDir(image, "/srv/web"));
      assertThat(Files.readString(first.resolve("index.html"))).isEqualTo("hello");
    }
    Path blobs = dir.resolve("registry/data/docker/registry/v2/blobs");
    Path layerBlob = blobs.resolve("sha256").resolve(name(only).substring(7, 9)).resolve(name(only).substring(7));
    assertThat(layerBlob).exists();
    LayerMerge.delete(layerBlob); // the cache must not need it again
    try (ImagePuller again = puller(cache, true)) {
      assertThat(await(again.appDir(image, "/srv/web"))).isEqualTo(first);
    }
  }

  @Test
  void twoImagesOnOneBaseLayerPulledAtOnceBothArrive() throws Exception {
    byte[] base = OciImages.layer(List.of(file("usr/local/app/shared.txt", "base")));
    images.push("reg/one", "1", "/usr/local/app", false,
        List.of(base, OciImages.layer(List.of(file("usr/local/app/n", "1")))));
    images.push("reg/two", "1", "/usr/local/app", true,
        List.of(base, OciImages.layer(List.of(file("usr/local/app/n", "2")))));
    try (ImagePuller puller = puller(dir.resolve("cache-shared"), true)) {
      CompletableFuture<Path> one = puller.appDir(registry.host() + "/reg/one:1", "/usr/local/app");
      CompletableFuture<Path> two = puller.appDir(registry.host() + "/reg/two:1", "/usr/local/app");
      assertThat(Files.readString(await(one).resolve("n"))).isEqualTo("1");
      assertThat(Files.readString(await(two).resolve("n"))).isEqualTo("2");
      assertThat(Files.readString(await(two).resolve("shared.txt"))).isEqualTo("base");
    }
  }

  @Test
  void withoutPullAccessTheRegistrysRefusalIsTheReason() {
    try (ImagePuller anonymous = puller(dir.resolve("cache-anon"), false);
         ImagePuller withAccess = puller(dir.resolve("cache-none"), true)) {
      assertThatThrownBy(() -> anonymous.appDir(registry.host() + "/reg/app:oci", "/usr/local/app").join())
          .isInstanceOf(CompletionException.class).hasMessageContaining("unauthorized");
      assertThatThrownBy(() -> withAccess.appDir(registry.host() + "/reg/none:1", "/a").join())
          .hasMessageContaining("not found");
    }
  }

  @Test
  void layersThatReachOutsideTheAppDirAreRefusedAndWriteNothingThere() throws Exception {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    byte[] escape = OciImages.layer(List.of(file("usr/local/app/ok.txt", "ok"), file("../../escaped.txt", "no")));
    images.push("reg/escape", "1", "/usr/local/app", false, List.of(escape));
    byte[] throughLink = OciImages.layer(List.of(symlink("usr/local/app/out", outside.toString()),
        file("usr/local/app/out/evil.txt", "no")));
    images.push("reg/link", "1", "/usr/local/app", false, List.of(throughLink));
    try (ImagePuller puller = puller(dir.resolve("cache-evil"), true)) {
      assertThatThrownBy(() -> puller.appDir(registry.host() + "/reg/escape:1", "/usr/local/app").join())
          .hasMessageContaining("points outside the image: refused");
      assertThatThrownBy(() -> puller.appDir(registry.host() + "/reg/link:1", "/usr/local/app").join())
          .hasMessageContaining("symbolic link");
    }
    assertThat(outside.resolve("evil.txt")).doesNotExist();
    try (Stream<Path> all = Files.walk(dir)) {
      assertThat(all.filter(p -> p.getFileName().toString().equals("escaped.txt"))).isEmpty();
    }
  }

  private static String name(byte[] blob) {
    return OciImages.digest(blob).replace(':', '-');
  }
}
