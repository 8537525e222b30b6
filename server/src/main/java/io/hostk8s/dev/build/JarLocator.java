package io.hostk8s.dev.build;

import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the runnable jar of a Maven service for Jib: {@code target/<image name>.jar} (the worker's
 * {@code hostk8s-worker.jar}), else the only jar in {@code target/} whose manifest names a Main-Class.
 */
public final class JarLocator {
  private JarLocator() {}

  /** True when the context is a Maven project (it has a pom.xml), i.e. a candidate for Jib. */
  public static boolean isMavenProject(Path context) {
    return Files.isRegularFile(context.resolve("pom.xml"));
  }

  public static Path find(String service, Path context, String imageName) {
    Path target = context.resolve("target");
    String base = imageName.substring(imageName.lastIndexOf('/') + 1);
    Path named = target.resolve(base + ".jar");
    if (Files.isRegularFile(named)) {
      return named;
    }
    List<Path> runnable = List.of();
    if (Files.isDirectory(target)) {
      try (Stream<Path> files = Files.list(target)) {
        runnable = files.filter(p -> p.getFileName().toString().endsWith(".jar")).filter(JarLocator::hasMainClass).sorted().toList();
      } catch (IOException e) {
        runnable = List.of();
      }
    }
    if (runnable.size() == 1) {
      return runnable.get(0);
    }
    throw new HostK8sException(ErrorCode.JAR_MISSING,
        "No runnable jar for " + service + ": expected " + named + (runnable.isEmpty() ? "" : " (found several: " + runnable + ")") + ".",
        List.of("Build it first: `mvn -q -f " + context.resolve("pom.xml") + " -DskipTests package`.",
            "Or build the service from its Dockerfile (the build's `useDockerfile` option)."),
        true, null);
  }

  private static boolean hasMainClass(Path jar) {
    try (JarFile jf = new JarFile(jar.toFile())) {
      return jf.getManifest() != null && jf.getManifest().getMainAttributes().getValue("Main-Class") != null;
    } catch (IOException e) {
      return false;
    }
  }
}
