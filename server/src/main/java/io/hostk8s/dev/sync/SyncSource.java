package io.hostk8s.dev.sync;

import java.nio.file.Path;

/**
 * One sync rule of a service, resolved: the local directory ({@code root} = context + {@code from}), the checked
 * container directory {@code to}, and the rule's ignore model. {@code index} is the rule's position in the config.
 */
public record SyncSource(int index, Path root, String to, IgnoreModel ignore) {
  /** The container path of a root-relative path. */
  public String target(String rel) {
    return SyncPaths.target(to, rel);
  }

  /** The root-relative path of a container path under {@code to}, or null when it is not below it. */
  public String relativeOf(String target) {
    String base = to.replaceAll("/+$", "") + "/";
    return target.startsWith(base) && target.length() > base.length() ? target.substring(base.length()) : null;
  }
}
