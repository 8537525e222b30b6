package io.hostk8s.intellij.core.debug;

import com.google.gson.JsonElement;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.intellij.core.json.Json;
import java.util.List;
import java.util.Optional;

/**
 * A service's debugger as the effective configuration says ({@code hostk8s.config.show}: {@code
 * config.services.<name>.debug} with {@code runtime} and {@code port}), so the plugin picks IntelliJ's Java debugger
 * for a {@code java} service and the server's adapter for the others, and forwards the right JDWP port.
 */
public record ServiceDebug(String service, String runtime, int port) {
  public static final String JAVA = "java";

  public static String command() {
    return CommandIds.CONFIG_SHOW;
  }

  public static List<Object> arguments() {
    return List.of();
  }

  /** The service's debug entry from the {@code hostk8s.config.show} answer (untyped, numbers as Double). */
  public static Optional<ServiceDebug> of(Object configShow, String service) {
    JsonElement debug = Json.at(configShow, "config.services." + service + ".debug");
    String runtime = Json.string(debug, "runtime");
    JsonElement port = Json.at(debug, "port");
    if (runtime == null || !port.isJsonPrimitive() || !port.getAsJsonPrimitive().isNumber()) {
      return Optional.empty();
    }
    return Optional.of(new ServiceDebug(service, runtime, port.getAsInt()));
  }

  public boolean isJava() {
    return JAVA.equals(runtime);
  }

  /** The forward IntelliJ's Remote JVM Debug attaches through. */
  public JdwpForward jdwpForward() {
    return new JdwpForward(service, port);
  }
}
