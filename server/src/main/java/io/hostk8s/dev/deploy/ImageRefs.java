package io.hostk8s.dev.deploy;

/** Image reference parsing: {@code localhost:5000/hostk8s-vote:latest} → repository {@code hostk8s-vote}. */
public final class ImageRefs {
  private ImageRefs() {}

  /** The repository path without registry host, tag or digest. */
  public static String repository(String image) {
    if (image == null) {
      return "";
    }
    String s = image;
    int at = s.indexOf('@');
    if (at >= 0) {
      s = s.substring(0, at);
    }
    int slash = s.indexOf('/');
    if (slash > 0) {
      String first = s.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        s = s.substring(slash + 1);
      }
    }
    int colon = s.lastIndexOf(':');
    if (colon > s.lastIndexOf('/')) {
      s = s.substring(0, colon);
    }
    if (s.startsWith("library/")) {
      s = s.substring("library/".length());
    }
    return s;
  }

  /** True when {@code image} is an image of the configured repository {@code configured}. */
  public static boolean sameRepository(String image, String configured) {
    return configured != null && !configured.isBlank() && repository(image).equals(repository(configured));
  }
}
