package io.hostk8s.dev.cli;

import java.nio.file.Path;
import java.util.Map;

/** Test helper for other packages: runs `status --json` through the real jar. */
public final class CliProbe {
  private CliProbe() {}

  public static String statusJson(Path workspace) throws Exception {
    CliRunner r = CliRunner.run(workspace, Map.of(), "status", "--json");
    if (r.exit() != 0) {
      throw new AssertionError("status failed: " + r.err());
    }
    return r.out();
  }
}
