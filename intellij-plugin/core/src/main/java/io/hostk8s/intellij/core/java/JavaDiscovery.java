package io.hostk8s.intellij.core.java;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds a Java ≥ 17 for the server, with the same rules and messages as the VS Code extension plus the IDE's own
 * runtime: the {@code hostk8s.java.home} setting → JAVA_HOME → the IDE's JBR (only if ≥ 17) → {@code java} on PATH.
 */
public final class JavaDiscovery {
  public static final int MIN_JAVA = 17;
  public static final String SETTING = "hostk8s.java.home";
  /** The source name of the IDE's own runtime. */
  public static final String IDE_RUNTIME = "IDE runtime";

  /** What is searched: the setting (may be blank), the environment, the IDE's {@code java.home}, how to run java. */
  public record Input(String setting, Map<String, String> env, Path ideJavaHome, boolean windows,
      Function<Path, JavaVersion.Result> version) {
    public static Input of(String setting, Map<String, String> env, Path ideJavaHome) {
      return new Input(setting, env, ideJavaHome, System.getProperty("os.name", "").startsWith("Windows"),
          java -> JavaVersion.run(java, 20));
    }
  }

  /** Found: the executable, its major version and where it came from. */
  public record Found(Path java, int major, String source) {}

  /** Not found: each candidate's problem and the fix. */
  public record NotFound(List<String> problems, String fix) {
    public String message() {
      return "HostK8s needs Java " + MIN_JAVA + " or newer. " + String.join("; ", problems) + ". Fix: " + fix;
    }
  }

  private JavaDiscovery() {}

  public static Path javaInHome(Path home, boolean windows) {
    return home.resolve("bin").resolve(windows ? "java.exe" : "java");
  }

  /** Either {@link Found} or {@link NotFound}. */
  public static Object find(Input in) {
    List<String> problems = new ArrayList<>();
    String setting = in.setting() == null ? "" : in.setting().trim();
    if (!setting.isEmpty()) {
      Found f = check(in, javaInHome(Path.of(setting), in.windows()), SETTING, problems);
      if (f != null) {
        return f;
      }
    }
    String javaHome = in.env().getOrDefault("JAVA_HOME", "").trim();
    if (!javaHome.isEmpty()) {
      Found f = check(in, javaInHome(Path.of(javaHome), in.windows()), "JAVA_HOME", problems);
      if (f != null) {
        return f;
      }
    }
    if (in.ideJavaHome() != null) {
      Found f = check(in, javaInHome(in.ideJavaHome(), in.windows()), IDE_RUNTIME, problems);
      if (f != null) {
        return f;
      }
    }
    Path onPath = onPath(in);
    if (onPath != null) {
      Found f = check(in, onPath, "PATH", problems);
      if (f != null) {
        return f;
      }
    } else {
      problems.add("PATH: no java executable");
    }
    return new NotFound(problems, "Install a JDK " + MIN_JAVA + " or newer (e.g. `apt-get install openjdk-17-jre-headless` or "
        + "https://adoptium.net) and set \"" + SETTING + "\" (Settings → Tools → HostK8s) to its directory.");
  }

  private static Path onPath(Input in) {
    String path = in.env().getOrDefault("PATH", in.env().getOrDefault("Path", ""));
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir).resolve(in.windows() ? "java.exe" : "java");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static Found check(Input in, Path java, String source, List<String> problems) {
    if (!Files.exists(java)) {
      problems.add(source + ": " + java + " does not exist");
      return null;
    }
    JavaVersion.Result v = in.version().apply(java);
    if (v.major() == null) {
      problems.add(source + ": could not run " + java + " -version (" + v.error() + ")");
      return null;
    }
    if (v.major() < MIN_JAVA) {
      problems.add(source + ": " + java + " is Java " + v.major() + ", " + MIN_JAVA + " or newer is needed");
      return null;
    }
    return new Found(java, v.major(), source);
  }
}
