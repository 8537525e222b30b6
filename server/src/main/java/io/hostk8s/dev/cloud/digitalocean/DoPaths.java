package io.hostk8s.dev.cloud.digitalocean;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Path segments from ids and names, percent-encoded (ids are UUIDs and names {@code [a-z0-9-]}, but never trust that). */
final class DoPaths {
  private DoPaths() {}

  static String seg(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("empty path segment");
    }
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
