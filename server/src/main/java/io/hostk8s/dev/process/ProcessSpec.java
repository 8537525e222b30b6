package io.hostk8s.dev.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** An external command to run: argv, working directory and extra environment. */
public record ProcessSpec(List<String> command, Path directory, Map<String, String> env) {
  public ProcessSpec {
    command = List.copyOf(command);
    env = env == null ? Map.of() : Map.copyOf(env);
  }

  public static ProcessSpec of(Path directory, String... command) {
    return new ProcessSpec(List.of(command), directory, Map.of());
  }
}
