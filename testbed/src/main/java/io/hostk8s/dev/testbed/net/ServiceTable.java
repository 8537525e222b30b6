package io.hostk8s.dev.testbed.net;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The kube-proxy's table as a file, for stand-in processes that route to Services at run time (the ingress
 * controller): {@value #FILE} in the sandbox's state dir, {@code {"<ns>/<name>": {"<service port>": <local port>}}},
 * rewritten (atomically) whenever a Service or one of its ports comes or goes.
 */
public final class ServiceTable {

  public static final String FILE = "services.json";
  private static final Logger LOG = Logger.getLogger(ServiceTable.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private Map<String, Map<Integer, Integer>> written;

  public ServiceTable(Path stateDir) {
    this.file = stateDir.resolve(FILE);
  }

  /** Writes {@code table} unless it is what was written last. */
  public void publish(Map<String, Map<Integer, Integer>> table) {
    if (table.equals(written)) {
      return;
    }
    try {
      Path tmp = file.resolveSibling(FILE + ".tmp");
      JSON.writeValue(tmp.toFile(), table);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      written = Map.copyOf(table);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot write " + file, e);
    }
  }
}
