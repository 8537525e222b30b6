package io.hostk8s.dev.testbed.kubelet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Builds the host command line that runs a command "inside a container": with root, a private mount namespace
 * ({@code unshare -m}) bind-mounts each host dir on its container path; without it, container path prefixes in the
 * arguments, the environment and the working directory are replaced by their host dirs.
 */
public final class ContainerLauncher {

  private static final Logger LOG = Logger.getLogger(ContainerLauncher.class.getName());
  private static volatile Boolean namespacesWork;

  private final Map<String, Path> mounts;
  private final String workingDir;

  /** @param mounts container path to host dir; @param workingDir container path or null */
  public ContainerLauncher(Map<String, Path> mounts, String workingDir) {
    this.mounts = new LinkedHashMap<>(mounts);
    this.workingDir = workingDir;
  }

  /** System property forcing the non-root fallback (path substitution), for tests of that path. */
  public static final String FORCE_SUBSTITUTION = "hostk8s.testbed.pathSubstitution";

  public static boolean mountNamespacesAvailable() {
    if (Boolean.getBoolean(FORCE_SUBSTITUTION)) {
      return false;
    }
    if (namespacesWork == null) {
      namespacesWork = probe();
    }
    return namespacesWork;
  }

  /** Prepares {@code pb} to run {@code command} with {@code env}; {@code hostCwd} is used when nothing maps. */
  public ProcessBuilder prepare(List<String> command, Map<String, String> env, Path hostCwd) throws IOException {
    ProcessBuilder pb = new ProcessBuilder();
    pb.environment().clear();
    pb.directory(hostCwd.toFile());
    if (mountNamespacesAvailable()) {
      pb.environment().putAll(env);
      pb.command(namespaced(command));
    } else {
      PathSubstitution subst = new PathSubstitution(mounts);
      env.forEach((k, v) -> pb.environment().put(k, subst.apply(v)));
      List<String> cmd = new ArrayList<>();
      command.forEach(a -> cmd.add(subst.apply(a)));
      pb.command(cmd);
      if (workingDir != null) {
        Path wd = Path.of(subst.apply(workingDir));
        if (Files.isDirectory(wd)) {
          pb.directory(wd.toFile());
        }
      }
    }
    return pb;
  }

  private List<String> namespaced(List<String> command) throws IOException {
    StringBuilder script = new StringBuilder("set -e; ");
    for (Map.Entry<String, Path> m : mounts.entrySet()) {
      Files.createDirectories(m.getValue());
      MountPoints.ensure(Path.of(m.getKey()));
      script.append("mount --bind ").append(quote(m.getValue().toString())).append(' ')
          .append(quote(m.getKey())).append("; ");
    }
    if (workingDir != null) {
      script.append("mkdir -p ").append(quote(workingDir)).append(" 2>/dev/null || true; cd ")
          .append(quote(workingDir)).append("; ");
    }
    script.append("exec \"$@\"");
    List<String> cmd = new ArrayList<>(List.of("unshare", "-m", "--propagation", "private", "--",
        "/bin/sh", "-c", script.toString(), "sh"));
    cmd.addAll(command);
    return cmd;
  }

  static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private static boolean probe() {
    if (!"root".equals(System.getProperty("user.name"))) {
      return false;
    }
    try {
      Process p = new ProcessBuilder("unshare", "-m", "--propagation", "private", "--", "true")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      boolean ok = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
      LOG.info(() -> "private mount namespaces " + (ok ? "available" : "unavailable: using path substitution"));
      return ok;
    } catch (IOException | InterruptedException e) {
      LOG.log(Level.INFO, "unshare not usable, using path substitution", e);
      return false;
    }
  }
}
