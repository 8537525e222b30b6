package io.hostk8s.dev.testbed.registry;

import io.hostk8s.dev.testbed.net.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A real OCI registry that wants credentials: Debian's {@code docker-registry} (distribution 2.8) on
 * {@code 127.0.0.1:<free port>}, plain HTTP, filesystem storage under {@code dir}, htpasswd (bcrypt) auth with one
 * random user and password. Never the packaged /etc config. {@link #close()} stops it; the data stays in {@code dir}.
 */
public final class AuthRegistry implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(AuthRegistry.class.getName());
  static final List<String> BINARIES = List.of("/usr/bin/docker-registry", "/usr/sbin/docker-registry");

  private final Process process;
  private final int port;
  private final String user;
  private final String password;
  private final RegistryContents contents;

  private AuthRegistry(Process process, int port, String user, String password) {
    this.process = process;
    this.port = port;
    this.user = user;
    this.password = password;
    this.contents = new RegistryContents("http://" + host(), user, password);
  }

  /** The docker-registry binary, if installed (Debian package {@code docker-registry}). */
  public static Optional<Path> binary() {
    return BINARIES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
  }

  /** Starts it and waits until {@code /v2/} answers (401 without credentials, 200 with). */
  public static AuthRegistry start(Path dir) {
    Path binary = binary().orElseThrow(() -> new IllegalStateException(
        "docker-registry is not installed (apt-get install docker-registry; make setup installs it for tests)"));
    try {
      Files.createDirectories(dir.resolve("data"));
      String user = "u" + random(4);
      String password = random(16);
      Path htpasswd = dir.resolve("htpasswd");
      Files.writeString(htpasswd, Htpasswd.line(user, password));
      Files.setPosixFilePermissions(htpasswd, PosixFilePermissions.fromString("rw-------"));
      int port = FreePorts.allocate();
      Path config = dir.resolve("registry.yml");
      Files.writeString(config, """
          version: 0.1
          log: { level: warn, accesslog: { disabled: true } }
          storage:
            filesystem: { rootdirectory: %s }
            delete: { enabled: true }
          auth:
            htpasswd: { realm: hostk8s-test-registry, path: %s }
          http:
            addr: 127.0.0.1:%d
          """.formatted(dir.resolve("data"), htpasswd, port));
      Path logFile = dir.resolve("registry.log");
      Process p = new ProcessBuilder(binary.toString(), "serve", config.toString())
          .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
      AuthRegistry registry = new AuthRegistry(p, port, user, password);
      registry.awaitReady(logFile);
      LOG.info(() -> "auth registry serving on " + registry.host() + " (data in " + dir + ")");
      return registry;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start docker-registry: " + e.getMessage(), e);
    }
  }

  private void awaitReady(Path logFile) throws IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (contents.ping() != 200) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        close();
        throw new IllegalStateException("docker-registry did not start: " + Files.readString(logFile));
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new IllegalStateException("interrupted while starting docker-registry");
      }
    }
  }

  /** {@code 127.0.0.1:<port>}: the registry host of image references and of docker-credentials' {@code auths}. */
  public String host() {
    return "127.0.0.1:" + port;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  /** {@code user:password}, as docker-credentials carries it (base64-encoded). */
  public String userColonPassword() {
    return user + ":" + password;
  }

  /** What the registry holds, read with its credentials. */
  public RegistryContents contents() {
    return contents;
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "AuthRegistry[" + host() + ", user=" + user + "]"; // never the password
  }

  private static String random(int bytes) {
    byte[] b = new byte[bytes];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
