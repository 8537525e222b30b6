package io.hostk8s.dev.testbed;

import io.hostk8s.dev.testbed.kubelet.PodFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects a started {@link Sandbox} into test (or lifecycle) method parameters; it is closed, and its state dir
 * removed, when the scope that asked for it ends (the test method, or the class for {@code @BeforeAll}).
 * Workspace: system property {@code hostk8s.workspace}, else the nearest ancestor of the working dir that holds
 * {@code voting-app/} or {@code .git}.
 */
public final class SandboxExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SandboxExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext pc, ExtensionContext ec) {
    return pc.getParameter().getType() == Sandbox.class;
  }

  @Override
  public Object resolveParameter(ParameterContext pc, ExtensionContext ec) {
    return ec.getStore(NS).getOrComputeIfAbsent("sandbox", k -> new Handle(), Handle.class).sandbox;
  }

  /** Closed by JUnit with its store. */
  private static final class Handle implements AutoCloseable {
    final Path state;
    final Sandbox sandbox;

    Handle() {
      try {
        state = Files.createTempDirectory("hostk8s-sandbox-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      sandbox = Sandbox.start(SandboxOptions.of(workspace(), state));
    }

    @Override
    public void close() {
      sandbox.close();
      PodFiles.deleteTree(state);
    }
  }

  static Path workspace() {
    String prop = System.getProperty("hostk8s.workspace");
    if (prop != null) {
      return Path.of(prop).toAbsolutePath();
    }
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("voting-app")) || Files.exists(p.resolve(".git"))) {
        return p;
      }
    }
    return dir;
  }
}
