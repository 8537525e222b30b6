package io.hostk8s.dev.testbed.recipes;

/** Image reference helpers. */
public final class ImageNames {

  private ImageNames() {
  }

  /** {@code localhost:5000/hostk8s-vote:latest} → {@code hostk8s-vote}; {@code redis:7-alpine} → {@code redis}. */
  public static String repository(String image) {
    String s = image;
    int at = s.indexOf('@');
    if (at >= 0) {
      s = s.substring(0, at);
    }
    int slash = s.lastIndexOf('/');
    String last = slash >= 0 ? s.substring(slash + 1) : s;
    int colon = last.indexOf(':');
    return colon >= 0 ? last.substring(0, colon) : last;
  }
}
