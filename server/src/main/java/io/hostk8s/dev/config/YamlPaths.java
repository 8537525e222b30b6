package io.hostk8s.dev.config;

/** Dotted YAML paths as used in {@link ConfigProblem#path()}: {@code services.vote.sync[0].from}. */
public final class YamlPaths {
  private YamlPaths() {}

  public static String child(String parent, String name) {
    return parent.isEmpty() ? name : parent + "." + name;
  }

  public static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /** The parent path, or "" for a top-level key or the root. */
  public static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut < 0 ? "" : path.substring(0, cut);
  }
}
