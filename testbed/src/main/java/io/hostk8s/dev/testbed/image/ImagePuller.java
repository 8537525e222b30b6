package io.hostk8s.dev.testbed.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The kubelet's image pulls, reduced to what the sandbox runs: an image's app dir (the config's {@code WorkingDir},
 * else the recipe's container path) as the image's layers make it, in {@link RegistryAccess#cacheDir()}:
 * {@code layers/<digest>@<dir>} (one layer's part under that dir and its whiteouts) and {@code apps/<digest>@<dir>}
 * (the layers stacked), each written once under a temporary name and moved into place. Pulls run off the caller's
 * thread; a failed pull is the answer for {@link #RETRY_AFTER}, then the next ask pulls again.
 */
public final class ImagePuller implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ImagePuller.class.getName());
  /** How long a failed pull is the answer before the next ask pulls again. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private final RegistryAccess access;
  private final Map<String, CompletableFuture<Path>> pulls = new ConcurrentHashMap<>();
  private final Map<String, Object> layerLocks = new ConcurrentHashMap<>();
  private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "sandbox-image-pull");
    t.setDaemon(true);
    return t;
  });

  public ImagePuller(RegistryAccess access) {
    this.access = access;
  }

  /** True when this kubelet pulls {@code image} (its registry is one of {@link RegistryAccess#hosts()}). */
  public boolean pulls(String image) {
    return access.pullsFrom(ImageReference.parse(image));
  }

  /** The host dir holding the image's app dir; {@code containerPath} is used when the image sets no WORKDIR. */
  public CompletableFuture<Path> appDir(String image, String containerPath) {
    String key = image + "|" + containerPath;
    CompletableFuture<Path> f = pulls.computeIfAbsent(key,
        k -> CompletableFuture.supplyAsync(() -> pull(ImageReference.parse(image), containerPath), executor));
    f.whenComplete((p, e) -> {
      if (e != null) { // the failure stands for a while (the kubelet shows it), then the next ask pulls again
        CompletableFuture.delayedExecutor(RETRY_AFTER.toMillis(), TimeUnit.MILLISECONDS)
            .execute(() -> pulls.remove(key, f));
      }
    });
    return f;
  }

  private Path pull(ImageReference ref, String containerPath) {
    try {
      long t0 = System.nanoTime();
      RegistryClient registry = new RegistryClient(ref, access.credentials().apply(ref));
      RegistryClient.Image image = registry.resolve();
      String dir = image.workingDir().isBlank() || image.workingDir().equals("/") ? containerPath : image.workingDir();
      Path inImage = LayerUnpacker.safePath(dir, image.digest());
      String slug = inImage.toString().replace('/', '_');
      Path app = access.cacheDir().resolve("apps").resolve(name(image.digest()) + "@" + slug);
      if (!Files.isDirectory(app)) {
        Path tmp = Files.createTempDirectory(Files.createDirectories(access.cacheDir().resolve("apps")), ".tmp-");
        for (RegistryClient.Layer layer : image.layers()) {
          LayerMerge.apply(layer(registry, layer, inImage, slug), tmp);
        }
        moveIntoPlace(tmp, app);
      }
      LOG.info(() -> "pulled " + ref + " (" + image.digest() + "): " + dir + " in "
          + (System.nanoTime() - t0) / 1_000_000 + " ms");
      return app;
    } catch (IOException e) {
      throw new CompletionException(e);
    } catch (UncheckedIOException e) {
      throw new CompletionException(e.getCause());
    }
  }

  /** One layer's part under the app dir, unpacked once: concurrent pulls sharing a layer (the base) wait for it. */
  private Path layer(RegistryClient registry, RegistryClient.Layer layer, Path inImage, String slug) throws IOException {
    Path unpacked = access.cacheDir().resolve("layers").resolve(name(layer.digest()) + "@" + slug);
    synchronized (layerLocks.computeIfAbsent(unpacked.toString(), k -> new Object())) {
      return Files.isDirectory(unpacked) ? unpacked : unpackLayer(registry, layer, inImage, unpacked);
    }
  }

  private Path unpackLayer(RegistryClient registry, RegistryClient.Layer layer, Path inImage, Path unpacked)
      throws IOException {
    Path layers = Files.createDirectories(access.cacheDir().resolve("layers"));
    Path blob = Files.createTempFile(layers, ".blob-", "");
    Path tmp = Files.createTempDirectory(layers, ".tmp-");
    try {
      registry.download(layer.digest(), blob);
      new LayerUnpacker(inImage).unpack(blob, layer.digest(), tmp);
      moveIntoPlace(tmp, unpacked);
      return unpacked;
    } finally {
      Files.deleteIfExists(blob);
      if (Files.exists(tmp)) {
        LayerMerge.delete(tmp);
      }
    }
  }

  private static void moveIntoPlace(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException raced) { // rename(2) onto a non-empty dir: ENOTEMPTY, reported as a FileSystemException
      if (!Files.isDirectory(target)) {
        throw raced;
      }
      LayerMerge.delete(tmp); // another pull of the same digest got there first: the same content
    }
  }

  private static String name(String digest) {
    return digest.replace(':', '-');
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
