package io.hostk8s.dev.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How {@code hostk8s.run.local} runs a service on the host, against the cluster's dependencies (forwarded):
 * {@code command} (placeholders {@code {python}}, {@code {port}}, {@code {debugPort}}, {@code {<dep>.host}},
 * {@code {<dep>.port}}), the interpreter for {@code {python}} (null: {@code $HOSTK8S_PYTHON}, else {@code python3}),
 * the working directory relative to the service context, extra environment (same placeholders; wins over the
 * Deployment's env), the services to forward first, and fixed ports (null: a stable free port).
 */
public record LocalRunConfig(
    List<String> command, String python, String cwd, Map<String, String> env, List<String> dependencies, Integer port, Integer debugPort) {

  public LocalRunConfig {
    command = command == null ? List.of() : List.copyOf(command);
    env = env == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(env));
    dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
    cwd = cwd == null ? "." : cwd;
  }

  /**
   * vote: under debugpy, served by the app's devserver.py (reloads in place on save, the debugger stays attached to
   * its worker process; the DAP side follows debugpy's child session), Redis forwarded.
   */
  public static LocalRunConfig vote() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("FLASK_APP", "app");
    env.put("PYTHONUNBUFFERED", "1");
    env.put("PYTHONDONTWRITEBYTECODE", "1");
    env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
    env.put("REDIS_HOST", "{redis.host}");
    env.put("REDIS_PORT", "{redis.port}");
    return new LocalRunConfig(List.of("{python}", "-m", "debugpy", "--listen", "127.0.0.1:{debugPort}", "devserver.py",
        "--host", "127.0.0.1", "--port", "{port}"), null, ".", env, List.of("redis"), null, null);
  }
}
