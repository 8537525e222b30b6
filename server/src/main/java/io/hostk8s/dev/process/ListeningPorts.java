package io.hostk8s.dev.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a local TCP port is in LISTEN state, read from the kernel's socket tables ({@code /proc/net/tcp},
 * {@code /proc/net/tcp6}) — without connecting: the first connection to a debugger port (debugpy, JDWP) would
 * become its client.
 */
public final class ListeningPorts {
  private static final String LISTEN = "0A";

  private ListeningPorts() {}

  /** True/false from the socket tables; empty where there are none (not Linux). */
  public static Optional<Boolean> listening(int port) {
    String hex = String.format(Locale.ROOT, ":%04X", port);
    boolean anyTable = false;
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path p = Path.of(table);
      if (!Files.isReadable(p)) {
        continue;
      }
      anyTable = true;
      try {
        for (String line : Files.readAllLines(p)) {
          String[] f = line.trim().split("\\s+");
          if (f.length > 3 && f[1].endsWith(hex) && LISTEN.equals(f[3])) {
            return Optional.of(true);
          }
        }
      } catch (IOException e) {
        // table vanished: treat as not listening
      }
    }
    return anyTable ? Optional.of(false) : Optional.empty();
  }
}
