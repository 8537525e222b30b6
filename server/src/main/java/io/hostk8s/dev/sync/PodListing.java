package io.hostk8s.dev.sync;

import java.util.HashMap;
import java.util.Map;

/** Parses the listing script's output: {@code @<target>} lines, then {@code <sha256>  ./<path>} lines below it. */
final class PodListing {
  private PodListing() {}

  static Map<String, String> parse(String out) {
    Map<String, String> files = new HashMap<>();
    String target = null;
    for (String line : out.split("\n")) {
      if (line.startsWith("@")) {
        target = line.substring(1).replaceAll("/+$", "");
      } else if (target != null && line.length() > 68 && line.charAt(64) == ' ' && line.startsWith("./", 66)
          && line.substring(0, 64).matches("[0-9a-f]{64}")) {
        String rel = line.substring(68);
        if (SyncPaths.checkRelative(rel).isEmpty()) {
          files.put(target + "/" + rel, line.substring(0, 64));
        }
      }
    }
    return files;
  }
}
